"""The training and drill log, and what is due: the quarterly training, the yearly drill and
the yearly plan revision (every how many months: [governance] in the catalog)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.plans.catalog import Catalog
from models.plans.revisions import (
    Trigger,
    current_revision_date,
    is_approved,
    revision_triggers,
)
from models.store.tables import DrillRun, TrainingRecord

KINDS = ("training", "drill")
EARLIEST = date(2000, 1, 1)  # a date before this is a typing mistake
TOPIC_MAX, NAME_MAX, TEXT_MAX = 500, 200, 10_000


class TrainingRefused(Exception):
    """`code`: kind, topic_required, bad_date, future_date, too_old, too_long."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class TrainingEntry:
    id: int
    kind: str
    held_on: date
    topic: str
    trainer: str
    attendees: str
    notes: str
    drill_score: int | None = None  # for a drill run in the app


def add_training(kind: str, held_on: date | None, topic: str, trainer: str, attendees: str,
                 notes: str, *, today: date) -> int:
    """Log a training session or a drill held on `held_on` (never a future day)."""
    if kind not in KINDS:
        raise TrainingRefused("kind")
    if held_on is None:
        raise TrainingRefused("bad_date")
    if held_on > today:
        raise TrainingRefused("future_date")
    if held_on < EARLIEST:
        raise TrainingRefused("too_old")
    topic, trainer = topic.strip(), trainer.strip()
    attendees, notes = attendees.strip(), notes.strip()
    if not topic:
        raise TrainingRefused("topic_required")
    if (len(topic) > TOPIC_MAX or len(trainer) > NAME_MAX or len(attendees) > TEXT_MAX
            or len(notes) > TEXT_MAX):
        raise TrainingRefused("too_long")
    return TrainingRecord.create(kind=kind, held_on=held_on, topic=topic, trainer=trainer,
                                 attendees=attendees, notes=notes).id


def training_log(limit: int = 500) -> list[TrainingEntry]:
    rows = list(TrainingRecord.select().order_by(TrainingRecord.held_on.desc(),
                                                 TrainingRecord.id.desc()).limit(limit))
    runs = [r.drill_run for r in rows if r.drill_run]
    scores = ({r.id: r.score for r in DrillRun.select(DrillRun.id, DrillRun.score)
               .where(DrillRun.id.in_(runs))} if runs else {})
    return [TrainingEntry(r.id, r.kind, r.held_on, r.topic, r.trainer, r.attendees, r.notes,
                          scores.get(r.drill_run)) for r in rows]


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (2026-08-20 → 2026-11-20 is 3)."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (
        1 if later.day < earlier.day else 0)


@dataclass(frozen=True)
class Reminder:
    kind: str  # "training", "drill", "revision", "approval", "revision_trigger"
    last: date | None  # when it was last done (None: never); for "approval" the revision date;
    # for "revision_trigger" the day of the reason to revise
    trigger: Trigger | None = None  # "revision_trigger": the major incident or change (第八条)


def last_held(kind: str) -> date | None:
    return (TrainingRecord.select(TrainingRecord.held_on).where(TrainingRecord.kind == kind)
            .order_by(TrainingRecord.held_on.desc()).scalar())


def reminders(catalog: Catalog, today: date,
              zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> list[Reminder]:
    """What is due today. A training or drill never held is due; so is a plan revision once
    the plans are `revise_every_months` old, or after a reason 第八条 names (a major incident
    closed, a change of law or process recorded) since they were revised; and the approval
    of plans not yet approved."""
    gov = catalog.governance
    due = []
    for kind, every in (("training", gov.training_every_months),
                        ("drill", gov.drill_every_months)):
        last = last_held(kind)
        if last is None or months_between(min(last, today), today) >= every:
            due.append(Reminder(kind, last))
    revised = current_revision_date(catalog)
    if months_between(min(revised, today), today) >= gov.revise_every_months:
        due.append(Reminder("revision", revised))
    elif not is_approved(catalog):
        due.append(Reminder("approval", catalog.info.revised))
    due += [Reminder("revision_trigger", t.on, t) for t in revision_triggers(catalog, zone)]
    return due
