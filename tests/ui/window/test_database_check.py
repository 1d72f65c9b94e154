"""A damaged database is told to the clerk: found by the background check after start-up,
or met while working (the one error path), in the desk's language, never silently."""

import asyncio
import sqlite3
import sys

import pytest

from models.store.schema import open_database
from models.store.tables import TimelineEntry
from ui.common import errors
from ui.window.database_check import check_database


@pytest.fixture
def damaged_db(tmp_path, desk_db):
    """The desk's database with its timeline table's first page wrecked (header intact)."""
    db, _ = desk_db
    db.close()
    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'timeline_entry'"
                        ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * 4096:page * 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))
    return path


def test_background_check_warns_of_a_damaged_file(damaged_db):
    before = damaged_db.read_bytes()
    warnings = []
    passed = asyncio.run(check_database(damaged_db, warn=lambda *t: warnings.append(t)))
    assert passed is False
    [(title, text, details)] = warnings
    assert title == "数据库文件已损坏"
    assert text.startswith(f"检查发现数据库文件 {damaged_db} 已损坏。")
    assert details  # SQLite's own finding, for support
    assert damaged_db.read_bytes() == before
    assert sorted(p.name for p in damaged_db.parent.iterdir()) == ["desk.db"]


def test_background_check_is_quiet_on_an_intact_file(tmp_path, desk_db):
    warnings = []
    assert asyncio.run(check_database(tmp_path / "desk.db", warn=lambda *t: warnings.append(t)))
    assert warnings == []


def test_a_damaged_page_met_while_working_is_told_plainly(damaged_db, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(errors.ErrorNotice, "show", lambda self, *texts: shown.append(texts))
    errors.install_excepthook(tmp_path / "errors.log")
    db = open_database(damaged_db)  # the schema reads fine: the desk opens
    try:
        list(TimelineEntry.select())
    except Exception:  # handed to the hook as a slot's error would be
        sys.excepthook(*sys.exc_info())
    finally:
        db.close()
    [(title, text, details)] = shown
    assert title == "数据库文件已损坏"
    assert text.startswith("处置台读到了数据库文件中已损坏的部分")
    assert "malformed" in details
    assert "DatabaseError" in (tmp_path / "errors.log").read_text(encoding="utf-8")
