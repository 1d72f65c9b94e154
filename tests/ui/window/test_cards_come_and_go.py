"""Every situation pressed and cancelled in turn on the whole styled desk, as a busy desk
does it, each press painted before the next: the desk survives. (PySide 6.11 crashed now and
then in Qt's deletion of a timer card whose layout held nested layouts: a segfault in
Shiboken::BindingManager::releaseWrapper from ~QBoxLayout, in about every second run of this
sequence.)"""

import pytest

from models.clock.clocks import SystemClock
from tests.perf.paint_clock import PaintDone
from tests.perf.styled_desk import styled_desk
from tests.perf.test_press_latency import press_to_painted_ms, show_built_ms


@pytest.mark.usefixtures("desk_look")
def test_every_situation_pressed_and_cancelled_in_turn(qtbot, tmp_path, desk_db,
                                                       shipped_catalog):
    desk = styled_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], SystemClock())
    guided = desk.emergency.guided
    watch = PaintDone(guided, later=desk.timer_panel)  # and each press's cards painted
    qtbot.waitUntil(guided.plans_built, timeout=60_000)
    previous = None
    for _round in range(2):
        for situation in shipped_catalog.situations:
            show_built_ms(qtbot, desk, watch, situation)
            press_to_painted_ms(qtbot, desk, watch, situation)
            if previous is not None:
                assert desk.incidents.cancel(previous)
            previous = guided.incident_id
    assert desk.incidents.cancel(previous)
    qtbot.waitUntil(lambda: desk.timer_panel.cards == {})
    assert desk.incidents.open_incidents() == []
