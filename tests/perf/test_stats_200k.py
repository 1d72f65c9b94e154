"""The statistics of a month and a quarter at ten years of a busy hall: 200,000 incidents.

Make the database once (about 7 minutes; or copy a ready one), then run the benchmark:
    uv run main.py demo --incidents 200000 --days 3650 --db /tmp/bench200k.db
    BENCH_DB=/tmp/bench200k.db uv run pytest tests/perf/test_stats_200k.py -m perf -s

Each figure is measured turn about with its floor: a bare count of the same rows (the
twelve months the trends read) — what reading those rows costs at the least.
"""

import os
from pathlib import Path

import pytest

from models.clock.hall_time import DEFAULT_ZONE
from models.plans.loader import load_catalog
from models.stats import queries
from models.stats.period import parse_period
from models.store.paths import default_plans_dir
from models.store.schema import open_database
from models.store.tables import Incident, bound_database
from tests.perf.timing import interleaved, median_ms, pair_line, timed

BENCH_DB = Path(os.environ.get("BENCH_DB", "/tmp/bench200k.db"))


def floor_count(period) -> int:
    start = queries._db_start(period.trend_months()[0], DEFAULT_ZONE)
    end = queries._db_start(period.after, DEFAULT_ZONE)
    return bound_database().execute_sql(
        "SELECT count(*) FROM incident WHERE started_at >= ? AND started_at < ?",
        (start, end)).fetchone()[0]


@pytest.mark.perf
@pytest.mark.skipif(not BENCH_DB.exists(), reason=f"make {BENCH_DB} first (see the docstring)")
def test_statistics_at_200k(repeat, tmp_path):
    db = open_database(BENCH_DB)
    catalog = load_catalog(default_plans_dir())
    newest = Incident.select(Incident.started_at).order_by(Incident.started_at.desc()).scalar()
    month = parse_period(f"{newest:%Y-%m}").previous()  # the last whole month
    quarter = month.as_kind("quarter")
    lines = [f"\n{Incident.select().count()} incidents; month {month.label}, quarter "
             f"{quarter.label}"]
    for period in (month, quarter):
        lines += measured(catalog, period, repeat, tmp_path / f"{period.label}.pdf", newest)
    print("\n".join(lines))
    db.close()


def measured(catalog, period, repeat: int, out: Path, newest) -> list[str]:
    figures = queries.statistics(catalog, period, hall="", today=period.last)
    ours, floor = interleaved(
        timed(lambda: queries.statistics(catalog, period, hall="", today=period.last)),
        timed(lambda: floor_count(period)), max(repeat, 7))
    lines = [pair_line(f"statistics of {period.label} ({figures.total} incidents, "
                       f"{sum(m.incidents for m in figures.months)} in 12 months)",
                       ours, "bare count of the 12 months", floor)]
    start = queries._db_start(period.first, DEFAULT_ZONE)
    end = queries._db_start(period.after, DEFAULT_ZONE)
    bounds = [queries._db_start(m, DEFAULT_ZONE) for m in period.trend_months()] + [end]
    parts = {
        "counts by category, level, desk": lambda: (
            queries._by_category(catalog, start, end), queries._by_level(catalog, start, end),
            queries._grouped(Incident.desk, start, end)),
        "incidents by month (12)": lambda: queries._count_by_month(bounds),
        "missed and late by month (12)": lambda: queries._problems_by_month(bounds),
        "time to first action": lambda: queries.first_actions(start, end),
        "deadlines met": lambda: queries.deadlines_met(start, end),
        "seal": queries._seal,
    }
    lines += [f"  {what}: median {median_ms(part, repeat):.1f} ms" for what, part in parts.items()]
    from reports.statistics import render_statistics

    pdf_ms = median_ms(lambda: render_statistics(
        figures, out, generated_at=newest.replace(tzinfo=DEFAULT_ZONE)), 3)
    return [*lines, f"  the PDF (render only): median {pdf_ms:.0f} ms"]
