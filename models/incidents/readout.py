"""The report read out on the phone to the leader: which facts, in which order, from what was
recorded and what the plan still asks for. Plain data; the screen words it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from models.incidents.response import NO_NUMBER, IncidentState
from models.plans.calls import plan_calls, still_to_call
from models.plans.catalog import Catalog

ACTION_KINDS = ("step_checked", "called", "reported", "deadline_met")  # notes go with "what"


@dataclass(frozen=True)
class ReadoutAction:
    at: datetime
    kind: str  # one of ACTION_KINDS
    text: str  # the step, whom called or reported to, the deadline met


@dataclass(frozen=True)
class Readout:
    """The facts in the order they are read: time, place, what happened, level, people
    involved, loss, actions taken, what is needed. An empty field is not recorded yet."""

    started_at: datetime
    place: tuple[str, ...]  # hall, desk and the recorded place, those known
    is_drill: bool
    situation: str
    description: str  # the record form's, as typed so far
    notes: tuple[str, ...]  # the quick notes, in order
    level_name: str
    level_short: str
    people: tuple[str, ...]  # the people involved and the injuries, those recorded
    loss_amount: str
    loss_items: str
    actions: tuple[ReadoutAction, ...]
    needed: tuple[str, ...]  # names of the roles the plan calls not yet called or reported to
    no_number: tuple[str, ...] = ()  # of those, the ones pressed with no number on file


def readout(catalog: Catalog, state: IncidentState,
            record: Mapping[str, object] | None = None) -> Readout:
    """`record`: the record form's text as typed so far (place, people, loss...)."""
    typed = {k: v.strip() for k, v in (record or {}).items() if isinstance(v, str)}
    s = state.summary
    sit = catalog.situation(s.situation_key)
    level = catalog.level(s.level)
    reached = state.called_roles() | state.reported_roles()
    needed = still_to_call(plan_calls(sit), reached)
    tried = {e.data.get("role", "") for e in state.entries if e.kind == NO_NUMBER} - reached
    return Readout(
        started_at=s.started_at,
        place=tuple(p for p in (state.hall, state.desk, typed.get("place", "")) if p),
        is_drill=s.is_drill,
        situation=sit.name,
        description=typed.get("description", ""),
        notes=tuple(e.text for e in state.entries if e.kind == "note"),
        level_name=level.name,
        level_short=level.short,
        people=tuple(p for p in (typed.get("people"), typed.get("injuries")) if p),
        loss_amount=typed.get("loss_amount", ""),
        loss_items=typed.get("loss_items", ""),
        actions=tuple(ReadoutAction(e.at, e.kind, e.text) for e in state.actions_taken()
                      if e.kind in ACTION_KINDS),
        needed=tuple(catalog.role(k).name for k in needed),
        no_number=tuple(catalog.role(k).name for k in sorted(tried)),
    )
