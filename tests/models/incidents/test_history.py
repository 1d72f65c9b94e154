"""History: filters, text search (Chinese pairs, numbers, one character), paging, daily log."""

from datetime import date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import history, records, response, search
from models.incidents.history import HistoryFilter
from models.store.tables import Incident
from tests.helpers.hall import HALL

WHO = Who("城东营业厅", "1号台", "张三")


def test_index_and_query_forms():
    expected = "120 客户 户在 在一 一楼 楼大 大厅 厅摔 摔倒"
    assert search.index_form("客户在一楼大厅摔倒 120") == expected
    assert search.index_chars("一楼大厅，一楼") == "一 楼 大 厅"
    assert search.match_query("一楼大厅") == 'body : "一楼 楼大 大厅"'
    assert search.match_query("火灾 120") == 'body : "120"* AND body : "火灾"'
    assert search.match_query("火") == 'chars : "火"'
    assert search.match_query("，。") is None


@pytest.fixture
def filled(desk_db, shipped_catalog):
    plan = desk_db[1]
    clock = FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))

    def start(key, note="", drill=False, desk="1号台"):
        act = Act(Who("城东营业厅", desk, "张三"), clock.now(), HolidayCalendar())
        incident = response.start_incident(shipped_catalog, plan, key, act, is_drill=drill)
        if note:
            response.add_note(incident, note, act)
        clock.advance(hours=1)
        return incident

    ids = {
        "fire": start("fire", "二楼仓库起火"),
        "power": start("power_cut", "整栋楼停电"),
        "drill": start("fire", "演练：一楼大厅起火", drill=True),
        "other_desk": start("agitated_customer", "客户因气费争吵", desk="2号台"),
    }
    clock.advance(days=1)
    ids["next_day"] = start("robbery")
    return shipped_catalog, ids


def ids_of(f):
    return {row.id for row in history.page(f)}


def test_desks_are_listed_once_each_in_order(filled, desk_db, shipped_catalog):
    assert history.desks() == ["1号台", "2号台"]
    act = Act(Who("城东营业厅", "", "张三"), datetime(2026, 11, 22, 9, tzinfo=HALL),
              HolidayCalendar())
    response.start_incident(shipped_catalog, desk_db[1], "fire", act)  # no desk name set
    assert history.desks() == ["1号台", "2号台"]


def test_filters(filled):
    _, ids = filled
    day = date(2026, 11, 20)
    assert ids_of(HistoryFilter(first_day=day, last_day=day)) == {
        ids["fire"], ids["power"], ids["drill"], ids["other_desk"]}
    assert ids_of(HistoryFilter(drill=False, situation="fire")) == {ids["fire"]}
    assert ids_of(HistoryFilter(drill=True)) == {ids["drill"]}
    assert ids_of(HistoryFilter(desk="2号台")) == {ids["other_desk"]}
    assert ids_of(HistoryFilter(level=1, drill=False)) == {ids["fire"], ids["next_day"]}
    assert ids_of(HistoryFilter(category="power_environment")) == {ids["power"]}
    assert history.count(HistoryFilter()) == 5


@pytest.mark.parametrize(("text", "expected"), [
    ("起火", {"fire", "drill"}),  # two characters: one indexed pair
    ("仓库起火", {"fire"}),  # a phrase of pairs
    ("停电", {"power"}),
    ("火", {"fire", "drill"}),  # one character: its own column
    ("20261121", {"next_day"}),  # a number prefix
    ("气费 争吵", {"other_desk"}),  # all terms must match
    ("没有的事", set()),
])
def test_text_search(filled, text, expected):
    _, ids = filled
    assert ids_of(HistoryFilter(text=text)) == {ids[k] for k in expected}


def test_search_follows_the_saved_record(filled, desk_db):
    _catalog, ids = filled
    act = Act(WHO, datetime(2026, 11, 22, 9, 0, tzinfo=HALL), HolidayCalendar())
    assert records.save_record(ids["power"], {"place": "地下车库配电房"}, act) == {}
    assert ids_of(HistoryFilter(text="配电房")) == {ids["power"]}


def test_sorting_and_paging(filled):
    _, ids = filled
    newest_first = [r.id for r in history.page(HistoryFilter(), limit=2)]
    assert newest_first == [ids["next_day"], ids["other_desk"]]
    second_page = [r.id for r in history.page(HistoryFilter(), offset=2, limit=2)]
    assert second_page == [ids["drill"], ids["power"]]
    by_level = history.page(HistoryFilter(), sort="level", descending=False)
    assert [r.level for r in by_level] == sorted(r.level for r in by_level)


def test_daily_log_keeps_drills_out_of_the_totals(filled):
    catalog, _ids = filled
    log = history.daily_log(catalog, date(2026, 11, 20), date(2026, 11, 20), hall="城东营业厅")
    assert len(log.rows) == 4
    assert [r.is_drill for r in log.rows].count(True) == 1
    assert sum(n for _, n in log.by_category) == 3
    assert dict(log.by_category)["火灾与安全事故"] == 1
    assert all(r.reporting == "pending" for r in log.real_rows if "火灾" in r.situation)
    unnamed = history.daily_log(catalog, date(2026, 11, 20), date(2026, 11, 20), hall="")
    assert unnamed.hall == "城东营业厅"  # settings lost: the hall its incidents name


