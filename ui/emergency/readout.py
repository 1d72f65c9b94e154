"""The report to read out on the phone to the leader, assembled from what was recorded."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from models.incidents.response import IncidentState
from models.plans.catalog import Catalog
from ui.common.time_text import local_time

translate = QCoreApplication.translate
TIME_FORMAT = "%Y-%m-%d %H:%M"


def compose_readout(catalog: Catalog, state: IncidentState,
                    record: dict[str, str] | None = None, *, zone: ZoneInfo) -> str:
    """`record`: the record form's text as typed so far (place, people, loss...); times on the
    clock of the hall's `zone`."""
    record = {k: v.strip() for k, v in (record or {}).items() if isinstance(v, str)}
    s = state.summary
    sit = catalog.situation(s.situation_key)
    level = catalog.level(s.level)
    not_recorded = translate("Readout", "not recorded yet")
    notes = [e.text for e in state.entries if e.kind == "note"]
    actions = []
    for e in state.actions_taken():
        if e.kind == "step_checked":
            actions.append(f"{local_time(e.at, zone, '%H:%M')} {e.text}")
        elif e.kind == "called":
            actions.append(f"{local_time(e.at, zone, '%H:%M')} "
                           + translate("Readout", "called {0}").format(e.text))
        elif e.kind == "reported":
            actions.append(f"{local_time(e.at, zone, '%H:%M')} "
                           + translate("Readout", "reported to {0}").format(e.text))
        elif e.kind == "deadline_met":
            actions.append(f"{local_time(e.at, zone, '%H:%M')} "
                           + translate("Readout", "done: {0}").format(e.text))
    called = state.called_roles() | state.reported_roles()
    needed = []
    for step in sit.steps:
        for role_key in step.call:
            if role_key not in called and role_key not in needed:
                needed.append(role_key)
    place = " ".join(part for part in (state.hall, state.desk, record.get("place", ""))
                     if part) or not_recorded
    what = sit.name + ("：" + "；".join(filter(None, [record.get("description", ""), *notes]))
                       if record.get("description") or notes else "")
    if s.is_drill:
        what = translate("Readout", "[DRILL] ") + what
    lines = [
        (translate("Readout", "Time"), local_time(s.started_at, zone, TIME_FORMAT)),
        (translate("Readout", "Place"), place),
        (translate("Readout", "What happened"), what),
        (translate("Readout", "Level"), f"{level.name}（{level.short}）"),
        (translate("Readout", "People involved"),
         "；".join(filter(None, (record.get("people"), record.get("injuries"))))
         or not_recorded),
        (translate("Readout", "Loss"), _loss(record) or not_recorded),
        (translate("Readout", "Actions taken"), "；".join(actions) or
         translate("Readout", "none yet")),
        (translate("Readout", "What is needed"),
         "、".join(catalog.role(k).name for k in needed) or translate("Readout", "nothing more")),
    ]
    return "\n".join(f"{label}：{value}" for label, value in lines)


def _loss(record: dict[str, str]) -> str:
    amount = record.get("loss_amount", "")
    parts = [translate("Readout", "{0} yuan").format(amount) if amount else "",
             record.get("loss_items", "")]
    return "；".join(p for p in parts if p)
