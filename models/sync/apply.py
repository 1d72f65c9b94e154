"""What a desk writes into its own record from the hall's stream: a leader's "收到" given on a
phone (a `leader_ack` the hub recorded for this desk) becomes a `leader_received` entry on the
incident's timeline and meets the report deadline to that leader's role, with the hub's
witness as proof.

Applying is idempotent: each hub event applied is kept (AppliedHubEvent, by origin, sequence
and the ack's id) in the same transaction as the entry it caused, so a re-pull after a crash, a
duplicated delivery or a second press on the phone writes nothing more. Every other event of
the stream (other desks' entries, this desk's own) is the board's business, not this file's.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from models.clock import hall_time
from models.clock.act import Act
from models.clock.clocks import from_db, to_db
from models.incidents import deadlines
from models.incidents.deadlines import OPEN_FOR_DEADLINES
from models.incidents.response import READOUT_SHARED
from models.incidents.timeline import append_entry
from models.plans.catalog import Catalog
from models.store.tables import AppliedHubEvent, Incident, TimelineEntry, transaction

LEADER_ACK = "leader_ack"  # the hub's event: a leader pressed 收到 on the page of a read-out
LEADER_RECEIVED = "leader_received"  # the desk's entry that records it

log = logging.getLogger(__name__)


class Desk(Protocol):
    """What applying needs of the desk (models.services.incidents.IncidentService does it):
    who acts now, and the plans an incident runs on."""

    def act(self) -> Act: ...

    def plans_of(self, incident_id: int) -> Catalog: ...


@dataclass(frozen=True)
class Ack:
    """A leader's "收到" as the hub witnessed it."""

    origin_seq: str  # "<hub id>:<seq>:<ack id>": the hub event's global id
    ack: str  # the hub's id of the acknowledgement
    by: str  # the name the leader gave
    hub_at: str  # the hub's time of the press, as the hub wrote it (ISO 8601, UTC)
    cap_hash: str  # which read-out: its capability's SHA-256 (the hub keeps no capability)
    incident: int | None = None  # the incident the hub says it is about (a hint)

    @property
    def hub_time(self) -> datetime:
        return parse_utc(self.hub_at)


def apply_hub_events(events: Iterable[Mapping], *, desk_id: str, incidents: Desk,
                     offset: timedelta = timedelta(0)) -> list[int]:
    """Write the leader's acknowledgements meant for this desk (`desk_id`) into its record.
    `offset`: the hub's clock minus the desk's (hub_now − desk_now), so a time the hub
    witnessed is put on the desk's clock. Returns the incidents whose record changed (none,
    for a stream with no new acknowledgement): their timelines and deadlines."""
    changed: list[int] = []
    for event in events:
        ack = ack_of(event, desk_id)
        if ack is not None and (incident_id := apply_ack(ack, incidents=incidents,
                                                         offset=offset)) is not None:
            changed.append(incident_id)
    return changed


def ack_of(event: Mapping, desk_id: str) -> Ack | None:
    """The acknowledgement an event carries for this desk; None for any other event, or one
    too damaged to read (logged: it cannot be this desk's to fix)."""
    if event.get("kind") != LEADER_ACK or event.get("for") != desk_id:
        return None
    try:
        data = json.loads(event["data"]) if isinstance(event["data"], str) else event["data"]
        digest = str(data["cap_hash"])
        incident = event.get("incident")
        # the hub's own number and the ack's id: a hub restored from a backup numbers its
        # events again from where the backup stood, and a new ack must not pass for an old
        ack = Ack(f"{event['origin']}:{int(event['seq'])}:{data['ack']}", str(data["ack"]),
                  str(data["by"]).strip(), str(data["at"]), digest,
                  int(incident) if incident is not None else None)
        ack.hub_time  # noqa: B018 - refused here if unreadable
    except (KeyError, TypeError, ValueError) as error:
        log.warning("a leader_ack this desk cannot read was passed over: %r (%s)", event, error)
        return None
    return ack


