"""The office side of forwarding (`POST /v1/forward`, a hall hub's token): a hall hub sends
what it holds in its own order, and the office keeps each desk's events through the very
checks of a desk's push (hub.pushing.keep: contiguous, duplicates equal to what is held, every
entry and link hash), so a hall hub can forward nothing a desk could not push. The hall hub's
own events (a leader's acknowledgement) are checked on their own chain and kept as they are.

Each forwarded desk gets a row of its own at the office (no token: it never calls the office
itself), in a hall named after the hall hub's, marked as reached through that hub."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from hub import pushing
from hub.auth import Caller
from hub.store.base import Cursor, HubStore, iso_z
from hub.wire import Event, Malformed, parse_event
from models.incidents.timeline import entry_hash
from models.store.ledger import link_hash

HUB_ACTOR = "hub"  # hub.hub_events: who a hub's own events are by
MAX_EVENTS = 1000  # a forward's batch (gzip-compressed on the way)


class ForwardRefused(Exception):
    """`code` is a protocol error code; `details` go into the answer."""

    def __init__(self, code: str, message: str, **details) -> None:
        super().__init__(message)
        self.code, self.details = code, details


@dataclass(frozen=True)
class Forwarded:
    acked_hub_seq: int  # the sender's order, kept up to here
    accepted: int
    duplicates: int
    halls: frozenset[str]  # halls at the office whose long-polls to wake


@dataclass(frozen=True)
class Batch:
    sender: Caller
    hub_id: str  # the sending hall hub's own id: the origin of its own events
    halls: dict[str, str]  # hall id -> name, at the hall hub
    desks: dict[str, dict]  # desk id -> {name, hall_id} (halls: the sender's ids, kept)
    events: list[tuple[int, str, str, str | None, Event]]  # hub_seq, origin, hall, for, event
    schema: int
    proto: int
    app: str


def parse_batch(sender: Caller, body: dict) -> Batch:
    """The request's body as a batch; Malformed names the first bad field."""
    hub_id, halls, desks, raw = (body.get(k) for k in ("hub_id", "halls", "desks", "events"))
    if not isinstance(hub_id, str) or not hub_id:
        raise Malformed("hub_id", "\"hub_id\" is the forwarding hub's id")
    if not isinstance(halls, dict) or not all(isinstance(v, str) for v in halls.values()):
        raise Malformed("halls", "\"halls\" maps hall ids to names")
    if not isinstance(desks, dict) or not all(isinstance(v, dict) for v in desks.values()):
        raise Malformed("desks", "\"desks\" maps desk ids to {name, hall_id}")
    if not isinstance(raw, list):
        raise Malformed("events", "\"events\" is a list")
    events = []
    for i, item in enumerate(raw):
        event = parse_event(item, i)
        hub_seq, origin, hall = item.get("hub_seq"), item.get("origin"), item.get("hall_id")
        if not isinstance(hub_seq, int) or not isinstance(origin, str) or hall not in halls:
            raise Malformed(f"events[{i}]", f"event {i}: hub_seq, origin and a known hall_id")
        if origin != hub_id and origin not in desks:
            raise Malformed(f"events[{i}].origin", f"event {i}: origin not in \"desks\"")
        events.append((hub_seq, origin, hall, item.get("for_origin"), event))
    if [e[0] for e in events] != sorted({e[0] for e in events}):
        raise Malformed("events", "events come in the hub's order, each once")
    schema, proto = body.get("schema"), body.get("proto")
    return Batch(sender, hub_id, halls, desks, events, schema if isinstance(schema, int) else 0,
                 proto, str(body.get("app", "")))


def keep_forwarded(store: HubStore, batch: Batch, now: datetime) -> Forwarded:
    """Keep the batch, origin by origin (each in its own transaction, as a desk's push is).
    Raises ForwardRefused (what was kept before stays: a retry counts it as duplicates)."""
    _known_halls(store, batch, now)
    accepted = duplicates = 0
    for origin, events in _by_origin(batch.events):
        if origin == batch.hub_id:
            kept, same = _keep_hub_events(store, origin, events, now)
        else:
            kept, same = _keep_desk_events(store, batch, origin, events, now)
        accepted, duplicates = accepted + kept, duplicates + same
    last = batch.events[-1][0] if batch.events else 0
    return Forwarded(last, accepted, duplicates, frozenset(e[2] for e in batch.events))


def _by_origin(events) -> list[tuple[str, list]]:
    grouped: dict[str, list] = {}
    for item in events:
        grouped.setdefault(item[1], []).append(item)
    return list(grouped.items())


