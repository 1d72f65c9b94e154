from datetime import datetime

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import records, response
from models.incidents.record_document import build_record
from models.store.tables import bound_database
from tests.helpers.hall import HALL


def test_build_record_from_the_database(desk_db, shipped_catalog):
    act = Act(Who("城东营业厅", "1号台", "张三"), datetime(2026, 11, 20, 10, 0, tzinfo=HALL),
              HolidayCalendar())
    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act, is_drill=True)
    response.set_step(shipped_catalog, incident, 0, True, act)
    records.save_record(incident, {"place": "二楼仓库", "aftercare:客户安抚": "已安抚"}, act)
    record = build_record(shipped_catalog, incident)
    assert (record.number, record.hall, record.is_drill) == ("20261120-001", "城东营业厅", True)
    assert record.level == "一级应急事件（重大）"
    assert record.fields.place == "二楼仓库"
    assert record.fields.aftercare == {"客户安抚": "已安抚"}
    assert record.aftercare_items[0] == "客户安抚"
    assert [t.kind for t in record.timeline][:2] == ["started", "deadline_started"]
    assert record.deadlines[0].label == "报告应急管理小组组长"
    assert record.integrity_ok and record.integrity_problems == ()
    bound_database().execute_sql("DROP TRIGGER timeline_no_update")
    bound_database().execute_sql(
        "UPDATE timeline_entry SET actor = '某人' WHERE kind = 'step_checked'")
    tampered = build_record(shipped_catalog, incident)
    assert not tampered.integrity_ok
    assert [code for _, code in tampered.integrity_problems] == ["altered"]


def test_a_record_names_what_its_own_version_named(desk_db, shipped_catalog, shipped_editions):
    """A fire recorded under the whole library, printed after the hall chose the bank's
    edition (which has no 应急管理小组组长): its level, category and roles as it ran."""
    from models.plans.editions import in_edition

    act = Act(Who("城东营业厅", "1号台", "张三"), datetime(2026, 11, 20, 10, 0, tzinfo=HALL),
              HolidayCalendar())
    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act)
    bank = in_edition(shipped_catalog, shipped_editions, "bank_outlet")
    record = build_record(bank, incident)
    assert record.level == "一级应急事件（重大）" and record.category == "火灾与安全事故"
    assert (record.deadlines[0].by, record.deadlines[0].to) == ("现场服务人员", "应急管理小组组长")
