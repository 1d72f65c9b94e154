"""The standard file dialogs, starting in the Documents folder; None when cancelled.

Screens take these as injectable callables, so tests answer them without a dialog.

The dialogs never open the files they list. Qt's own dialog (Linux) reads the first bytes of
each file to choose its icon and type; opening and closing the database's files from inside
the desk releases SQLite's POSIX locks on them, and the next program that opened and closed
the database (the `export` command from cron, say) would then delete the write-ahead log the
desk is still writing to, and with it the latest records. Icons here come from the name only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIcons(QFileIconProvider):
    """Folder or file, from the directory entry alone: no file is opened to guess its type."""

    def icon(self, what):
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType
            what = kind.Folder if what.isDir() else kind.File
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        return info.suffix().upper() or QCoreApplication.translate("FileDialogs", "File")


def documents() -> Path:
    """The Documents folder, or home when there is none (never the program's folder)."""
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    return folder if folder.is_dir() else Path.home()


def file_dialog(parent: QWidget | None, title: str, start: Path, name_filter: str,
                *, save: bool) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(start), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save
                         else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save
                       else QFileDialog.FileMode.ExistingFile)
    dialog.icons = NameOnlyIcons()  # kept alive with the dialog
    dialog.setIconProvider(dialog.icons)
    # Qt's own Chinese (qtbase_zh_CN) leaves these two labels in English
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, QCoreApplication.translate("FileDialogs", "Look in:"))
    dialog.setLabelText(label.FileType,
                        QCoreApplication.translate("FileDialogs", "Files of type:"))
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_save_file(parent: QWidget | None, title: str, suggested: str, suffix: str) -> Path | None:
    """A file to write, with `suffix` (".pdf", ".csv") added when the user left it out."""
    kind = suffix.lstrip(".").upper()
    dialog = file_dialog(parent, title, documents() / suggested, f"{kind} (*{suffix})",
                         save=True)
    path = _chosen(dialog)
    if path is None:
        return None
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_open_file(parent: QWidget | None, title: str, name_filter: str) -> Path | None:
    return _chosen(file_dialog(parent, title, documents(), name_filter, save=False))
