"""Incidents made the way the desk makes them (models.incidents.response), for the PDFs to print."""

from datetime import date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, records, response
from tests.helpers.hall import HALL

DAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)
GENERATED = datetime(2026, 11, 20, 18, 30, tzinfo=HALL)


def act_at(moment: datetime, desk: str = "1号台", clerk: str = "张三") -> Act:
    return Act(Who("城东营业厅", desk, clerk), moment, HolidayCalendar())


@pytest.fixture
def make_incident(desk_db, shipped_catalog):
    """make_incident(key, at, drill=False, note="", desk="1号台") -> id, started through the
    real response functions (timeline, deadlines, hash chain)."""

    def make(key, at=NOON, *, drill=False, note="", desk="1号台"):
        incident = response.start_incident(shipped_catalog, desk_db[1], key, act_at(at, desk),
                                           is_drill=drill)
        if note:
            response.add_note(incident, note, act_at(at + timedelta(minutes=1), desk))
        return incident

    return make


@pytest.fixture
def fire_record(make_incident, shipped_catalog):
    """A level-1 fire: steps ticked, the leader told 3 minutes late, the general manager never
    (missed), a Chinese record saved."""
    catalog = shipped_catalog
    fire = make_incident("fire", note="二楼仓库冒烟，已疏散客户")
    response.set_step(catalog, fire, 0, True, act_at(NOON + timedelta(minutes=2)))
    response.mark_reported(catalog, fire, "group_leader",
                           act_at(NOON + timedelta(minutes=8)), person="王组长")
    deadlines.check_overdue(catalog, act_at(NOON + timedelta(hours=2)))
    problems = records.save_record(fire, {
        "place": "二楼仓库", "description": "仓库电线短路起火，烟雾进入营业大厅。",
        "people": "客户约二十人，员工五人", "loss_amount": "5200",
        "aftercare:客户安抚": "已逐一致歉并登记联系方式"}, act_at(NOON + timedelta(hours=2)))
    assert problems == {}
    return fire
