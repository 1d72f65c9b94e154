"""Invariants (iii) and (iv): F9 puts the alarm away and F10 / F11 / F12 record a call from
every window the clerk works in — the main window, the record form, the level helper, a
confirmation, the read-out, Qt's file dialog, the reports upward — and a click on the 110
bar while a dialog is open is recorded. Keys and clicks go through the X server and the
window manager (xdotool), to whichever window has the focus; the calls are read back from the
database's timeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.gui.driver import Desk
from tests.gui.stress_states import (
    confirmation,
    file_dialog,
    level_helper,
    main_window,
    open_first_incident,
    readout,
    record_form,
    reports,
)

# One incident a minute old: no deadline missed yet, the window fits, the bar is reachable.
FRESH = {"started_minutes_ago": (("fire", 1),)}
NUMBERS = {"F10": "110", "F11": "119", "F12": "120"}


WINDOWS = [
    pytest.param(main_window, id="main"),
    pytest.param(record_form, id="record_form"),
    pytest.param(level_helper, id="level_helper"),
    pytest.param(confirmation, id="confirmation"),
    pytest.param(readout, id="readout"),
    pytest.param(file_dialog, id="file_dialog"),
    pytest.param(reports, id="reports"),
]


@pytest.mark.parametrize("open_window", WINDOWS)
def test_f9_to_f12_work_from_every_window(launch_desk, open_window: Callable[[Desk], None]):
    desk = launch_desk(**FRESH)
    open_first_incident(desk)
    open_window(desk)
    desk.advance(2 * 3600)  # deadlines pass while the window is open: the alarm rings
    desk.wait_for(lambda s: s["alarming"] > 0, "the alarm")
    desk.key("F9")
    acknowledged = desk.holds_within(lambda s: s["alarming"] == 0)
    before = len(desk.calls())
    desk.key(*NUMBERS)
    desk.holds_within(lambda _s: len(desk.calls()) >= before + len(NUMBERS))
    new = desk.calls()[before:]
    lost = [key for key, number in NUMBERS.items() if not any(number in c for c in new)]
    assert acknowledged, "F9 did not put the alarm away"
    assert not lost, f"no call recorded for {lost} (recorded: {new})"


UNDER = [
    pytest.param(record_form, id="record_form"),
    pytest.param(level_helper, id="level_helper"),
    pytest.param(confirmation, id="confirmation"),
    pytest.param(readout, id="readout"),
    pytest.param(file_dialog, id="file_dialog"),
]


@pytest.mark.parametrize("open_window", UNDER)
def test_a_click_on_110_under_a_dialog_is_recorded(launch_desk, open_window):
    desk = launch_desk(**FRESH)
    open_first_incident(desk)
    open_window(desk)
    before = len(desk.calls())
    desk.click_widget("emergencyNumber", "110")
    assert any("110" in call for call in desk.calls_after(before)), "the 110 press was lost"
