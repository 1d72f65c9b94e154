"""The roles a plan calls: what the guided view offers, the read-out still asks for and a
drill scores, from one reading of the situation's steps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.plans.catalog import Catalog, Situation


@dataclass(frozen=True)
class PlanCall:
    """A role the steps call, with the need of the step that needs it most: a step that always
    applies before one under a condition before one for after the event."""

    role: str
    condition: str = ""
    after: bool = False

    @property
    def always(self) -> bool:
        """Due in every incident of the plan (not only when a condition holds or afterwards)."""
        return not (self.condition or self.after)


def plan_calls(situation: Situation) -> tuple[PlanCall, ...]:
    """Each role the steps call, once, in the order the steps first name it."""
    calls: dict[str, PlanCall] = {}
    for step in situation.steps:
        for role in step.call:
            call = PlanCall(role, step.condition, step.after)
            if role not in calls or _rank(call) < _rank(calls[role]):
                calls[role] = call
    return tuple(calls.values())


def _rank(call: PlanCall) -> int:
    return 2 if call.after else 1 if call.condition else 0


def dial_order(catalog: Catalog, calls: Iterable[PlanCall]) -> tuple[str, ...]:
    """The roles to offer as call buttons: those with a public number (110, 119...) first,
    otherwise in plan order."""
    return tuple(sorted((c.role for c in calls), key=lambda k: not catalog.role(k).number))


def still_to_call(calls: Iterable[PlanCall], reached: set[str]) -> tuple[str, ...]:
    """The roles of `calls` not reached yet (called or reported to), in plan order."""
    return tuple(c.role for c in calls if c.role not in reached)
