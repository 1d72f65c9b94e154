"""A damaged database (header intact, pages wrecked inside): every command says so in one
message, exits 2, and leaves the file and its folder exactly as they were."""

import hashlib
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
DAMAGED = "is damaged and cannot be read"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def wreck_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` (the file's header and schema stay readable)."""
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(page - 1) * size:page * size] = bytes((i * 37 + 11) % 256 for i in range(size))
    path.write_bytes(bytes(data))


@pytest.fixture
def demo_database(tmp_path, shipped_catalog):
    """A closed demo database of 300 incidents in a folder of its own."""
    from models.demo import generate
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database

    path = tmp_path / "data" / "desk.db"
    db = open_database(path)
    now = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)
    generate(shipped_catalog, record_plan_version(shipped_catalog, now), incidents=300,
             days=10, end=now)
    db.close()
    return path


def assert_refused_untouched(result, path: Path, before: dict[str, str]) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert DAMAGED in result.stderr and "Restore it from a backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert state(path.parent) == before


def test_verify_says_the_file_is_damaged(demo_database):
    wreck_table(demo_database, "timeline_entry")
    before = state(demo_database.parent)
    result = run("verify", "--db", str(demo_database))
    assert_refused_untouched(result, demo_database, before)
    assert "Keep this file as evidence" in result.stderr


def test_verify_finds_damage_outside_the_timelines(demo_database):
    """The timelines read fine, but the file is damaged: verify does not call it intact."""
    wreck_table(demo_database, "deadline")
    before = state(demo_database.parent)
    assert_refused_untouched(run("verify", "--db", str(demo_database)), demo_database, before)


@pytest.mark.parametrize("table, kind", [("deadline", ("daily", "--date", "2026-11-20")),
                                         ("timeline_entry", ("incident", "--id", "1"))])
def test_export_says_the_file_is_damaged(demo_database, tmp_path, table, kind):
    wreck_table(demo_database, table)
    before = state(demo_database.parent)
    out = tmp_path / "out.pdf"
    result = run("export", *kind, "--out", str(out), "--db", str(demo_database))
    assert_refused_untouched(result, demo_database, before)
    assert not out.exists()


def test_demo_does_not_write_into_a_damaged_file(demo_database):
    wreck_table(demo_database, "deadline")
    before = state(demo_database.parent)
    result = run("demo", "--incidents", "5", "--days", "1", "--db", str(demo_database))
    assert_refused_untouched(result, demo_database, before)


def test_the_plans_commands_do_not_write_into_a_damaged_file(demo_database):
    """A draft, an approval or a publishing act is kept for good: never into a file SQLite's
    quick check finds damaged (before, `plans draft start` wrote its draft there)."""
    wreck_table(demo_database, "deadline")
    before = state(demo_database.parent)
    result = run("plans", "draft", "start", "--by", "李主管", "--db", str(demo_database))
    assert_refused_untouched(result, demo_database, before)
