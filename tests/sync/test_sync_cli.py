"""`main.py sync` without a hub to talk to: refused (exit 2) for a file never enrolled and
while the desk runs on it, exit 1 with the backlog kept when the hub cannot be reached; no
traceback in any of them. (With a real hub: test_sync_with_hub.py.)"""

from datetime import UTC, datetime

from models.store.desk_lock import hold
from models.sync import state
from models.sync.state import Enrolment
from tests.sync.conftest import press
from tests.sync.test_hub_away import dead_url
from tests.test_cli import run


def test_a_file_never_enrolled_is_refused_with_how_to_enrol(desk_path):
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 2, result.stderr
    assert "is not enrolled" in result.stderr and "sync enrol" in result.stderr
    assert "Traceback" not in result.stderr


def test_sync_is_refused_while_the_desk_runs_on_the_file(desk_path):
    lock = hold(desk_path, holder="城东营业厅 1号台", now=datetime.now(UTC))
    try:
        result = run("sync", "--db", str(desk_path))
    finally:
        lock.release()
    assert result.returncode == 2
    assert "in use" in result.stderr and "syncs by itself" in result.stderr


def test_a_hub_away_exits_1_and_keeps_the_backlog(desk_db, desk_path, incidents, clock):
    state.enrol(Enrolment(dead_url(), "hub1", "desk1", "edk1.t"), clock.now())
    press(incidents, clock, 2)
    links = desk_db[0].execute_sql("SELECT count(*) FROM ledger").fetchone()[0]
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 1, result.stderr
    assert f"backlog {links}" in result.stdout
    assert "unreachable" in result.stderr and f"backlog of {links} is kept" in result.stderr
    assert "Traceback" not in result.stderr


def test_enrolling_at_no_hub_says_so(desk_path):
    result = run("sync", "enrol", "--db", str(desk_path), "--hub", dead_url(),
                 "--code", "K7QF2-9XMAB")
    assert result.returncode == 1
    assert "unreachable" in result.stderr and "main.py hub" in result.stderr
    assert "Traceback" not in result.stderr


def test_enrolling_at_something_that_is_not_an_address_is_refused(desk_path):
    result = run("sync", "enrol", "--db", str(desk_path), "--hub", "192.168.1.10:8770",
                 "--code", "K7QF2-9XMAB")
    assert result.returncode == 2
    assert "not a hub address" in result.stderr and "Traceback" not in result.stderr


def test_enrol_then_sync_moves_every_record_and_says_so(desk_db, desk_path, incidents, clock,
                                                        hub, hub_db):
    from tests.sync.hubs import new_code

    press(incidents, clock, 2)
    links = desk_db[0].execute_sql("SELECT count(*) FROM ledger").fetchone()[0]
    result = run("sync", "enrol", "--db", str(desk_path), "--hub", hub.url, "--code",
                 new_code(hub_db).lower(), "--desk-name", "1号台")  # typed in lower case
    assert result.returncode == 0, result.stderr
    assert "as desk '1号台'" in result.stdout and f"{links} records to send" in result.stdout
    again = run("sync", "enrol", "--db", str(desk_path), "--hub", hub.url, "--code", "X")
    assert again.returncode == 2 and "already enrolled" in again.stderr
    assert "--replace" in again.stderr
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"pushed {links} events (1–{links}); the hub holds "
                                    f"{links} of {links}; pulled ")
    assert result.stdout.rstrip().endswith("backlog 0")
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 0 and result.stdout.startswith("pushed nothing;")


def test_a_used_code_is_refused_with_what_to_do(desk_path, hub, hub_db):
    import shutil

    from tests.sync.hubs import new_code

    code = new_code(hub_db)
    other = desk_path.with_name("other.db")
    shutil.copy(desk_path, other)  # a second desk's file, not enrolled
    assert run("sync", "enrol", "--db", str(desk_path), "--hub", hub.url,
               "--code", code).returncode == 0
    result = run("sync", "enrol", "--db", str(other), "--hub", hub.url, "--code", code)
    assert result.returncode == 2
    assert "did not accept the code" in result.stderr and "main.py hub code" in result.stderr


