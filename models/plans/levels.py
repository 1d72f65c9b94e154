"""Proposing a severity level from the levels' criteria in the catalog.

Each criterion of a level (e.g. level 1: casualties, major loss, media exposure risk, group
complaint) is a yes/no question; the proposal is the most severe level with a "yes", or the
least severe level when nothing applies (handled on the spot).
"""

from __future__ import annotations

from collections.abc import Iterable

from models.plans.catalog import Level


def questions(levels: Iterable[Level]) -> list[tuple[int, str]]:
    """(level, criterion) for every level but the least severe, most severe first."""
    ordered = sorted(levels, key=lambda lv: lv.level)
    return [(lv.level, criterion) for lv in ordered[:-1] for criterion in lv.criteria]


def propose_level(levels: Iterable[Level], yes: Iterable[str]) -> int:
    levels = list(levels)
    chosen = set(yes)
    matching = [lv.level for lv in levels if chosen & set(lv.criteria)]
    return min(matching, default=max(lv.level for lv in levels))
