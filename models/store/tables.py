"""Every table of the desk's database (peewee models), grouped by aggregate.

Plain tables only: the rules that fill them live in the domain packages
(models.incidents, models.contacts, models.drills, models.plans)."""

from __future__ import annotations

import peewee as pw

from models.store.database import BaseModel

# --- plan versions and their approvals ---------------------------------------------

class PlanVersion(BaseModel):
    version = pw.CharField(max_length=64)
    digest = pw.CharField(max_length=64, unique=True)
    revised = pw.DateField()
    first_used_at = pw.DateTimeField()
    snapshot = pw.TextField()  # the whole catalog as JSON


class PlanApproval(BaseModel):
    """Management's approval of one revision of the plans (since schema version 2).

    The plan files say what a revision contains; the site records here that it was reviewed
    and approved, because the program folder is read-only and an approval is an act with a
    date and names that must stay with the desk's records."""

    plan = pw.ForeignKeyField(PlanVersion, backref="approvals", on_delete="RESTRICT")
    reviewer = pw.CharField(max_length=200)
    approved_by = pw.CharField(max_length=200)
    approved_on = pw.DateField()
    note = pw.TextField(default="")
    recorded_by = pw.CharField(max_length=200, default="")
    recorded_at = pw.DateTimeField()


class PlanDraft(BaseModel):
    """The hall's edited copy of the plans (since schema version 5): the plan files' texts,
    so the loader's own checks validate it. Never used at the desk until published. At most
    one is open (editing, submitted or approved): `open_slot` is 1 while it is, else NULL."""

    started_at = pw.DateTimeField()
    started_by = pw.CharField(max_length=200)
    base_version = pw.CharField(max_length=64)  # the running plans it started from
    base_digest = pw.CharField(max_length=64)
    texts = pw.TextField()  # JSON: plan file name -> TOML text
    status = pw.CharField(max_length=16, default="editing")  # models.plans.drafts.STATUSES
    open_slot = pw.IntegerField(null=True, unique=True)
    updated_at = pw.DateTimeField()


class PlanChange(BaseModel):
    """One change made to a draft: who, when, where, old -> new (JSON). Append-only."""

    draft = pw.ForeignKeyField(PlanDraft, backref="changes", on_delete="RESTRICT")
    at = pw.DateTimeField()
    by = pw.CharField(max_length=200)
    where = pw.CharField(max_length=500)
    old = pw.TextField()
    new = pw.TextField()


class PlanRelease(BaseModel):
    """One act on a draft: submitted, withdrawn, approved (signed by `signer` on
    `signed_on`), published (with the texts the desk runs and their stored version) or
    discarded. Append-only: the latest published row is the plans the desk runs."""

    draft = pw.ForeignKeyField(PlanDraft, backref="acts", on_delete="RESTRICT")
    act = pw.CharField(max_length=16, index=True)
    at = pw.DateTimeField()
    by = pw.CharField(max_length=200)
    version = pw.CharField(max_length=64)
    digest = pw.CharField(max_length=64)  # of the texts acted on (load_texts' digest)
    signer = pw.CharField(max_length=200, default="")
    signed_on = pw.DateField(null=True)
    note = pw.TextField(default="")
    texts = pw.TextField(default="")  # published: JSON, plan file name -> TOML text
    plan = pw.ForeignKeyField(PlanVersion, null=True, backref="releases", on_delete="RESTRICT")


class PlanTrigger(BaseModel):
    """A change of law, rule or process recorded as a reason to revise the plans (第八条).
    Append-only."""

    at = pw.DateTimeField()
    by = pw.CharField(max_length=200)
    kind = pw.CharField(max_length=16)  # "law" or "process"
    note = pw.TextField()


# --- incidents, their append-only timeline and their deadlines ----------------------

class Incident(BaseModel):
    number = pw.CharField(max_length=32, unique=True)  # e.g. 20261120-003, per local day
    situation_key = pw.CharField(max_length=64, index=True)
    situation_name = pw.CharField(max_length=200)
    category_key = pw.CharField(max_length=64, index=True)
    level = pw.IntegerField(index=True)
    status = pw.CharField(max_length=16, default="open", index=True)  # incidents.lifecycle.Status
    is_drill = pw.BooleanField(default=False, index=True)
    started_at = pw.DateTimeField(index=True)  # UTC
    hall = pw.CharField(max_length=200, default="")
    desk = pw.CharField(max_length=200, default="", index=True)
    clerk = pw.CharField(max_length=200, default="")
    place = pw.CharField(max_length=500, default="")
    description = pw.TextField(default="")
    plan = pw.ForeignKeyField(PlanVersion, backref="incidents", on_delete="RESTRICT")
    updated_at = pw.DateTimeField()
    closed_at = pw.DateTimeField(null=True)
    head_hash = pw.CharField(max_length=64, default="")  # the newest timeline entry's hash
    drill_run = pw.IntegerField(null=True, index=True)  # the drill it belongs to, if any

    class Meta:
        indexes = ((("is_drill", "started_at"), False),)


