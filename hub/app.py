"""The hub's web application: its routes and what they share (hub.context.HubContext)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiohttp import web

from hub import context as ctx
from hub.handlers import chain, common, enrol, events, health, push
from hub.office import routes as office_routes
from hub.phone import routes as phone_routes
from hub.store.base import HubStore
from models.sync.protocol import MAX_BODY_BYTES


def build_app(store: HubStore, *, clock: Callable[[], datetime] = ctx.utc_now,
              hooks: ctx.Hooks | None = None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[common.errors])
    hub = ctx.HubContext(store, clock=clock, hooks=hooks or ctx.Hooks())
    app[ctx.HUB] = hub
    app.router.add_get("/healthz", health.healthz)
    app.router.add_post("/v1/enrol", enrol.enrol)
    app.router.add_get("/v1/hello", enrol.hello)
    app.router.add_post("/v1/push", push.push)
    app.router.add_get("/v1/events", events.events)
    app.router.add_get("/v1/board", events.board)
    app.router.add_get("/v1/chain", chain.chain)
    phone_routes.add_routes(app)
    office_routes.add_routes(app)
    app.on_shutdown.append(_wake_long_polls)
    app.on_cleanup.append(_close)
    return app


async def _wake_long_polls(app: web.Application) -> None:
    await app[ctx.HUB].wakeups.close()


async def _close(app: web.Application) -> None:
    app[ctx.HUB].close()
