"""The leader's page over HTTP: `GET /r/{cap}` the read-out and its 收到 button,
`POST /r/{cap}/ack` the press (303 back to the page: a reload never presses twice), and
`GET /r/{cap}/state?wait=20` the same state as JSON, answered as soon as it changes.

No bearer token here: the capability in the address is the key. An unknown or malformed one
gets the same plain page (404), so the answer tells nothing about which addresses exist."""

from __future__ import annotations

import time

from aiohttp import web

from hub.context import HUB
from hub.handlers.common import query_int
from hub.phone import acks, pages
from models.clock import hall_time

MAX_STATE_WAIT = 20
ZONE = hall_time.DEFAULT_ZONE
NO_STORE = {"Cache-Control": "no-store"}
MAX_FORM_BYTES = 4096


async def readout(request: web.Request) -> web.Response:
    cap = request.match_info["cap"]
    found = await _page(request, cap)
    if found is None:
        return _invalid()
    return _html(pages.readout_page(found, cap, ZONE))


async def ack(request: web.Request) -> web.Response:
    cap = request.match_info["cap"]
    if not acks.well_formed(cap):
        return _invalid()
    if request.content_length is not None and request.content_length > MAX_FORM_BYTES:
        raise web.HTTPRequestEntityTooLarge(MAX_FORM_BYTES, request.content_length)
    form = await request.post()
    by = acks.clean_name(str(form.get("by", "")))
    hub = request.app[HUB]
    if not by:
        found = await _page(request, cap)
        if found is None:
            return _invalid()
        return _html(pages.readout_page(found, cap, ZONE, error="请填写您的姓名。"), status=422)
    done = await hub.run(acks.acknowledge, hub.store, cap, by, hub.clock(),
                         remote_addr=request.remote or "",
                         user_agent=request.headers.get("User-Agent", ""))
    if done is None:
        return _invalid()
    found, hub_seq = done
    if hub_seq is not None:
        await hub.wakeups.committed(found.shared.hall_id, hub_seq)
    raise web.HTTPSeeOther(f"/r/{cap}", headers=NO_STORE)


async def state(request: web.Request) -> web.Response:
    """The page's state; with `wait`, held until the desk's record arrives (or `wait` s)."""
    cap = request.match_info["cap"]
    wait = query_int(request, "wait", 0, 0, MAX_STATE_WAIT)
    hub = request.app[HUB]
    deadline = time.monotonic() + wait
    found = await _page(request, cap)
    while found is not None and not found.recorded and time.monotonic() < deadline:
        # the hall's head before the page is read again: a record arriving in between wakes
        head = await hub.run(acks.hall_head, hub.store, found.shared.hall_id)
        found = await _page(request, cap)
        if found is None or found.recorded:
            break
        await hub.wakeups.wait_past(found.shared.hall_id, head,
                                    deadline - time.monotonic())
        if hub.wakeups.known_head(found.shared.hall_id) <= head:
            break  # its time is up, or the hub is stopping: answer with what there is
        found = await _page(request, cap)
    if found is None:
        return web.json_response({"valid": False}, status=404, headers=NO_STORE)
    return web.json_response(
        {"valid": True, "acked": found.acked, "by": found.acked_by,
         "at": _iso(found.acked_at), "recorded": found.recorded,
         "recorded_at": _iso(found.recorded_at)}, headers=NO_STORE)


async def _page(request: web.Request, cap: str) -> acks.Page | None:
    if not acks.well_formed(cap):
        return None
    hub = request.app[HUB]
    return await hub.run(acks.page, hub.store, cap, hub.clock())


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8",
                        headers=NO_STORE)


def _invalid() -> web.Response:
    return _html(pages.invalid_page(), status=404)


def _iso(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None
