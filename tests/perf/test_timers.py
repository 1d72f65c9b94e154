"""Timer benchmarks: how soon the alarm fires after a deadline with the real clock, and how
long one panel refresh tick takes with 200 open deadlines.

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time
from datetime import timedelta

import pytest

from models.clock.clocks import SystemClock, to_db
from models.store.settings import SettingsStore
from models.store.tables import Deadline, Incident
from ui.window.desk import build_desk


def make_desk(qtbot, tmp_path, catalog, plan):
    desk = build_desk(catalog=catalog, plan=plan, clock=SystemClock(),
                      store=SettingsStore(tmp_path / "settings.json"))
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    return desk


@pytest.mark.perf
def test_alarm_fires_within_a_second_of_the_deadline(qtbot, tmp_path, desk_db,
                                                     shipped_catalog):
    desk = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    delays = []
    for _ in range(5):
        desk.emergency.start("fire")
        row = Deadline.select().order_by(Deadline.id.desc()).get()
        due = SystemClock().now() + timedelta(seconds=1.5)
        Deadline.update(due_at=to_db(due)).where(Deadline.id == row.id).execute()
        desk.start()  # reload with the near due time, ticking with the real clock
        with qtbot.waitSignal(desk.deadlines.alarm_changed, timeout=5000):
            pass
        delays.append((SystemClock().now() - due).total_seconds())
        desk.deadlines.acknowledge_all()
        Incident.update(status="closed").execute()
        desk.deadlines.reload()
    print(f"\nalarm after the deadline (real clock, 5 runs): median {statistics.median(delays):.3f}"
          f" s, max {max(delays):.3f} s")


@pytest.mark.perf
def test_panel_tick_with_200_open_deadlines(qtbot, tmp_path, desk_db, shipped_catalog):
    desk = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    for index in range(60):  # hotline (4 clocks at start) and machines (3), alternately
        desk.incidents.start("hotline_failure" if index % 2 else "self_service_failure")
    desk.deadlines.reload()
    count = len(desk.deadlines.views)
    assert count >= 200
    times = []
    for _ in range(60):
        started = time.perf_counter()
        desk.deadlines.tick()
        times.append((time.perf_counter() - started) * 1000)
    print(f"\npanel refresh tick with {count} open deadlines: median "
          f"{statistics.median(times):.2f} ms, max {max(times):.2f} ms")
