"""The file dialogs: the suffix added when left out, nothing on cancel, never modal, and never
a file opened behind the database's back."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel

from ui.common.file_dialogs import ask_open_file, ask_save_file, file_dialog


def answer(dialog: QFileDialog, path: Path | None) -> None:
    """The user picks `path`, or cancels (None)."""
    if path is None:
        dialog.reject()
        return
    dialog.selectFile(str(path))
    dialog.accept()


@pytest.mark.parametrize(("typed", "chosen"), [("通讯录", "通讯录.csv"), ("a.CSV", "a.CSV"),
                                               (None, None)])
def test_the_suffix_is_added_when_left_out(qtbot, tmp_path, typed, chosen):
    got = []
    dialog = ask_save_file(None, "t", "x.csv", ".csv", got.append)
    answer(dialog, typed and tmp_path / typed)
    assert got == ([tmp_path / chosen] if chosen else [])


def test_open_gives_the_file_or_nothing(qtbot, tmp_path):
    (tmp_path / "b.csv").write_text("x")
    got = []
    answer(ask_open_file(None, "t", "CSV (*.csv)", got.append), tmp_path / "b.csv")
    answer(ask_open_file(None, "t", "CSV (*.csv)", got.append), None)
    assert got == [tmp_path / "b.csv"]


def test_a_file_dialog_blocks_nothing_and_goes_once_answered(qtbot, tmp_path):
    """Not modal, no loop of its own: the call returns at once with the dialog shown; asked
    again under the same window it is raised, not doubled; answered, it is deleted."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = ask_save_file(window, "导出", "x.pdf", ".pdf", lambda path: None)
    assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.NonModal
    # Qt's own dialog on every platform: Windows' native one disables its owner window
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert QApplication.activeModalWidget() is None
    assert ask_save_file(window, "导出", "x.pdf", ".pdf", lambda path: None) is dialog
    assert len(window.findChildren(QFileDialog)) == 1
    dialog.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog) and window.findChildren(QFileDialog) == []


@pytest.mark.parametrize("save", [False, True])
def test_browsing_the_database_folder_keeps_every_record_visible(qtbot, tmp_path, save):
    """Opening and closing the database's files from inside the desk would drop SQLite's
    locks; another program closing the database then deletes the log the desk still writes
    to. The dialog lists the folder without opening a file, so every row stays."""
    from models.store.schema import open_database

    db = open_database(tmp_path / "desk.db")
    db.execute_sql("CREATE TABLE probe (n INTEGER)")
    db.execute_sql("INSERT INTO probe VALUES (1)")
    dialog = file_dialog(None, "t", tmp_path, "* (*)", save=save)  # every file listed
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the type column, as a user might
    qtbot.addWidget(dialog)
    model = dialog.findChild(QFileSystemModel)
    dialog.show()
    root = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) >= 3, timeout=10_000)  # db, -wal, -shm
    for row in range(model.rowCount(root)):  # what the list shows: each entry's type and icon
        entry = model.index(row, 0, root)
        model.type(entry)
        model.fileIcon(entry)
    dialog.close()
    count = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "print(c.execute('SELECT count(*) FROM probe').fetchone()[0]); c.close()")

    def seen_by_another_program() -> str:  # e.g. `export daily` run by the scheduler
        return subprocess.run([sys.executable, "-c", count, str(tmp_path / "desk.db")],
                              check=True, capture_output=True, text=True).stdout.strip()

    assert seen_by_another_program() == "1"
    db.execute_sql("INSERT INTO probe VALUES (2)")  # the desk goes on recording
    assert (tmp_path / "desk.db-wal").exists()
    assert seen_by_another_program() == "2"
    db.close()


def test_the_dialog_speaks_chinese_throughout(qtbot, tmp_path):
    """qtbase_zh_CN leaves "Look in:" and "Files of type:" in English: the dialog was half
    English. Every label and button now reads Chinese (mnemonics like "(&S)" aside)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = file_dialog(None, "保存", tmp_path / "x.pdf", "PDF (*.pdf)", save=True)
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(
        QAbstractButton) if w.text()]
    english = [t for t in texts if re.search(r"[A-Za-z]{2,}", re.sub(r"\(&\w\)", "", t))]
    assert "查找范围：" in texts and "文件类型：" in texts
    assert english == []
