"""The daily view filled with a busy day and with two months: the window must keep answering.

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import SystemClock
from models.demo import generate
from tests.helpers.hall import HALL
from tests.ui.conftest import desk_look  # noqa: F401  (the desk's font and stylesheet)


@pytest.mark.perf
@pytest.mark.parametrize(("incidents", "days"), [(300, 1), (2000, 60)])
@pytest.mark.usefixtures("desk_look")
def test_daily_view_refresh(qtbot, desk_db, shipped_catalog, repeat, incidents, days):
    from tests.helpers.wiring import daily_view

    end = datetime.now(HALL).replace(hour=18, minute=0, second=0, microsecond=0)
    generate(shipped_catalog, desk_db[1], incidents=incidents, days=days, end=end)
    view = daily_view(catalog=shipped_catalog, hall=lambda: "城东营业厅", clock=SystemClock())
    qtbot.addWidget(view)
    view.resize(1234, 560)
    view.show()
    qtbot.waitExposed(view)
    first = (end - timedelta(days=days - 1)).date()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        view.show_days(first, end.date())
        view.repaint()
        QApplication.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    assert view.rows.rowCount() >= incidents * 0.9
    print(f"\ndaily view, {view.rows.rowCount()} rows over {days} day(s): refresh and paint "
          f"median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")
