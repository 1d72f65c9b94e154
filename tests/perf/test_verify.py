"""`verify` against its floor: reading every row it checks once and hashing it once, in plain
sqlite3 — measured turn about in the same run.

On a generated desk (3,000 incidents) by default; at ten years of a busy hall with
    BENCH_DB=/tmp/bench200k.db uv run pytest tests/perf/test_verify.py -m perf -s
(make that file first: see tests/perf/test_history_200k.py).
"""

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from models.demo import generate
from models.incidents.seal import check_chain
from models.incidents.verify import verify_all
from models.plans.versions import record_plan_version
from models.store.schema import open_database, open_for_reading
from tests.perf.timing import interleaved, pair_line, timed

TABLES = ("incident", "timeline_entry", "ledger", "deadline", "record_data", "amendment")


@pytest.fixture
def database(tmp_path, shipped_catalog):
    bench = os.environ.get("BENCH_DB")
    if bench:
        return Path(bench)
    path = tmp_path / "desk.db"
    db = open_database(path)
    end = datetime(2026, 11, 20, 18, 0).astimezone()
    generate(shipped_catalog, record_plan_version(shipped_catalog, end), incidents=3000,
             days=365, end=end)
    db.close()
    return path


def floor(path: Path) -> None:
    """Every row of every table verify reads, read once and hashed once."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table in TABLES:
            for row in conn.execute(f"SELECT * FROM {table}"):
                hashlib.sha256(repr(row).encode("utf-8")).digest()
    finally:
        conn.close()


def ours(path: Path) -> None:
    db = open_for_reading(path)
    try:
        with db.atomic():
            assert list(verify_all()) == [] and list(check_chain()) == []
    finally:
        db.close()


@pytest.mark.perf
def test_verify_against_reading_and_hashing_every_row_once(database):
    rounds = 3 if os.environ.get("BENCH_DB") else 7
    mine, base = interleaved(timed(lambda: ours(database)), timed(lambda: floor(database)),
                             rounds)
    print("\n" + pair_line(f"verify, {database.name}", mine,
                           "every row read and hashed once (sqlite3)", base, unit="ms", digits=0))
