"""Appending to an incident's timeline: every fact with its time, chained by hashes.

Each entry's hash covers its content and the previous entry's hash, so an entry altered or
removed outside the program breaks the chain (checked by `verify`).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from models.clock import to_db
from models.incident import Incident, TimelineEntry


def entry_hash(prev_hash: str, incident_id: int, at: datetime, kind: str, actor: str,
               desk: str, text: str, data: str) -> str:
    content = json.dumps([prev_hash, incident_id, at.isoformat(sep=" "), kind, actor, desk, text,
                          data], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def append_entry(incident: Incident, kind: str, *, at: datetime, actor: str = "", desk: str = "",
                 text: str = "", data: dict | None = None) -> TimelineEntry:
    """Add one entry (committed at once unless inside a transaction)."""
    last = (TimelineEntry.select(TimelineEntry.hash)
            .where(TimelineEntry.incident == incident.id)
            .order_by(TimelineEntry.id.desc()).first())
    prev = last.hash if last else ""
    stored_at = to_db(at)
    payload = json.dumps(data or {}, ensure_ascii=False, sort_keys=True)
    return TimelineEntry.create(
        incident=incident.id, at=stored_at, kind=kind, actor=actor, desk=desk, text=text,
        data=payload, prev_hash=prev,
        hash=entry_hash(prev, incident.id, stored_at, kind, actor, desk, text, payload))
