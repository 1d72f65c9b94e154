"""Workdays and holidays: the official Chinese calendar (with adjusted working days).

The `chinese_calendar` package carries each year's State Council schedule; for a year it does
not know yet, Saturdays and Sundays count as holidays and `known()` says so, so the desk can
show a warning and use its override.
"""

from __future__ import annotations

from datetime import date

import chinese_calendar


class HolidayCalendar:
    def __init__(self, holiday_override: date | None = None) -> None:
        """`holiday_override`: a date the desk declared a holiday ("today counts as one")."""
        self.holiday_override = holiday_override

    def is_holiday(self, day: date) -> bool:
        if day == self.holiday_override:
            return True
        try:
            return not chinese_calendar.is_workday(day)
        except NotImplementedError:
            return day.weekday() >= 5

    @staticmethod
    def known(day: date) -> bool:
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return False
        return True


class AlwaysHoliday(HolidayCalendar):
    """A drill played as a holiday: every day counts as one (holiday deadlines apply)."""

    def is_holiday(self, day: date) -> bool:
        return True
