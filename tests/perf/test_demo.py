"""Generating demo data with the desk's deadline rules: 200,000 incidents must stay minutes.

Run: uv run pytest tests/perf/test_demo.py -m perf -s
"""

import time
from datetime import datetime

import pytest

from models.demo import generate

INCIDENTS = 5000


@pytest.mark.perf
def test_demo_generation(desk_db, shipped_catalog):
    end = datetime(2026, 11, 20, 18, 0).astimezone()
    wall, cpu = time.perf_counter(), time.process_time()
    stats = generate(shipped_catalog, desk_db[1], incidents=INCIDENTS, days=365, end=end)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert stats.incidents == INCIDENTS
    print(f"\ndemo, {INCIDENTS} incidents ({stats.entries} entries, {stats.deadlines} "
          f"deadlines): {cpu:.1f} s CPU, {wall:.1f} s wall; about "
          f"{cpu * 200_000 / INCIDENTS / 60:.0f} min CPU for 200,000")
