"""The leader's page in storage: the read-out a capability opens, the acknowledgement given
on it (one per read-out), and whether the desk has recorded it yet.

A capability is kept only as its SHA-256 (`readout.cap_hash`): the address is the secret, and
a copy of the hub's database does not give it away. The hub event that tells the desk
(`leader_ack`) names the read-out by that hash too; the desk, which holds the capability,
finds its read-out by hashing it (models.sync.apply)."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from hub.hub_events import record_hub_event
from hub.store.base import Cursor, HubStore, iso_z, parse_z

LEADER_ACK = "leader_ack"
LEADER_RECEIVED = "leader_received"
CAP_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")  # secrets.token_urlsafe: nothing else is a cap
NAME_MAX_CHARS = 40
FINAL = ("closed", "cancelled")  # an incident ended at its desk: no report is owed any more
KEPT_AFTER_END = timedelta(hours=24)  # the page stays readable this long after the end


@dataclass(frozen=True)
class Shared:
    """A read-out as the desk shared it, with the incident it is about."""

    cap_hash: str
    origin: str  # the desk's id
    hall_id: str
    incident: int
    role: str
    person: str
    body: str
    number: str
    situation: str
    desk_name: str
    expires_at: str | None
    ended_at: datetime | None = None  # when the desk's closing or cancelling reached the hub


@dataclass(frozen=True)
class Page:
    """What the leader's page shows: the read-out, and how far its acknowledgement got."""

    shared: Shared
    acked_by: str = ""
    acked_at: datetime | None = None  # the hub's time of the press
    recorded_at: datetime | None = None  # the hub's time the desk's record of it arrived

    @property
    def ended(self) -> bool:
        """The incident is closed or cancelled at its desk: nothing more is recorded in it,
        so the page takes no 收到 (one given before and not recorded stays unrecorded)."""
        return self.shared.ended_at is not None

    @property
    def acked(self) -> bool:
        return self.acked_at is not None

    @property
    def recorded(self) -> bool:
        return self.recorded_at is not None


def cap_hash(cap: str) -> str:
    return hashlib.sha256(cap.encode("utf-8")).hexdigest()


def well_formed(cap: str) -> bool:
    return CAP_SHAPE.fullmatch(cap) is not None


def clean_name(typed: str) -> str:
    """The name as typed, trimmed, without control characters; "" if nothing is left."""
    return "".join(ch for ch in typed if ch.isprintable()).strip()[:NAME_MAX_CHARS]


def page(store: HubStore, cap: str, now: datetime) -> Page | None:
    """The page of `cap`; None for a capability unknown here, or expired."""
    with store.transaction() as cur:
        return _page(cur, cap_hash(cap), now)


def acknowledge(store: HubStore, cap: str, by: str, now: datetime, *, remote_addr: str = "",
                user_agent: str = "") -> tuple[Page, int | None] | None:
    """Store the leader's "收到" and the hub event that tells the desk, in one transaction;
    the page after it and the event's hub_seq (None when the read-out was acknowledged
    already: a second press, a reload of the POST, changes nothing). None: no such page."""
    digest = cap_hash(cap)
    with store.transaction(write=True) as cur:
        found = _page(cur, digest, now)
        if found is None or found.acked or found.ended:
            return (found, None) if found is not None else None
        ack_id = secrets.token_hex(16)
        shared = found.shared
        hub_seq = record_hub_event(
            cur, hall_id=shared.hall_id, for_origin=shared.origin, kind=LEADER_ACK,
            data={"ack": ack_id, "by": by, "at": iso_z(now), "cap_hash": digest},
            now=now, incident=shared.incident, text=f"received by {by}")
        cur.execute("INSERT INTO ack (ack_id, cap_hash, by_name, at, remote_addr, user_agent, "
                    "hub_seq) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    (ack_id, digest, by, iso_z(now), remote_addr[:100], user_agent[:300],
                     hub_seq))
        return _page(cur, digest, now), hub_seq


def _page(cur: Cursor, digest: str, now: datetime) -> Page | None:
    shared = _shared(cur, digest)
    if shared is None or (shared.expires_at and parse_z(shared.expires_at) <= now) or (
            shared.ended_at is not None and shared.ended_at + KEPT_AFTER_END <= now):
        return None
    ack = cur.execute("SELECT by_name, at FROM ack WHERE cap_hash = %s", (digest,)).fetchone()
    if ack is None:
        return Page(shared)
    return Page(shared, ack[0], parse_z(ack[1]), _recorded_at(cur, shared))


def _shared(cur: Cursor, digest: str) -> Shared | None:
    row = cur.execute(
        "SELECT r.origin, d.hall_id, r.incident, r.role, r.person, r.body, r.expires_at, "
        "i.number, i.situation_name, d.name FROM readout r JOIN desk d ON d.desk_id = r.origin "
        "LEFT JOIN incident_view i ON i.origin = r.origin AND i.incident = r.incident "
        "WHERE r.cap_hash = %s", (digest,)).fetchone()
    if row is None:
        return None
    origin, hall_id, incident, role, person, body, expires_at, number, situation, desk = row
    ended = cur.execute("SELECT received_at FROM event WHERE origin = %s AND incident = %s "
                        "AND kind IN (%s, %s) ORDER BY seq LIMIT 1",
                        (origin, incident, *FINAL)).fetchone()
    return Shared(digest, origin, hall_id, int(incident), role or "", person or "", body or "",
                  number or "", situation or "", desk or "", expires_at,
                  parse_z(ended[0]) if ended else None)


def _recorded_at(cur: Cursor, shared: Shared) -> datetime | None:
    """When the desk's `leader_received` entry for this read-out reached the hub."""
    for received_at, data in cur.execute(
            "SELECT received_at, data FROM event WHERE origin = %s AND incident = %s "
            "AND kind = %s ORDER BY seq", (shared.origin, shared.incident, LEADER_RECEIVED)
    ).fetchall():
        try:
            said = json.loads(data)
        except ValueError:
            continue
        if isinstance(said, dict) and said.get("cap_hash") == shared.cap_hash:
            return parse_z(received_at)
    return None


def hall_head(store: HubStore, hall_id: str) -> int:
    with store.transaction() as cur:
        return cur.execute("SELECT coalesce(max(hub_seq), 0) FROM event WHERE hall_id = %s",
                           (hall_id,)).fetchone()[0]
