"""The hall's day: its midnight is the boundary, in its zone, whatever the machine's."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.clock import hall_time
from models.clock.act import Act, Who
from models.clock.clocks import DeskClock, FakeClock, SystemClock
from models.clock.workdays import HolidayCalendar
from tests.helpers.hall import HALL

# The hall's midnight between 20 and 21 November 2026 is 16:00 UTC on the 20th.
MIDNIGHT = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
LAST_SECOND = MIDNIGHT - timedelta(seconds=1)


def test_the_default_zone_is_shanghai():
    assert hall_time.DEFAULT_ZONE == HALL
    assert SystemClock().zone == FakeClock().zone == HALL


@pytest.mark.parametrize(("moment", "day"), [
    (LAST_SECOND, date(2026, 11, 20)),  # 23:59:59 in the hall
    (MIDNIGHT, date(2026, 11, 21)),  # 00:00:00 in the hall
])
def test_a_moment_falls_on_the_halls_date(moment, day):
    assert hall_time.day_of(moment, HALL) == day
    assert FakeClock(moment).today() == day
    assert DeskClock(FakeClock(moment)).today() == day
    assert Act(Who("", "", ""), moment, HolidayCalendar()).day_of(moment) == day


def test_another_hall_has_another_day():
    new_york = ZoneInfo("America/New_York")
    assert FakeClock(MIDNIGHT, zone=new_york).today() == date(2026, 11, 20)  # 11:00 there
    assert DeskClock(FakeClock(MIDNIGHT, zone=new_york)).zone == new_york


def test_a_hall_day_as_utc_instants():
    start, end = hall_time.days_span(date(2026, 11, 21), date(2026, 11, 21), HALL)
    assert (start, end) == (MIDNIGHT, MIDNIGHT + timedelta(days=1))
    assert hall_time.days_span(date(2026, 11, 20), date(2026, 11, 22), HALL) == (
        MIDNIGHT - timedelta(days=1), MIDNIGHT + timedelta(days=2))


def test_hall_text_and_typed_times():
    assert hall_time.local_text(LAST_SECOND, HALL, "%Y-%m-%d %H:%M:%S") == "2026-11-20 23:59:59"
    assert hall_time.local_text(None, HALL) == ""
    assert hall_time.at_hall(datetime(2026, 11, 21, 0, 0), HALL) == MIDNIGHT
    assert FakeClock(MIDNIGHT).local(MIDNIGHT).hour == 0


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError):
        hall_time.day_of(datetime(2026, 11, 20, 23, 30), HALL)
