"""Changes: the typed account a command gives of what it changed (after Anki's OpChanges).

Screens listen for it and redraw only what concerns them, from what is stored. A command that
also makes something the caller needs (a new run's id, a score, the file written) returns an
`Outcome`: its Changes with that value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")
C = TypeVar("C", bound=Callable)

AREAS = ("incidents", "timeline", "deadlines", "record", "contacts", "drills", "training",
         "scenarios", "plans", "duty", "evaluations")


@dataclass(frozen=True)
class Changes:
    incidents: bool = False  # an incident's status, level or situation; the list of incidents
    timeline: bool = False  # an incident's timeline (every recorded action)
    deadlines: bool = False  # the open deadlines (started, met, missed, acknowledged, settled)
    record: bool = False  # an incident's record (saved, amended; a draft is no change)
    contacts: bool = False  # the directory
    drills: bool = False  # drill runs (started, injects shown, finished)
    training: bool = False  # the training log
    scenarios: bool = False  # the trainer's drill scenarios
    plans: bool = False  # plan versions and their approvals
    duty: bool = False  # the duty phone log and shift handovers (models.journal)
    evaluations: bool = False  # drill evaluations, corrective actions, attachments
    incident_id: int | None = None  # the incident concerned, when there is one

    def __bool__(self) -> bool:
        return any(getattr(self, area) for area in AREAS)

    def __or__(self, other: Changes) -> Changes:
        """Both accounts in one; the incident id only when both name the same (or one none)."""
        ids = {i for i in (self.incident_id, other.incident_id) if i is not None}
        return Changes(**{a: getattr(self, a) or getattr(other, a) for a in AREAS},
                       incident_id=ids.pop() if len(ids) == 1 else None)

    def concerns(self, incident_id: int | None) -> bool:
        """Whether a view of `incident_id` must redraw (an account naming none concerns all)."""
        return bool(self) and (self.incident_id is None or self.incident_id == incident_id)

    def affects_incident(self, incident_id: int | None) -> bool:
        """Whether a view of `incident_id` (its state, timeline, record) must redraw."""
        return (self.incidents or self.timeline or self.deadlines or self.record) and \
            (self.incident_id is None or self.incident_id == incident_id)

    def about(self, incident_id: int) -> Changes:
        return replace(self, incident_id=incident_id)

@dataclass(frozen=True)
class Outcome(Generic[T]):
    changes: Changes
    value: T

NOTHING = Changes()
# After a failure no screen can trust what it shows: everything is drawn again from the store.
EVERYTHING = Changes(**dict.fromkeys(AREAS, True))


def command(touches: Changes) -> Callable[[C], C]:
    """Marks a service method as a command that may change the areas of `touches`: if it
    fails, the screens draw those areas again from what is stored (ui.common.operations)."""

    def mark(method: C) -> C:
        method.touches = touches
        return method

    return mark
