"""Reading what the hub holds: a hall's stream of events by hub_seq (the pull cursor), its
desks, the board's snapshot of running incidents, a desk's chain at chosen positions."""

from __future__ import annotations

import json
from dataclasses import dataclass

from hub.store.base import Cursor, HubStore, iso_z, parse_z

READOUT_SHARED = "readout_shared"  # models.incidents.response: its data holds the capability
EVENT_COLUMNS = ("hub_seq", "origin", "seq", "incident", "kind", "at", "actor", "desk", "text",
                 "data", "for")
BOARD_INCIDENT = ("origin", "incident", "number", "situation_key", "situation_name", "level",
                  "status", "is_drill", "started_at", "desk", "clerk", "last_seq")
BOARD_DEADLINE = ("origin", "incident", "deadline", "key", "label", "action", "to_role", "due",
                  "status", "acknowledged")


# Desks a file enrolled anew replaced: their records stay, but the hall sees the desk once,
# under the id that replaced it (which sends the same records again).
REPLACED = "SELECT replaces FROM desk WHERE replaces IS NOT NULL"


@dataclass(frozen=True)
class Page:
    events: list[dict]
    cursor: int  # pass it as `after` next time
    more: bool
    desks: dict[str, dict]


def read_page(store: HubStore, hall_id: str, after: int, limit: int,
              skip_origin: str = "") -> Page:
    """The hall's timeline events after `after` (plan links are the desks' own business:
    skipped, though the cursor passes them), but those of `skip_origin`: a desk has its own
    already, and a desk that enrols with years of history would take it all back."""
    with store.transaction() as cur:
        # the head first: on PostgreSQL each statement sees the commits made before it, so
        # a push committed between the two would otherwise be passed over by the cursor
        head = hall_head(cur, hall_id)
        rows = cur.execute(
            "SELECT hub_seq, origin, seq, incident, kind, at, actor, desk_name, body, data, "
            "for_origin FROM event WHERE hall_id = %s AND hub_seq > %s AND hub_seq <= %s "
            "AND link_kind = 0 AND origin <> %s ORDER BY hub_seq LIMIT %s",
            (hall_id, after, head, skip_origin, limit + 1)).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        # past the head (a hub restored from a backup): the reader is sent back to it, or it
        # would wait for numbers the hub has given once already
        cursor = rows[-1][0] if more else head
        desks = hall_desks(cur, hall_id)
    events = [_event(row) for row in rows]
    return Page(events, cursor, more, desks)


def _event(row: tuple) -> dict:
    event = dict(zip(EVENT_COLUMNS, row, strict=True))
    if event["for"] is None:
        del event["for"]
    if event["kind"] == READOUT_SHARED:
        event["data"] = _without_cap(event["data"])
    return event


def _without_cap(data: str) -> str:
    """A shared read-out's data without a capability in clear: the address is the leader's
    key to press 收到. Desks record only its hash; a desk that wrote the capability itself
    (an older or altered program) must not hand it to every desk and board of the hall."""
    try:
        value = json.loads(data)
    except ValueError:
        return data
    if not isinstance(value, dict) or "cap" not in value:
        return data
    del value["cap"]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def hall_head(cur: Cursor, hall_id: str) -> int:
    return cur.execute("SELECT coalesce(max(hub_seq), 0) FROM event WHERE hall_id = %s",
                       (hall_id,)).fetchone()[0]


def hall_desks(cur: Cursor, hall_id: str) -> dict[str, dict]:
    rows = cur.execute("SELECT desk_id, name, skew_ms, last_seen_at, head_seq, revoked_at "
                       "FROM desk WHERE hall_id = %s AND kind = 'desk' AND desk_id NOT IN ("
                       + REPLACED + ")", (hall_id,)).fetchall()
    return {r[0]: {"name": r[1], "skew_ms": r[2], "last_seen": r[3], "head": r[4],
                   "revoked": r[5] is not None} for r in rows}


