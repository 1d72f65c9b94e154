"""Backups: consistent while the desk writes, checked before they count, rotated, restorable."""

import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.store import backups
from models.store.backups import Backup, BackupFailed
from models.store.database import DatabaseRefused
from models.store.schema import SCHEMA_VERSION

WHO = Who("城东营业厅", "1号台", "张三")
MADE = datetime(2026, 11, 20, 8, 30)


def press(catalog, plan, n):
    t = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    for i in range(n):
        response.start_incident(catalog, plan, "fire", Act(WHO, t + timedelta(minutes=i),
                                                             HolidayCalendar()))


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM incident").fetchone()[0]
    finally:
        conn.close()


def test_a_backup_of_a_running_desk_holds_everything_in_one_file(desk_db, shipped_catalog,
                                                                  tmp_path):
    """While the desk runs, the .db file alone is a shell (everything is in -wal): a copy of
    it backs up nothing. The backup is one whole file."""
    _, plan = desk_db
    press(shipped_catalog, plan, 5)
    made = backups.make_backup(tmp_path / "desk.db", tmp_path / "backups", MADE,
                               known_version=SCHEMA_VERSION)
    assert made.name == "desk-20261120-083000.db"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(made, elsewhere / "copy.db")  # the one file, nothing beside it
    assert count(elsewhere / "copy.db") == 5
    conn = sqlite3.connect(elsewhere / "copy.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [made.name]


def test_a_backup_that_fails_its_check_leaves_nothing(desk_db, tmp_path, monkeypatch):
    def damaged(path, version):
        raise DatabaseRefused("damaged", path, reason="page 3")

    monkeypatch.setattr(backups, "check_backup", damaged)
    with pytest.raises(BackupFailed, match="page 3"):
        backups.make_backup(tmp_path / "desk.db", tmp_path / "backups", MADE,
                            known_version=SCHEMA_VERSION)
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_backup_into_a_folder_that_cannot_be_written_says_so(desk_db, tmp_path,
                                                               unwritable_folder):
    with pytest.raises(BackupFailed, match="failed"):
        backups.make_backup(tmp_path / "desk.db", unwritable_folder / "x", MADE,
                            known_version=SCHEMA_VERSION)


def stamps(*texts):
    return [Backup(Path(f"desk-{t}.db"), datetime.strptime(t, backups.STAMP))
            for t in sorted(texts, reverse=True)]


def test_rotation_keeps_the_newest_of_each_of_the_last_7_days_and_4_weeks():
    now = datetime(2026, 11, 30, 12, 0)  # a Monday
    days = [f"202611{d:02d}-{h:02d}0000" for d in range(1, 31) for h in (8, 12)]
    kept = {p.name for p in backups.to_keep(stamps(*days), now)}
    last_7 = {f"desk-202611{d:02d}-120000.db" for d in range(24, 31)}
    weeks = {"desk-20261129-120000.db", "desk-20261122-120000.db", "desk-20261115-120000.db"}
    assert kept == last_7 | weeks | {"desk-20261130-120000.db"}
    assert "desk-20261130-080000.db" not in kept  # an older copy of the same day goes


def test_rotation_counts_days_that_have_a_backup_not_calendar_days():
    """A hall closed for a fortnight keeps its last seven copies, not none."""
    now = datetime(2026, 11, 30, 12, 0)
    kept = backups.to_keep(stamps(*[f"202610{d:02d}-120000" for d in range(1, 11)]), now)
    assert len({p for p in kept if "2026100" in p.name or "20261010" in p.name}) >= 7


def test_a_copy_from_a_clock_that_ran_ahead_is_kept():
    now = datetime(2026, 11, 20, 12, 0)
    kept = backups.to_keep(stamps("20261220-120000", *[f"202611{d:02d}-120000" for d in
                                                       range(1, 21)]), now)
    assert Path("desk-20261220-120000.db") in kept


def test_rotate_removes_only_backups_it_does_not_keep(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    for d in range(1, 21):
        (folder / f"desk-202611{d:02d}-120000.db").write_bytes(b"x")
    (folder / "notes.txt").write_text("mine")
    (folder / "other-20261101-120000.db").write_bytes(b"another database's backup")
    removed = backups.rotate(folder, Path("desk.db"), datetime(2026, 11, 20, 13, 0))
    left = sorted(p.name for p in folder.iterdir())
    assert "notes.txt" in left and "other-20261101-120000.db" in left
    assert len(removed) + len(left) == 22
    assert "desk-20261120-120000.db" in left and "desk-20261101-120000.db" in left  # 4th week
    assert "desk-20261102-120000.db" not in left


@pytest.mark.parametrize(("newest", "due"), [
    (None, True),
    (datetime(2026, 11, 20, 8, 0, 1), False),  # 3 h 59 min 59 s ago
    (datetime(2026, 11, 20, 8, 0, 0), True),  # 4 h ago
    (datetime(2026, 11, 19, 23, 59), True),  # yesterday's: the day's first start
    (datetime(2026, 11, 20, 12, 0, 1), True),  # ahead of the clock (set back): make one
])
def test_a_backup_is_due_at_the_day_s_first_start_and_every_4_hours(tmp_path, newest, due):
    if newest:
        (tmp_path / backups.backup_name(Path("desk.db"), newest)).write_bytes(b"x")
    assert backups.due(tmp_path, Path("desk.db"), datetime(2026, 11, 20, 12, 0)) is due


def test_the_newest_good_backup_skips_one_that_is_not_ours(desk_db, shipped_catalog, tmp_path):
    good = backups.make_backup(tmp_path / "desk.db", tmp_path / "b", MADE,
                               known_version=SCHEMA_VERSION)
    (tmp_path / "b" / "desk-20261121-080000.db").write_bytes(b"not a database" * 100)
    found = backups.newest_good(tmp_path / "b", Path("desk.db"), SCHEMA_VERSION)
    assert found.path == good and found.made == MADE


def test_restore_keeps_the_current_file_and_its_log(desk_db, shipped_catalog, tmp_path):
    db, plan = desk_db
    press(shipped_catalog, plan, 2)
    made = backups.make_backup(tmp_path / "desk.db", tmp_path / "b", MADE,
                               known_version=SCHEMA_VERSION)
    press(shipped_catalog, plan, 3)  # after the backup: in the current file only
    db.close()
    current = (tmp_path / "desk.db").read_bytes()
    kept = backups.restore(made, tmp_path / "desk.db", datetime(2026, 11, 21, 9, 0),
                           known_version=SCHEMA_VERSION)
    assert kept.name == "desk.db.before-restore-20261121-090000"
    assert kept.read_bytes() == current
    assert count(tmp_path / "desk.db") == 2
    assert not (tmp_path / "desk.db.restore.part").exists()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(desk_db, tmp_path):
    db, _ = desk_db
    db.close()
    bad = tmp_path / "desk-20261120-083000.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(DatabaseRefused):
        backups.restore(bad, tmp_path / "desk.db", MADE, known_version=SCHEMA_VERSION)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_leftover_partial_files_are_removed_once_old(tmp_path):
    now = datetime(2026, 11, 20, 12, 0)
    old, fresh = tmp_path / "desk.v2-20261101.bak.part", tmp_path / ".log.pdf.ab12cd34.part"
    for path in (old, fresh, tmp_path / "desk.db"):
        path.write_bytes(b"x")
    os.utime(old, (now.timestamp() - 3601,) * 2)
    os.utime(fresh, (now.timestamp() - 3599,) * 2)
    removed = backups.remove_leftovers(tmp_path, now, older_than=timedelta(hours=1))
    assert removed == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "desk.db"]
