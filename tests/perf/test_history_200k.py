"""History at ten years of a busy hall: 200,000 incidents.

Make the database once (about 7 minutes), then run the benchmark:
    uv run main.py demo --incidents 200000 --days 3650 --db /tmp/bench200k.db
    BENCH_DB=/tmp/bench200k.db uv run pytest tests/perf/test_history_200k.py -m perf -s
"""

import os
import resource
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import SystemClock
from models.clock.workdays import HolidayCalendar
from models.plans.loader import load_catalog
from models.store.paths import default_plans_dir
from models.store.schema import open_database
from models.store.tables import Incident
from tests.helpers.hall import HALL
from tests.helpers.wiring import history_screen, record_form
from tests.perf.timing import median_ms

BENCH_DB = Path(os.environ.get("BENCH_DB", "/tmp/bench200k.db"))


@pytest.mark.perf
@pytest.mark.skipif(not BENCH_DB.exists(), reason=f"make {BENCH_DB} first (see the docstring)")
def test_history_at_200k(qtbot):
    db = open_database(BENCH_DB)
    catalog = load_catalog(default_plans_dir())
    count = Incident.select().count()

    def act():
        return Act(Who("城东营业厅", "1号台", "李主管"), SystemClock().now(), HolidayCalendar())

    figures = {}
    started = time.perf_counter()
    screen = history_screen(catalog=catalog, act=act)  # the desk builds it on the first F2
    qtbot.addWidget(screen)
    screen.resize(1234, 700)
    figures["build the history screen (first F2, no query)"] = (
        time.perf_counter() - started) * 1000
    started = time.perf_counter()
    screen.show()  # F2: counts and loads the first page
    figures["open the history (F2: count and first page)"] = (
        time.perf_counter() - started) * 1000

    screen.category.setCurrentIndex(screen.category.findData("systems"))
    screen.situation.setCurrentIndex(screen.situation.findData("hotline_failure"))
    screen.first_day.setDate(datetime.now(HALL).date() - timedelta(days=365))
    screen.last_day.setDate(datetime.now(HALL).date())
    figures["filter by situation and a year"] = median_ms(screen.apply)
    screen.category.setCurrentIndex(0)
    screen.all_dates.setChecked(True)
    for text in ("停电", "一楼大厅", "监控录像", "火"):
        screen.search.setText(text)
        figures[f"text search “{text}”"] = median_ms(screen.apply)
    screen.search.clear()
    screen.apply()
    figures["scroll: next page"] = median_ms(screen.model.fetchMore)
    ids = [r.id for r in screen.model.rows[:5]]
    figures["open a record (with its integrity check)"] = median_ms(
        lambda: record_form(catalog=catalog, incident_id=ids[0], act=act).deleteLater())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size_mb = BENCH_DB.stat().st_size / 1e6
    print(f"\n{count} incidents, database {size_mb:.0f} MB "
          f"({size_mb * 1e6 / count / 1024:.1f} KB per incident)")
    for what, ms in figures.items():
        print(f"  {what}: {ms:.1f} ms")
    print(f"  peak memory of the test process: {rss_mb:.0f} MB")
    db.close()
