"""The save dialog adds the file type the user left out; a cancel gives None."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ui.file_dialogs import ask_open_file, ask_save_file


def test_the_suffix_is_added_when_left_out(monkeypatch, qapp):
    answers = iter([("/tmp/通讯录", ""), ("/tmp/a.CSV", ""), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: next(answers))
    assert ask_save_file(None, "t", "x.csv", ".csv") == Path("/tmp/通讯录.csv")
    assert ask_save_file(None, "t", "x.csv", ".csv") == Path("/tmp/a.CSV")
    assert ask_save_file(None, "t", "x.csv", ".csv") is None


def test_open_gives_the_file_or_none(monkeypatch, qapp):
    answers = iter([("/tmp/b.csv", ""), ("", "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: next(answers))
    assert ask_open_file(None, "t", "CSV (*.csv)") == Path("/tmp/b.csv")
    assert ask_open_file(None, "t", "CSV (*.csv)") is None
