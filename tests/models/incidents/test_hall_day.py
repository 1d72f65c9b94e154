"""The hall's day decides, not the machine's: a desk PC set to another zone numbers, logs and
judges holidays exactly as one set to the hall's (the `timezone` setting, here the default)."""

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import history, records, response
from models.incidents.history import HistoryFilter
from models.store.tables import Deadline, Incident
from reports.parts import local
from tests.helpers.hall import HALL, machine_zone

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="POSIX: needs time.tzset")

WHO = Who("城东营业厅", "1号台", "张三")
# Machines behind the hall (UTC, New York: still the 20th at the hall's midnight) and ahead of
# it (Kiritimati, UTC+14: already the 21st at the hall's 23:30 on the 20th).
MACHINES = ("UTC", "America/New_York", "Pacific/Kiritimati")
HALL_2330 = datetime(2026, 11, 20, 23, 30, tzinfo=HALL)  # = 15:30 UTC
LAST_SECOND = datetime(2026, 11, 20, 23, 59, 59, tzinfo=HALL)  # a Friday: a workday
MIDNIGHT = datetime(2026, 11, 21, 0, 0, tzinfo=HALL)  # a Saturday: a holiday


def act_at(moment: datetime) -> Act:
    return Act(WHO, moment, HolidayCalendar())


@pytest.fixture(params=MACHINES)
def machine(request):
    with machine_zone(request.param):
        yield request.param


def start(catalog, plan, moment, key="hotline_failure") -> Incident:
    return Incident.get_by_id(response.start_incident(catalog, plan, key, act_at(moment)))


def test_numbers_follow_the_halls_date(machine, desk_db, shipped_catalog):
    plan = desk_db[1]
    assert HALL_2330.astimezone(UTC) == datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
    numbers = [start(shipped_catalog, plan, m).number for m in (HALL_2330, LAST_SECOND,
                                                                 MIDNIGHT)]
    assert numbers == ["20261120-001", "20261120-002", "20261121-001"]


def test_the_daily_log_runs_from_the_halls_midnight(machine, desk_db, shipped_catalog):
    plan = desk_db[1]
    for moment in (HALL_2330, LAST_SECOND, MIDNIGHT):
        start(shipped_catalog, plan, moment)
    friday = history.daily_log(shipped_catalog, date(2026, 11, 20), date(2026, 11, 20),
                               hall="城东营业厅")
    saturday = history.daily_log(shipped_catalog, date(2026, 11, 21), date(2026, 11, 21),
                                 hall="城东营业厅")
    assert [r.number for r in friday.rows] == ["20261120-001", "20261120-002"]
    assert [r.number for r in saturday.rows] == ["20261121-001"]
    the_21st = HistoryFilter(first_day=date(2026, 11, 21), last_day=date(2026, 11, 21))
    assert history.count(the_21st) == 1
    assert local(friday.rows[1].started_at, HALL, "%H:%M:%S") == "23:59:59"  # as printed


@pytest.mark.parametrize(("moment", "holiday"), [
    (LAST_SECOND, False), (MIDNIGHT, True),
    (datetime(2026, 9, 30, 23, 30, tzinfo=HALL), False),  # the eve of National Day
    (datetime(2026, 10, 1, 0, 30, tzinfo=HALL), True),  # National Day
])
def test_holidays_are_judged_on_the_halls_date(machine, desk_db, shipped_catalog, moment,
                                               holiday):
    assert act_at(moment).is_holiday() is holiday
    incident = start(shipped_catalog, desk_db[1], moment)
    arrive = Deadline.get(Deadline.incident == incident.id, Deadline.key == "it_arrive")
    assert arrive.holiday is holiday
    assert arrive.due_at - arrive.started_at == timedelta(minutes=45 if holiday else 15)


def test_typed_record_times_are_the_halls(machine):
    fields, errors = records.parse_raw({"happened_at": "2026-11-20 23:30"}, HALL)
    assert errors == {} and fields.happened_at == HALL_2330
    assert records.raw_from_fields(fields, HALL)["happened_at"] == "2026-11-20 23:30"
