"""Who does an action, when, and under which calendar: recorded with every timeline entry;
and the hall's zone, which says on what day it happens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from models.clock import hall_time
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
    zone: ZoneInfo = hall_time.DEFAULT_ZONE  # the hall's: which day `now` (or any moment) is

    def day_of(self, moment: datetime) -> date:
        return hall_time.day_of(moment, self.zone)

    def is_holiday(self) -> bool:
        return self.calendar.is_holiday(self.day_of(self.now))
