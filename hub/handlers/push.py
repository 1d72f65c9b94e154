"""POST /v1/push: a desk's next events (the plan's §3.3; the work is hub.pushing)."""

from __future__ import annotations

from aiohttp import web

from hub import pushing
from hub.context import HUB
from hub.handlers.common import answer, app_version, caller, field, read_body, refusal, schema_of
from hub.store.base import iso_z, parse_z
from hub.wire import Malformed, parse_events
from models.sync import protocol as p


async def push(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = await caller(request, "desk")
    body = await read_body(request)
    if body.get("desk_id", who.desk_id) != who.desk_id:
        raise refusal(p.FORBIDDEN, "a desk pushes its own records only")
    raw = body.get("events")
    if isinstance(raw, list) and len(raw) > p.MAX_PUSH_EVENTS:
        raise refusal(p.TOO_LARGE, f"at most {p.MAX_PUSH_EVENTS} events a push",
                      max_events=p.MAX_PUSH_EVENTS)
    after = field(body, "after", int)
    if not 0 <= after < 2**63:
        raise refusal(p.BAD_REQUEST, "\"after\" is a link position, 0 or more", field="after")
    try:
        events = parse_events(raw)
    except Malformed as e:
        raise refusal(p.BAD_REQUEST, str(e), field=e.field) from None
    now = hub.clock()
    after_link = body.get("after_link")
    job = pushing.Push(who.desk_id, who.hall_id, after,
                       after_link if isinstance(after_link, str) else None, events,
                       schema_of(body) or 0,
                       body["proto"], app_version(body), _skew_ms(body, now))
    hub.pushes += 1
    stall = pushing.stall_forever if hub.hooks.stall_push == hub.pushes else None
    try:
        done = await hub.run(pushing.keep, hub.store, job, now, stall)
    except pushing.PushRefused as e:
        raise refusal(e.code, str(e), **e.details) from None
    if done.accepted:
        await hub.wakeups.committed(who.hall_id, done.hub_seq)
    return answer({"now": iso_z(hub.clock()), "accepted": done.accepted,
                   "duplicates": done.duplicates,
                   "head": {"seq": done.head_seq, "link": done.head_link},
                   "skew_ms": job.skew_ms})


def _skew_ms(body: dict, now) -> int | None:
    """The hub's time minus the desk's when it sent (§3.10), or None if it did not say."""
    sent = body.get("sent_at")
    if not isinstance(sent, str):
        return None
    try:
        return round((now - parse_z(sent)).total_seconds() * 1000)
    except ValueError:
        raise refusal(p.BAD_REQUEST, "\"sent_at\" is an ISO 8601 time",
                      field="sent_at") from None
