"""The leader's page's routes (a stub until area D fills it)."""

from __future__ import annotations

from aiohttp import web


def add_routes(app: web.Application) -> None:
    """Add the leader's page to the hub's application."""
