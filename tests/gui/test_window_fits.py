"""Invariant (i): in every state the desk is seen in under stress, each of its windows lies
within the work area the window manager leaves above the taskbar (1366×728)."""

from __future__ import annotations

import pytest

from tests.gui.driver import WORK_AREA, DeskDriveError, within
from tests.gui.stress_states import STATES


@pytest.mark.parametrize("state", STATES, ids=lambda state: state.name)
def test_every_window_lies_within_the_work_area(launch_desk, state):
    desk = launch_desk(**state.prepared)
    state.drive(desk)
    shown = desk.state()
    if shown["available"] != list(WORK_AREA):
        raise DeskDriveError(f"the taskbar margin is not in place: {shown['available']}")
    outside = [f"{w['class']} {w['title']!r} {w['frame']}" for w in shown["windows"]
               if not within(w["frame"], WORK_AREA)]
    assert not outside, f"outside the work area {WORK_AREA}: {outside}"
