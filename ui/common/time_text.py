"""Times as the screens show them: on the hall's clock (its zone), never the machine's."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from models.clock import hall_time


def local_time(moment: datetime, zone: ZoneInfo, fmt: str = "%H:%M:%S") -> str:
    return hall_time.local_text(moment, zone, fmt)
