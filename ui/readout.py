"""The report to read out on the phone to the leader, assembled from what was recorded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.catalog import Catalog
from models.response import IncidentState

translate = QCoreApplication.translate
TIME_FORMAT = "%Y-%m-%d %H:%M"


def local_time(moment, fmt: str = "%H:%M:%S") -> str:
    return moment.astimezone().strftime(fmt)


def compose_readout(catalog: Catalog, state: IncidentState) -> str:
    s = state.summary
    sit = catalog.situation(s.situation_key)
    level = catalog.level(s.level)
    not_recorded = translate("Readout", "not recorded yet")
    notes = [e.text for e in state.entries if e.kind == "note"]
    actions = []
    for e in state.entries:
        if e.kind == "step_checked":
            actions.append(f"{local_time(e.at, '%H:%M')} {e.text}")
        elif e.kind == "called":
            actions.append(f"{local_time(e.at, '%H:%M')} "
                           + translate("Readout", "called {0}").format(e.text))
        elif e.kind == "reported":
            actions.append(f"{local_time(e.at, '%H:%M')} "
                           + translate("Readout", "reported to {0}").format(e.text))
    called = state.called_roles() | state.reported_roles()
    needed = []
    for step in sit.steps:
        for role_key in step.call:
            if role_key not in called and role_key not in needed:
                needed.append(role_key)
    place = " ".join(part for part in (state.hall, state.desk) if part) or not_recorded
    what = sit.name + ("：" + "；".join(notes) if notes else "")
    if s.is_drill:
        what = translate("Readout", "[DRILL] ") + what
    lines = [
        (translate("Readout", "Time"), local_time(s.started_at, TIME_FORMAT)),
        (translate("Readout", "Place"), place),
        (translate("Readout", "What happened"), what),
        (translate("Readout", "Level"), f"{level.name}（{level.short}）"),
        (translate("Readout", "People involved"), not_recorded),
        (translate("Readout", "Loss"), not_recorded),
        (translate("Readout", "Actions taken"), "；".join(actions) or
         translate("Readout", "none yet")),
        (translate("Readout", "What is needed"),
         "、".join(catalog.role(k).name for k in needed) or translate("Readout", "nothing more")),
    ]
    return "\n".join(f"{label}：{value}" for label, value in lines)
