"""Plan revisions: every version of the plans the desk has used, who reviewed and approved
it and when, and the text of any version read back from its stored snapshot.

Where things live, and why: the plan files (plans/catalog.toml [catalog]: version, revised,
reviewer, approved_by) say what a revision is — they travel with the text. The approval on
site (by whom, when, recorded by whom) goes in the database (PlanApproval), tied to the
exact text approved (PlanVersion, by its fingerprint): the program folder is read-only once
installed, and an approval is part of the desk's records like an incident. Each incident and
drill run points at its PlanVersion, whose snapshot keeps that text readable for good.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import peewee as pw

from models.clock import hall_time
from models.clock.clocks import from_db, to_db
from models.plans.catalog import Catalog, catalog_from_dict
from models.store.tables import (
    DrillRun,
    Incident,
    PlanApproval,
    PlanRelease,
    PlanTrigger,
    PlanVersion,
)

NAME_MAX, NOTE_MAX = 200, 2000


class ApprovalRefused(Exception):
    """`code`: reviewer_required, approver_required, bad_date, future_date,
    before_revision, too_long; for a recorded reason to revise: bad_kind, note_required,
    recorder_required."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Approval:
    reviewer: str
    approved_by: str
    approved_on: date
    note: str
    recorded_by: str


@dataclass(frozen=True)
class Revision:
    plan_id: int
    version: str
    revised: date
    first_used_at: datetime
    reviewer: str  # as the plan files say
    approved_by: str  # as the plan files say
    approvals: tuple[Approval, ...]
    incidents: int
    drills: int
    current: bool

    @property
    def label(self) -> str:
        return version_label(self.version, self.revised)


def version_label(version: str, revised: date) -> str:
    """How a version is named on screen and paper: 2026.1（2026-11-22）."""
    return f"{version}（{revised.isoformat()}）"


def published_as(digest: str, version: str) -> pw.Expression:
    """The publishing acts of a text: by its digest, or by its version label. The desk runs
    a hall edition's cut of a published library, whose digest is its own; a label is
    published once (submit refuses a label already used), so it names that revision."""
    return (PlanRelease.act == "published") & (
        (PlanRelease.digest == digest) | (PlanRelease.version == version))


def _published(catalog: Catalog) -> bool:
    return PlanRelease.table_exists() and PlanRelease.select().where(
        published_as(catalog.digest, catalog.info.version)).exists()


def approval_of(catalog: Catalog) -> PlanApproval | None:
    """The latest approval recorded for the text now in use: of its stored version, or of
    any stored version of the same published revision (an edition's, the library's)."""
    same = PlanVersion.digest == catalog.digest
    if _published(catalog):
        same |= PlanVersion.version == catalog.info.version
    return (PlanApproval.select().join(PlanVersion).where(same)
            .order_by(PlanApproval.approved_on.desc(), PlanApproval.id.desc()).first())


def is_approved(catalog: Catalog) -> bool:
    """Whether anyone signed these plans: the files name their approver, an approval is
    recorded, or the hall published them (a publishing act carries its 签发人)."""
    return bool(catalog.info.approved_by) or _published(catalog) or (
        approval_of(catalog) is not None)


def current_revision_date(catalog: Catalog) -> date:
    """The plans count as revised on the files' revision date, or on a later recorded review
    and approval of the same text (reviewed, nothing to change, approved again), or on the
    later day the hall's published version of it was signed."""
    approval = approval_of(catalog)
    days = [catalog.info.revised]
    if approval is not None:
        days.append(approval.approved_on)
    if PlanRelease.table_exists():
        signed = (PlanRelease.select(pw.fn.MAX(PlanRelease.signed_on))
                  .where(published_as(catalog.digest, catalog.info.version)).scalar())
        days += [signed] if signed else []
    return max(days)


TRIGGER_KINDS = ("law", "process")  # 第八条: a change of law or rule, of the hall's process


@dataclass(frozen=True)
class Trigger:
    """A reason to revise the plans before the yearly revision (第八条): a major (level 1)
    incident closed, or a change of law or process recorded, after the current revision."""

    kind: str  # "major_incident", "law" or "process"
    on: date  # the day it happened (the hall's)
    detail: str  # the incident's number, or the note recorded


def record_trigger(kind: str, note: str, recorded_by: str, now: datetime) -> int:
    """A change of law or process recorded as a reason to revise the plans."""
    note, recorded_by = note.strip(), recorded_by.strip()
    if kind not in TRIGGER_KINDS:
        raise ApprovalRefused("bad_kind")
    if not note:
        raise ApprovalRefused("note_required")
    if not recorded_by:
        raise ApprovalRefused("recorder_required")
    if len(note) > NOTE_MAX or len(recorded_by) > NAME_MAX:
        raise ApprovalRefused("too_long")
    return PlanTrigger.create(at=to_db(now), by=recorded_by, kind=kind, note=note).id


