"""Workday or holiday: the official calendar, the desk's override, the weekend fallback."""

from datetime import date

import pytest

from models.clock.workdays import AlwaysHoliday, HolidayCalendar


@pytest.mark.parametrize(("day", "holiday"), [
    (date(2026, 11, 20), False),  # a Friday
    (date(2026, 11, 21), True),  # a Saturday
    (date(2026, 10, 1), True),  # National Day, a Thursday
    (date(2026, 10, 10), False),  # a Saturday made a workday
    (date(2031, 1, 3), False),  # an unknown year: a Friday works
    (date(2031, 1, 4), True),  # its Saturday and Sunday do not
    (date(2031, 1, 5), True),
    (date(2031, 1, 6), False),
])
def test_holiday_by_the_calendar(day, holiday):
    assert HolidayCalendar().is_holiday(day) is holiday


def test_the_override_makes_only_its_own_day_a_holiday():
    calendar = HolidayCalendar(holiday_override=date(2026, 11, 20))
    assert calendar.is_holiday(date(2026, 11, 20)) is True
    assert calendar.is_holiday(date(2026, 11, 19)) is False


@pytest.mark.parametrize(("day", "known"), [(date(2026, 10, 1), True), (date(2031, 1, 6), False)])
def test_known_years(day, known):
    assert HolidayCalendar.known(day) is known


def test_a_drill_played_as_a_holiday():
    assert AlwaysHoliday().is_holiday(date(2026, 11, 20)) is True
