"""A second program writing to the database never costs the desk a press.

The adversary is a real second process (another desk, a backup tool, `demo`) writing in a
tight loop. SQLite lets one writer at a time; a transaction that reads first and upgrades
to a write later finds its snapshot stale once the other has committed, and SQLite refuses it
at once ("database is locked") without waiting. The desk's writes therefore take the write
lock when they begin (BEGIN IMMEDIATE) and wait their turn (the busy timeout).
"""

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.store.tables import TimelineEntry

WHO = Who("城东营业厅", "1号台", "张三")
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
# Another program writing as fast as 500 small transactions a second, until it is stopped.
# (A writer with no pause at all would starve any other: SQLite's locks are not fair. The
# desk's lock file keeps a second desk or `demo` off the file for that reason.)
NOISE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
conn.execute("CREATE TABLE IF NOT EXISTS other_program (n INTEGER)")
print("ready", flush=True)
for n in range(int(sys.argv[2])):
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO other_program VALUES (?)", (n,))
    conn.execute("COMMIT")
    time.sleep(0.002)
"""


def act(seconds: int) -> Act:
    return Act(WHO, T0 + timedelta(seconds=seconds), HolidayCalendar())


@pytest.mark.parametrize("presses", [300])
def test_presses_survive_a_second_writer(desk_db, shipped_catalog, tmp_path, presses):
    _, plan = desk_db
    incident = response.start_incident(shipped_catalog, plan, "fire", act(0))
    other = subprocess.Popen([sys.executable, "-c", NOISE, str(tmp_path / "desk.db"), "20000"],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "ready"
        for n in range(presses):  # as fast as a desk can: each press reads, then writes
            response.set_step(shipped_catalog, incident, 0, n % 2 == 0, act(n + 1))
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    kinds = [e.kind for e in TimelineEntry.select().where(TimelineEntry.incident == incident)]
    assert kinds.count("step_checked") + kinds.count("step_unchecked") == presses


def test_a_desk_write_takes_the_write_lock_when_it_begins(desk_db, tmp_path):
    """Deterministic form of the race: while the desk's transaction is open, no other
    program can slip a commit in between its read and its write."""
    import sqlite3

    from models.store.tables import Incident, transaction

    other = sqlite3.connect(tmp_path / "desk.db", timeout=0, isolation_level=None)
    with transaction():
        Incident.select().count()  # the desk reads first...
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("CREATE TABLE other_program (n INTEGER)")  # ...nobody else writes
    other.execute("CREATE TABLE other_program (n INTEGER)")  # after the commit, they may
    other.close()
