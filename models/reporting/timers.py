"""The plan's timers that filing a formal report meets: action "file" with `report` naming
the stage (plans/SCHEMA.md), e.g. 493号 第九条's hour for the 初报 to the county authority."""

from __future__ import annotations

from models.clock.act import Act
from models.incidents import deadlines
from models.plans.catalog import Catalog, Timer
from models.store.tables import Deadline


def timer_of(catalog: Catalog, source: str, key: str) -> Timer | None:
    """The timer a deadline row was started from ("level:N" / "situation:KEY", its key);
    None when the plan has it no more."""
    kind, _, which = source.partition(":")
    try:
        timers = (catalog.level(int(which)).timers if kind == "level"
                  else catalog.situation(which).timers)
    except (KeyError, ValueError):
        return None
    return next((t for t in timers if t.key == key), None)


def owed_by(catalog: Catalog, incident_id: int, stage: str) -> list[int]:
    """The incident's open deadlines that filing a report of `stage` meets."""
    rows = Deadline.select().where(Deadline.incident == incident_id,
                                   Deadline.status.in_(deadlines.MEETABLE),
                                   Deadline.action == "file").order_by(Deadline.due_at)
    return [row.id for row in rows
            if (timer := timer_of(catalog, row.source, row.key)) and timer.report == stage]


def meet_by_filing(catalog: Catalog, incident_id: int, stage: str, act: Act) -> list[int]:
    """Meet them (in time or late, as any deadline), starting what they chain."""
    met = owed_by(catalog, incident_id, stage)
    for deadline_id in met:
        deadlines.meet(catalog, deadline_id, act)
    return met
