"""Invariant (ii): nothing under the clerk's finger moves when a banner or a notice appears
or goes, or after F9 — the 110 bar, an urgent tile, a running incident's button, the guided
view's buttons keep their place on the screen."""

from __future__ import annotations

from tests.gui.driver import DeskDriveError
from tests.gui.stress_states import open_first_incident, ringing

# (object name, text it holds): each of the bar's three buttons, not only the first (110)
BAR = (("emergencyNumber", "110"), ("emergencyNumber", "119"), ("emergencyNumber", "120"))
HOME_TARGETS = (*BAR, ("urgentButton", ""), ("category_fire_safety", ""))
GUIDED_TARGETS = (*BAR, ("resolveButton", ""), ("recordButton", ""), ("levelButton", ""))


def places(desk, targets) -> dict[str, list[int] | None]:
    return {f"{name} {text}".strip(): desk.place(name, text) for name, text in targets}


def places_before(desk, names) -> dict[str, list[int]]:
    shown = places(desk, names)
    if not all(shown.values()):
        raise DeskDriveError(f"a target is not shown to begin with: {shown}")
    bar = {tuple(shown[f"{name} {text}"]) for name, text in BAR if f"{name} {text}" in shown}
    if len(bar) != len(BAR):  # three buttons, three places: each is watched
        raise DeskDriveError(f"the bar's buttons are not told apart: {bar}")
    return shown


def assert_still(before: dict, after: dict) -> None:
    moved = {name: (before[name], after[name]) for name in before if before[name] != after[name]}
    assert not moved, f"moved (before, after): {moved}"


def test_nothing_moves_when_f9_puts_the_alarm_away(launch_desk):
    desk = launch_desk(started_minutes_ago=(("fire", 20),))
    ringing(desk)
    before = places_before(desk, HOME_TARGETS)
    desk.key("F9")
    desk.wait_for(lambda s: s["banner"] is None, "the banner to go after F9")
    assert_still(before, places(desk, HOME_TARGETS))


def test_nothing_moves_when_an_alarm_starts_ringing(launch_desk):
    desk = launch_desk(started_minutes_ago=(("fire", 1),))
    open_first_incident(desk)
    if desk.state()["banner"] is not None:
        raise DeskDriveError("the alarm rang before the clock was moved on")
    before = places_before(desk, GUIDED_TARGETS)
    desk.advance(2 * 3600)  # every deadline of the incident passes at the next tick
    ringing(desk)
    assert_still(before, places(desk, GUIDED_TARGETS))


def test_nothing_moves_when_a_press_is_answered(launch_desk):
    desk = launch_desk()
    before = places_before(desk, HOME_TARGETS)
    desk.key("F10")  # no incident: the desk shows 110 to dial and that nothing was recorded
    desk.wait_for(lambda s: desk.place("pressAnswerNumber", "110"), "the answer")
    assert_still(before, places(desk, HOME_TARGETS))
