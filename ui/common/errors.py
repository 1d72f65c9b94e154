"""One error path: problems are shown as plain messages, never as tracebacks."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.store.database import is_damage
from models.store.files import create_private

translate = QCoreApplication.translate


def show_error(title: str, text: str, details: str = "") -> None:
    """A message box when there is a screen; stderr otherwise. Modal, waiting for OK: only
    for a desk that cannot start (nothing else is on screen to keep usable)."""
    if QApplication.instance() is None:
        print(f"{title}\n{text}\n{details}".rstrip(), file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setObjectName("errorBox")
    if details:
        box.setDetailedText(details)
    box.exec()


def damaged_texts() -> tuple[str, str]:
    """(title, text) telling the clerk the database file turned out damaged while in use."""
    return (translate("Errors", "The database file is damaged"),
            translate("Errors", "The desk met a damaged part of its database file, so what it "
                      "shows may be incomplete and what you just did may not have been saved. "
                      "Note what happens on paper, close the desk and restore the database "
                      "from a backup; ask support for help."))


def show_warning(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    """A warning that blocks nothing (usable from a coroutine); it closes with its parent."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setObjectName("warningBox")
    if details:
        box.setDetailedText(details)
    show_beside(box)
    return box


def show_beside(box: QMessageBox) -> None:
    """Shown, not modal (QMessageBox is modal by default, and open() blocks its window):
    while it is up the alarm is acknowledged and 110 / 119 / 120 are pressed and recorded."""
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()


def failure_texts(error: BaseException) -> tuple[str, str]:
    """(title, text) for a command that failed: nothing of it was kept."""
    if is_damage(error):
        return damaged_texts()
    return (translate("Errors", "Not saved"),
            translate("Errors", "This could not be saved: {0}\nNothing of it was recorded; the "
                      "screen shows what is stored. Note it on paper if it matters, and ask "
                      "support to check the database file.").format(
                          str(error) or type(error).__name__))


def show_failure(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """The one error path of the commands: a message that does not block (the desk keeps
    ticking and alarming); it closes with its parent."""
    title, text = failure_texts(error)
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setObjectName("errorBox")
    box.setDetailedText("".join(traceback.format_exception(error)))
    show_beside(box)
    return box


class ErrorNotice:
    """The box telling of an unexpected error while the desk runs. Not modal: while it is up
    the alarm is acknowledged and 110 / 119 / 120 are pressed and recorded. One box: an error
    repeated (a timer's slot failing each second) rewrites it instead of piling boxes up."""

    def __init__(self) -> None:
        self.box: QMessageBox | None = None

    def show(self, title: str, text: str, details: str = "") -> None:
        if QApplication.instance() is None:
            print(f"{title}\n{text}\n{details}".rstrip(), file=sys.stderr)
            return
        if self.box is None:
            self.box = QMessageBox(QMessageBox.Icon.Critical, title, text)
            self.box.setObjectName("errorBox")
        self.box.setWindowTitle(title)
        self.box.setText(text)
        self.box.setDetailedText(details)
        show_beside(self.box)
        self.box.raise_()


def install_excepthook(log_path: Path) -> None:
    """An unexpected error is written to a log and reported in words (never a traceback), in
    a box that blocks nothing; the program goes on."""
    notice = ErrorNotice()

    def hook(kind, value, tb) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            create_private(log_path)  # tracebacks may quote what the clerk typed
            with log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
        except OSError:
            pass
        print(text, file=sys.stderr)
        if is_damage(value):
            notice.show(*damaged_texts(), str(value))
            return
        notice.show(
            translate("Errors", "Something went wrong"),
            translate("Errors", "An unexpected error happened: {0}\nWhat was recorded is saved. "
                      "The details are in {1}; please pass them on to support.").format(
                          str(value) or kind.__name__, str(log_path)))

    sys.excepthook = hook
