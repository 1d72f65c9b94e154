"""The desk's strip of the hall's other desks: its own incidents left out, the others with
their next countdown, a remote miss in red; hidden when not enrolled; in the header, so the
emergency screen keeps every pixel at 1366×709."""

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock
from models.services.hall import Hall
from models.store.settings import SettingsStore, put_on_duty
from models.sync import state
from models.sync.state import Enrolment
from tests.ui.board.recorded_hub import RecordedHub
from ui.board.board_controller import BoardController
from ui.board.hall_strip import HallStrip, build_hall_strip
from ui.window.desk import build_desk


def strip_of(qtbot, own):
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    hub = RecordedHub()
    controller = BoardController(client=hub, now=clock.now, hall=Hall(own=own))
    strip = HallStrip(controller=controller)
    qtbot.addWidget(strip)
    controller.start()
    qtbot.waitUntil(lambda: controller.hall.cursor == 41, timeout=5000)  # both folded
    return strip, controller


def test_the_other_desks_show_and_the_own_does_not(qtbot):
    strip, controller = strip_of(qtbot, own="d3")
    try:
        text = strip.text()
        assert text.startswith("本厅其他窗口：")
        assert "1号台 火灾 超时" in text  # its miss, in red
        assert "2号台 【演练】停电" in text
        assert "3号台" not in text  # this desk's own
        assert strip.property("state") == "alarm"
    finally:
        controller.stop()


def test_a_quiet_hall_says_so(qtbot):
    strip, controller = strip_of(qtbot, own="d1")
    try:
        assert "1号台" not in strip.text()
        assert strip.property("state") == "running"  # the others run: not red
    finally:
        controller.stop()


def layout(qtbot, shipped_catalog, plan, clock, store):
    desk = build_desk(catalog=shipped_catalog, plan=plan, clock=clock, store=store,
                      hall_strip=lambda now: build_hall_strip(enrolment=state.enrolment(),
                                                              now=now))
    window = desk.window
    qtbot.addWidget(window)
    window.resize(1366, 709)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    screen = window.screen("emergency")
    places = [w.geometry().translated(w.mapTo(window, w.rect().topLeft()) - w.pos())
              for w in (window.stack, screen.strip, *screen.numbers.buttons.values())]
    return desk, places


@pytest.mark.usefixtures("desk_look")
def test_enrolled_the_strip_is_in_the_header_and_nothing_else_moves(
        qtbot, tmp_path, controller, shipped_catalog, clock):
    store = SettingsStore(tmp_path / "s.json")
    put_on_duty(store, "张三")
    plan = controller.service.plan
    alone, before = layout(qtbot, shipped_catalog, plan, clock, store)
    assert alone.hall_strip is None  # not enrolled: no strip, no link
    state.enrol(Enrolment("http://127.0.0.1:9", "h", "d1", "edk1.t", "x", "城东"), clock.now())
    enrolled, after = layout(qtbot, shipped_catalog, plan, clock, store)
    strip = enrolled.hall_strip
    assert strip is not None and strip.isVisible()
    assert strip.parent() is enrolled.header
    assert after == before
    assert enrolled.header.height() == alone.header.height()


@pytest.mark.usefixtures("desk_look")
def test_the_longest_sync_state_in_the_header_moves_nothing(
        qtbot, tmp_path, controller, shipped_catalog, clock):
    """A desk run in English (the source language) shows its longest sync state beside the
    strip: the window keeps its width at 1366, the emergency bar and 110/119/120 their places."""
    store = SettingsStore(tmp_path / "s.json")
    put_on_duty(store, "张三")
    state.enrol(Enrolment("http://127.0.0.1:9", "h", "d1", "edk1.t", "x", "城东"), clock.now())
    desk, before = layout(qtbot, shipped_catalog, controller.service.plan, clock, store)
    longest = ("This file is older than the hub's copy (restored from a backup?): "
               "not syncing")
    desk.header.set_sync(longest)
    QApplication.processEvents()
    window = desk.window
    screen = window.screen("emergency")
    after = [w.geometry().translated(w.mapTo(window, w.rect().topLeft()) - w.pos())
             for w in (window.stack, screen.strip, *screen.numbers.buttons.values())]
    assert after == before
    assert desk.header.sync.text() == longest  # whole, in its tooltip too
