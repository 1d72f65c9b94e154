"""Timer benchmarks: how soon the alarm fires after a deadline with the real clock, and how
long one tick takes with 200 open deadlines on the styled desk, repaint of the timer panel
included, against repainting the same panel with nothing changed (turn about).

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock, SystemClock, to_db
from models.store.settings import SettingsStore
from models.store.tables import Deadline, Incident
from tests.perf.styled_desk import styled_desk
from tests.perf.timing import elapsed_ms, interleaved, pair_line
from tests.ui.conftest import desk_look  # noqa: F401  (the desk's font and stylesheet)
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
@pytest.mark.usefixtures("desk_look")
def test_tick_with_200_open_deadlines_and_its_repaint(qtbot, tmp_path, desk_db,
                                                      shipped_catalog, repeat):
    clock = FakeClock()
    desk = styled_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], clock)
    for index in range(60):  # hotline (4 clocks at start) and machines (3), alternately
        desk.incidents.start("hotline_failure" if index % 2 else "self_service_failure")
    desk.deadlines.reload()
    count = len(desk.deadlines.views)
    assert count >= 200
    panel = desk.timer_panel
    QApplication.processEvents()

    def tick() -> float:
        """One second later: every countdown changes (no deadline comes due in these
        minutes, as on most ticks); the panel repainted at once and timed to its end."""
        clock.advance(seconds=1)
        ms = elapsed_ms(lambda: (desk.deadlines.tick(), panel.repaint()))
        QApplication.processEvents()  # what else the tick marked dirty, outside the timing
        return ms

    def repaint() -> float:
        return elapsed_ms(panel.repaint)

    ticks, floors = interleaved(tick, repaint, rounds=10 * repeat)
    assert all(v.status == "pending" for v in desk.deadlines.views)  # the ordinary tick
    print("\n" + pair_line(f"tick with {count} open deadlines, timer panel repainted", ticks,
                           "the same panel repainted unchanged", floors, digits=2))


@pytest.mark.perf
@pytest.mark.usefixtures("desk_look")
def test_tick_with_200_deadlines_alarming_to_the_window_painted(qtbot, tmp_path, desk_db,
                                                                 shipped_catalog, repeat):
    """The ordinary tick under stress: 200+ open deadlines, 20 of them missed (their cards
    flash, the banner counts), the strip scrolled to its middle; timed from the tick to the
    end of the window's paint (tests/perf/paint_clock.py), against the same window asked to
    repaint the panel with nothing changed."""
    import time

    from tests.perf.paint_clock import PaintDone

    clock = FakeClock()
    desk = styled_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], clock)
    for index in range(60):
        desk.incidents.start("hotline_failure" if index % 2 else "self_service_failure")
    late = [row.id for row in Deadline.select().order_by(Deadline.id).limit(20)]
    Deadline.update(due_at=to_db(clock.now() - timedelta(seconds=5))).where(
        Deadline.id.in_(late)).execute()
    desk.deadlines.reload()
    desk.deadlines.tick()  # the 20 are missed: the alarm stands
    panel = desk.timer_panel
    bar = panel.scroll.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    QApplication.processEvents()
    done = PaintDone(panel)

    def painted_after(action) -> float:
        done.reset()
        started = time.perf_counter()
        action()
        while done.done_at is None:
            QApplication.processEvents()
        return (done.done_at - started) * 1000

    def tick() -> float:
        clock.advance(seconds=1)
        return painted_after(desk.deadlines.tick)

    def unchanged() -> float:
        return painted_after(panel.update)

    ticks, floors = interleaved(tick, unchanged, rounds=10 * repeat)
    count = len(desk.deadlines.views)
    missed = sum(v.status == "missed" for v in desk.deadlines.views)
    assert count >= 200 and missed >= 20 and desk.deadlines.alarming()
    print("\n" + pair_line(f"tick with {count} open deadlines ({missed} missed), window painted",
                           ticks, "the panel repainted unchanged", floors, digits=2))
