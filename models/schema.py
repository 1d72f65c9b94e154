"""Every table, and the ordered migrations from one schema version to the next.

A new database gets the current tables at once. An existing one at version v runs
MIGRATIONS[v-1:] in order (after a backup); MIGRATIONS[i] upgrades version i+1 to i+2,
so the current version is len(MIGRATIONS) + 1. Migrations use portable peewee/playhouse
operations so a PostgreSQL database can follow the same path.
"""

from __future__ import annotations

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from models.contact import Contact, ContactPhone
from models.db import Migration
from models.drill import DrillRun, TrainingRecord
from models.incident import (
    Amendment,
    Deadline,
    Incident,
    NoteDraft,
    RecordData,
    RecordDraft,
    TimelineEntry,
)
from models.plan_version import PlanApproval, PlanVersion

ALL_MODELS = (PlanVersion, PlanApproval, Incident, TimelineEntry, Deadline, RecordData,
              RecordDraft, NoteDraft, Amendment, Contact, ContactPhone, DrillRun,
              TrainingRecord)


def v2_drill_reports_and_plan_approvals(db: pw.Database) -> None:
    """Drill runs keep what their report needs (plan version, scenario as run, injects shown,
    who was on duty); training records link their drill run; plan approvals get a table."""
    m = SchemaMigrator.from_database(db)
    run = DrillRun._meta
    migrate(*(m.add_column(run.table_name, name, run.fields[name])
              for name in ("scenario", "shown", "hall", "desk", "clerk")),
            m.add_column(run.table_name, "plan_id", pw.IntegerField(null=True)),
            m.add_column(TrainingRecord._meta.table_name, "drill_run",
                         TrainingRecord._meta.fields["drill_run"]))
    db.create_tables([PlanApproval])


def v3_quick_note_drafts(db: pw.Database) -> None:
    """The quick note being typed survives a crash: a table of drafts, one per incident."""
    db.create_tables([NoteDraft])


MIGRATIONS: tuple[Migration, ...] = (v2_drill_reports_and_plan_approvals, v3_quick_note_drafts)

SCHEMA_VERSION = len(MIGRATIONS) + 1
