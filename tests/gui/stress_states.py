"""The states the desk is seen in under stress, each: how its database is prepared and how
the running desk is brought into it. Shared by the tests and tools/stress_screenshots.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.gui.driver import Desk

# Started this many minutes ago: each has missed its first report deadline when the desk
# opens (the alarm rings at once), but the last one.
SEVERAL = (("fire", 20), ("power_cut", 12), ("agitated_customer", 1))
# Three missed deadlines: the banner's text takes two lines at 1366 px.
MANY_MISSED = (("fire", 20), ("power_cut", 12), ("robbery", 25), ("customer_ill_injured", 25))


@dataclass(frozen=True)
class StressState:
    name: str
    prepared: dict = field(default_factory=dict)  # prepare_desk's arguments
    drive: Callable[[Desk], None] = lambda desk: None


def ringing(desk: Desk) -> None:
    desk.wait_for(lambda s: s["banner"] is not None, "the alarm banner")


def open_first_incident(desk: Desk) -> None:
    """The guided view of the first running incident, clicked in the strip."""
    desk.click_widget("openIncidentButton")
    desk.wait_for(lambda s: desk.place("incidentTitle") is not None, "the guided view")


def drill_with_inject(desk: Desk) -> None:
    """F4, the first scenario, start: its first inject is shown on the emergency screen.
    The start button is pressed in-process: at 1366×768 it lies below the fold (issue 14)."""
    desk.key("F4")
    desk.wait_for(lambda s: s["screen"] == "drills", "the drill screen")
    desk.press("startDrill")
    desk.key("F1")
    desk.wait_for(lambda s: desk.place("noticeLabel") is not None, "the drill's inject notice")


def ringing_in_guided_view(desk: Desk) -> None:
    ringing(desk)
    open_first_incident(desk)


# -- the windows the clerk works in besides the main one (opened from the guided view) ------
def _window_shown(desk: Desk, name: str) -> None:
    desk.wait_for(lambda s: any(w["name"] == name or w["class"] == name
                                for w in s["windows"] if w["class"] != "MainWindow"),
                  f"the {name} window")


def main_window(desk: Desk) -> None:
    """The guided view itself."""


def record_form(desk: Desk) -> None:
    desk.key("r")
    _window_shown(desk, "recordDialog")
    desk.wait_for(lambda s: s["active"] == "RecordDialog", "the record form to have the keys")


def level_helper(desk: Desk) -> None:
    desk.key("l")
    _window_shown(desk, "LevelDialog")


def confirmation(desk: Desk) -> None:
    desk.click_widget("resolveButton")  # "handling finished?" asks
    _window_shown(desk, "QMessageBox")


def readout(desk: Desk) -> None:
    desk.key("b")
    _window_shown(desk, "ReadoutDialog")


def reports(desk: Desk) -> None:
    """The formal reports upward (U): the next report prefilled, the reports filed."""
    desk.key("u")
    _window_shown(desk, "reportDialog")
    desk.wait_for(lambda s: s["active"] == "ReportDialog", "the reports window to have the keys")


def file_dialog(desk: Desk) -> None:
    """Qt's file dialog, from the record form's "Export PDF" (Ctrl+E)."""
    record_form(desk)
    desk.key("ctrl+e")
    _window_shown(desk, "fileDialog")


def ringing_with(open_window: Callable[[Desk], None]) -> Callable[[Desk], None]:
    def drive(desk: Desk) -> None:
        ringing_in_guided_view(desk)
        open_window(desk)
    return drive


STATES = [
    StressState("home"),
    StressState("one_alarm", {"started_minutes_ago": (("fire", 20),)}, ringing),
    StressState("two_line_alarm", {"started_minutes_ago": MANY_MISSED}, ringing),
    StressState("several_incidents", {"started_minutes_ago": SEVERAL}, ringing),
    StressState("guided_view", {"started_minutes_ago": SEVERAL}, ringing_in_guided_view),
    StressState("drill_inject", {}, drill_with_inject),
    StressState("drill_alarm", {"started_minutes_ago": SEVERAL},
                lambda desk: (ringing(desk), drill_with_inject(desk))),
    StressState("english", {"started_minutes_ago": SEVERAL, "language": "en"},
                ringing_in_guided_view),
    StressState("english_115", {"started_minutes_ago": SEVERAL, "language": "en",
                                "text_size": 115}, ringing_in_guided_view),
    StressState("english_130", {"started_minutes_ago": SEVERAL, "language": "en",
                                "text_size": 130}, ringing_in_guided_view),
    StressState("text_130", {"started_minutes_ago": SEVERAL, "text_size": 130}, ringing),
    StressState("text_130_guided", {"started_minutes_ago": SEVERAL, "text_size": 130},
                ringing_in_guided_view),
    StressState("record_form", {"started_minutes_ago": SEVERAL}, ringing_with(record_form)),
    StressState("level_helper", {"started_minutes_ago": SEVERAL}, ringing_with(level_helper)),
    StressState("reports", {"started_minutes_ago": SEVERAL}, ringing_with(reports)),
    StressState("reports_130_english", {"started_minutes_ago": SEVERAL, "language": "en",
                                        "text_size": 130}, ringing_with(reports)),
]
BY_NAME = {s.name: s for s in STATES}
