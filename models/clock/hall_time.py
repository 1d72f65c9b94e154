"""The hall's time: moments as the hall's clock on the wall reads them, and the hall's days.

Moments are UTC everywhere (clocks, database). Whatever depends on a day — "today", the date
in an incident number, workday or holiday, the days of a daily log, the times a screen or a
PDF shows — is read in the hall's zone (the `timezone` setting), never in the machine's: a desk
PC set to another zone numbers, logs and shows exactly as one set right.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.store.settings import DEFAULT_TIMEZONE

DEFAULT_ZONE = ZoneInfo(DEFAULT_TIMEZONE)


def local(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` on the hall's clock."""
    if moment.tzinfo is None:
        raise ValueError("a timezone-aware time is required")
    return moment.astimezone(zone)


def day_of(moment: datetime, zone: ZoneInfo) -> date:
    """The hall's date at `moment`."""
    return local(moment, zone).date()


def local_text(moment: datetime | None, zone: ZoneInfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` as the hall reads it, "" for none."""
    return local(moment, zone).strftime(fmt) if moment else ""


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant the hall's `day` begins (its midnight)."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def days_span(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The hall's days `first` to `last` as UTC instants: [start of first, start of the day
    after last)."""
    return day_start(first, zone), day_start(last + timedelta(days=1), zone)


def at_hall(naive: datetime, zone: ZoneInfo) -> datetime:
    """A time typed or computed as the hall's wall clock reads it (naive), as a moment."""
    return naive.replace(tzinfo=zone)
