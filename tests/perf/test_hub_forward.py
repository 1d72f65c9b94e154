"""Forwarding a hall hub's history to head office, against pushing the same events straight
to the office as a desk would: a generated desk's chain held by a hall hub on SQLite, an
office hub on PostgreSQL, both real processes. Each round starts fresh databases; the two are
measured turn about. Figures only (`-m perf -s`); the test asserts that every event arrived
once.

    uv run pytest tests/perf/test_hub_forward.py -m perf -s
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from hub.store import open_store
from models.demo import generate
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.helpers.hub_process import ROOT, start_hub
from tests.hub.pushes import push_body
from tests.hub.serving import Client
from tests.office.hub_setup import enrolled, hold_desk_file
from tests.perf.timing import interleaved, pair_line

pytestmark = pytest.mark.perf
END = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
INCIDENTS, ROUNDS, LIMIT = 1500, 2, 600


@pytest.fixture
def desk_file(tmp_path, shipped_catalog):
    path = tmp_path / "desk.db"
    db = open_database(path)
    generate(shipped_catalog, record_plan_version(shipped_catalog, END), incidents=INCIDENTS,
             days=30, end=END, desks=("1号台",))
    db.close()
    return path


def events_of(path) -> list[dict]:
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT l.id, l.hash, l.kind, l.entry, t.incident_id, t.at, t.kind, t.actor, t.desk, "
        "t.text, t.data, t.prev_hash, t.hash FROM ledger l LEFT JOIN timeline_entry t ON "
        "t.id = l.entry AND l.kind = 0 ORDER BY l.id").fetchall()
    con.close()
    return [{"seq": s, "link": lk, "link_kind": k, "entry": e, "incident": i, "at": at,
             "kind": kind, "actor": a, "desk": d, "text": t, "data": data, "prev": p, "hash": h}
            for s, lk, k, e, i, at, kind, a, d, t, data, p, h in rows if k == 0]


def held(url: str) -> int:
    store = open_store(url)
    try:
        with store.transaction() as cur:
            return cur.execute("SELECT count(*) FROM event").fetchone()[0]
    finally:
        store.close()


def until_held(url: str, count: int) -> None:
    deadline = time.monotonic() + LIMIT
    while held(url) < count:
        assert time.monotonic() < deadline, "the office did not get everything"
        time.sleep(0.05)  # a poll interval, not a guess at how long anything takes


def test_forwarding_against_pushing_straight(desk_file, pg_cluster, tmp_path):
    events = events_of(desk_file)
    count = len(events)
    rounds = iter(range(ROUNDS * 2))

    def fresh_office() -> str:
        name = f"bench_forward_{next(rounds)}"
        pg_cluster.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return pg_cluster.url(name)

    def forwarding() -> float:
        office_db, hall_db = fresh_office(), str(tmp_path / f"hall-{time.monotonic_ns()}.db")
        hold_desk_file(hall_db, desk_file, "1号台", "城东营业厅")
        code = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "code", "--db",
                               office_db, "--kind", "hub"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        office = start_hub(office_db)
        try:
            started = time.perf_counter()
            hall = start_hub(hall_db, "--upstream", office.url, "--upstream-code", code)
            try:
                until_held(office_db, count)
                return (time.perf_counter() - started) * 1000
            finally:
                hall.stop()
        finally:
            office.stop()

    def pushing() -> float:
        office_db = fresh_office()
        _, token = enrolled(office_db)
        office = start_hub(office_db)
        try:
            desk = Client(office.url, token)
            started = time.perf_counter()
            for at in range(0, count, 500):
                answer = desk.post("/v1/push", push_body(events[at:at + 500]))
                assert answer.status == 200, answer.body
            return (time.perf_counter() - started) * 1000
        finally:
            office.stop()

    ours, floor = interleaved(forwarding, pushing, ROUNDS)
    print(f"\n{count:,} events of one desk ({INCIDENTS:,} incidents) reaching head office "
          "(PostgreSQL)")
    print(pair_line("hall hub forwarding (from its start)", ours,
                    "the desk pushing them straight", floor))
    print(f"forwarding: {count / (min(ours) / 1000):,.0f} events/s; pushing: "
          f"{count / (min(floor) / 1000):,.0f} events/s (best round)")
