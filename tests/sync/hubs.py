"""A real hub process for the desk's sync tests (SQLite in the test's folder unless a
PostgreSQL URL is given), its enrolment codes, and what it holds of a desk, read from its
store directly (the hub's own view, not through the desk's client)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hub.enrolment import issue_code
from hub.store import open_store


def new_code(hub_db: str | Path, kind: str = "desk") -> str:
    """A one-time code, as `main.py hub code` makes it (works while the hub runs)."""
    store = open_store(hub_db)
    try:
        return issue_code(store, kind=kind, hall=None, valid_hours=1,
                          now=datetime.now(UTC))[0]
    finally:
        store.close()


def held(hub_db: str | Path, desk_id: str) -> list[tuple[int, str]]:
    """Every (seq, link hash) the hub holds of the desk, in order, duplicates included."""
    store = open_store(hub_db)
    try:
        with store.transaction() as cur:
            return [tuple(row) for row in cur.execute(
                "SELECT seq, link_hash FROM event WHERE origin = %s ORDER BY seq, hub_seq",
                (desk_id,)).fetchall()]
    finally:
        store.close()


def desk_row(hub_db: str | Path, desk_id: str) -> dict:
    store = open_store(hub_db)
    try:
        with store.transaction() as cur:
            row = cur.execute("SELECT head_seq, head_link, skew_ms, name FROM desk "
                              "WHERE desk_id = %s", (desk_id,)).fetchone()
    finally:
        store.close()
    return dict(zip(("head_seq", "head_link", "skew_ms", "name"), row, strict=True))
