"""What a desk writes into its own record from the hall's stream (a leader's "收到": area D
fills this in). Until then, nothing is applied."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any


def apply_hub_events(events: Iterable[Mapping], *, desk_id: str, incidents: Any,
                     offset: timedelta = timedelta(0)) -> list[int]:
    """Write the hub's events meant for this desk into its record, once each; the incidents
    whose record changed."""
    return []
