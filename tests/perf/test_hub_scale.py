"""The hub at a company's scale, on loopback: the real `main.py hub` process on PostgreSQL (a
throwaway cluster with the server's durable defaults), 100 desks pushing at once.

    uv run pytest tests/perf/test_hub_scale.py -m perf -s

Each figure is printed beside its floor measured in the same run, turn about: the same
requests to a bare aiohttp handler that only parses them (what HTTP and JSON cost here). The
events are real: one generated desk file's chain, pushed by each desk under its own id
(tools/hub_load.py). What is asserted is only that the hub kept every event exactly once.

With BENCH_DB=/tmp/bench200k.db (tests/perf/test_history_200k.py makes it) one desk also
pushes 200,000 incidents of history; without it, 3,000.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from hub.enrolment import issue_code
from hub.store import open_store
from models.demo import generate
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.helpers import postgres
from tests.helpers.hub_process import start_hub
from tools.hub_load import (
    Desk,
    bodies_for,
    enrol,
    peak_memory_kb,
    push_all,
    push_paced,
    read_chain,
)

pytestmark = pytest.mark.perf
DESKS = 100
ROUNDS = 3
ROOT = Path(__file__).resolve().parents[2]


def desk_file(path: Path, catalog, incidents: int, days: int) -> Path:
    db = open_database(path)
    end = datetime(2026, 11, 20, 18, 0).astimezone()
    generate(catalog, record_plan_version(catalog, end), incidents=incidents, days=days,
             end=end)
    db.close()
    return path


@pytest.fixture(scope="module")
def cluster():
    if postgres.server_bin() is None:
        pytest.skip(postgres.MISSING)
    started = postgres.start_cluster(durable=True)
    yield started
    postgres.remove(started)


@pytest.fixture(scope="module")
def bare():
    """The transport floor: tools/hub_load.py bare, a real process like the hub."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "tools" / "hub_load.py"), "bare"],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    assert line.startswith("listening on "), line
    yield line.split("listening on ", 1)[1].strip()
    proc.terminate()
    proc.wait(10)
    proc.stdout.close()


class Round:
    """One fresh hub database, a hub process on it, and `desks` desks enrolled."""

    def __init__(self, cluster, name: str, batches, desks: int, sqlite_dir: Path | None = None):
        if sqlite_dir is None:
            cluster.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cluster.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
            self.db = cluster.url(name)
        else:
            self.db = str(sqlite_dir / f"{name}.db")
        store = open_store(self.db)
        codes = [issue_code(store, kind="desk", hall="城东营业厅", valid_hours=1,
                            now=datetime.now(UTC))[0] for _ in range(desks)]
        store.close()
        self.hub = start_hub(self.db)
        self.desks = asyncio.run(enrol(self.hub.url, codes, batches))

    def push(self):
        result = asyncio.run(push_all(self.hub.url, self.desks))
        memory = peak_memory_kb(self.hub.proc.pid)
        return result, memory

    def held(self) -> int:
        store = open_store(self.db, migrated=False)
        try:
            with store.transaction() as cur:
                return cur.execute("SELECT count(*) FROM event").fetchone()[0]
        finally:
            store.close()

    def close(self) -> None:
        self.hub.stop()


def floor_push(url: str, batches, desks: int):
    fake = [Desk(f"floor{n}", "x", bodies_for(f"floor{n}", batches)) for n in range(desks)]
    return asyncio.run(push_all(url, fake))


def line(what, result, memory=None) -> str:
    text = (f"{what}: {result.events:,} events in {result.seconds:.1f} s = "
            f"{result.rate:,.0f} events/s; push round trip p50 {result.p50:.0f} ms, "
            f"p95 {result.p(0.95):.0f} ms")
    if memory:
        text += f"; hub peak RSS {memory[0] / 1024:.0f} MB"
    return text


def scenario(cluster, bare, batches, label, tmp_path, sqlite=False, desks=DESKS, rounds=ROUNDS):
    per_desk = sum(len(b) for b in batches)
    ours, floors = [], []
    for index in range(rounds):
        def run_ours(index=index):
            name = f"bench_{''.join(c for c in label if c.isalnum())[:20]}_{index}"
            r = Round(cluster, name, batches, desks, tmp_path if sqlite else None)
            try:
                result, memory = r.push()
                assert result.refused == []
                assert result.events == per_desk * desks
                assert r.held() == per_desk * desks  # every event exactly once
                ours.append((result, memory))
            finally:
                r.close()

        def run_floor():
            floors.append(floor_push(bare, batches, desks))

        for action in ((run_ours, run_floor) if index % 2 == 0 else (run_floor, run_ours)):
            action()
    for (result, memory), floor in zip(ours, floors, strict=True):
        print(line(f"  {label} hub", result, memory))
        print(line(f"  {label} floor (bare handler)", floor))
    best = max(ours, key=lambda pair: pair[0].rate)
    floor_best = max(floors, key=lambda r: r.rate)
    print(f"{label}: {desks} desks x {per_desk:,} events: best {best[0].rate:,.0f} events/s "
          f"vs floor {floor_best.rate:,.0f} events/s; ratio "
          f"{floor_best.rate / best[0].rate:.2f}; hub peak RSS {best[1][0] / 1024:.0f} MB")
    return best


