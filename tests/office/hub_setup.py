"""Shared set-up of head office's tests: a hub database with enrolled callers."""

from __future__ import annotations

from datetime import UTC, datetime

from hub.enrolment import enrol, issue_code
from hub.store import open_store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def enrolled(db: str, kind: str = "desk", name: str = "1号台", hall: str | None = None):
    """A new caller of `kind` enrolled at the hub database `db`: (desk id, token)."""
    store = open_store(db)
    try:
        code, _ = issue_code(store, kind=kind, hall=hall, valid_hours=1, now=NOW)
        done = enrol(store, code=code, name=name, kind=kind, replaces=None, schema=7, proto=1,
                     app="test", now=NOW)
    finally:
        store.close()
    return done.desk_id, done.token


def hold_desk_file(db: str, desk_file, name: str, hall: str) -> str:
    """The hub at `db` holding what the desk file would have pushed (its entries, its chain's
    head, its incidents' heads), as a desk `name` of `hall`: its desk id. For head office's
    reading tests, before a desk pushes through the hub itself."""
    import sqlite3

    desk_id, _ = enrolled(db, name=name, hall=hall)
    con = sqlite3.connect(desk_file)
    events = con.execute(
        "SELECT l.id, l.hash, t.id, t.incident_id, t.at, t.kind, t.actor, t.desk, t.text, "
        "t.data, t.prev_hash, t.hash FROM ledger l JOIN timeline_entry t ON t.id = l.entry "
        "AND l.kind = 0 ORDER BY l.id").fetchall()
    heads = con.execute("SELECT id, number, situation_key, situation_name, category_key, level, "
                        "is_drill, status, head_hash FROM incident").fetchall()
    seq, link = con.execute("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1").fetchone()
    con.close()
    store = open_store(db)
    try:
        with store.transaction(write=True) as cur:
            hall_id = cur.execute("SELECT hall_id FROM desk WHERE desk_id = %s",
                                  (desk_id,)).fetchone()[0]
            cur.executemany(
                "INSERT INTO event (origin, seq, hall_id, link_kind, incident, entry_id, kind, "
                "at, actor, desk_name, body, data, prev_hash, entry_hash, link_hash, schema, "
                "proto, received_at) VALUES (%s, %s, %s, 0, %s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s, %s, 7, 1, %s)",
                [(desk_id, s, hall_id, i, e, k, at, a, d, t, data, prev, h, link_hash, "now")
                 for s, link_hash, e, i, at, k, a, d, t, data, prev, h in events])
            cur.executemany(
                "INSERT INTO incident_view (origin, incident, hall_id, number, situation_key, "
                "situation_name, category_key, level, is_drill, status, status_rank, "
                "head_hash, last_seq) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0, %s, 0)",
                [(desk_id, i, hall_id, n, sk, sn, c, lv, bool(drill), st, hh)
                 for i, n, sk, sn, c, lv, drill, st, hh in heads])
            cur.execute("UPDATE desk SET head_seq = %s, head_link = %s WHERE desk_id = %s",
                        (seq, link, desk_id))
    finally:
        store.close()
    return desk_id
