"""What a desk has to send: its ledger (the desk-wide chain) read after a position, as events
on the wire (models.sync.protocol.EVENT_FIELDS).

The ledger already is the outbox: every timeline entry, plan act and plan change gets its
link in the transaction that writes it, numbered 1..N in write order. Rows are read with
plain sqlite3 on the sync worker's own connection, so `at` and `data` go out exactly as
stored and hashed (naive-UTC text, the JSON text), never re-serialized."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from models.store.ledger import TIMELINE
from models.store.plan_links import ROWS_SQL, row_hash

LINKS_SQL = (
    "SELECT l.id, l.hash, l.kind, l.entry, t.incident_id, t.at, t.kind, t.actor, t.desk, "
    "t.text, t.data, t.prev_hash, t.hash "
    "FROM ledger l LEFT JOIN timeline_entry t ON l.kind = 0 AND t.id = l.entry "
    "WHERE l.id > ? ORDER BY l.id LIMIT ?")
HEAD_SQL = ("SELECT number, situation_key, situation_name, category_key, level, is_drill, "
            "started_at, hall, desk, clerk FROM incident WHERE id = ?")
HEAD_FIELDS = ("number", "situation_key", "situation_name", "category_key", "level",
               "is_drill", "started_at", "hall", "desk", "clerk")


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection of the sync worker's own, that only reads (the desk writes on its own
    thread; WAL lets both go on at once)."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    conn.execute("PRAGMA query_only = 1")
    return conn


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """The newest link: (position, hash); (0, "") before the first."""
    row = conn.execute("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, "")


def link_at(conn: sqlite3.Connection, seq: int) -> str | None:
    """The hash of the link at `seq`, or None when the file has no such link."""
    row = conn.execute("SELECT hash FROM ledger WHERE id = ?", (seq,)).fetchone()
    return row[0] if row else None


def links_at(conn: sqlite3.Connection, positions: list[int]) -> dict[int, str]:
    """The hashes of the links at `positions` the file has."""
    marks = ",".join("?" * len(positions))
    return dict(conn.execute(f"SELECT id, hash FROM ledger WHERE id IN ({marks})",
                             positions).fetchall()) if positions else {}


def events_after(conn: sqlite3.Connection, after: int, limit: int) -> list[dict[str, Any]]:
    """The links after position `after` (at most `limit`), each as an event on the wire; the
    first event of each incident in the batch carries `incident_head` (for display at the
    hub: not hashed)."""
    events = []
    headed: set[int] = set()
    for row in conn.execute(LINKS_SQL, (after, limit)).fetchall():
        seq, link, link_kind, entry = row[:4]
        if link_kind != TIMELINE:
            events.append({"seq": seq, "link": link, "link_kind": link_kind, "entry": entry,
                           "hash": _plan_row_hash(conn, link_kind, entry)})
            continue
        event = _timeline_event(seq, link, entry, row[4:])
        incident = event["incident"]
        if incident is not None and incident not in headed:
            headed.add(incident)
            event["incident_head"] = incident_head(conn, incident)
        events.append(event)
    return events


def _timeline_event(seq: int, link: str, entry: int, row: tuple) -> dict[str, Any]:
    incident, at, kind, actor, desk, text, data, prev, digest = row
    # An entry missing under its link (removed outside the program) goes out with no hash:
    # the hub refuses it (bad_hash), which is what such a file deserves.
    return {"seq": seq, "link": link, "link_kind": TIMELINE, "entry": entry,
            "incident": incident, "at": at, "kind": kind, "actor": actor, "desk": desk,
            "text": text, "data": data, "prev": prev, "hash": digest or ""}


def incident_head(conn: sqlite3.Connection, incident: int) -> dict[str, Any]:
    row = conn.execute(HEAD_SQL, (incident,)).fetchone()
    if row is None:
        return {}
    head_ = dict(zip(HEAD_FIELDS, row, strict=True))
    head_["is_drill"] = bool(head_["is_drill"])
    return head_


def _plan_row_hash(conn: sqlite3.Connection, kind: int, row_id: int) -> str:
    sql = ROWS_SQL.get(kind)
    if sql is None:
        return ""  # a kind the program never writes: the hub refuses its link
    column = "r.id" if kind == 1 else "id"
    values = conn.execute(f"{sql} WHERE {column} = ?", (row_id,)).fetchone()
    return row_hash(values) if values is not None else ""