def board(store: HubStore, hall_id: str) -> dict:
    """The hall's incidents not final yet (open, in hand, resolved) with their deadlines, the
    hall's desks, and the cursor to long-poll from."""
    with store.transaction() as cur:
        cursor = hall_head(cur, hall_id)
        incidents = cur.execute(
            "SELECT origin, incident, number, situation_key, situation_name, level, status, "
            "is_drill, started_at, desk_name, clerk, last_seq FROM incident_view "
            "WHERE hall_id = %s AND status_rank < 3 AND origin NOT IN (" + REPLACED + ") "
            "ORDER BY started_at, origin, incident", (hall_id,)).fetchall()
        deadlines = cur.execute(
            "SELECT d.origin, d.incident, d.deadline, d.key, d.label, d.action, d.to_role, "
            "d.due_at, d.status, d.acknowledged FROM deadline_view d JOIN incident_view i "
            "ON i.origin = d.origin AND i.incident = d.incident "
            "WHERE i.hall_id = %s AND i.status_rank < 3 AND i.origin NOT IN (" + REPLACED
            + ") ORDER BY d.due_at, d.deadline", (hall_id,)).fetchall()
        desks = hall_desks(cur, hall_id)
    by_incident: dict[tuple, list] = {}
    for row in deadlines:
        item = dict(zip(BOARD_DEADLINE, row, strict=True))
        item["acknowledged"] = bool(item["acknowledged"])
        item["due"] = _utc(item["due"])
        by_incident.setdefault((item.pop("origin"), item.pop("incident")), []).append(item)
    shown = []
    for row in incidents:
        item = dict(zip(BOARD_INCIDENT, row, strict=True))
        item["is_drill"] = bool(item["is_drill"])
        item["deadlines"] = by_incident.get((item["origin"], item["incident"]), [])
        shown.append(item)
    return {"cursor": cursor, "desks": desks, "incidents": shown}


def _utc(text: str | None) -> str | None:
    """A desk's naive-UTC time as the hub sends times (…Z); still in the desk's clock."""
    if not text:
        return text
    try:
        return iso_z(parse_z(text))
    except ValueError:
        return text


def chain(store: HubStore, desk_id: str, positions: list[int]) -> dict | None:
    """The desk's head as the hub holds it and its link hash at each of `positions` (those
    the hub holds); None for a desk unknown here."""
    with store.transaction() as cur:
        row = cur.execute("SELECT head_seq, head_link, replaces FROM desk WHERE desk_id = %s",
                          (desk_id,)).fetchone()
        if row is None:
            return None
        links: dict[str, str] = {}
        received = None
        wanted = sorted({p for p in positions if 0 < p <= row[0]} | ({row[0]} if row[0] else set()))
        if wanted:
            marks = ",".join(["%s"] * len(wanted))
            for seq, link, at in cur.execute(
                    f"SELECT seq, link_hash, received_at FROM event WHERE origin = %s "
                    f"AND seq IN ({marks})", (desk_id, *wanted)).fetchall():
                if seq in positions:
                    links[str(seq)] = link
                if seq == row[0]:
                    received = at
    return {"desk_id": desk_id, "head": {"seq": row[0], "link": row[1], "received_at": received},
            "links": links, "replaces": row[2]}


def earlier_enrolments(store: HubStore, desk_id: str) -> list[str]:
    """The desks of `desk_id`'s hall its file was enrolled as before, whose chains verify
    --hub compares too: those it was enrolled anew in place of (`sync enrol --replace`),
    newest first, then any other whose first link is this desk's (the same file, its
    enrolment deleted and enrolled as a new desk)."""
    found: list[str] = []
    with store.transaction() as cur:
        row = cur.execute("SELECT replaces, hall_id FROM desk WHERE desk_id = %s",
                          (desk_id,)).fetchone()
        earlier, hall_id = row if row is not None else (None, None)
        while earlier is not None and earlier != desk_id and earlier not in found:
            row = cur.execute("SELECT replaces, hall_id FROM desk WHERE desk_id = %s",
                              (earlier,)).fetchone()
            if row is None or row[1] != hall_id:
                break
            found.append(earlier)
            earlier = row[0]
        if hall_id is not None:
            found += [r[0] for r in cur.execute(
                "SELECT d.desk_id FROM desk d JOIN event e ON e.origin = d.desk_id "
                "AND e.seq = 1 JOIN event mine ON mine.origin = %s AND mine.seq = 1 "
                "WHERE d.hall_id = %s AND d.desk_id <> %s "
                "AND e.link_hash = mine.link_hash ORDER BY d.enrolled_at",
                (desk_id, hall_id, desk_id)).fetchall() if r[0] not in found]
    return found
