"""GET /v1/events?after=C&limit=N&wait=S: the hall's stream after cursor C, for desks and
boards; with nothing new it waits up to S seconds for a commit (long-poll, §4.3)."""

from __future__ import annotations

from aiohttp import web

from hub import stream
from hub.context import HUB
from hub.handlers.common import answer, caller, query_int
from hub.store.base import iso_z
from models.sync import protocol as p


async def events(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = await caller(request, "desk", "board", "admin")
    after = query_int(request, "after", 0, 0, 2**62)
    limit = query_int(request, "limit", p.MAX_PULL_EVENTS, 1, p.MAX_PULL_EVENTS)
    wait = query_int(request, "wait", 0, 0, p.MAX_WAIT_SECONDS)
    own = who.desk_id if who.kind == "desk" else ""  # a desk has its own events already
    page = await hub.run(stream.read_page, hub.store, who.hall_id, after, limit, own)
    if not page.events and wait and page.cursor == after:  # past it: sent back at once
        await hub.wakeups.wait_past(who.hall_id, after, wait)
        page = await hub.run(stream.read_page, hub.store, who.hall_id, after, limit, own)
    return answer({"now": iso_z(hub.clock()), "cursor": page.cursor, "more": page.more,
                   "desks": page.desks, "events": page.events})


async def board(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = await caller(request, "desk", "board", "admin")
    snapshot = await hub.run(stream.board, hub.store, who.hall_id)
    return answer({"now": iso_z(hub.clock()), **snapshot})
