"""Appending to an incident's timeline: every fact with its time, chained by hashes.

Each entry's hash covers its content and the previous entry's hash, and the incident keeps the
newest hash, so an entry altered, inserted or removed outside the program — even the last
one — breaks the chain (checked by `verify`). Every entry is also linked into the desk-wide
chain (models.store.ledger), so a whole incident removed shows too.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from json.encoder import encode_basestring as _quoted

from models.clock.clocks import from_db, to_db
from models.store.ledger import append_link
from models.store.tables import Incident, TimelineEntry, transaction


def entry_hash(prev_hash: str, incident_id: int, at: datetime | str, kind: str, actor: str,
               desk: str, text: str, data: str) -> str:
    """`at`: the stored time (naive UTC), or its text as the database holds it."""
    stamp = at if isinstance(at, str) else at.isoformat(sep=" ")
    # The compact JSON (ensure_ascii=False) of [prev_hash, incident_id, stamp, kind, actor,
    # desk, text, data], written out: _quoted is the encoder's own quoting of a string, and
    # every `verify` hashes millions of entries (a list through JSONEncoder costs 1.6x this).
    content = (f"[{_quoted(prev_hash)},{incident_id:d},{_quoted(stamp)},{_quoted(kind)},"
               f"{_quoted(actor)},{_quoted(desk)},{_quoted(text)},{_quoted(data)}]")
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def append_entry(incident: Incident, kind: str, *, at: datetime, actor: str = "", desk: str = "",
                 text: str = "", data: dict | None = None) -> TimelineEntry:
    """Add one entry and move the incident's head hash to it, in one transaction."""
    with transaction():
        prev = Incident.select(Incident.head_hash).where(Incident.id == incident.id).scalar()
        stored_at = to_db(at)
        payload = json.dumps(data or {}, ensure_ascii=False, sort_keys=True)
        digest = entry_hash(prev, incident.id, stored_at, kind, actor, desk, text, payload)
        entry = TimelineEntry.create(
            incident=incident.id, at=stored_at, kind=kind, actor=actor, desk=desk, text=text,
            data=payload, prev_hash=prev, hash=digest)
        Incident.update(head_hash=digest).where(Incident.id == incident.id).execute()
        append_link(entry.id, digest)
    return entry


def last_recorded() -> datetime | None:
    """The time of the real entry written last: the desk's time never starts before it. By
    row, newest first (the largest time would read ten years of entries at each start); a
    drill's entries are passed over (a drill's accelerated clock runs ahead of real time)."""
    drills = Incident.select(Incident.id).where(Incident.is_drill == True)  # noqa: E712
    latest = (TimelineEntry.select(TimelineEntry.at)
              .where(TimelineEntry.incident.not_in(drills))
              .order_by(TimelineEntry.id.desc()).limit(1).scalar())
    return from_db(latest) if latest else None