def revision_triggers(catalog: Catalog, zone: ZoneInfo) -> list[Trigger]:
    """The 第八条 reasons to revise that came after the plans' current revision date, oldest
    first: real level-1 incidents closed, and recorded changes of law or process."""
    since = current_revision_date(catalog)
    # on the day a version is published, what came after its publishing still counts
    published_at = (PlanRelease.select(pw.fn.MAX(PlanRelease.at))
                    .where(published_as(catalog.digest, catalog.info.version))
                    .scalar() if PlanRelease.table_exists() else None)

    def after_revision(at: datetime) -> date | None:
        day = hall_time.day_of(from_db(at), zone)
        return day if day > since or (published_at and at > published_at) else None

    found = []
    closed = (Incident.select(Incident.number, Incident.closed_at)
              .where(Incident.level == 1, Incident.is_drill == False,  # noqa: E712
                     Incident.status == "closed", Incident.closed_at.is_null(False)))
    for number, closed_at in closed.tuples():
        if day := after_revision(closed_at):
            found.append(Trigger("major_incident", day, number))
    if PlanTrigger.table_exists():
        for row in PlanTrigger.select().order_by(PlanTrigger.id):
            if day := after_revision(row.at):
                found.append(Trigger(row.kind, day, row.note))
    return sorted(found, key=lambda t: t.on)


def record_approval(plan: PlanVersion, *, reviewer: str, approved_by: str,
                    approved_on: date | None, note: str, recorded_by: str, now: datetime,
                    today: date) -> int:
    reviewer, approved_by, note = reviewer.strip(), approved_by.strip(), note.strip()
    if not reviewer:
        raise ApprovalRefused("reviewer_required")
    if not approved_by:
        raise ApprovalRefused("approver_required")
    if approved_on is None:
        raise ApprovalRefused("bad_date")
    if approved_on > today:
        raise ApprovalRefused("future_date")
    if approved_on < plan.revised:
        raise ApprovalRefused("before_revision")
    if max(len(reviewer), len(approved_by), len(recorded_by)) > NAME_MAX or len(note) > NOTE_MAX:
        raise ApprovalRefused("too_long")
    return PlanApproval.create(plan=plan.id, reviewer=reviewer, approved_by=approved_by,
                               approved_on=approved_on, note=note,
                               recorded_by=recorded_by.strip(), recorded_at=to_db(now)).id


def revisions(catalog: Catalog) -> list[Revision]:
    """Every version used at this desk, newest first, with its approvals and how many
    incidents and drills used it."""
    incidents = dict(Incident.select(Incident.plan, pw.fn.COUNT(Incident.id))
                     .group_by(Incident.plan).tuples())
    drills = dict(DrillRun.select(DrillRun.plan, pw.fn.COUNT(DrillRun.id))
                  .where(DrillRun.plan.is_null(False)).group_by(DrillRun.plan).tuples())
    approvals: dict[int, list[Approval]] = {}
    for a in PlanApproval.select().order_by(PlanApproval.approved_on, PlanApproval.id):
        approvals.setdefault(a.plan_id, []).append(
            Approval(a.reviewer, a.approved_by, a.approved_on, a.note, a.recorded_by))
    rows = PlanVersion.select(PlanVersion.id, PlanVersion.version, PlanVersion.revised,
                              PlanVersion.first_used_at, PlanVersion.digest).order_by(
        PlanVersion.revised.desc(), PlanVersion.id.desc())
    result = []
    for row in rows:
        info = _info(row.id)
        result.append(Revision(row.id, row.version, row.revised, row.first_used_at,
                               info.get("reviewer", ""), info.get("approved_by", ""),
                               tuple(approvals.get(row.id, ())), incidents.get(row.id, 0),
                               drills.get(row.id, 0), row.digest == catalog.digest))
    return result


def _info(plan_id: int) -> dict:
    return plan_catalog(plan_id).to_dict()["catalog"]


@lru_cache(maxsize=8)
def _catalog_of(plan_id: int, digest: str) -> Catalog:
    snapshot = PlanVersion.get_by_id(plan_id).snapshot
    return catalog_from_dict(json.loads(snapshot))


def plan_catalog(plan_id: int) -> Catalog:
    """The plans exactly as they were in version `plan_id` (from its stored snapshot)."""
    row = PlanVersion.select(PlanVersion.digest).where(PlanVersion.id == plan_id).get()
    return _catalog_of(plan_id, row.digest)


def names_of(plan_id: int, current: Catalog) -> Catalog:
    """What names a past incident's levels, categories, roles and situations: the version
    `plan_id` it ran (an edition, or the whole library), backed by `current` only where that
    version lacks a key. The names stay the incident's when the hall changes its edition."""
    return plan_catalog(plan_id).backed_by(current)


def lost_situations(catalog: Catalog) -> list[str]:
    """Situations an earlier text of the same plan version had and these files lack. A real
    revision says so with a new version; the same version losing situations is a plan file
    cut short or emptied, whose situations would otherwise silently vanish from the desk."""
    rows = (PlanVersion.select(PlanVersion.id, PlanVersion.digest)
            .where(PlanVersion.version == catalog.info.version,
                   PlanVersion.digest != catalog.digest).order_by(PlanVersion.id.desc()))
    now = {s.key for s in catalog.situations}
    lost: dict[str, None] = {}
    for row in rows:
        lost.update((s.key, None) for s in plan_catalog(row.id).situations if s.key not in now)
    return list(lost)


def incident_plan(incident_id: int) -> tuple[int, str]:
    """The plan version an incident followed: its id and its label."""
    incident = Incident.get_by_id(incident_id)
    plan = PlanVersion.get_by_id(incident.plan_id)
    return plan.id, version_label(plan.version, plan.revised)
