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
