"""A press on a situation until the guided response has been painted, for every situation, on
the whole desk as the clerk has it (real stylesheet and font, 1366x768, deadlines ticking):
the click, the incident and its deadlines written, the view filled, and the window's repaint
finished. Its floor, measured turn about: showing the guided view already built (from the
category page, the view as the last press left it, switched to and painted) — the issue's
target is within 3x of it. The new incident's timer cards are drawn just after the guided
view's paint (ui/common/after_paint.py): when they have been painted is printed too.

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import SystemClock
from tests.perf.paint_clock import PaintDone
from tests.perf.styled_desk import styled_desk
from tests.perf.timing import p95, pair_line
from tests.ui.conftest import desk_look  # noqa: F401  (the desk's font and stylesheet)


def press_to_painted_ms(qtbot, desk, watch: PaintDone, situation,
                        ) -> tuple[float, float | None]:
    """Press the situation's button on its category page; ms until the guided view has been
    painted, and until the timer cards have (drawn just after the guided view's paint; None
    when the incident owes nothing yet). The incident is cancelled again after the next
    press, outside the timing."""
    desk.emergency.show_category(situation.category)
    page = desk.emergency.stack.currentWidget()
    QApplication.processEvents()  # the category page is painted; only the press is timed
    watch.reset()
    pressed = time.perf_counter()
    QTest.mouseClick(page.buttons[situation.key], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: watch.done_at is not None, timeout=5000)
    guided_ms = (watch.done_at - pressed) * 1000
    started = desk.emergency.guided.incident_id
    if not any(view.incident_id == started for view in desk.deadlines.views):
        return guided_ms, None
    qtbot.waitUntil(lambda: watch.later_done_at is not None, timeout=5000)
    return guided_ms, (watch.later_done_at - pressed) * 1000


def show_built_ms(qtbot, desk, watch: PaintDone, situation) -> float:
    """The floor: from the same category page, the guided view as already built is shown and
    painted (nothing started, nothing filled)."""
    desk.emergency.show_category(situation.category)
    QApplication.processEvents()
    watch.reset()
    asked = time.perf_counter()
    desk.emergency.stack.setCurrentWidget(desk.emergency.guided)
    qtbot.waitUntil(lambda: watch.done_at is not None, timeout=5000)
    return (watch.done_at - asked) * 1000


@pytest.mark.perf
@pytest.mark.usefixtures("desk_look")
def test_press_to_guided_view_painted(qtbot, tmp_path, desk_db, shipped_catalog):
    desk = styled_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], SystemClock())
    guided = desk.emergency.guided
    watch = PaintDone(guided, later=desk.timer_panel)
    qtbot.waitUntil(guided.plans_built, timeout=60_000)  # the desk has idled after starting
    for label in ("first press of each situation", "a situation pressed before"):
        presses, cards, floors = [], [], []
        previous = None  # kept open until the next press: the floor shows an open one
        for index, situation in enumerate(shipped_catalog.situations):  # turn about
            if index % 2:
                floors.append(show_built_ms(qtbot, desk, watch, situation))
            guided_ms, cards_ms = press_to_painted_ms(qtbot, desk, watch, situation)
            presses.append(guided_ms)
            if cards_ms is not None:
                cards.append((cards_ms, cards_ms - guided_ms))
            if not index % 2:
                floors.append(show_built_ms(qtbot, desk, watch, situation))
            if previous is not None:
                desk.incidents.cancel(previous)
            previous = guided.incident_id
        desk.incidents.cancel(previous)
        print("\n" + pair_line(f"press → guided view painted, styled desk ({label})",
                               presses, "showing the guided view already built", floors))
        total, after = [c for c, _ in cards], [a for _, a in cards]
        print(f"press → its timer cards painted ({label}, {len(cards)} presses that start "
              f"deadlines): median {statistics.median(total):.1f} ms (p95 {p95(total):.1f} "
              f"ms), {statistics.median(after):.1f} ms after the guided view "
              f"(p95 {p95(after):.1f} ms)")
