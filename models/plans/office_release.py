"""Plans published at head office, taken in at a desk: a bundle checked against the pinned
office key (models.plans.signing) becomes the plans the desk runs from its next start, through
the same records as the hall's own publishing: a PlanDraft row holding the texts (born
published: nobody at the desk edits it), its "published" act (PlanRelease, linked into the
desk-wide chain) naming the office's signer and sign date, and the stored version
(PlanVersion). The act's note keeps the key and signature, so the desk holds the proof.

A bundle the desk already runs changes nothing; one its kinds of hall cannot cut is refused
(the desk could not start on it). An open draft of the hall's own is left as it is: it no
longer builds on what the desk runs, and says so (models.plans.updating.stale_reason).
"""

from __future__ import annotations

import json
from datetime import datetime

from models.clock.clocks import to_db
from models.plans.drafts import check_name, record_act
from models.plans.editions import edition_problems
from models.plans.publishing import Act, PublishRefused, acts
from models.plans.running import RunningPlan
from models.plans.signing import VerifiedBundle, verify_bundle
from models.plans.versions import record_plan_version
from models.store.tables import PlanDraft, transaction

OFFICE = "总部"  # who published it, as the acts name it (the signer is the office's own)


def take_bundle(bundle: object, pinned_key: str, running: RunningPlan, now: datetime,
                who: str = OFFICE) -> Act | None:
    """Verify `bundle` against `pinned_key` and publish it at this desk; None when the desk
    already runs those texts. Raises BundleRefused (nothing written) or PublishRefused
    ("editions_broken")."""
    verified = verify_bundle(bundle, pinned_key)
    if verified.catalog.digest == running.catalog.digest:
        return None
    return publish_verified(verified, running, now, who)


def publish_verified(verified: VerifiedBundle, running: RunningPlan, now: datetime,
                     who: str = OFFICE) -> Act:
    who = check_name(who)
    if running.folder is not None:
        problems = edition_problems(verified.catalog, running.folder)
        if problems:
            raise PublishRefused("editions_broken", "; ".join(problems))
    texts = json.dumps(verified.texts, ensure_ascii=False)
    note = json.dumps({"from": "head office", "key_id": verified.key_id,
                       "signature": verified.signature}, ensure_ascii=False)
    with transaction():
        at = to_db(now)
        row = PlanDraft.create(started_at=at, started_by=who,
                               base_version=running.catalog.info.version,
                               base_digest=running.catalog.digest, texts=texts,
                               status="published", open_slot=None, updated_at=at)
        plan = record_plan_version(verified.catalog, now)
        record_act(row, "published", who, now, verified.catalog,
                         signer=verified.signed_by, signed_on=verified.signed_on, note=note,
                         texts=texts, plan=plan.id)
    return acts(row.id)[-1]  # the one act of that row
