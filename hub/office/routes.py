"""Head office's routes (a stub until area E fills it)."""

from __future__ import annotations

from aiohttp import web


def add_routes(app: web.Application) -> None:
    """Add head office's routes to the hub's application."""
