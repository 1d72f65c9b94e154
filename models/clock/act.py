"""Who does an action, when, and under which calendar: recorded with every timeline entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.clock.workdays import HolidayCalendar


@dataclass(frozen=True)
class Who:
    hall: str
    desk: str
    clerk: str


@dataclass(frozen=True)
class Act:
    who: Who
    now: datetime
    calendar: HolidayCalendar

    def is_holiday(self) -> bool:
        return self.calendar.is_holiday(self.now.astimezone().date())