def test_daily_log_lists_missed_reports(desk_db, shipped_catalog):
    from models.incidents import deadlines

    clock = FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))
    act = Act(WHO, clock.now(), HolidayCalendar())
    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act)
    clock.advance(timedelta(minutes=6))
    deadlines.check_overdue(shipped_catalog, Act(WHO, clock.now(), HolidayCalendar()))
    log = history.daily_log(shipped_catalog, date(2026, 11, 20), date(2026, 11, 20), hall="")
    ((row, line),) = log.missed_or_late
    assert (row.reporting, line.status, line.label) == ("missed", "missed", "报告应急管理小组组长")
    assert incident


def test_a_press_made_by_mistake_is_listed_but_never_counted(desk_db, shipped_catalog):
    clock = FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))
    real = response.start_incident(shipped_catalog, desk_db[1], "power_cut",
                                   Act(WHO, clock.now(), HolidayCalendar()))
    mistake = response.start_incident(shipped_catalog, desk_db[1], "fire",
                                      Act(WHO, clock.now(), HolidayCalendar()))
    response.cancel_incident(mistake, "误按", Act(WHO, clock.advance(seconds=20),
                                                  HolidayCalendar()))
    log = history.daily_log(shipped_catalog, date(2026, 11, 20), date(2026, 11, 20), hall="")
    assert [r.status for r in log.rows] == ["open", "cancelled"]
    assert [r.number for r in log.counted_rows] == [Incident.get_by_id(real).number]
    assert sum(n for _, n in log.by_category) == 1 and sum(n for _, n in log.by_level) == 1


def test_the_daily_log_names_each_incident_as_it_ran(desk_db, shipped_catalog, shipped_editions):
    """Incidents recorded under the whole library, listed after the hall chose the bank's
    edition: the missed report to 应急管理小组组长 (no such role in a bank) is still named."""
    from models.incidents import deadlines
    from models.plans.editions import in_edition

    clock = FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))
    response.start_incident(shipped_catalog, desk_db[1], "fire",
                            Act(WHO, clock.now(), HolidayCalendar()))
    clock.advance(timedelta(minutes=6))
    deadlines.check_overdue(shipped_catalog, Act(WHO, clock.now(), HolidayCalendar()))
    bank = in_edition(shipped_catalog, shipped_editions, "bank_outlet")
    log = history.daily_log(bank, date(2026, 11, 20), date(2026, 11, 20), hall="")
    ((row, line),) = log.missed_or_late
    assert (row.category, row.level) == ("火灾与安全事故", "一级应急事件（重大）")
    assert (line.by, line.to) == ("现场服务人员", "应急管理小组组长")
    assert dict(log.by_level) == {"一级应急事件（重大）": 1}


def test_the_totals_count_a_category_the_plans_now_lack(filled):
    """A revision without 火灾与安全事故: the day's fire is still counted, under its own name,
    after the categories the plans now have."""
    from dataclasses import replace

    catalog, _ids = filled
    now = replace(catalog, categories=tuple(c for c in catalog.categories
                                            if c.key != "fire_safety"),
                  situations=tuple(s for s in catalog.situations if s.category != "fire_safety"),
                  _index={})
    log = history.daily_log(now, date(2026, 11, 20), date(2026, 11, 20), hall="")
    assert sum(n for _, n in log.by_category) == 3
    assert log.by_category[-1] == ("火灾与安全事故", 1)


def test_a_decision_point_is_never_in_the_daily_logs_misses(desk_db, shipped_catalog):
    """Power cut, the report made, 40 minutes without power: the 30-minute decision point
    rang but the log lists no miss and the reporting is "in time" — also for a decision
    point an older version recorded as missed."""
    from models.incidents import deadlines
    from models.store.tables import Deadline

    clock = FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))
    power = response.start_incident(shipped_catalog, desk_db[1], "power_cut",
                                    Act(WHO, clock.now(), HolidayCalendar()))
    reported = Incident.get_by_id(power)
    level = shipped_catalog.level(reported.level)
    response.mark_reported(shipped_catalog, power, level.report_to,
                           Act(WHO, clock.now(), HolidayCalendar()))
    for owed in Deadline.select().where(Deadline.incident == power, Deadline.status == "pending",
                                        Deadline.action != "decide"):  # the liaison's too
        deadlines.meet(shipped_catalog, owed.id, Act(WHO, clock.now(), HolidayCalendar()))
    clock.advance(timedelta(minutes=40))
    deadlines.check_overdue(shipped_catalog, Act(WHO, clock.now(), HolidayCalendar()))
    point = Deadline.get(Deadline.incident == power, Deadline.action == "decide")
    assert point.status == "prompted"
    log = history.daily_log(shipped_catalog, date(2026, 11, 20), date(2026, 11, 20), hall="")
    assert [row.reporting for row in log.rows] == ["in time"]
    assert [line.label for _, line in log.missed_or_late if line.label == point.label] == []
    Deadline.update(status="missed").where(Deadline.id == point.id).execute()  # as before
    log = history.daily_log(shipped_catalog, date(2026, 11, 20), date(2026, 11, 20), hall="")
    assert [line.label for _, line in log.missed_or_late if line.label == point.label] == []
