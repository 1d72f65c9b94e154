"""Which text of the plans each incident used: the stored snapshot of each revision."""

from __future__ import annotations

import json
from datetime import datetime

from models.plans.catalog import Catalog
from models.store.tables import PlanVersion


def record_plan_version(catalog: Catalog, now: datetime) -> PlanVersion:
    """The stored row for this catalog's content, adding it the first time it is seen."""
    digest = catalog.digest
    existing = PlanVersion.get_or_none(PlanVersion.digest == digest)
    if existing:
        return existing
    return PlanVersion.create(
        version=catalog.info.version,
        digest=digest,
        revised=catalog.info.revised,
        first_used_at=now,
        snapshot=json.dumps(catalog.to_dict(), ensure_ascii=False),
    )
