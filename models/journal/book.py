"""Writing and reading the desk's journal (table `journal_entry`, since schema version 8).

An entry is never changed: a correction, an answer (a handover accepted) or a step of work
(a corrective action done) is a new entry that `follows` the one it is about. Each entry is
linked into the desk-wide chain in the transaction that writes it (kind 3,
models.store.plan_links), so `verify` finds a row edited, removed or slipped in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from models.clock.clocks import from_db, to_db
from models.store.plan_links import JOURNAL, link_plan_row
from models.store.tables import JournalEntry, transaction

KIND_MAX, TEXT_MAX = 32, 10_000


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime  # UTC, aware
    kind: str
    actor: str = ""
    desk: str = ""
    incident: int | None = None
    follows: int | None = None
    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def append(kind: str, *, at: datetime, actor: str = "", desk: str = "", text: str = "",
           data: dict[str, Any] | None = None, incident: int | None = None,
           follows: int | None = None) -> Entry:
    """Write one entry and its link, in one transaction (joining the caller's, if any)."""
    if not kind or len(kind) > KIND_MAX:
        raise ValueError(f"journal kind {kind!r}")
    if len(text) > TEXT_MAX:
        raise ValueError("journal text too long")
    payload = json.dumps(data or {}, ensure_ascii=False, sort_keys=True)
    with transaction():
        row = JournalEntry.create(at=to_db(at), kind=kind, actor=actor, desk=desk,
                                  incident=incident, follows=follows, text=text, data=payload)
        link_plan_row(JOURNAL, row.id)
    return _entry(row)


def entries(kinds: tuple[str, ...] = (), *, since: datetime | None = None,
            until: datetime | None = None, incident: int | None = None,
            follows: int | None = None) -> list[Entry]:
    """Entries in the order written, of `kinds` (all if empty), at or after `since` and
    before `until` (UTC), about `incident`, answering `follows`."""
    query = JournalEntry.select().order_by(JournalEntry.id)
    if kinds:
        query = query.where(JournalEntry.kind.in_(kinds))
    if since is not None:
        query = query.where(JournalEntry.at >= to_db(since))
    if until is not None:
        query = query.where(JournalEntry.at < to_db(until))
    if incident is not None:
        query = query.where(JournalEntry.incident == incident)
    if follows is not None:
        query = query.where(JournalEntry.follows == follows)
    return [_entry(row) for row in query]


def entry(entry_id: int) -> Entry | None:
    row = JournalEntry.get_or_none(JournalEntry.id == entry_id)
    return _entry(row) if row else None


def last_written() -> datetime | None:
    """The time of the entry written last (the desk's time never starts before it): its `at`,
    or when it was written down if later (a call is stamped with the time it came, up to days
    before it was recorded: `data["recorded_at"]`, models.journal.duty_calls)."""
    row = JournalEntry.select(JournalEntry.at, JournalEntry.data).order_by(
        JournalEntry.id.desc()).first()
    if row is None:
        return None
    at = from_db(row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at)))
    try:
        recorded = datetime.fromisoformat(json.loads(row.data or "{}").get("recorded_at", ""))
    except (ValueError, TypeError, AttributeError):
        return at
    return max(at, recorded) if recorded.tzinfo else at


def _entry(row: JournalEntry) -> Entry:
    at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
    return Entry(row.id, from_db(at), row.kind, row.actor, row.desk, row.incident,
                 row.follows, row.text, json.loads(row.data or "{}"))