def _known_halls(store: HubStore, batch: Batch, now: datetime) -> None:
    """A hall row for each of the sender's halls (its own id; named after it, or after the
    sender too when the office has a hall of that name) marked as reached through the
    sender; and a row for each forwarded desk."""
    with store.transaction(write=True) as cur:
        _check_sender(cur, batch)
        for hall_id, name in batch.halls.items():
            known = cur.execute("SELECT via_hub FROM hall WHERE hall_id = %s",
                                (hall_id,)).fetchone()
            if known is not None:
                if known[0] != batch.sender.desk_id:
                    raise ForwardRefused("forbidden", f"hall {hall_id} is not forwarded by "
                                         "this hub")
                continue
            taken = cur.execute("SELECT 1 FROM hall WHERE name = %s", (name,)).fetchone()
            cur.execute("INSERT INTO hall (hall_id, name, via_hub) VALUES (%s, %s, %s)",
                        (hall_id, f"{batch.sender.name}·{name}" if taken else name,
                         batch.sender.desk_id))
        for desk_id, desk in batch.desks.items():
            hall_id, name = desk.get("hall_id"), desk.get("name")
            if hall_id not in batch.halls or not isinstance(name, str):
                raise ForwardRefused("bad_request", f"desk {desk_id}: name and a known hall",
                                     field="desks")
            held = cur.execute("SELECT hall_id FROM desk WHERE desk_id = %s",
                               (desk_id,)).fetchone()
            if held is not None and held[0] != hall_id:
                raise ForwardRefused("forbidden", f"desk {desk_id} is not of this hub's halls")
            cur.execute("INSERT INTO desk (desk_id, kind, hall_id, name, enrolled_at) "
                        "VALUES (%s, 'desk', %s, %s, %s) ON CONFLICT (desk_id) DO NOTHING",
                        (desk_id, hall_id, name, iso_z(now)))


def _check_sender(cur: Cursor, batch: Batch) -> None:
    """A hall hub forwards as the one hub id it first forwarded with."""
    key = f"forwarder:{batch.sender.desk_id}"
    cur.execute("INSERT INTO hub_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) "
                "DO NOTHING", (key, batch.hub_id))
    held = cur.execute("SELECT value FROM hub_meta WHERE key = %s", (key,)).fetchone()[0]
    if held != batch.hub_id:
        raise ForwardRefused("forbidden", "this token forwards for another hub")


def _keep_desk_events(store: HubStore, batch: Batch, origin: str, events: list,
                      now: datetime) -> tuple[int, int]:
    desk_events = [e[4] for e in events]
    push = pushing.Push(origin, batch.desks[origin]["hall_id"], desk_events[0].seq - 1,
                        None, desk_events, batch.schema, batch.proto, batch.app, None)
    try:
        done = pushing.keep(store, push, now)
    except pushing.PushRefused as e:
        raise ForwardRefused(e.code, f"desk {origin}: {e}", origin=origin, **e.details) \
            from None
    return done.accepted, done.duplicates


def _keep_hub_events(store: HubStore, origin: str, events: list,
                     now: datetime) -> tuple[int, int]:
    """The hall hub's own events: each following the last held on their own chain."""
    with store.transaction(write=True) as cur:
        held = dict(cur.execute("SELECT seq, link_hash FROM event WHERE origin = %s AND seq "
                                "BETWEEN %s AND %s", (origin, events[0][4].seq - 1,
                                                      events[-1][4].seq)).fetchall())
        head = _hub_head(cur, origin)
        prev_link = held.get(events[0][4].seq - 1, "")
        if events[0][4].seq - 1 > head:
            raise ForwardRefused("gap", f"the office holds the hub's own events up to {head}",
                                 origin=origin, head={"seq": head})
        new, same = [], 0
        for _, _, hall, for_origin, e in events:
            if e.seq <= head:
                if held.get(e.seq) != e.link:
                    raise ForwardRefused("diverged", f"hub event {e.seq} differs from what "
                                         "the office holds", origin=origin, first_seq=e.seq)
                same += 1
            else:
                _check_hub_event(e, prev_link)
                new.append((origin, e.seq, hall, for_origin, e.incident, e.kind, e.at,
                            e.text, e.data, e.hash, e.link, iso_z(now)))
            prev_link = e.link
        cur.executemany(
            "INSERT INTO event (origin, seq, hall_id, for_origin, link_kind, incident, "
            "entry_id, kind, at, actor, desk_name, body, data, prev_hash, entry_hash, "
            "link_hash, schema, proto, received_at) VALUES (%s, %s, %s, %s, 0, %s, 0, %s, %s, "
            f"'{HUB_ACTOR}', '', %s, %s, '', %s, %s, 0, 1, %s) "
            "ON CONFLICT (origin, seq) DO NOTHING", new)
    return len(new), same


def _hub_head(cur: Cursor, origin: str) -> int:
    return cur.execute("SELECT coalesce(max(seq), 0) FROM event WHERE origin = %s",
                       (origin,)).fetchone()[0]


def _check_hub_event(e: Event, prev_link: str) -> None:
    if e.actor != HUB_ACTOR or e.prev or e.desk or entry_hash(
            "", e.incident or 0, e.at, e.kind, HUB_ACTOR, "", e.text, e.data) != e.hash:
        raise ForwardRefused("bad_hash", f"hub event {e.seq}: its entry hash does not check",
                             seq=e.seq, which="entry")
    if link_hash(prev_link, e.seq, 0, e.hash) != e.link:
        raise ForwardRefused("bad_hash", f"hub event {e.seq}: its link hash does not check",
                             seq=e.seq, which="link")


def hall_heads(store: HubStore, halls: Sequence[str]) -> dict[str, int]:
    """The newest hub_seq of each hall at the office (what its long-polls wait past)."""
    with store.transaction() as cur:
        return {hall: cur.execute("SELECT coalesce(max(hub_seq), 0) FROM event WHERE "
                                  "hall_id = %s", (hall,)).fetchone()[0] for hall in halls}
