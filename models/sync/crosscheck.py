"""Whether a desk's file still holds what its hub received (`verify --hub`).

Each link's hash covers the link before it, so one equal hash at a position proves every
link up to it equal: the file and the hub are compared at the last position both hold. When
that link differs, the first link changed is found by bisecting, 63 positions a request
(about 4 requests for 3 million links): a forger who rewrote the file and recomputed every
hash cannot reach the copy on another machine."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from models.incidents.seal import seal_code
from models.sync import outbox
from models.sync.client import HubClient

PROBES = 63  # positions asked per request (the hub answers at most 64)


@dataclass(frozen=True)
class Comparison:
    desk_id: str
    file_head: int
    hub_head: int
    compared_at: int  # the last position both hold (0: nothing to compare)
    first_changed: int | None  # the first link the file holds differently, if any
    hub_seal: str  # the seal of the hub's link at `compared_at` ("" for none)
    requests: int  # how many times the hub was asked
    earlier: tuple[str, ...] = ()  # the desks the hub knows this file enrolled as before

    @property
    def file_lacks(self) -> int:
        """Links the hub holds that the file does not (restored from an older backup, or
        records removed)."""
        return max(0, self.hub_head - self.file_head)

    @property
    def not_synced(self) -> int:
        """The file's newest links the hub has not received yet (not checked)."""
        return max(0, self.file_head - self.hub_head)


@dataclass(frozen=True)
class Enrolled:
    hub_url: str
    desk_id: str
    token: str


def enrolled(conn: sqlite3.Connection) -> Enrolled | None:
    """The file's enrolment, read where it lies (None: never enrolled, or older than the
    sync tables)."""
    try:
        row = conn.execute("SELECT hub_url, desk_id, token FROM sync_state WHERE id = 1"
                           ).fetchone()
    except sqlite3.OperationalError:  # no such table: a file from before schema 7
        return None
    return Enrolled(*row) if row else None


def compare(conn: sqlite3.Connection, client: HubClient, desk_id: str) -> Comparison:
    file_head = outbox.head(conn)[0]
    answer = client.chain(desk_id, [file_head] if file_head else [])
    requests = 1
    hub_head = int((answer.get("head") or {}).get("seq", 0))
    point = min(file_head, hub_head)
    earlier = tuple(d for d in answer.get("earlier") or () if isinstance(d, str))
    if point == 0:
        return Comparison(desk_id, file_head, hub_head, 0, None, "", requests, earlier)
    theirs = answer.get("links", {}).get(str(point))
    if theirs is None:
        theirs = client.chain(desk_id, [point]).get("links", {}).get(str(point))
        requests += 1
    first_changed = None
    if theirs != outbox.link_at(conn, point):
        first_changed, asked = _first_changed(conn, client, desk_id, point)
        requests += asked
    return Comparison(desk_id, file_head, hub_head, point, first_changed,
                      seal_code(point, theirs) if theirs else "", requests, earlier)


def compare_all(conn: sqlite3.Connection, client: HubClient,
                desk_id: str) -> list[Comparison]:
    """The file against its desk's chain, then against the chain of each desk the hub knows
    it enrolled as before (`sync enrol --replace`, or its enrolment deleted and enrolled
    anew): a forger who re-enrols pushes the rewritten chain under a new id, but the hub
    still holds what the earlier enrolment sent."""
    own = compare(conn, client, desk_id)
    return [own, *(compare(conn, client, earlier) for earlier in own.earlier
                   if earlier != desk_id)]


def _first_changed(conn: sqlite3.Connection, client: HubClient, desk_id: str,
                   differs: int) -> tuple[int, int]:
    """The first position whose link differs, knowing the one at `differs` does (and every
    link after a differing one differs too); how many requests it took."""
    same, requests = 0, 0  # `same`: the last position known equal (0: before the first)
    while differs - same > 1:
        probes = _spread(same + 1, differs - 1, PROBES)
        theirs = client.chain(desk_id, probes).get("links", {})
        mine = outbox.links_at(conn, probes)
        requests += 1
        for position in probes:
            if theirs.get(str(position)) != mine.get(position):
                differs = position
                break
            same = position
    return differs, requests


def _spread(low: int, high: int, count: int) -> list[int]:
    """At most `count` positions from `low` to `high`, evenly apart, both ends included."""
    span = high - low + 1
    if span <= count:
        return list(range(low, high + 1))
    return sorted({low + (span - 1) * i // (count - 1) for i in range(count)})


def changed_link(conn: sqlite3.Connection, position: int) -> str:
    """What the link at `position` holds, in words: the incident and entry, or the plan row."""
    row = conn.execute(
        "SELECT l.kind, l.entry, t.kind, t.at, i.number FROM ledger l "
        "LEFT JOIN timeline_entry t ON l.kind = 0 AND t.id = l.entry "
        "LEFT JOIN incident i ON i.id = t.incident_id WHERE l.id = ?", (position,)).fetchone()
    if row is None:
        return "a link the file no longer has"
    link_kind, entry, kind, at, number = row
    if link_kind:
        name = {1: "plan act", 2: "plan change", 3: "journal entry"}.get(
            link_kind, f"row of kind {link_kind}")
        return f"{name} #{entry}"
    if number is None:
        return f"timeline entry #{entry}, no longer in the file"
    return f"incident {number}, its {kind!r} entry of {at} UTC"
