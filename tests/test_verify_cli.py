"""`main.py verify` catches timeline entries changed with the sqlite3 command line."""

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                reason="needs the sqlite3 command line (Debian: sqlite3)")


def verify(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "verify", "--db", str(db)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def sqlite(db: Path, sql: str) -> None:
    subprocess.run(["sqlite3", str(db), sql], check=True, capture_output=True, timeout=60)


@pytest.fixture
def db_with_incidents(tmp_path, shipped_catalog):
    path = tmp_path / "desk.db"
    db = open_database(path)
    act = Act(Who("城东营业厅", "1号台", "张三"), datetime(2026, 11, 20, 10, 0, tzinfo=HALL),
              HolidayCalendar())
    plan = record_plan_version(shipped_catalog, act.now)
    for key in ("fire", "power_cut"):
        incident = response.start_incident(shipped_catalog, plan, key, act)
        response.set_step(shipped_catalog, incident, 0, True, act)
        response.add_note(incident, "已处理", act)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def test_intact_database_passes(db_with_incidents):
    result = verify(db_with_incidents)
    assert result.returncode == 0, result.stderr
    assert "2 incidents" in result.stdout and "all intact" in result.stdout


def test_entry_altered_with_sqlite3_is_caught(db_with_incidents):
    sqlite(db_with_incidents, "DROP TRIGGER timeline_no_update; "
           "UPDATE timeline_entry SET text = '未处理' WHERE kind = 'note' AND incident_id = 2;")
    result = verify(db_with_incidents)
    assert result.returncode == 2
    kinds = [k for (k,) in sqlite3.connect(db_with_incidents).execute(
        "SELECT kind FROM timeline_entry WHERE incident_id = 2 ORDER BY id")]
    position = kinds.index("note") + 1  # as a reader counts the incident's timeline
    assert f"incident 20261120-002 (#2): entry {position} of its timeline" in result.stderr
    assert "altered" in result.stderr
    assert "#1" not in result.stderr


def test_entry_removed_with_sqlite3_is_caught(db_with_incidents):
    sqlite(db_with_incidents, "DROP TRIGGER timeline_no_delete; "
           "DELETE FROM timeline_entry WHERE kind = 'step_checked' AND incident_id = 1;")
    result = verify(db_with_incidents)
    assert result.returncode == 2
    assert "(#1)" in result.stderr and "removed or inserted" in result.stderr


def test_newest_entry_removed_is_caught(db_with_incidents):
    sqlite(db_with_incidents, "DROP TRIGGER timeline_no_delete; DELETE FROM timeline_entry "
           "WHERE id = (SELECT max(id) FROM timeline_entry WHERE incident_id = 1);")
    result = verify(db_with_incidents)
    assert result.returncode == 2
    assert "the newest entries were removed" in result.stderr


def test_missing_database_is_a_clear_message(tmp_path):
    result = verify(tmp_path / "none.db")
    assert result.returncode == 2
    assert "No database at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_the_record_changed_with_sqlite3_is_caught(tmp_path, shipped_catalog):
    """Not the timeline but what it vouches for: the level, the drill mark and the record's
    loss changed with sqlite3 show, each named."""
    from models.incidents import records

    path = tmp_path / "desk.db"
    db = open_database(path)
    act = Act(Who("城东营业厅", "1号台", "张三"), datetime(2026, 11, 20, 10, 0, tzinfo=HALL),
              HolidayCalendar())
    plan = record_plan_version(shipped_catalog, act.now)
    incident = response.start_incident(shipped_catalog, plan, "customer_property_lost", act)
    assert records.save_record(incident, {"loss_amount": "6000", "place": "大厅"}, act) == {}
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert verify(path).returncode == 0
    sqlite(path, "UPDATE incident SET level = level % 3 + 1, is_drill = 1; "
           "UPDATE record_data SET data = replace(data, '6000', '60');")
    result = verify(path)
    assert result.returncode == 2
    for what in ("the level differs", "the drill mark differs", "the record differs"):
        assert what in result.stderr, result.stderr