class TimelineEntry(BaseModel):
    """One recorded fact. Never updated or deleted; each entry's hash covers the previous one."""

    incident = pw.ForeignKeyField(Incident, backref="timeline", on_delete="RESTRICT")
    at = pw.DateTimeField()  # UTC
    kind = pw.CharField(max_length=32)
    actor = pw.CharField(max_length=200, default="")
    desk = pw.CharField(max_length=200, default="")
    text = pw.TextField(default="")
    data = pw.TextField(default="{}")  # JSON
    prev_hash = pw.CharField(max_length=64, default="")
    hash = pw.CharField(max_length=64)


class LedgerEntry(BaseModel):
    """The desk-wide chain (since schema version 4): every timeline entry of every incident,
    in the order written, each hash covering the previous one. A whole incident removed, or
    an entry slipped in, breaks it; its newest hash, printed as a seal on the daily log, is
    the anchor outside the file (models.incidents.seal). Since version 6 the plans' acts and
    changes are linked into it too (`kind`, models.store.plan_links)."""

    # 0: a timeline entry; 1: a plan act (PlanRelease), 2: a plan change (PlanChange); 3: a
    # journal entry (JournalEntry, since version 8). An
    # integer: 0 and 1 take no bytes in SQLite's rows, and the chain has millions of links.
    kind = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    entry = pw.IntegerField()  # the id of the row linked, in the table `kind` names
    # Over the previous link's hash, this link's position, and the entry's id and hash: each
    # of those is read where it is (the row before, the timeline), never stored twice.
    hash = pw.CharField(max_length=64)

    class Meta:
        table_name = "ledger"
        indexes = ((("kind", "entry"), True),)


DEADLINE_STATUSES = ("pending", "met", "missed", "late", "prompted", "decided", "superseded",
                     "cancelled")


class Deadline(BaseModel):
    """A deadline whose clock has started, stored as absolute times so it survives a restart.

    pending → met (in time) | missed (time passed) → late (done after the miss);
    a decision point (action decide): pending → prompted (its time came) → decided (pressed),
    never missed nor late; superseded when a level change replaces it; cancelled with its
    incident.
    """

    incident = pw.ForeignKeyField(Incident, backref="deadlines", on_delete="RESTRICT")
    source = pw.CharField(max_length=16)  # "level" or "situation": where the timer is defined
    key = pw.CharField(max_length=64)
    label = pw.CharField(max_length=500)
    action = pw.CharField(max_length=16)
    to_role = pw.CharField(max_length=64, default="")
    by_role = pw.CharField(max_length=64, default="clerk")
    holiday = pw.BooleanField(default=False)  # the holiday variant was applied
    started_at = pw.DateTimeField()
    due_at = pw.DateTimeField(index=True)
    status = pw.CharField(max_length=16, default="pending", index=True)
    missed_at = pw.DateTimeField(null=True)
    acknowledged_at = pw.DateTimeField(null=True)  # the alarm of a miss was silenced
    met_at = pw.DateTimeField(null=True)
    met_by = pw.CharField(max_length=200, default="")
    met_to = pw.CharField(max_length=200, default="")


class RecordData(BaseModel):
    """The record form's validated content (models.documents.RecordFields as JSON)."""

    incident = pw.ForeignKeyField(Incident, backref="record_data", unique=True,
                                  on_delete="RESTRICT")
    data = pw.TextField(default="{}")
    saved_at = pw.DateTimeField()
    saved_by = pw.CharField(max_length=200, default="")


class RecordDraft(BaseModel):
    """What was typed in the record form, saved within a second of each change, valid or not,
    so a crash or a power cut loses nothing."""

    incident = pw.ForeignKeyField(Incident, backref="drafts", unique=True, on_delete="CASCADE")
    data = pw.TextField(default="{}")  # field -> raw text
    saved_at = pw.DateTimeField()


class NoteDraft(BaseModel):
    """The quick note being typed in the guided response, before Enter adds it to the
    timeline: saved within a second of each change, so a crash loses none of it."""

    incident = pw.ForeignKeyField(Incident, backref="note_drafts", unique=True,
                                  on_delete="CASCADE")
    text = pw.TextField(default="")
    saved_at = pw.DateTimeField()


class Amendment(BaseModel):
    """A correction to a closed record: the record itself is never rewritten."""

    incident = pw.ForeignKeyField(Incident, backref="amendments", on_delete="RESTRICT")
    at = pw.DateTimeField()
    by = pw.CharField(max_length=200)
    field = pw.CharField(max_length=64)
    reason = pw.TextField()
    old = pw.TextField(default="")
    new = pw.TextField(default="")


# --- the contact directory ------------------------------------------------------------

class Contact(BaseModel):
    name = pw.CharField(max_length=200)
    role_key = pw.CharField(max_length=64, index=True)
    organisation = pw.CharField(max_length=200, default="")
    available_24h = pw.BooleanField(default=False)
    on_duty = pw.CharField(max_length=500, default="")
    notes = pw.TextField(default="")
    outside = pw.BooleanField(default=False)
    deleted_at = pw.DateTimeField(null=True)  # kept so past incidents stay readable


