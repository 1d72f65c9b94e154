"""Head office's routes: the signed plans a desk takes (`GET /v1/plans/latest`), the history
head office prints from (`GET /v1/history`, admin), and a hall hub's forwarding
(`POST /v1/forward`, a hub token)."""

from __future__ import annotations

from aiohttp import web

from hub.context import HUB
from hub.handlers.common import answer, caller
from hub.office.bundles import latest_bundle
from hub.store.base import HubStore


def add_routes(app: web.Application) -> None:
    """Add head office's routes to the hub's application."""
    app.router.add_get("/v1/plans/latest", plans_latest)


async def plans_latest(request: web.Request) -> web.Response:
    """The plans published last, as signed at head office; `{"bundle": null}` before any."""
    await caller(request)
    hub = request.app[HUB]
    return answer({"bundle": await hub.run(_latest, hub.store)})


def _latest(store: HubStore) -> dict | None:
    with store.transaction() as cur:
        return latest_bundle(cur)
