"""A press on a situation until the guided response has been painted, for every situation, on
the whole desk as the clerk has it (real stylesheet and font, 1366x768, deadlines ticking):
the click, the incident and its deadlines written, the view filled, and the window's repaint
finished. Its floor, measured turn about: showing the guided view already built (from the
category page, the view as the last press left it, switched to and painted) — the issue's
target is within 3x of it.

Run: uv run pytest tests/perf -m perf -s
"""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import SystemClock
from tests.perf.paint_clock import PaintDone
from tests.perf.styled_desk import styled_desk
from tests.perf.timing import pair_line
from tests.ui.conftest import desk_look  # noqa: F401  (the desk's font and stylesheet)


def press_to_painted_ms(qtbot, desk, watch: PaintDone, situation) -> float:
    """Press the situation's button on its category page; ms until the guided view has been
    painted. The incident is cancelled again after the next press, outside the timing."""
    desk.emergency.show_category(situation.category)
    page = desk.emergency.stack.currentWidget()
    QApplication.processEvents()  # the category page is painted; only the press is timed
    watch.reset()
    pressed = time.perf_counter()
    QTest.mouseClick(page.buttons[situation.key], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: watch.done_at is not None, timeout=5000)
    return (watch.done_at - pressed) * 1000


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
    watch = PaintDone(guided)
    qtbot.waitUntil(guided.plans_built, timeout=60_000)  # the desk has idled after starting
    for label in ("first press of each situation", "a situation pressed before"):
        presses, floors = [], []
        previous = None  # kept open until the next press: the floor shows an open one
        for index, situation in enumerate(shipped_catalog.situations):  # turn about
            if index % 2:
                floors.append(show_built_ms(qtbot, desk, watch, situation))
            presses.append(press_to_painted_ms(qtbot, desk, watch, situation))
            if not index % 2:
                floors.append(show_built_ms(qtbot, desk, watch, situation))
            if previous is not None:
                desk.incidents.cancel(previous)
            previous = guided.incident_id
        desk.incidents.cancel(previous)
        print("\n" + pair_line(f"press → guided view painted, styled desk ({label})",
                               presses, "showing the guided view already built", floors))
