"""The leader's page's routes (hub.phone.handlers)."""

from __future__ import annotations

from aiohttp import web

from hub.phone import handlers


def add_routes(app: web.Application) -> None:
    """Add the leader's page to the hub's application."""
    app.router.add_get("/r/{cap}", handlers.readout)
    app.router.add_post("/r/{cap}/ack", handlers.ack)
    app.router.add_get("/r/{cap}/state", handlers.state)
