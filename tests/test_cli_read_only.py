"""Checking and printing commands read a database as it is: never created, upgraded or
written, no copy made, SQLite's files beside it left as they were; the one command that needs
newer tables than an old file has says to open the file in the desk."""

import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "models" / "store" / "data"
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)
SAME_IN_V1 = ("plan_version", "incident", "timeline_entry", "deadline", "record_data",
              "amendment", "contact", "contact_phone")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.fixture
def v1_database(tmp_path, shipped_catalog):
    """A version-1 file (schema frozen in schema_v1.sql) holding two incidents with their
    timelines, made today and copied into the old tables, whose columns are unchanged."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database

    today = tmp_path / "today.db"
    db = open_database(today)
    plan = record_plan_version(shipped_catalog, NOON)
    for key, at in (("fire", NOON), ("power_cut", NOON + timedelta(hours=1))):
        act = Act(Who("城东营业厅", "1号台", "张三"), at, HolidayCalendar())
        incident = response.start_incident(shipped_catalog, plan, key, act)
        response.add_note(incident, "已处理", act)
    db.close()
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "desk.db"
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "schema_v1.sql").read_text())
    conn.execute("ATTACH DATABASE ? AS today", (str(today),))
    for table in SAME_IN_V1:
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM today.{table}")
    conn.commit()
    conn.close()
    return path


def test_verify_reads_a_version_1_database_without_changing_it(v1_database):
    before = state(v1_database.parent)
    result = run("verify", "--db", str(v1_database))
    assert result.returncode == 0, result.stderr
    assert "2 incidents" in result.stdout and "all intact" in result.stdout
    assert state(v1_database.parent) == before  # no upgrade, no .bak, no -wal or -shm


@pytest.mark.parametrize("kind", [("daily", "--date", "2026-11-20"), ("incident", "--id", "1"),
                                  ("contacts",)])
def test_exports_read_a_version_1_database_without_changing_it(v1_database, tmp_path, kind):
    before = state(v1_database.parent)
    out = tmp_path / "out.pdf"
    result = run("export", *kind, "--out", str(out), "--db", str(v1_database))
    assert result.returncode == 0, result.stderr
    assert out.exists()
    assert state(v1_database.parent) == before


def test_drill_export_asks_to_open_a_version_1_database_in_the_desk(v1_database, tmp_path):
    before = state(v1_database.parent)
    result = run("export", "drill", "--run", "1", "--out", str(tmp_path / "d.pdf"), "--db",
                 str(v1_database))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"{v1_database} was written by an older version of Emergency Desk (database version "
        "1); this needs version 2 or later. It was left untouched. Open it once in the desk "
        "(which upgrades it and keeps a copy of the old file), then run this again.")
    assert state(v1_database.parent) == before
    assert not (tmp_path / "d.pdf").exists()


@pytest.mark.parametrize("command", [("verify",), ("export", "contacts", "--out")])
def test_read_commands_do_not_make_an_empty_file_a_database(tmp_path, command):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    out = (str(tmp_path / "x.pdf"),) if command[0] == "export" else ()
    result = run(*command, *out, "--db", str(path))
    assert result.returncode == 2
    assert "holds no incidents yet" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_verify_reads_what_the_open_desk_wrote_and_leaves_its_files(tmp_path, shipped_catalog):
    """The desk has the file open: its newest incident is still in the -wal; verify sees it,
    and the desk's -wal and -shm stay for it to go on writing."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database

    path = tmp_path / "desk.db"
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, NOON)
    act = Act(Who("城东营业厅", "1号台", "张三"), NOON, HolidayCalendar())
    response.start_incident(shipped_catalog, plan, "fire", act)
    try:
        result = run("verify", "--db", str(path))
        assert result.returncode == 0, result.stderr
        assert "1 incidents" in result.stdout
        assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db", "desk.db-shm",
                                                             "desk.db-wal"]
        response.start_incident(shipped_catalog, plan, "power_cut", act)
    finally:
        db.close()
    result = run("verify", "--db", str(path))
    assert "2 incidents" in result.stdout, result.stderr
