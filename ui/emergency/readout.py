"""The report to read out on the phone to the leader, worded from the facts the domain
assembles (models.incidents.readout)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.plans.catalog import Catalog
from models.services.incidents import IncidentState, Readout, ReadoutAction, readout
from ui.common.time_text import local_time

translate = QCoreApplication.translate
TIME_FORMAT = "%Y-%m-%d %H:%M"


def compose_readout(catalog: Catalog, state: IncidentState,
                    record: dict[str, str] | None = None, *, zone: ZoneInfo) -> str:
    """`record`: the record form's text as typed so far (place, people, loss...); times on the
    clock of the hall's `zone`."""
    return readout_text(readout(catalog, state, record), zone)


def readout_text(r: Readout, zone: ZoneInfo) -> str:
    not_recorded = translate("Readout", "not recorded yet")
    details = [d for d in (r.description, *r.notes) if d]
    what = r.situation + ("：" + "；".join(details) if r.description or r.notes else "")
    if r.is_drill:
        what = translate("Readout", "[DRILL] ") + what
    lines = [
        (translate("Readout", "Time"), local_time(r.started_at, zone, TIME_FORMAT)),
        (translate("Readout", "Place"), " ".join(r.place) or not_recorded),
        (translate("Readout", "What happened"), what),
        (translate("Readout", "Level"), f"{r.level_name}（{r.level_short}）"),
        (translate("Readout", "People involved"), "；".join(r.people) or not_recorded),
        (translate("Readout", "Loss"), _loss(r) or not_recorded),
        (translate("Readout", "Actions taken"), "；".join(_action(a, zone) for a in r.actions) or
         translate("Readout", "none yet")),
        (translate("Readout", "What is needed"),
         "、".join(_needed(r)) or translate("Readout", "nothing more")),
    ]
    return "\n".join(f"{label}：{value}" for label, value in lines)


def _action(action: ReadoutAction, zone: ZoneInfo) -> str:
    words = {"called": translate("Readout", "called {0}"),
             "reported": translate("Readout", "reported to {0}"),
             "deadline_met": translate("Readout", "done: {0}")}
    text = words[action.kind].format(action.text) if action.kind in words else action.text
    return f"{local_time(action.at, zone, '%H:%M')} {text}"


def _needed(r: Readout) -> list[str]:
    """The roles still to reach; one pressed with no number on file says so (it was not
    called: the leader may know a number)."""
    missing = translate("Readout", "{0} (no number on file)")
    return [missing.format(name) if name in r.no_number else name for name in r.needed]


def _loss(r: Readout) -> str:
    parts = [translate("Readout", "{0} yuan").format(r.loss_amount) if r.loss_amount else "",
             r.loss_items]
    return "；".join(p for p in parts if p)
