"""Submitting, approving and signing, and publishing the hall's draft of its plans; and the
stamp (version, signer, date) of the plans in use, for the plans browser and every PDF.

Each step is an act recorded in PlanRelease (append-only), and refused with a code
(PublishRefused) that changes nothing when it does not hold:

- **submit** (`who`): only a draft being edited; it must differ from the plans running
  (no_changes), and carry a version label of its own (same_version: the running plans' label,
  or a label this desk has stored for another text, or the label of the library the program
  ships; a revision says so by a new version); it must build on the plans the desk runs now
  (stale_base: they were published or shipped anew since it was started; an update
  (models.plans.updating) also on the library shipped now).
- **approve** (`signer`, `signed_on`, `who`): only a submitted draft. The signer (签发人) is
  named (signer_required, at most 200 characters); `signed_on` is a date (bad_date), not after
  the hall's today (future_date), not before the day it was submitted (before_submission: a
  clock set back shows here); the desk's clock not earlier than the submission (clock_behind).
  The signer is not the one who submitted it (own_submission): 第八条 has management approve a
  plan before release, so whoever prepared it does not sign it. `who` records it (e.g. the
  supervisor typing in the signature from the signed paper) and may be anyone.
- **publish** (`who`): only an approved draft whose texts are those approved; the texts, their
  stored version (PlanVersion) and the act are recorded in one transaction; a second writer
  publishing at the same moment is refused (closed); stale_base as for submit. The desk runs
  it from its next start
  (models.plans.running) and each incident keeps the PlanVersion it ran.
- **withdraw** (`who`): a submitted or approved draft goes back to editing; the approval is
  void and it must be submitted and approved again.

Discarding a draft is models.plans.drafts.discard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.clocks import from_db
from models.documents import PlanStamp
from models.plans.catalog import Catalog
from models.plans.drafts import (
    NAME_MAX,
    Draft,
    DraftRefused,
    check_editable,
    check_name,
    draft_row,
    move,
    record_act,
)
from models.plans.editions import edition_problems
from models.plans.loader import load_texts
from models.plans.revisions import approval_of, published_as, version_label
from models.plans.running import RunningPlan
from models.plans.updating import UPDATED, shipped_library, stale_reason
from models.plans.versions import record_plan_version
from models.store.tables import (
    PlanApproval,
    PlanDraft,
    PlanRelease,
    PlanVersion,
    transaction,
)

ACTS = ("submitted", "withdrawn", "approved", "published", "discarded", UPDATED)


class PublishRefused(DraftRefused):
    """A refused submit, approve, publish or withdraw (codes in the module's docstring, and
    DraftRefused's no_draft, closed, not_editing, who_required, too_long); nothing changed."""


@dataclass(frozen=True)
class Act:
    id: int
    draft_id: int
    act: str  # ACTS
    at: datetime
    by: str
    version: str  # the draft's [catalog] version then
    digest: str  # of the texts acted on
    signer: str = ""  # approved: 签发人
    signed_on: date | None = None  # approved
    plan_id: int | None = None  # published: the stored PlanVersion


def _act(row: PlanRelease) -> Act:
    return Act(row.id, row.draft_id, row.act, from_db(row.at), row.by, row.version, row.digest,
               row.signer, row.signed_on, row.plan_id)


def acts(draft: Draft | int | None = None) -> list[Act]:
    """Every act, oldest first (of one draft, or of all)."""
    query = PlanRelease.select(PlanRelease.id, PlanRelease.draft, PlanRelease.act,
                               PlanRelease.at, PlanRelease.by, PlanRelease.version,
                               PlanRelease.digest, PlanRelease.signer, PlanRelease.signed_on,
                               PlanRelease.plan)
    if draft is not None:
        query = query.where(PlanRelease.draft == (draft.id if isinstance(draft, Draft) else draft))
    return [_act(r) for r in query.order_by(PlanRelease.id)]


def published_versions() -> list[Act]:
    """Every publishing act, newest first: the first is the plans the desk runs."""
    return [a for a in reversed(acts()) if a.act == "published"]


def _last_act(row: PlanDraft, act: str) -> PlanRelease | None:
    return (PlanRelease.select().where(PlanRelease.draft == row.id, PlanRelease.act == act)
            .order_by(PlanRelease.id.desc()).first())


def _catalog(row: PlanDraft) -> Catalog:
    return load_texts(json.loads(row.texts), f"draft #{row.id}")


# ---- the acts --------------------------------------------------------------------------------

def submit(draft: Draft | int, who: str, now: datetime, running: RunningPlan) -> Act:
    """The draft submitted for approval as it is now."""
    who = check_name(who)
    with transaction():
        row = draft_row(draft)
        check_editable(row)
        shipped = shipped_library(running) if running.published else None
        _check_base(row, running, shipped)
        catalog = _catalog(row)
        if catalog.digest == running.catalog.digest:
            raise PublishRefused("no_changes")
        version = catalog.info.version
        if version in (running.catalog.info.version, shipped and shipped.info.version) or (
                PlanVersion.select().where(PlanVersion.version == version,
                                           PlanVersion.digest != catalog.digest).exists()):
            raise PublishRefused("same_version", version)
        _check_editions(catalog, running)
        act = record_act(row, "submitted", who, now, catalog)
        move(row, "editing", "submitted")
    return _act(act)


def withdraw(draft: Draft | int, who: str, now: datetime) -> Act:
    """A submitted or approved draft back to editing (its approval void)."""
    who = check_name(who)
    with transaction():
        row = draft_row(draft)
        if row.status not in ("submitted", "approved"):
            raise PublishRefused("not_submitted", row.status)
        act = record_act(row, "withdrawn", who, now, _catalog(row))
        move(row, row.status, "editing")
    return _act(act)


def approve(draft: Draft | int, signer: str, signed_on: date | None, who: str, now: datetime,
            zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Act:
    """The submitted draft approved and signed by `signer` (签发人) on `signed_on`."""
    who = check_name(who)
    signer = (signer or "").strip()
    if not signer:
        raise PublishRefused("signer_required")
    if len(signer) > NAME_MAX:
        raise PublishRefused("too_long", f"at most {NAME_MAX} characters")
    if not isinstance(signed_on, date) or isinstance(signed_on, datetime):
        raise PublishRefused("bad_date")
    if signed_on > hall_time.day_of(now, zone):
        raise PublishRefused("future_date", signed_on.isoformat())
    with transaction():
        row = draft_row(draft)
        if row.status != "submitted":
            raise PublishRefused("not_submitted" if row.status in ("editing", "approved")
                                 else "closed", row.status)
        submitted = _last_act(row, "submitted")
        submitted_at = from_db(submitted.at)
        if now < submitted_at:
            raise PublishRefused("clock_behind", submitted_at.isoformat())
        if signed_on < hall_time.day_of(submitted_at, zone):
            raise PublishRefused("before_submission",
                                 hall_time.day_of(submitted_at, zone).isoformat())
        if signer.casefold() == submitted.by.strip().casefold():
            raise PublishRefused("own_submission", signer)
        catalog = _catalog(row)
        if catalog.digest != submitted.digest:  # the texts changed outside the program
            raise PublishRefused("changed_since_submission")
        act = record_act(row, "approved", who, now, catalog, signer=signer,
                         signed_on=signed_on)
        move(row, "submitted", "approved")
    return _act(act)


def publish(draft: Draft | int, who: str, now: datetime,
            running: RunningPlan | None = None) -> Act:
    """The approved draft published: from the desk's next start, the plans it runs.
    `running` (its shipped folder's editions) checked again: the program may have been
    updated since the submission."""
    who = check_name(who)
    with transaction():
        row = draft_row(draft)
        if row.status != "approved":
            raise PublishRefused("not_approved" if row.status in ("editing", "submitted")
                                 else "closed", row.status)
        approved = _last_act(row, "approved")
        if now < from_db(approved.at):
            raise PublishRefused("clock_behind", from_db(approved.at).isoformat())
        catalog = _catalog(row)
        if catalog.digest != approved.digest:
            raise PublishRefused("changed_since_submission")
        if running is not None:
            _check_base(row, running)
            _check_editions(catalog, running)
        plan = record_plan_version(catalog, now)
        act = record_act(row, "published", who, now, catalog, signer=approved.signer,
                         signed_on=approved.signed_on, texts=row.texts, plan=plan.id)
        move(row, "approved", "published")
    return _act(act)


def _check_base(row: PlanDraft, running: RunningPlan, shipped: Catalog | None = None) -> None:
    """The draft must build on what the desk runs now (and an update on the library the
    program ships now): else publishing it would undo what was published or shipped since."""
    if base := stale_reason(row.id, running, shipped):
        raise PublishRefused("stale_base", base)


def _check_editions(catalog: Catalog, running: RunningPlan) -> None:
    """Every kind of hall's edition must cut `catalog`, or the desk would not start on it."""
    if running.folder is None:
        return
    problems = edition_problems(catalog, running.folder)
    if problems:
        raise PublishRefused("editions_broken", "; ".join(problems))


# ---- the stamp -------------------------------------------------------------------------------

def stamp_of(catalog: Catalog) -> PlanStamp:
    """Version, revision date, signer (签发人) and sign date of `catalog`: of its publishing
    act if the hall published it; else of the latest approval recorded for its text
    (PlanApproval); else the plan files' own `approved_by` (no date); else "" (未签发)."""
    approval = approval_of(catalog)
    signer, signed_on = _signature(
        catalog.digest, catalog.info.version,
        (approval.approved_by, approval.approved_on) if approval else None,
        catalog.info.approved_by)
    return PlanStamp(catalog.info.version, catalog.info.revised, signer, signed_on)


def stamp_of_version(plan_id: int) -> PlanStamp:
    """The stamp of a stored plan version (what an incident or a drill ran), by the same
    rules as stamp_of."""
    plan = PlanVersion.get_by_id(plan_id)
    approval = (PlanApproval.select().where(PlanApproval.plan == plan_id)
                .order_by(PlanApproval.approved_on.desc(), PlanApproval.id.desc()).first()
                if PlanApproval.table_exists() else None)  # a version-1 file read in place
    signer, signed_on = _signature(
        plan.digest, plan.version,
        (approval.approved_by, approval.approved_on) if approval else None,
        json.loads(plan.snapshot).get("catalog", {}).get("approved_by", ""))
    return PlanStamp(plan.version, plan.revised, signer, signed_on)


def _signature(digest: str, version: str, approval: tuple[str, date] | None,
               files_approved_by: str) -> tuple[str, date | None]:
    """The latest signature of that text: its publishing act (revisions.published_as), or a
    re-approval recorded later (the yearly review: "nothing to change, approved again" is a
    new 签发). On the day of the publishing act's own signature, that signature stands."""
    release = (PlanRelease.select(PlanRelease.signer, PlanRelease.signed_on)
               .where(published_as(digest, version))
               .order_by(PlanRelease.id.desc()).first()) if PlanRelease.table_exists() else None
    if release is not None and (approval is None or approval[1] <= release.signed_on):
        return release.signer, release.signed_on
    if approval is not None:
        return approval
    return files_approved_by, None


def stamped_label(stamp: PlanStamp) -> str:
    """How paper names a plan version with its signature: 2026.2（2026-12-02），签发人 王经理
    2026-12-02 — or ，未签发 while nobody signed it."""
    label = version_label(stamp.version, stamp.revised)
    if not stamp.signer:
        return f"{label}，未签发"
    when = f" {stamp.signed_on.isoformat()}" if stamp.signed_on else ""
    return f"{label}，签发人 {stamp.signer}{when}"
