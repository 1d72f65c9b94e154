"""The standard file dialogs, starting in the Documents folder.

A file dialog never blocks: it is not modal and has no event loop of its own, so while the
clerk looks for a folder the alarm is acknowledged and a click on 110 / 119 / 120 is recorded.
The file chosen comes back as a callback (`then(path)`); cancelling calls nothing. Screens take
these as injectable callables, so tests answer them without a dialog.

The dialogs never open the files they list. Qt's own dialog (Linux) reads the first bytes of
each file to choose its icon and type; opening and closing the database's files from inside
the desk releases SQLite's POSIX locks on them, and the next program that opened and closed
the database (the `export` command from cron, say) would then delete the write-ahead log the
desk is still writing to, and with it the latest records. Icons here come from the name only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QStandardPaths, Qt
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

Chosen = Callable[[Path], object]  # what to do with the file chosen


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
    # Qt's own dialog everywhere: Windows' native one disables its owner window while it is
    # open, and then a click on 110 / 119 / 120 under it would be lost.
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.icons = NameOnlyIcons()  # kept alive with the dialog
    dialog.setIconProvider(dialog.icons)
    # Qt's own Chinese (qtbase_zh_CN) leaves these two labels in English
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, QCoreApplication.translate("FileDialogs", "Look in:"))
    dialog.setLabelText(label.FileType,
                        QCoreApplication.translate("FileDialogs", "Files of type:"))
    return dialog


def already_open(parent: QWidget | None, title: str) -> QFileDialog | None:
    """The dialog of that title still open under `parent`, raised: asked again (a second
    click on "Export"), it is not opened twice."""
    if parent is None:
        return None
    for dialog in parent.findChildren(QFileDialog, "fileDialog",
                                      Qt.FindChildOption.FindDirectChildrenOnly):
        if dialog.isVisible() and dialog.windowTitle() == title:
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    return None


def show_file_dialog(dialog: QFileDialog, then: Chosen) -> QFileDialog:
    """Show it, not modal (QFileDialog.open() would block its window, the bar's), and call
    `then` with the file chosen; it is deleted once answered."""
    dialog.setObjectName("fileDialog")
    dialog.setWindowModality(Qt.WindowModality.NonModal)

    def answered(result: int) -> None:
        files = dialog.selectedFiles()
        dialog.deleteLater()
        if result == QFileDialog.DialogCode.Accepted and files:
            then(Path(files[0]))

    dialog.finished.connect(answered)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def ask_save_file(parent: QWidget | None, title: str, suggested: str, suffix: str,
                  then: Chosen) -> QFileDialog:
    """A file to write, with `suffix` (".pdf", ".csv") added when the user left it out."""
    if shown := already_open(parent, title):
        return shown
    kind = suffix.lstrip(".").upper()
    dialog = file_dialog(parent, title, documents() / suggested, f"{kind} (*{suffix})",
                         save=True)
    return show_file_dialog(dialog, lambda path: then(
        path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)))


def ask_open_file(parent: QWidget | None, title: str, name_filter: str,
                  then: Chosen) -> QFileDialog:
    if shown := already_open(parent, title):
        return shown
    return show_file_dialog(file_dialog(parent, title, documents(), name_filter, save=False),
                            then)
