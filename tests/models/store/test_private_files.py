"""The desk's records are its user's alone: the database and SQLite's logs beside it, the
backups, the settings, the lock note and the error log are created owner-only (0600)."""

import os
import stat
import sys
from datetime import datetime

import pytest

from models.store import backups
from models.store.desk_lock import hold
from models.store.files import write_whole
from models.store.schema import SCHEMA_VERSION, open_database
from models.store.settings import SettingsStore

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="Windows keeps user data private by its profile folder")


def others_can_read(path) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)  # as most desktops: files readable by every local user
    yield
    os.umask(old)


def test_the_records_are_created_owner_only(tmp_path):
    db = open_database(tmp_path / "desk.db")
    db.execute_sql("CREATE TABLE scratch (n INTEGER)")  # the log files now exist
    lock = hold(tmp_path / "desk.db", holder="1号台", now=datetime(2026, 11, 20, 9))
    SettingsStore(tmp_path / "settings.json").set("hall_name", "城东营业厅")
    made = backups.make_backup(tmp_path / "desk.db", tmp_path / "backups",
                               datetime(2026, 11, 20, 9), known_version=SCHEMA_VERSION)
    records = [tmp_path / n for n in ("desk.db", "desk.db-wal", "desk.db-shm", "settings.json",
                                      "desk.db.lock.json")] + [made]
    assert [p.name for p in records if others_can_read(p)] == []
    lock.release()
    db.close()


def test_a_document_the_user_saves_keeps_the_usual_permissions(tmp_path):
    write_whole(tmp_path / "log.pdf", b"%PDF-1.4")
    assert stat.S_IMODE((tmp_path / "log.pdf").stat().st_mode) == 0o644


def test_the_error_log_is_owner_only(tmp_path, qapp, monkeypatch):
    from ui.common import errors

    monkeypatch.setattr(errors.ErrorNotice, "show", lambda *a, **k: None)
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install_excepthook(tmp_path / "errors.log")
    try:
        raise RuntimeError("what the clerk typed")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert "what the clerk typed" in (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert not others_can_read(tmp_path / "errors.log")