def test_a_100_desks_push_a_busy_day_each(cluster, bare, tmp_path, shipped_catalog):
    path = desk_file(tmp_path / "day.db", shipped_catalog, incidents=60, days=1)
    scenario(cluster, bare, read_chain(path), "busy day (PostgreSQL)", tmp_path)


def test_e_the_same_on_a_sqlite_hub(cluster, bare, tmp_path, shipped_catalog):
    path = desk_file(tmp_path / "day.db", shipped_catalog, incidents=60, days=1)
    scenario(cluster, bare, read_chain(path), "busy day (SQLite hub)", tmp_path, sqlite=True)


def test_c_catch_up_after_a_one_hour_outage(cluster, bare, tmp_path, shipped_catalog):
    """A 100-branch company's busiest hour is 100 events/s: an hour of it waits at the desks
    (3,600 each) while the hub is away; then the hub returns and every backlog drains."""
    path = desk_file(tmp_path / "hour.db", shipped_catalog, incidents=240, days=1)
    batches = read_chain(path)
    while sum(len(b) for b in batches) > 3600:  # an hour at one event/s per desk
        last = batches[-1]
        excess = sum(len(b) for b in batches) - 3600
        batches[-1] = last[:max(0, len(last) - excess)]
        if not batches[-1]:
            batches.pop()
    best = scenario(cluster, bare, batches, "catch-up after a 1 h outage", tmp_path, rounds=1)
    print(f"  catch-up: 360,000 events (an hour at 100/s) drained in {best[0].seconds:.0f} s")


def test_d_one_desk_pushes_its_whole_history(cluster, tmp_path, shipped_catalog):
    bench = os.environ.get("BENCH_DB")
    path = Path(bench) if bench else desk_file(tmp_path / "history.db", shipped_catalog,
                                               incidents=3000, days=365)
    batches = read_chain(path)
    events = sum(len(b) for b in batches)
    r = Round(cluster, "bench_history", batches, 1)
    try:
        result, memory = r.push()
        assert result.refused == [] and r.held() == events
        with psycopg.connect(r.db) as conn:
            size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    finally:
        r.close()
    print(line(f"one desk, whole history ({events:,} links)", result, memory)
          + f"; PostgreSQL size {size / 2**20:.0f} MB")


@pytest.mark.parametrize("load", ["paced", "flat_out"])
def test_the_board_hears_a_desk_within(cluster, tmp_path, shipped_catalog, load):
    """While 99 desks push — `paced`: 10 events a second each, about 1,000 events/s, ten
    times a 100-branch company's busiest hour; `flat_out`: a busy day each as fast as
    answered — one desk sends 20 small pushes (10 events) one after another, and a board
    long-polls the hall's stream: the time from sending each push to the board holding its
    last event."""
    import time

    from models.sync.client import HubClient

    path = desk_file(tmp_path / "day.db", shipped_catalog, incidents=60, days=1)
    r = Round(cluster, "bench_board", read_chain(path), DESKS)
    try:
        store = open_store(r.db)
        code = issue_code(store, kind="board", hall="城东营业厅", valid_hours=1,
                          now=datetime.now(UTC))[0]
        store.close()
        probe, others = r.desks[0], r.desks[1:]
        probe.bodies = bodies_for(probe.desk_id, read_chain(path, batch=10)[:20])
        with HubClient(r.hub.url) as enrolling:
            board = HubClient(r.hub.url, enrolling.enrol(code, kind="board",
                                                         name="值班长")["token"])
        heard: dict[int, float] = {}  # the probe's position -> when the board had it
        loaded = [0]  # the other desks' events the board has had
        news = threading.Condition()
        done = threading.Event()

        def listen():
            cursor = 0
            while not done.is_set():
                page = board.pull(cursor, wait=1)
                now = time.perf_counter()
                with news:
                    for event in page["events"]:
                        if event.get("origin") == probe.desk_id:
                            heard.setdefault(event["seq"], now)
                        else:
                            loaded[0] += 1
                    news.notify_all()
                cursor = page["cursor"]

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        if load == "paced":
            for desk in others:
                desk.bodies = bodies_for(desk.desk_id, read_chain(path, batch=10))
            work = push_paced(r.hub.url, others, every=1.0, seconds=30)
        else:
            work = push_all(r.hub.url, others)
        offered: list = []
        background = threading.Thread(target=lambda: offered.append(asyncio.run(work)))
        background.start()
        with news:  # the load under way before the probe starts
            assert news.wait_for(lambda: loaded[0] >= 5000, timeout=120)
        client = HubClient(r.hub.url, probe.token)
        latencies, after, link = [], 0, ""
        for events in read_chain(path, batch=10)[:20]:
            sent = time.perf_counter()
            client.push(probe.desk_id, after, link, events)
            after, link = events[-1]["seq"], events[-1]["link"]
            with news:
                assert news.wait_for(lambda a=after: a in heard, timeout=30), \
                    "the board never heard the push"
            latencies.append((heard[after] - sent) * 1000)
        background.join(600)
        done.set()
        listener.join(30)
        board.close()
        client.close()
        latencies.sort()
        print(f"board ({load}): a desk's push heard at the board in p50 {latencies[10]:.0f} "
              f"ms, max {latencies[-1]:.0f} ms (20 pushes) while 99 desks offered "
              f"{offered[0].events:,} events in {offered[0].seconds:.0f} s "
              f"({offered[0].rate:,.0f} events/s)")
        assert offered[0].refused == []
    finally:
        r.close()
