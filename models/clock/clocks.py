"""The one source of time. Real in the app, fake in tests, accelerated in drills.

Each clock hangs in a hall: its `zone` (the `timezone` setting) says what day it is there.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from models.clock import hall_time


class Clock(Protocol):
    zone: ZoneInfo  # the hall's

    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...

    def today(self) -> date: ...

    def local(self, moment: datetime) -> datetime: ...


class HallClock:
    """What every clock derives from `now()` and its hall's zone."""

    zone: ZoneInfo

    def now(self) -> datetime:
        raise NotImplementedError

    def today(self) -> date:
        """The hall's date now."""
        return hall_time.day_of(self.now(), self.zone)

    def local(self, moment: datetime) -> datetime:
        """`moment` on the hall's clock."""
        return hall_time.local(moment, self.zone)


class SystemClock(HallClock):
    def __init__(self, zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> None:
        self.zone = zone

    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock(HallClock):
    """A clock that moves only when told to; tests step it instead of sleeping."""

    def __init__(self, start: datetime | None = None,
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> None:
        self._now = start or datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self.zone = zone

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now


def to_db(moment: datetime) -> datetime:
    """Times are stored as naive UTC (portable across SQLite and PostgreSQL)."""
    if moment.tzinfo is None:
        raise ValueError("a timezone-aware time is required")
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_db(stored: datetime) -> datetime:
    return stored.replace(tzinfo=UTC)


class DeskClock(HallClock):
    """The desk's clock: real time, or — during a drill — time running `rate` times faster
    from the moment the drill started. Stopping the drill returns to real time."""

    def __init__(self, base: Clock) -> None:
        self._base = base
        self.zone = base.zone
        self.rate = 1
        self._real_anchor = self._virtual_anchor = base.now()

    def now(self) -> datetime:
        real = self._base.now()
        if self.rate == 1:
            return real
        return self._virtual_anchor + (real - self._real_anchor) * self.rate

    def accelerate(self, rate: int) -> None:
        self._virtual_anchor = self.now()
        self._real_anchor = self._base.now()
        self.rate = rate

    def restore(self) -> None:
        self.rate = 1
