"""Every table, and the ordered migrations from one schema version to the next.

A new database gets the current tables at once. An existing one at version v runs
MIGRATIONS[v-1:] in order (after a backup); MIGRATIONS[i] upgrades version i+1 to i+2,
so the current version is len(MIGRATIONS) + 1. Migrations use portable peewee/playhouse
operations so a PostgreSQL database can follow the same path.
"""

from __future__ import annotations

from models.contact import Contact, ContactPhone
from models.db import Migration
from models.drill import DrillRun, TrainingRecord
from models.incident import (
    Amendment,
    Deadline,
    Incident,
    RecordData,
    RecordDraft,
    TimelineEntry,
)
from models.plan_version import PlanVersion

ALL_MODELS = (PlanVersion, Incident, TimelineEntry, Deadline, RecordData, RecordDraft, Amendment,
              Contact, ContactPhone, DrillRun, TrainingRecord)

MIGRATIONS: tuple[Migration, ...] = ()

SCHEMA_VERSION = len(MIGRATIONS) + 1
