"""Drills and training held against what the plans' governance asks.

Reckoned from the TrainingRecord rows (kind "drill" or "training") against
`catalog.governance.drill_every_months` / `training_every_months`: in the twelve months
ending with the period, a kind held every N months is due ceil(12 / N) times. Area D's
calendar of due items (models/drills/compliance.py, with the edition's half-yearly and fire
drills) is the finer rule; this count stands until it replaces it.
"""

from __future__ import annotations

import peewee as pw

from models.plans.catalog import Catalog
from models.stats.figures import DrillsDue
from models.stats.period import TREND_MONTHS, Period
from models.store.tables import TrainingRecord

GOVERNANCE = "governance"  # how "due" was reckoned: Statistics.drills_source


def drills_due(catalog: Catalog, period: Period) -> tuple[tuple[DrillsDue, ...], str]:
    gov = catalog.governance
    window = period.trend_months()[0]
    lines = tuple(_line(kind, every, window, period) for kind, every in (
        ("drill", gov.drill_every_months), ("training", gov.training_every_months)))
    return lines, GOVERNANCE


def _line(kind: str, every: int, window, period: Period) -> DrillsDue:
    held = TrainingRecord.select(pw.fn.COUNT(TrainingRecord.id)).where(
        TrainingRecord.kind == kind, TrainingRecord.held_on < period.after)
    last = (TrainingRecord.select(pw.fn.MAX(TrainingRecord.held_on))
            .where(TrainingRecord.kind == kind, TrainingRecord.held_on < period.after).scalar())
    return DrillsDue(kind, every, due=-(-TREND_MONTHS // every),
                     done=held.where(TrainingRecord.held_on >= window).scalar(),
                     done_in_period=held.where(TrainingRecord.held_on >= period.first).scalar(),
                     last_held=last)
