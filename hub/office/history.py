"""The history head office prints from: every desk's incidents that started in a range of
the hall's days, each with all its timeline entries exactly as the desk hashed them, its head
as the hub keeps it, and each desk's name, hall and chain head (models.sync.history_import
rebuilds a desk-shaped file from them). Paged by incident: `after` is the last
`origin:incident` of the page before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hub.store.base import Cursor, HubStore
from models.clock import hall_time
from models.clock.clocks import to_db

PAGE_INCIDENTS = 200
ENTRY = ("origin", "seq", "entry", "incident", "at", "kind", "actor", "desk", "text", "data",
         "prev", "hash")
HEAD = ("origin", "incident", "number", "situation_key", "situation_name", "category_key",
        "level", "is_drill", "status")


@dataclass(frozen=True)
class HistoryQuery:
    first: date
    last: date
    zone: ZoneInfo
    after: tuple[str, int] = ("", 0)
    limit: int = PAGE_INCIDENTS


def history_page(store: HubStore, q: HistoryQuery) -> dict:
    start, end = (_stored(moment) for moment in hall_time.days_span(q.first, q.last, q.zone))
    with store.transaction() as cur:
        picked = cur.execute(
            "SELECT e.origin, e.incident FROM event e JOIN desk d ON d.desk_id = e.origin "
            "WHERE e.kind = 'started' AND e.link_kind = 0 AND d.kind = 'desk' "
            "AND e.at >= %s AND e.at < %s AND (e.origin > %s OR (e.origin = %s AND "
            "e.incident > %s)) ORDER BY e.origin, e.incident LIMIT %s",
            (start, end, q.after[0], q.after[0], q.after[1], q.limit + 1)).fetchall()
        more = len(picked) > q.limit
        picked = picked[:q.limit]
        by_origin: dict[str, list[int]] = {}
        for origin, incident in picked:
            by_origin.setdefault(origin, []).append(incident)
        page = {"desks": {}, "incidents": [], "events": [], "more": more,
                "after": f"{picked[-1][0]}:{picked[-1][1]}" if picked else ""}
        for origin, incidents in by_origin.items():
            page["desks"][origin] = _desk(cur, origin)
            page["incidents"] += _heads(cur, origin, incidents)
            page["events"] += _entries(cur, origin, incidents)
    return page


def _stored(moment: datetime) -> str:
    """A moment as the desks store `at` (naive UTC text, as sqlite3 writes a datetime): the
    texts then compare as the moments do."""
    return to_db(moment).isoformat(" ")


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def _desk(cur: Cursor, origin: str) -> dict:
    name, hall, seq, link = cur.execute(
        "SELECT d.name, h.name, d.head_seq, d.head_link FROM desk d JOIN hall h "
        "ON h.hall_id = d.hall_id WHERE d.desk_id = %s", (origin,)).fetchone()
    return {"name": name, "hall": hall, "head": {"seq": seq, "link": link}}


def _heads(cur: Cursor, origin: str, incidents: list[int]) -> list[dict]:
    rows = cur.execute(
        f"SELECT {', '.join(HEAD)} FROM incident_view WHERE origin = %s "
        f"AND incident IN ({_marks(incidents)})", (origin, *incidents)).fetchall()
    return [dict(zip(HEAD, row, strict=True)) for row in rows]


def _entries(cur: Cursor, origin: str, incidents: list[int]) -> list[dict]:
    rows = cur.execute(
        "SELECT origin, seq, entry_id, incident, at, kind, actor, desk_name, body, data, "
        "prev_hash, entry_hash FROM event WHERE origin = %s AND link_kind = 0 "
        f"AND incident IN ({_marks(incidents)}) ORDER BY seq", (origin, *incidents)).fetchall()
    return [dict(zip(ENTRY, row, strict=True)) for row in rows]
