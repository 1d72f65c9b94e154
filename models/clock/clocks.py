"""The one source of time. Real in the app, fake in tests, accelerated in drills.

Each clock hangs in a hall: its `zone` (the `timezone` setting) says what day it is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
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

    def wall_jump(self) -> float: ...


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

    def wall_jump(self) -> float:
        """Seconds the PC's clock reads ahead of this clock (a clock with no PC behind it: 0)."""
        return 0.0


class SystemClock(HallClock):
    """The real time, counted on the monotonic clock from the moment the desk started.

    The PC's wall clock is read once, at start (and never earlier than `not_before`, the last
    time already recorded). Set back or forward while the desk runs, it moves no countdown,
    opens no cancel window and stamps no record out of order; `wall_jump()` says how far it
    now is from the desk's time, so the jump can be recorded. `wall` and `mono` are injected
    in tests."""

    def __init__(self, zone: ZoneInfo = hall_time.DEFAULT_ZONE, *,
                 not_before: datetime | None = None,
                 wall: Callable[[], float] = time.time,
                 mono: Callable[[], float] = time.monotonic) -> None:
        self.zone = zone
        self._wall, self._mono = wall, mono
        start = wall()
        if not_before is not None:
            start = max(start, not_before.timestamp())
        self._start = (start, mono())

    def now(self) -> datetime:
        started_wall, started_mono = self._start
        return datetime.fromtimestamp(started_wall + self._mono() - started_mono, UTC)

    def wall_jump(self) -> float:
        """Seconds the PC's clock now reads ahead of the desk's time (behind: negative)."""
        return self._wall() - self.now().timestamp()


class JumpWatch:
    """Tells each jump of the PC's clock once: when it moved `threshold` seconds or more from
    where it stood when last told (a slow drift of the PC's clock never reaches it between
    two starts of the desk)."""

    def __init__(self, threshold: float = 120.0) -> None:
        self.threshold = threshold
        self._told = 0.0

    def new_jump(self, jump: float) -> float | None:
        if abs(jump - self._told) < self.threshold:
            return None
        self._told = jump
        return jump


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

    def real_now(self) -> datetime:
        """Real time even while a drill runs faster: for acts no drill plays (a plan's
        edits, approval and publishing are recorded for good)."""
        return self._base.now()

    def wall_jump(self) -> float:
        return self._base.wall_jump()  # a drill's speed is no jump of the PC's clock

    def accelerate(self, rate: int) -> None:
        self._virtual_anchor = self.now()
        self._real_anchor = self._base.now()
        self.rate = rate

    def restore(self) -> None:
        self.rate = 1
