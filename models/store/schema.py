"""Every table, and the ordered migrations from one schema version to the next.

A new database gets the current tables at once. An existing one at version v runs
MIGRATIONS[v-1:] in order (after a backup); MIGRATIONS[i] upgrades version i+1 to i+2,
so the current version is len(MIGRATIONS) + 1. Migrations use portable peewee/playhouse
operations so a PostgreSQL database can follow the same path.
"""

from __future__ import annotations

from datetime import datetime

import peewee as pw
from playhouse.migrate import SchemaMigrator, migrate

from models.store import database
from models.store.database import Migration, Schema
from models.store.ledger import link_unlinked
from models.store.plan_links import link_unlinked_plan_rows
from models.store.tables import (
    Amendment,
    AppliedHubEvent,
    Contact,
    ContactPhone,
    Deadline,
    DrillRun,
    Incident,
    JournalEntry,
    LedgerEntry,
    NoteDraft,
    PlanApproval,
    PlanChange,
    PlanDraft,
    PlanRelease,
    PlanTrigger,
    PlanVersion,
    RecordData,
    RecordDraft,
    SyncState,
    TimelineEntry,
    TrainingRecord,
)

ALL_MODELS = (PlanVersion, PlanApproval, Incident, TimelineEntry, Deadline, RecordData,
              RecordDraft, NoteDraft, Amendment, Contact, ContactPhone, DrillRun,
              TrainingRecord, LedgerEntry, PlanDraft, PlanChange, PlanRelease, PlanTrigger,
              SyncState, AppliedHubEvent, JournalEntry)


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


def v4_desk_wide_chain(db: pw.Database) -> None:
    """Every timeline entry linked into one desk-wide chain, in the order written, so a whole
    incident removed shows and a seal can anchor the file (models.incidents.seal)."""
    db.create_tables([LedgerEntry])
    if isinstance(db, pw.SqliteDatabase):
        for statement in LEDGER_GUARDS:
            db.execute_sql(statement)
    link_unlinked(db)


def v5_plan_drafts_and_releases(db: pw.Database) -> None:
    """The hall's own plans: a draft, its changes, the acts that submit, approve and publish
    it, and the recorded reasons to revise (changes and acts append-only)."""
    db.create_tables([PlanDraft, PlanChange, PlanRelease, PlanTrigger])
    if isinstance(db, pw.SqliteDatabase):
        for statement in PLAN_RECORD_GUARDS:
            db.execute_sql(statement)


def v6_plan_acts_in_the_chain(db: pw.Database) -> None:
    """The plans' acts and changes linked into the desk-wide chain (models.store.plan_links):
    the links gain a kind, and the acts and changes written so far are linked, in order."""
    if "kind" not in {column.name for column in db.get_columns("ledger")}:  # v4 made it new
        db.execute_sql("ALTER TABLE ledger ADD COLUMN kind INTEGER NOT NULL DEFAULT 0")
    indexes = {index.name for index in db.get_indexes("ledger")}
    m = SchemaMigrator.from_database(db)
    migrate(*([m.drop_index("ledger", "ledger_entry")] if "ledger_entry" in indexes else []),
            *([m.add_index("ledger", ("kind", "entry"), unique=True)]
              if "ledger_kind_entry" not in indexes else []))
    link_unlinked_plan_rows(db)


def v7_sync_with_a_hub(db: pw.Database) -> None:
    """Many desks, one picture: the desk's enrolment at a hall hub and the hub's events it
    has applied (the timeline and the chain are already the outbox: models.sync)."""
    db.create_tables([SyncState, AppliedHubEvent])


def v8_desk_journal(db: pw.Database) -> None:
    """The desk's journal (models.journal): the duty phone log, shift handovers, drill
    evaluations and what else is not one incident's timeline; append-only, each row linked
    into the desk-wide chain (kind 3)."""
    db.create_tables([JournalEntry])
    if isinstance(db, pw.SqliteDatabase):
        for statement in JOURNAL_GUARDS:
            db.execute_sql(statement)


MIGRATIONS: tuple[Migration, ...] = (v2_drill_reports_and_plan_approvals, v3_quick_note_drafts,
                                     v4_desk_wide_chain, v5_plan_drafts_and_releases,
                                     v6_plan_acts_in_the_chain, v7_sync_with_a_hub,
                                     v8_desk_journal)

# The search index over incidents (SQLite FTS5; models.incidents.search fills and reads it).
# A table that keeps its content: rows can be replaced (a contentless one cannot delete on
# the SQLite our Python ships, 3.40).
SEARCH_INDEX_SQL = ("CREATE VIRTUAL TABLE IF NOT EXISTS incident_fts USING fts5("
                    "body, chars, tokenize='unicode61')")



def append_only(table: str, name: str) -> tuple[str, ...]:
    """Triggers by which SQLite itself refuses to change or delete a row of `table`."""
    return tuple(
        f"CREATE TRIGGER IF NOT EXISTS {name}_no_{op.lower()} BEFORE {op} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'the {name} is append-only'); END"
        for op in ("UPDATE", "DELETE"))


APPEND_ONLY = (("timeline_entry", "timeline"), ("ledger", "ledger"),
               ("plan_change", "plan_change"), ("plan_release", "plan_release"),
               ("plan_trigger", "plan_trigger"),
               ("journal_entry", "journal"))  # (table, the name its triggers carry)
TIMELINE_GUARDS = append_only(*APPEND_ONLY[0])
LEDGER_GUARDS = append_only(*APPEND_ONLY[1])
PLAN_RECORD_GUARDS = tuple(sql for table, name in APPEND_ONLY[2:5]
                           for sql in append_only(table, name))
JOURNAL_GUARDS = append_only(*APPEND_ONLY[5])
GUARDS = tuple((f"{name}_no_{op}", table) for table, name in APPEND_ONLY
               for op in ("update", "delete"))  # (trigger, its table), as append_only names them


def missing_guards(db: pw.Database) -> list[tuple[str, str]]:
    """The append-only triggers of tables the file has that are not there: dropped outside
    the program (the program never drops one), so rows could have been changed quietly."""
    present = {row[0]: row[1] for row in db.execute_sql(
        "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    return [(trigger, table) for trigger, table in GUARDS
            if present.get(table) == "table" and present.get(trigger) != "trigger"]


SCHEMA = Schema(tables=ALL_MODELS, migrations=MIGRATIONS,
                sqlite_extras=(*TIMELINE_GUARDS, *LEDGER_GUARDS, *PLAN_RECORD_GUARDS,
                               *JOURNAL_GUARDS, SEARCH_INDEX_SQL))
SCHEMA_VERSION = SCHEMA.version


def open_database(path, *, now=datetime.now):
    """The desk's database at `path`, opened for work (created or upgraded as needed)."""
    return database.open_database(path, SCHEMA, now=now)


def open_for_reading(path, *, oldest: int = 1):
    """The desk's database at `path`, opened read-only for a command that checks or prints."""
    return database.open_for_reading(path, SCHEMA, oldest=oldest)
