"""Which text of the plans each incident used, kept readable after the plans are revised,
and the approvals of each revision (who reviewed it, who approved it, when)."""

from __future__ import annotations

import json
from datetime import datetime

import peewee as pw

from models.catalog import Catalog
from models.db import BaseModel


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
