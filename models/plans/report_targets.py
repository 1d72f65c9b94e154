"""Whom the desk reports to for an incident at a level, as the catalog's level says."""

from __future__ import annotations

from models.plans.catalog import Catalog


def report_targets(catalog: Catalog, level: int) -> tuple[str, ...]:
    """Role keys, once each: the level's `report_to` first, then whom the level's other
    deadlines have the clerk (not someone else) report or notify to, in plan order. A chain
    the one reported to carries on (the leader tells the general manager) is not the desk's."""
    lv = catalog.level(level)
    return tuple(dict.fromkeys(
        [lv.report_to, *(t.to for t in lv.timers if t.to and t.by == "clerk")]))
