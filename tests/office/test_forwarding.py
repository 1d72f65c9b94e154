"""A hall hub forwards to head office: two real hub processes (the hall on SQLite, the office
on PostgreSQL) and a desk pushing to the hall with `main.py sync`. The hall hub is killed
after the office took a batch and before it marked it, then started again: the office holds
every event of the desk exactly once, each checked as a push is, and the chain's head is the
desk's own; the hall hub's own events (acks) arrive too, the office's signed plans and key are
copied down, and head office prints the desk's daily log from what it holds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime

from hub.store import open_store
from models.demo import generate
from models.plans.signing import load_key_file, public_key_text
from models.plans.versions import record_plan_version
from models.store.paths import default_plans_dir
from models.store.schema import open_database
from tests.helpers.hub_process import ROOT, start_hub
from tests.hub.test_hub_process import wait_for_line

END = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
LIMIT = 60  # seconds for the office to hold everything


def main(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def busy_desk(path, catalog) -> tuple[int, str]:
    """A desk file with more events than one forward carries; its chain's head."""
    db = open_database(path)
    try:
        generate(catalog, record_plan_version(catalog, END), incidents=120, days=2, end=END,
                 desks=("1号台",))
    finally:
        db.close()
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()


def office_holds(url: str) -> list[tuple]:
    store = open_store(url)
    try:
        with store.transaction() as cur:
            return cur.execute("SELECT d.name, count(e.seq), count(DISTINCT e.seq), max(e.seq), "
                               "d.head_seq, d.head_link FROM desk d JOIN event e ON "
                               "e.origin = d.desk_id WHERE d.kind = 'desk' "
                               "GROUP BY d.name, d.head_seq, d.head_link").fetchall()
    finally:
        store.close()


def until_office_holds(url: str, seq: int, acks: int) -> tuple[list[tuple], list[tuple]]:
    """What the office holds once it holds the desk up to `seq` and `acks` hub events."""
    deadline = time.monotonic() + LIMIT
    while True:
        held, hub_events = office_holds(url), hub_events_at(url)
        if held and held[0][3] == seq and len(hub_events) == acks:
            return held, hub_events
        assert time.monotonic() < deadline, f"the office holds {held}, not up to {seq}"
        time.sleep(0.2)  # a poll interval, not a guess at how long anything takes


def leader_acks(hall_db: str, desk_id_of: str, count: int) -> None:
    """The hall hub's own events (a leader's acknowledgement each), as area D's page writes
    them."""
    from hub.hub_events import record_hub_event

    store = open_store(hall_db)
    try:
        with store.transaction(write=True) as cur:
            hall_id, desk_id = cur.execute("SELECT hall_id, desk_id FROM desk WHERE name = %s",
                                           (desk_id_of,)).fetchone()
            for n in range(count):
                record_hub_event(cur, hall_id=hall_id, for_origin=desk_id, kind="leader_ack",
                                 data={"by": "王经理", "n": n}, now=END, incident=1)
    finally:
        store.close()


def hub_events_at(url: str) -> list[tuple]:
    store = open_store(url)
    try:
        with store.transaction() as cur:
            return cur.execute("SELECT e.seq, e.kind, d.name FROM event e JOIN desk d ON "
                               "d.desk_id = e.for_origin WHERE e.actor = 'hub' "
                               "ORDER BY e.seq").fetchall()
    finally:
        store.close()


def copied_plans(hall_db: str) -> tuple[str, str]:
    """The plans' version and the office key the hall hub now offers its desks."""
    store = open_store(hall_db)
    try:
        with store.transaction() as cur:
            return (cur.execute("SELECT version FROM plan_bundle").fetchone()[0],
                    cur.execute("SELECT value FROM hub_meta WHERE key = 'office_key'")
                    .fetchone()[0])
    finally:
        store.close()


def daily_log_at(office_url: str, office_db: str, tmp_path) -> str:
    """Head office's daily log of the desk's busiest day, as its text."""
    from tests.helpers.pdf import page_texts
    from tests.office.hub_setup import enrolled

    token = tmp_path / "admin.token"
    token.write_text(enrolled(office_db, kind="admin", name="总部", hall="总部")[1])
    out = tmp_path / "office-daily.pdf"
    main("export", "daily", "--hub", office_url, "--token-file", str(token), "--date",
         "2026-11-21", "--out", str(out))
    return "".join(page_texts(out))


def test_the_office_holds_every_event_once_after_the_hall_hub_was_killed_mid_forward(
        pg_url, tmp_path, shipped_catalog):
    desk, hall_db = tmp_path / "desk.db", str(tmp_path / "hall.db")
    seq, link = busy_desk(desk, shipped_catalog)
    assert seq > 1000  # more than one forward
    desk_code = main("hub", "code", "--db", hall_db, "--hall", "城东营业厅").stdout.strip()
    hall = start_hub(hall_db, log=tmp_path / "hall0.log")  # not forwarding yet
    try:
        main("sync", "enrol", "--db", str(desk), "--hub", hall.url, "--code", desk_code,
             "--desk-name", "1号台")
        main("sync", "--db", str(desk))
    finally:
        hall.stop()
    leader_acks(hall_db, "1号台", 2)
    key = tmp_path / "office.key"
    main("hub", "keygen", "--out", str(key))
    main("hub", "publish-plans", "--db", pg_url, "--key", str(key), "--from",
         str(default_plans_dir()))
    office = start_hub(pg_url, log=tmp_path / "office.log")
    try:
        hub_code = main("hub", "code", "--db", pg_url, "--kind", "hub").stdout.strip()
        hall = start_hub(hall_db, "--upstream", office.url, "--upstream-code", hub_code,
                         "--test-stall-forward", "1", env={"ED_HUB_TEST_HOOKS": "1"},
                         log=tmp_path / "hall.log")
        try:
            wait_for_line(hall.proc.stdout, "stalled", LIMIT)
        finally:
            hall.kill()
        taken = office_holds(pg_url)
        assert taken and taken[0][1] == taken[0][2] == 1000  # the batch answered, not marked
        again = start_hub(hall_db, "--upstream", office.url, log=tmp_path / "hall2.log")
        try:
            held, acks = until_office_holds(pg_url, seq, 2)
        finally:
            again.stop()
        printed = daily_log_at(office.url, pg_url, tmp_path)
    finally:
        office.stop()
    assert "城东营业厅 1号台" in printed.replace("\n", "") and "※" not in printed
    assert held == [("1号台", seq, seq, seq, seq, link)]
    assert copied_plans(hall_db) == ("2026.1", public_key_text(load_key_file(key)))
    assert acks == [(1, "leader_ack", "1号台"), (2, "leader_ack", "1号台")]
    for log in ("office.log", "hall.log", "hall2.log"):
        assert "Traceback" not in (tmp_path / log).read_text(), log


def test_an_upstream_that_is_no_address_is_refused(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "--db",
                           str(tmp_path / "hall.db"), "--port", "0", "--upstream", "office:8770"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "not a hub's address: 'office:8770'" in done.stderr
