"""The hall's day: its midnight is the boundary, in its zone, whatever the machine's."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.clock import hall_time
from models.clock.act import Act, Who
from models.clock.clocks import DeskClock, FakeClock, JumpWatch, SystemClock
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


class Wall:
    """The PC's clock and its monotonic clock, set by the test."""

    def __init__(self) -> None:
        self.wall, self.mono = 1_800_000_000.0, 500.0

    def pass_(self, seconds: float) -> None:
        self.wall += seconds
        self.mono += seconds


def test_the_desk_s_time_runs_on_the_monotonic_clock_whatever_the_pc_s_clock_says():
    pc = Wall()
    clock = SystemClock(wall=lambda: pc.wall, mono=lambda: pc.mono)
    start = clock.now()
    pc.pass_(45 * 60)
    pc.wall -= 3600  # someone sets the PC's clock back an hour
    assert clock.now() - start == timedelta(minutes=45)  # a 45-minute-old press stays so
    assert clock.wall_jump() == -3600
    pc.wall += 7200
    assert clock.now() - start == timedelta(minutes=45) and clock.wall_jump() == 3600


def test_the_desk_s_time_never_starts_before_what_is_recorded():
    pc = Wall()
    recorded = datetime.fromtimestamp(pc.wall + 600, UTC)  # the PC's clock is 10 min behind
    clock = SystemClock(not_before=recorded, wall=lambda: pc.wall, mono=lambda: pc.mono)
    assert clock.now() == recorded and clock.wall_jump() == -600
    assert SystemClock(not_before=recorded - timedelta(days=1), wall=lambda: pc.wall,
                       mono=lambda: pc.mono).wall_jump() == 0


@pytest.mark.parametrize(("jumps", "told"), [
    ([0, 119, -119], []),  # drift, never a jump
    ([120], [120]), ([-120], [-120]),
    ([3600, 3600, 3650, 3720], [3600, 3720]),  # one jump told once; a second one again
    ([-3600, 0], [-3600, 0]),  # set right again: told too
])
def test_each_jump_of_the_pc_s_clock_is_told_once(jumps, told):
    watch = JumpWatch()
    assert [j for j in (watch.new_jump(x) for x in jumps) if j is not None] == told


def test_a_drill_speeds_the_desks_time_but_not_its_real_time():
    """Plan edits, approvals and publishing are recorded for good: they take the real time,
    never a ×10 drill's (which runs hours ahead and then blocked an approval as "clock behind")."""
    real = FakeClock(MIDNIGHT)
    desk = DeskClock(real)
    desk.accelerate(10)
    real.advance(minutes=30)
    assert desk.now() == MIDNIGHT + timedelta(minutes=300)
    assert desk.real_now() == MIDNIGHT + timedelta(minutes=30)
