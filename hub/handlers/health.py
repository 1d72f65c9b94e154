"""GET /healthz: is the hub up, on which store, how many events it holds, how many
long-polls wait."""

from __future__ import annotations

from aiohttp import web

from hub.context import HUB
from hub.handlers.common import answer
from hub.store.base import HubStore


async def healthz(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    events = await hub.run(_events, hub.store)
    return answer({"ok": True, "store": hub.store.dialect, "events": events,
                   "long_polls": hub.wakeups.waiting})


def _events(store: HubStore) -> int:
    with store.transaction() as cur:  # the newest hub_seq: count(*) reads every row
        return cur.execute("SELECT coalesce(max(hub_seq), 0) FROM event").fetchone()[0]
