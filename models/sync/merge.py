"""The state of an incident and its deadlines as a hall sees it, folded from the events of the
desk that owns it. Statuses only move forward (a rank each; the higher wins), so duplicated
or reordered deliveries fold to the same state; values that may go back and forth (level,
situation) take the one written last by that desk: its link position, never a PC clock."""

from __future__ import annotations

INCIDENT_RANK = {"open": 0, "in_hand": 1, "resolved": 2, "closed": 3, "cancelled": 3}
DEADLINE_RANK = {"pending": 0, "prompted": 0, "missed": 1, "met": 2, "late": 2, "decided": 2,
                 "superseded": 3, "cancelled": 3}


def forward(current: str | None, new: str, rank: dict[str, int]) -> str:
    """The status after `new` arrives: it replaces `current` only if it ranks higher (at an
    equal rank, the one seen first stays: one desk's chain never writes both)."""
    if current is None or rank[new] > rank[current]:
        return new
    return current


def latest(current: tuple[int, object] | None, seq: int, value: object) -> tuple[int, object]:
    """(seq, value) written last by the desk: the higher link position wins."""
    if current is None or seq > current[0]:
        return (seq, value)
    return current
