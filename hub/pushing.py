"""Keeping a desk's pushed events, in one writing transaction (the plan's §3.3): a push that
starts past what the hub holds is a gap; one that repeats what it holds is counted as
duplicates, unless it differs (diverged); what is new is checked link by link (chain_checks)
before anything is stored, then inserted with the projections and the desk's head."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from hub import chain_checks, projections
from hub.store.base import Cursor, HubStore, iso_z
from hub.wire import Event

EVENT_INSERT = (
    "INSERT INTO event (origin, seq, hall_id, link_kind, incident, entry_id, kind, at, actor, "
    "desk_name, body, data, prev_hash, entry_hash, link_hash, schema, proto, received_at) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (origin, seq) DO NOTHING")


class PushRefused(Exception):
    """`code` is a protocol error (gap, diverged, bad_hash, bad_request) with its details."""

    def __init__(self, code: str, message: str, **details) -> None:
        super().__init__(message)
        self.code, self.details = code, details


@dataclass(frozen=True)
class Push:
    origin: str
    hall_id: str
    after: int
    after_link: str | None
    events: list[Event]
    schema: int
    proto: int
    app: str
    skew_ms: int | None


@dataclass(frozen=True)
class Pushed:
    accepted: int
    duplicates: int
    head_seq: int
    head_link: str
    hub_seq: int  # the hall's newest event now (what long-polls wait past)


def keep(store: HubStore, push: Push, now: datetime,
         stall: Callable[[], None] | None = None) -> Pushed:
    """Store `push`, or raise PushRefused having stored nothing. `stall` (a test hook) runs
    after the inserts, before the commit."""
    _contiguous(push)
    with store.transaction(write=True) as cur:
        head_seq, head_link = cur.execute(
            "SELECT head_seq, head_link FROM desk WHERE desk_id = %s", (push.origin,)).fetchone()
        if push.after > head_seq:
            raise PushRefused("gap", f"the hub holds this desk's records up to {head_seq}: "
                              f"send from {head_seq + 1}", head={"seq": head_seq,
                                                                 "link": head_link})
        duplicates = _same_as_held(cur, push, head_seq, head_link)
        new = [e for e in push.events if e.seq > head_seq]
        if new:
            head_link = _store_new(cur, store.dialect, push, new, head_link, now)
            head_seq = new[-1].seq
        cur.execute("UPDATE desk SET head_seq = %s, head_link = %s, last_seen_at = %s, "
                    "skew_ms = coalesce(%s, skew_ms), schema = %s, proto = %s, app = %s "
                    "WHERE desk_id = %s",
                    (head_seq, head_link, iso_z(now), push.skew_ms, push.schema, push.proto,
                     push.app, push.origin))
        hub_seq = cur.execute("SELECT coalesce(max(hub_seq), 0) FROM event").fetchone()[0]
        if new and stall is not None:
            stall()
    return Pushed(len(new), duplicates, head_seq, head_link, hub_seq)


def _contiguous(push: Push) -> None:
    for i, event in enumerate(push.events):
        if event.seq != push.after + 1 + i:
            raise PushRefused("bad_request", f"events follow \"after\" ({push.after}) one by "
                              f"one: event {i} has seq {event.seq}", field=f"events[{i}].seq")


def _same_as_held(cur: Cursor, push: Push, head_seq: int, head_link: str) -> int:
    """How many events of the push the hub already holds, each checked equal to what it
    holds (PushRefused "diverged" at the first that is not)."""
    last = min(head_seq, push.after + len(push.events))
    first = max(push.after, 1)
    if last < first:
        return 0
    held = dict(cur.execute("SELECT seq, link_hash FROM event WHERE origin = %s "
                            "AND seq BETWEEN %s AND %s", (push.origin, first, last)).fetchall())
    if push.after and push.after_link is not None and held.get(push.after) != push.after_link:
        _diverged(push.after, head_seq)
    for event in push.events:
        if event.seq > last:
            break
        if held.get(event.seq) != event.link:
            _diverged(event.seq, head_seq)
    return last - push.after if last > push.after else 0


def _diverged(seq: int, head_seq: int) -> None:
    raise PushRefused("diverged", f"record {seq} differs from what the hub received: this "
                      "file no longer holds what it sent (restored, copied or changed); run "
                      "verify --hub", first_seq=seq, head={"seq": head_seq})


def _store_new(cur: Cursor, dialect: str, push: Push, new: list[Event], head_link: str,
               now: datetime) -> str:
    incidents = sorted({e.incident for e in new if e.incident is not None})
    heads = projections.incident_heads(cur, push.origin, incidents)
    try:
        link = chain_checks.check_new(new, head_link, heads)
    except chain_checks.BadHash as e:
        raise PushRefused("bad_hash", str(e) + ": nothing of this push was kept; run verify "
                          "on the desk's file", seq=e.seq, which=e.which) from None
    folded = projections.fold(new)
    received = iso_z(now)
    cur.executemany(EVENT_INSERT, [
        (push.origin, e.seq, push.hall_id, e.link_kind, e.incident, e.entry, e.stored_kind, e.at,
         e.actor, e.desk, e.text, e.data, e.prev, e.hash, e.link, push.schema, push.proto,
         received) for e in new])
    projections.write(cur, dialect, push.origin, push.hall_id, folded)
    return link


def stall_forever() -> None:
    """The kill test's stall: say so, then wait for the kill (the transaction stays open)."""
    print("stalled", flush=True)
    threading.Event().wait()
