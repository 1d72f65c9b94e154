"""What a logged drill was: tabletop (桌面) or live (实战), and whether it was a fire drill
(灭火和应急疏散演练, which the fire rules count apart).

The training log (TrainingRecord) predates these facts; they are journal entries of kind
`drill_plan_held` naming the record, never a change of it. The latest entry for a record
wins (a trainer who picked the wrong form writes another).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.journal import book

KIND = "drill_plan_held"
FORMS = ("tabletop", "live")


class FormRefused(Exception):
    """`code`: form, record."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DrillForm:
    record: int  # TrainingRecord id
    form: str  # "tabletop" or "live"
    fire: bool


def mark(record: int, form: str, fire: bool, *, at: datetime, actor: str = "",
         desk: str = "") -> DrillForm:
    """Say what the logged drill `record` was."""
    if form not in FORMS:
        raise FormRefused("form")
    if record <= 0:
        raise FormRefused("record")
    book.append(KIND, at=at, actor=actor, desk=desk,
                text=f"drill {record}: {form}{' fire' if fire else ''}",
                data={"record": record, "form": form, "fire": bool(fire)})
    return DrillForm(record, form, bool(fire))


def drill_forms() -> dict[int, DrillForm]:
    """Each marked record's form, the latest entry winning."""
    found: dict[int, DrillForm] = {}
    for e in book.entries((KIND,)):
        record = e.data.get("record")
        if isinstance(record, int) and e.data.get("form") in FORMS:
            found[record] = DrillForm(record, e.data["form"], bool(e.data.get("fire")))
    return found