def test_a_restored_older_file_is_refused_with_how_to_enrol_it_anew(desk_db, desk_path,
                                                                    incidents, clock, hub,
                                                                    hub_db, tmp_path):
    import shutil

    from tests.sync.hubs import new_code

    press(incidents, clock, 1)
    assert run("sync", "enrol", "--db", str(desk_path), "--hub", hub.url, "--code",
               new_code(hub_db)).returncode == 0
    older = tmp_path / "backup.db"
    desk_db[0].execute_sql("VACUUM INTO ?", (str(older),))  # last night's backup
    press(incidents, clock, 1)
    assert run("sync", "--db", str(desk_path)).returncode == 0
    desk_db[0].close()
    shutil.copy(older, desk_path)  # restored
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 2
    assert "pushed nothing" in result.stdout
    assert "older than what the hub received" in result.stderr
    assert "sync enrol --replace" in result.stderr
    result = run("sync", "enrol", "--replace", "--db", str(desk_path), "--hub", hub.url,
                 "--code", new_code(hub_db))
    assert result.returncode == 0, result.stderr
    result = run("sync", "--db", str(desk_path))
    assert result.returncode == 0 and result.stdout.rstrip().endswith("backlog 0")


def test_what_moved_counts_every_round_of_a_long_pull(tmp_path, hub, hub_db):
    """More than a round's pages of the stream come back (another desk's 700 incidents),
    and the pushes of the first round are still what the command says; a desk is never
    sent back its own events."""
    import sqlite3
    from contextlib import closing

    from tests.sync.hubs import new_code

    busy, quiet = tmp_path / "busy.db", tmp_path / "quiet.db"
    assert run("demo", "--incidents", "700", "--days", "30", "--db", str(busy)).returncode == 0
    assert run("demo", "--incidents", "3", "--days", "1", "--db", str(quiet)).returncode == 0
    with closing(sqlite3.connect(busy)) as conn:
        entries = conn.execute("SELECT count(*) FROM timeline_entry").fetchone()[0]
    with closing(sqlite3.connect(quiet)) as conn:
        links = conn.execute("SELECT count(*) FROM ledger").fetchone()[0]
        quiet_entries = conn.execute("SELECT count(*) FROM timeline_entry").fetchone()[0]
    assert entries > 10_000  # more than one round of pulls (10 pages of 1,000)
    for path, name in ((busy, "1号台"), (quiet, "2号台")):
        assert run("sync", "enrol", "--db", str(path), "--hub", hub.url, "--code",
                   new_code(hub_db), "--desk-name", name).returncode == 0
    own = run("sync", "--db", str(busy))
    assert own.returncode == 0 and "pulled 0;" in own.stdout, own.stdout
    result = run("sync", "--db", str(quiet))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"pushed {links:,} events (1–{links:,});"), result.stdout
    assert f"pulled {entries:,}" in result.stdout
    again = run("sync", "--db", str(busy))  # the quiet desk's entries, never its own back
    assert f"pulled {quiet_entries:,};" in again.stdout, again.stdout


def test_a_file_that_is_not_there_is_refused_and_the_code_kept(tmp_path, desk_db, desk_path,
                                                               hub, hub_db):
    """A mistyped --db made a new empty desk file, enrolled it and used the code up."""
    from tests.sync.hubs import new_code

    typo = tmp_path / "dsek.db"
    code = new_code(hub_db)
    for args in (("sync", "enrol", "--db", str(typo), "--hub", hub.url, "--code", code),
                 ("sync", "--db", str(typo))):
        result = run(*args)
        assert result.returncode == 2, result.stdout
        assert f"No database at {typo}" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.glob("dsek.db*")) == []
    result = run("sync", "enrol", "--db", str(desk_path), "--hub", hub.url, "--code", code)
    assert result.returncode == 0, result.stderr
