"""The standard file dialogs, starting in the Documents folder; None when cancelled.

Screens take these as injectable callables, so tests answer them without a dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents() -> Path:
    """The Documents folder, or home when there is none (never the program's folder)."""
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    return folder if folder.is_dir() else Path.home()


def ask_save_file(parent: QWidget | None, title: str, suggested: str, suffix: str) -> Path | None:
    """A file to write, with `suffix` (".pdf", ".csv") added when the user left it out."""
    kind = suffix.lstrip(".").upper()
    name, _ = QFileDialog.getSaveFileName(parent, title, str(documents() / suggested),
                                          f"{kind} (*{suffix})")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_open_file(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(documents()), name_filter)
    return Path(name) if name else None