def apply_ack(ack: Ack, *, incidents: Desk, offset: timedelta) -> int | None:
    """In one transaction: the entry, the deadline met with the hub's witness as proof, and
    the mark that this hub event is applied; the incident recorded. Applied before, or for a
    read-out already acknowledged (a second press), or for an incident closed since: only
    the mark, and None."""
    act = incidents.act()
    with transaction():
        if AppliedHubEvent.get_or_none(AppliedHubEvent.origin_seq == ack.origin_seq):
            return None
        shared = shared_readout(ack.cap_hash, ack.incident)
        entry_id = None
        if shared is not None and not already_received(shared.incident_id, ack.cap_hash):
            incident = Incident.get_by_id(shared.incident_id)
            if incident.status in OPEN_FOR_DEADLINES:
                entry_id = record_received(incidents.plans_of(incident.id), incident,
                                           json.loads(shared.data), ack, act, offset,
                                           shared_at=from_db(shared.at))
        if shared is None:
            log.warning("a leader_ack for a read-out this file never shared: %s", ack.cap_hash)
        AppliedHubEvent.create(origin_seq=ack.origin_seq, entry=entry_id, at=to_db(act.now))
    return shared.incident_id if entry_id is not None else None


def record_received(catalog: Catalog, incident: Incident, shared: dict, ack: Ack, act: Act,
                    offset: timedelta, *, shared_at: datetime) -> int:
    """The `leader_received` entry, then the report deadlines to the read-out's role met at
    the time the hub witnessed (on the desk's clock), or — for one the desk already recorded
    as missed — late as any, with the witnessed time beside it (deadlines.done_time)."""
    desk_at = on_the_desks_clock(ack.hub_time, offset, shared_at, act.now)
    local = hall_time.local_text(desk_at, act.zone, "%H:%M")
    role = shared.get("role", "")
    data = {"ack": ack.ack, "by": ack.by, "hub_at": ack.hub_at, "desk_at": desk_at.isoformat(),
            "role": role, "cap_hash": shared.get("cap_hash", ""), "local_time": local}
    entry = append_entry(incident, LEADER_RECEIVED, at=act.now, actor=act.who.clerk,
                         desk=act.who.desk, text=f"received by {ack.by} at {local}", data=data)
    proof = {"by": "hub", "ack": ack.ack, "hub_at": ack.hub_at, "desk_at": desk_at.isoformat()}
    deadlines.meet_matching(catalog, incident, role, act, to_person=ack.by, done_at=desk_at,
                            proof=proof)
    return entry.id


def on_the_desks_clock(hub_at: datetime, offset: timedelta, shared_at: datetime,
                       now: datetime) -> datetime:
    """The hub's time of the press on the desk's clock, kept between the read-out's sharing
    and now: a hub clock that jumped between the press and the offset measured since can
    put it before the page existed, or in the desk's future (a report met made late)."""
    return min(max(hub_at - offset, shared_at), now)


def shared_readout(digest: str, incident_id: int | None) -> TimelineEntry | None:
    """The `readout_shared` entry whose capability hashes to `digest` (None: never shared in
    this file), looked for in the incident the hub names first, then in all."""
    shares = TimelineEntry.select().where(TimelineEntry.kind == READOUT_SHARED)
    for query in ((shares.where(TimelineEntry.incident == incident_id), shares)
                  if incident_id is not None else (shares,)):
        for entry in query:
            if json.loads(entry.data).get("cap_hash") == digest:
                return entry
    return None


def already_received(incident_id: int, digest: str) -> bool:
    """Whether this read-out's acknowledgement is on the timeline already (the hub keeps one
    per read-out; a second would be a second hub's, or a forwarded copy's, of the same)."""
    return any(json.loads(e.data).get("cap_hash") == digest
               for e in TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                                     TimelineEntry.kind == LEADER_RECEIVED))




def parse_utc(text: str) -> datetime:
    """An ISO 8601 time the hub wrote ("…Z", or with an offset) as an aware UTC time."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"a time without its zone: {text}")
    return moment.astimezone(UTC)