class ContactPhone(BaseModel):
    contact = pw.ForeignKeyField(Contact, backref="phones", on_delete="CASCADE")
    label = pw.CharField(max_length=64, default="")
    number = pw.CharField(max_length=64)
    position = pw.IntegerField(default=0)


# --- drills and training ----------------------------------------------------------------

class DrillRun(BaseModel):
    scenario_key = pw.CharField(max_length=64)
    title = pw.CharField(max_length=200)
    trainer = pw.CharField(max_length=200, default="")
    rate = pw.IntegerField(default=1)  # time runs this many times faster during the drill
    started_at = pw.DateTimeField()  # real time (UTC)
    ended_at = pw.DateTimeField(null=True)  # drill time (UTC)
    score = pw.IntegerField(null=True)
    report = pw.TextField(default="")  # the scored result as JSON
    # since schema version 2: what the report needs even after files and plans changed
    plan = pw.ForeignKeyField(PlanVersion, null=True, backref="drill_runs",
                              on_delete="RESTRICT")
    scenario = pw.TextField(default="")  # the scenario as run, JSON
    shown = pw.TextField(default="[]")  # the injects shown and when (drill time), JSON
    hall = pw.CharField(max_length=200, default="")
    desk = pw.CharField(max_length=200, default="")
    clerk = pw.CharField(max_length=200, default="")  # who was on duty for the drill


class TrainingRecord(BaseModel):
    """A training session or a drill held (the documents ask for both, and say how often)."""

    kind = pw.CharField(max_length=16)  # "training" or "drill"
    held_on = pw.DateField(index=True)
    topic = pw.CharField(max_length=500)
    trainer = pw.CharField(max_length=200, default="")
    attendees = pw.TextField(default="")
    notes = pw.TextField(default="")
    drill_run = pw.IntegerField(null=True)  # since version 2: the run this drill was, if any


class SyncState(BaseModel):
    """The desk's enrolment at a hall hub (since schema version 7; one row, id 1, written when
    the desk enrols) and what the hub was last heard to hold. The token travels with the file
    (created private): a copied or restored file is that desk, and the hub sees it go back."""

    hub_url = pw.CharField(max_length=500)
    hub_id = pw.CharField(max_length=64)
    desk_id = pw.CharField(max_length=64)  # the global event id is (desk_id, link position)
    token = pw.CharField(max_length=200)
    kind = pw.CharField(max_length=16, default="desk")
    hall_id = pw.CharField(max_length=64, default="")
    hall_name = pw.CharField(max_length=200, default="")
    enrolled_at = pw.DateTimeField()  # UTC
    acked_seq = pw.IntegerField(default=0)  # the hub's head for this desk, as last heard
    acked_link = pw.CharField(max_length=64, default="")
    acked_at = pw.DateTimeField(null=True)  # UTC: when the hub last said so
    pull_cursor = pw.IntegerField(default=0)  # the hub's event order, read up to
    state = pw.CharField(max_length=16, default="ok")  # ok|behind|diverged|revoked|hub_older
    office_key = pw.TextField(default="")  # the head office's public key, pinned at enrolment

    class Meta:
        table_name = "sync_state"


class AppliedHubEvent(BaseModel):
    """A hub's event this desk has written into its record (a leader's acknowledgement): kept
    in the same transaction as the entry it caused, so applying it twice writes nothing."""

    origin_seq = pw.CharField(max_length=100, unique=True)  # "<origin>:<seq>" at the hub
    entry = pw.IntegerField(null=True)  # the timeline entry it caused, if any
    at = pw.DateTimeField()  # UTC

    class Meta:
        table_name = "applied_hub_event"


class JournalEntry(BaseModel):
    """The desk's journal (since schema version 8): what the desk records that is not one
    incident's timeline, or not only: the duty phone log, shift handovers, drill evaluations
    and their corrective actions, files attached by their hash (models.journal). Append-only
    (SQLite triggers); each row is linked into the desk-wide chain when written (kind 3,
    models.store.plan_links), so a row changed, removed or slipped in breaks it."""

    at = pw.DateTimeField(index=True)  # UTC
    kind = pw.CharField(max_length=32, index=True)  # models.journal.KINDS
    actor = pw.CharField(max_length=200, default="")
    desk = pw.CharField(max_length=200, default="")
    incident = pw.IntegerField(null=True, index=True)  # the incident it is about, if one
    follows = pw.IntegerField(null=True, index=True)  # the entry it answers or amends, if any
    text = pw.TextField(default="")  # one line a reader sees (the daily log's row)
    data = pw.TextField(default="{}")  # JSON: the kind's fields

    class Meta:
        table_name = "journal_entry"


def bound_database() -> pw.Database:
    """The database the tables were bound to when it was opened (store.schema.open_*)."""
    return Incident._meta.database


def transaction():
    """One transaction on the bound database: all of it is written, or none."""
    return bound_database().atomic()


def reading():
    """One read transaction on the bound database: every query in it sees one moment of the
    file. Deferred: it takes no write lock, so a desk writing meanwhile is never held up."""
    return bound_database().atomic(lock_type="DEFERRED")
