"""Latency from a press on a situation to the guided response painted, for every situation.

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from models.clock.act import Who
from models.clock.clocks import SystemClock
from tests.helpers.wiring import incident_controller
from ui.emergency.emergency_screen import EmergencyScreen


class PaintClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at = None

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


@pytest.mark.perf
def test_press_to_guided_view_painted(qtbot, desk_db, shipped_catalog):
    _, plan = desk_db
    controller = incident_controller(catalog=shipped_catalog, plan=plan, clock=SystemClock(),
                                     who=lambda: Who("城东营业厅", "1号台", "张三"))
    screen = EmergencyScreen(controller=controller)
    qtbot.addWidget(screen)
    screen.resize(1234, 724)
    screen.show()
    qtbot.waitExposed(screen)
    watcher = PaintClock()
    screen.guided.installEventFilter(watcher)
    for rounds, label in ((1, "first press of each situation"),
                          (2, "a situation pressed before")):
        times = []
        for sit in shipped_catalog.situations:
            screen.show_category(sit.category)
            page = screen.stack.currentWidget()
            QApplication.processEvents()  # the category page is painted; only the press is timed
            watcher.painted_at = None
            pressed = time.perf_counter()
            QTest.mouseClick(page.buttons[sit.key], Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: watcher.painted_at is not None, timeout=5000)
            times.append((watcher.painted_at - pressed) * 1000)
            controller.cancel(screen.guided.incident_id)  # one incident open at a time
        print(f"\npress → guided view painted ({label}, round {rounds}, {len(times)} "
              f"situations): median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")
