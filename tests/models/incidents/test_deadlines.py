"""Deadlines through the injected clock: 5 min, 10 min, 24 h, chains, holidays, restarts."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock, to_db
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.incidents.deadlines import DeadlineRefused, DeadlineView
from models.plans.catalog import Catalog, CatalogInfo, General, Governance, Level, Situation, Timer
from models.store.schema import open_database
from models.store.tables import Deadline, Incident, TimelineEntry
from tests.helpers.hall import HALL

WHO = Who("城东营业厅", "1号台", "张三")
WORKDAY_NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)  # a Friday
NATIONAL_DAY = datetime(2026, 10, 1, 12, 0, tzinfo=HALL)  # a public holiday
ADJUSTED_SATURDAY = datetime(2026, 10, 10, 12, 0, tzinfo=HALL)  # a Saturday made a workday


class Desk:
    """The clerk's side of a test: acts at the fake clock's time."""

    def __init__(self, catalog, plan, start: datetime, calendar=None) -> None:
        self.catalog = catalog
        self.plan = plan
        self.clock = FakeClock(start)
        self.calendar = calendar or HolidayCalendar()

    def act(self) -> Act:
        return Act(WHO, self.clock.now(), self.calendar)

    def start(self, key: str) -> int:
        return response.start_incident(self.catalog, self.plan, key, self.act())

    def tick(self) -> list[int]:
        return deadlines.check_overdue(self.catalog, self.act())

    def deadline(self, incident_id: int, key: str) -> Deadline:
        return (Deadline.select().where(Deadline.incident == incident_id, Deadline.key == key,
                                        Deadline.status != "superseded")
                .order_by(Deadline.id.desc()).get())


@pytest.fixture
def desk(desk_db, shipped_catalog):
    return Desk(shipped_catalog, desk_db[1], WORKDAY_NOON)


def test_level1_fire_end_to_end(desk):
    fire = desk.start("fire")
    report = desk.deadline(fire, "level_report")
    assert report.to_role == "group_leader"
    assert report.due_at - report.started_at == timedelta(minutes=5)
    desk.clock.advance(minutes=4, seconds=59)
    assert desk.tick() == []
    response.mark_reported(desk.catalog, fire, "group_leader", desk.act())
    assert desk.deadline(fire, "level_report").status == "met"
    chained = desk.deadline(fire, "gm_report")  # the leader tells the general manager at once
    assert (chained.by_role, chained.to_role, chained.status) == ("group_leader",
                                                                  "general_manager", "pending")
    assert chained.due_at - chained.started_at == timedelta(
        minutes=desk.catalog.general.at_once_minutes)
    desk.clock.advance(minutes=desk.catalog.general.at_once_minutes, seconds=1)
    assert desk.tick() == [chained.id]
    assert desk.deadline(fire, "gm_report").status == "missed"
    kinds = [e.kind for e in TimelineEntry.select().where(TimelineEntry.incident == fire)]
    assert kinds.count("deadline_missed") == 1


def test_a_late_report_is_recorded_with_how_late(desk):
    fire = desk.start("fire")
    desk.clock.advance(minutes=6)
    missed = desk.tick()
    assert len(missed) == 1
    response.record_call(desk.catalog, fire, "group_leader", desk.act(),  # a call meets it too
                         person="王组长", number="13800138000")
    row = desk.deadline(fire, "level_report")
    assert row.status == "late"
    met = TimelineEntry.select().where(TimelineEntry.kind == "deadline_met").get()
    assert '"late_seconds": 60' in met.data


def test_level2_ten_minutes_to_the_liaison(desk):
    incident = desk.start("staff_assaulted")
    row = desk.deadline(incident, "level_report")
    assert (row.to_role, row.due_at - row.started_at) == ("liaison", timedelta(minutes=10))
    desk.clock.advance(minutes=10)
    assert desk.tick() == [row.id]  # due at exactly 10:00 counts as missed at 10:00


def test_level3_files_within_24_hours_after_handling(desk):
    incident = desk.start("third_party_harassment")
    assert not Deadline.select().where(Deadline.incident == incident).exists()
    desk.clock.advance(minutes=20)
    response.mark_resolved(desk.catalog, incident, desk.act())
    row = desk.deadline(incident, "level_report")
    assert (row.to_role, row.due_at - row.started_at) == ("dept_manager", timedelta(hours=24))
    desk.clock.advance(hours=23, minutes=59)
    assert desk.tick() == []
    desk.clock.advance(minutes=1)
    assert desk.tick() == [row.id]


def test_hotline_failure_on_a_holiday(desk_db, shipped_catalog):
    desk = Desk(shipped_catalog, desk_db[1], NATIONAL_DAY)
    hotline = desk.start("hotline_failure")
    arrive = desk.deadline(hotline, "it_arrive")
    assert arrive.holiday is True
    assert arrive.due_at - arrive.started_at == timedelta(minutes=45)
    assert desk.deadline(hotline, "supervisor_report").due_at - arrive.started_at == timedelta(
        minutes=3)
    desk.clock.advance(minutes=3)
    assert [Deadline.get_by_id(i).key for i in desk.tick()] == ["supervisor_report"]
    desk.clock.advance(minutes=6, seconds=59)
    backup = desk.deadline(hotline, "backup_phones")  # the hotline's own point: 10 minutes
    assert (backup.by_role, backup.due_at - backup.started_at) == ("hotline_supervisor",
                                                                   timedelta(minutes=10))
    deadlines.meet(desk.catalog, backup.id, desk.act())  # not fixed: backup phones on at 9:59
    assert desk.deadline(hotline, "backup_phones").status == "decided"  # a decision point
    desk.clock.advance(seconds=1)
    assert {Deadline.get_by_id(i).key for i in desk.tick()} == {"level_report"}
    assert desk.deadline(hotline, "it_arrive").status == "pending"  # 45 minutes on a holiday
    assert deadlines.manual_triggers(desk.catalog, hotline) == ["已了解故障原因,无法即时修复"]


@pytest.mark.parametrize(("start", "minutes"), [(WORKDAY_NOON, 15), (ADJUSTED_SATURDAY, 15),
                                                (NATIONAL_DAY, 45)])
def test_it_arrival_workday_or_holiday(desk_db, shipped_catalog, start, minutes):
    desk = Desk(shipped_catalog, desk_db[1], start)
    arrive = desk.deadline(desk.start("hotline_failure"), "it_arrive")
    assert arrive.due_at - arrive.started_at == timedelta(minutes=minutes)


def test_desk_override_makes_today_a_holiday(desk_db, shipped_catalog):
    calendar = HolidayCalendar(holiday_override=WORKDAY_NOON.date())
    desk = Desk(shipped_catalog, desk_db[1], WORKDAY_NOON, calendar)
    arrive = desk.deadline(desk.start("hotline_failure"), "it_arrive")
    assert arrive.due_at - arrive.started_at == timedelta(minutes=45)


def test_unknown_year_falls_back_to_weekends():
    calendar = HolidayCalendar()
    assert not calendar.known(date(2031, 1, 6))
    assert calendar.is_holiday(date(2031, 1, 5))  # a Sunday
    assert not calendar.is_holiday(date(2031, 1, 6))  # a Monday
    assert calendar.known(date(2026, 10, 1))


def test_self_service_machines_chain(desk):
    machines = desk.start("self_service_failure")
    desk.clock.advance(minutes=30)
    assert {Deadline.get_by_id(i).key for i in desk.tick()} == {"check_30", "level_report"}
    manager = desk.deadline(machines, "report_manager")  # not fixed at 30 minutes
    assert (manager.by_role, manager.to_role) == ("clerk", "dept_manager")
    response.mark_reported(desk.catalog, machines, "dept_manager", desk.act())
    assert desk.deadline(machines, "report_manager").status == "met"
    # expected over 24 hours: the vice president and the estates, before the 4-hour mark
    started = deadlines.trigger_manual(desk.catalog, machines, "预计超过24小时", desk.act())
    assert {Deadline.get_by_id(i).key for i in started} == {"report_leader", "notify_estates"}
    assert deadlines.manual_triggers(desk.catalog, machines) == []
    desk.clock.advance(hours=3, minutes=30)
    missed = {Deadline.get_by_id(i).key for i in desk.tick()}
    assert "check_4h" in missed
    leaders = list(Deadline.select().where(Deadline.incident == machines,
                                           Deadline.key == "report_leader"))
    assert len(leaders) == 1  # "the first that happens": not started twice


def test_machines_put_right_in_time_escalate_no_further(desk):
    machines = desk.start("self_service_failure")
    desk.clock.advance(minutes=20)
    response.mark_resolved(desk.catalog, machines, desk.act())  # fixed within 30 minutes
    checks = Deadline.select().where(Deadline.incident == machines,
                                     Deadline.key.in_(("check_30", "check_4h")))
    assert {d.status for d in checks} == {"superseded"}  # fixed: the decision points are moot
    desk.clock.advance(hours=5)
    missed = {Deadline.get_by_id(i).key for i in desk.tick()}
    assert missed == {"level_report"}  # the report to the liaison is still owed
    assert not Deadline.select().where(Deadline.incident == machines,
                                       Deadline.key.in_(("report_leader", "notify_estates",
                                                         "report_manager"))).exists()


def test_handling_finished_settles_the_repair_clocks_not_the_reports(desk):
    power = desk.start("power_cut")
    desk.clock.advance(minutes=20)
    response.mark_resolved(desk.catalog, power, desk.act())
    statuses = {d.key: d.status for d in Deadline.select().where(Deadline.incident == power)}
    restore = next(k for k, v in statuses.items() if k != "level_report")
    assert statuses[restore] == "superseded" and statuses["level_report"] == "pending"
    desk.clock.advance(minutes=15)
    assert {Deadline.get_by_id(i).key for i in desk.tick()} == {"level_report"}


def test_level_change_supersedes_and_restarts_from_the_change(desk):
    incident = desk.start("staff_assaulted")  # level 2: liaison within 10 min
    desk.clock.advance(minutes=3)
    response.change_level(desk.catalog, incident, 1, "有员工受伤", desk.act())
    old = Deadline.get(Deadline.incident == incident, Deadline.source == "level:2")
    assert old.status == "superseded"
    new = desk.deadline(incident, "level_report")
    assert (new.source, new.to_role) == ("level:1", "group_leader")
    assert new.started_at == to_db(desk.clock.now())
    superseded = TimelineEntry.get(TimelineEntry.kind == "deadline_superseded")
    assert "有员工受伤" in superseded.data


def test_cancel_stops_the_clocks(desk):
    fire = desk.start("fire")
    response.cancel_incident(fire, "误按", desk.act())
    assert deadlines.open_deadlines() == []
    desk.clock.advance(hours=1)
    assert desk.tick() == []


def test_restart_keeps_due_times_and_misses_what_passed_while_closed(tmp_path, shipped_catalog):
    from models.plans.versions import record_plan_version

    path = tmp_path / "desk.db"
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, WORKDAY_NOON)
    desk = Desk(shipped_catalog, plan, WORKDAY_NOON)
    fire = desk.start("fire")
    hotline = desk.start("hotline_failure")
    before = {d.id: d.due_at for d in deadlines.open_deadlines()}
    db.close()
    open_database(path)  # the program starts again, 7 minutes later
    desk.clock.advance(minutes=7)
    assert {d.id: d.due_at for d in deadlines.open_deadlines()} == before
    missed = {(Deadline.get_by_id(i).incident_id, Deadline.get_by_id(i).key) for i in desk.tick()}
    assert missed == {(fire, "level_report"), (hotline, "supervisor_report")}
    views = {d.key: d for d in deadlines.open_deadlines()}
    assert views["it_arrive"].remaining(desk.clock.now()) == timedelta(minutes=8)


def test_acknowledge_keeps_the_miss(desk):
    fire = desk.start("fire")
    desk.clock.advance(minutes=6)
    (missed,) = desk.tick()
    deadlines.acknowledge(missed, desk.act())
    view = next(d for d in deadlines.open_deadlines() if d.id == missed)
    assert view.acknowledged and view.status == "missed"
    assert fire == view.incident_id


def test_remaining_share_colours(desk):
    desk.start("staff_assaulted")
    view = deadlines.open_deadlines()[0]
    now = desk.clock.now()
    assert view.remaining_share(now) == 1.0
    assert view.remaining_share(now + timedelta(minutes=5)) == 0.5
    assert view.remaining_share(now + timedelta(minutes=12)) < 0


def test_a_clock_set_back_after_a_miss_cannot_make_it_met_in_time(desk):
    """Setting the clock back after a miss once turned the report into "met in time"."""
    fire = desk.start("fire")
    desk.clock.advance(minutes=6)
    assert len(desk.tick()) == 1
    desk.clock.advance(minutes=-5)  # the clock set back: now before the due time
    response.mark_reported(desk.catalog, fire, "group_leader", desk.act())
    assert desk.deadline(fire, "level_report").status == "late"
    met = TimelineEntry.select().where(TimelineEntry.kind == "deadline_met").get()
    assert '"clock_before_due": true' in met.data and '"late_seconds": 1' in met.data
    assert deadlines.met_data(1, "k", WORKDAY_NOON, WORKDAY_NOON, "", "", "report") == {
        "deadline": 1, "key": "k", "late_seconds": 0, "to": "", "to_role": "",
        "action": "report"}  # done exactly at the due time is in time


# ---- the rules at their boundaries, on a catalog of a few timers ------------------------------

REPORT = Timer("report", "向组长报告", "report", 10, to="leader")
NOTIFY = Timer("notify", "通知组长", "notify", 20, to="leader")
ARRIVE = Timer("arrive", "到场", "arrive", 15, holiday_minutes=45)
RESTORE = Timer("restore", "恢复", "restore", 30)
SEPT_30_LATE = datetime(2026, 9, 30, 23, 55, tzinfo=HALL)  # a workday, just before a holiday


def catalog_with(*timers: Timer, level_timers: tuple[Timer, ...] = (), at_once: int = 5
                 ) -> Catalog:
    """Level 1 with `level_timers`, situation "fire" with `timers`."""
    level = Level(1, "一级应急事件", "重大", "#c62828", ("人员伤亡",), "组长", "leader", 10,
                  timers=level_timers)
    fire = Situation("fire", "fire_safety", "营业场所火灾", "火灾", 1, (), timers=timers)
    return Catalog(CatalogInfo("测试预案", "t1", date(2026, 1, 31)), Governance(),
                   General(at_once_minutes=at_once), (), (), (level,), (), (fire,))


def act_at(now: datetime) -> Act:
    return Act(WHO, now, HolidayCalendar())


def row(deadline_id: int) -> Deadline:
    return Deadline.get_by_id(deadline_id)


def last_entry(kind: str) -> tuple:
    entry = (TimelineEntry.select().where(TimelineEntry.kind == kind)
             .order_by(TimelineEntry.id.desc()).get())
    return entry.incident_id, entry.at, entry.actor, entry.desk, entry.text, json.loads(entry.data)


def started(catalog: Catalog, incident: Incident, now: datetime = WORKDAY_NOON,
            event: str = "start") -> dict[str, int]:
    return {row(i).key: i for i in deadlines.start_clocks(catalog, incident, event, act_at(now))}


@pytest.mark.parametrize(("timer", "holiday", "minutes"), [
    (ARRIVE, False, 15), (ARRIVE, True, 45), (REPORT, True, 10),
    (Timer("at_once", "立即", "report", 0), False, 7),  # "at once": the catalog's allowance
    (Timer("at_once", "立即", "report", 10, holiday_minutes=0), True, 7),
])
def test_minutes_for(timer, holiday, minutes):
    assert deadlines.minutes_for(catalog_with(at_once=7), timer, holiday) == minutes


MANUAL = Timer("long", "报告分管领导", "report", 60, to="vp", starts=("manual",),
               trigger="预计超过24小时")


@pytest.mark.parametrize(("timer", "event", "trigger", "starts"), [
    (REPORT, "start", "", True), (REPORT, "resolved", "", False),
    (MANUAL, "manual", "预计超过24小时", True), (MANUAL, "manual", "已修复", False),
    (MANUAL, "start", "", False), (REPORT, "manual", "", False),
])
def test_starts_on(timer, event, trigger, starts):
    assert deadlines.starts_on(timer, event, trigger) is starts


def test_a_started_clock_is_stored_and_recorded(new_incident):
    incident = new_incident()
    ids = started(catalog_with(REPORT), incident)
    stored = row(ids["report"])
    assert (stored.incident_id, stored.source, stored.label, stored.action, stored.to_role,
            stored.by_role, stored.holiday, stored.status) == (
        incident.id, "situation:fire", "向组长报告", "report", "leader", "clerk", False, "pending")
    due = WORKDAY_NOON + timedelta(minutes=10)
    assert (stored.started_at, stored.due_at) == (to_db(WORKDAY_NOON), to_db(due))
    assert last_entry("deadline_started") == (
        incident.id, to_db(WORKDAY_NOON), "张三", "1号台", "向组长报告",
        {"deadline": stored.id, "key": "report", "source": "situation:fire",
         "due": due.isoformat(), "holiday": False})


@pytest.mark.parametrize(("started_at", "now", "minutes", "holiday"), [
    (SEPT_30_LATE, SEPT_30_LATE + timedelta(minutes=10), 15, False),  # noticed on the holiday
    (SEPT_30_LATE + timedelta(minutes=10), SEPT_30_LATE + timedelta(days=8), 45, True),
])
def test_holiday_is_judged_when_the_clock_starts(new_incident, started_at, now, minutes,
                                                 holiday):
    (arrive,) = deadlines.start_clocks(catalog_with(ARRIVE), new_incident(), "start",
                                       act_at(now), started_at=started_at)
    assert (row(arrive).due_at - row(arrive).started_at, row(arrive).holiday) == (
        timedelta(minutes=minutes), holiday)
    assert row(arrive).started_at == to_db(started_at)


def test_the_holiday_mark_only_when_the_holiday_time_applies(new_incident):
    ids = started(catalog_with(ARRIVE, REPORT), new_incident(), NATIONAL_DAY)
    assert (row(ids["arrive"]).holiday, row(ids["report"]).holiday) == (True, False)


def test_a_clock_starts_once_per_incident_until_superseded(new_incident):
    catalog = catalog_with(REPORT, level_timers=(REPORT,))
    first, second = new_incident(), new_incident()
    ids = started(catalog, first)
    assert set(ids) == {"report"} and len(Deadline.select()) == 2  # level's and situation's
    assert started(catalog, first) == {}
    assert set(started(catalog, second)) == {"report"}
    Deadline.update(status="superseded").where(Deadline.incident == first.id).execute()
    assert len(deadlines.start_clocks(catalog, first, "start", act_at(WORKDAY_NOON))) == 2


def test_manual_starts(new_incident):
    same = Timer("estates", "通知物业", "notify", 60, to="estates", starts=("manual",),
                 trigger="预计超过24小时")
    other = Timer("backup", "启用备用", "restore", 30, starts=("manual",), trigger="无法即时修复")
    catalog = catalog_with(MANUAL, same, other)
    first, second = new_incident(), new_incident()
    assert deadlines.manual_triggers(catalog, first.id) == ["预计超过24小时", "无法即时修复"]
    ids = deadlines.trigger_manual(catalog, first.id, "预计超过24小时", act_at(WORKDAY_NOON))
    assert {row(i).key for i in ids} == {"long", "estates"}
    assert deadlines.manual_triggers(catalog, first.id) == ["无法即时修复"]
    assert deadlines.manual_triggers(catalog, second.id) == ["预计超过24小时", "无法即时修复"]
    Deadline.update(status="superseded").where(Deadline.key == "long").execute()
    assert deadlines.manual_triggers(catalog, first.id) == ["预计超过24小时", "无法即时修复"]


@pytest.mark.parametrize("call", [
    lambda catalog: deadlines.manual_triggers(catalog, 99),
    lambda catalog: deadlines.trigger_manual(catalog, 99, "预计超过24小时", act_at(WORKDAY_NOON)),
])
def test_an_unknown_incident_is_refused(desk_db, call):
    with pytest.raises(DeadlineRefused) as refused:
        call(catalog_with(MANUAL))
    assert refused.value.code == str(refused.value) == "no_such_incident"


@pytest.mark.parametrize(("after_due", "status", "late_seconds"), [
    (timedelta(seconds=-1), "met", 0), (timedelta(0), "met", 0),  # met at the due time: in time
    (timedelta(seconds=1), "late", 1), (timedelta(minutes=2), "late", 120)])
def test_met_in_time_up_to_the_due_time(new_incident, after_due, status, late_seconds):
    incident = new_incident()
    report = started(catalog_with(REPORT), incident)["report"]
    now = WORKDAY_NOON + timedelta(minutes=10) + after_due
    deadlines.meet(catalog_with(REPORT), report, act_at(now), to_person="王组长")
    stored = row(report)
    assert (stored.status, stored.met_at, stored.met_by, stored.met_to) == (
        status, to_db(now), "张三", "王组长")
    assert last_entry("deadline_met") == (
        incident.id, to_db(now), "张三", "1号台", "向组长报告",
        {"deadline": report, "key": "report", "late_seconds": late_seconds, "to": "王组长",
         "to_role": "leader", "action": "report"})


@pytest.mark.parametrize("status", ["met", "late", "superseded", "cancelled"])
def test_only_what_is_owed_can_be_met(new_incident, status):
    report = started(catalog_with(REPORT), new_incident())["report"]
    Deadline.update(status=status).where(Deadline.id == report).execute()
    with pytest.raises(DeadlineRefused) as refused:
        deadlines.meet(catalog_with(REPORT), report, act_at(WORKDAY_NOON))
    assert refused.value.code == "not_pending"


def test_an_unknown_deadline_cannot_be_met(desk_db):
    with pytest.raises(DeadlineRefused) as refused:
        deadlines.meet(catalog_with(REPORT), 99, act_at(WORKDAY_NOON))
    assert refused.value.code == "not_pending"


def test_meeting_starts_its_chain_at_once(new_incident):
    tell_gm = Timer("tell_gm", "组长上报总经理", "report", 0, to="gm", by="leader",
                    starts=("met:report",))
    catalog = catalog_with(REPORT, tell_gm, at_once=3)
    incident = new_incident()
    now = WORKDAY_NOON + timedelta(minutes=4)
    deadlines.meet(catalog, started(catalog, incident)["report"], act_at(now))
    chained = Deadline.get(Deadline.key == "tell_gm")
    assert (chained.started_at, chained.due_at) == (to_db(now), to_db(now + timedelta(minutes=3)))


def test_a_restore_met_settles_the_other_restore_clocks_with_its_label(new_incident):
    longer = Timer("restore_4h", "4小时内恢复", "restore", 240)
    catalog = catalog_with(RESTORE, longer, REPORT)
    ids = started(catalog, new_incident())
    deadlines.meet(catalog, ids["restore"], act_at(WORKDAY_NOON))
    assert [row(ids[k]).status for k in ("restore", "restore_4h", "report")] == [
        "met", "superseded", "pending"]
    assert last_entry("deadline_superseded")[2:] == (
        "张三", "1号台", "4小时内恢复",
        {"deadline": ids["restore_4h"], "key": "restore_4h", "reason": "恢复"})


def test_a_report_to_a_role_meets_what_is_owed_to_it_most_urgent_first(new_incident):
    late_report = Timer("report_2", "再报组长", "report", 5, to="leader")
    other_role = Timer("tell_gm", "报总经理", "report", 5, to="gm")
    not_a_report = Timer("fetch", "组长到场", "arrive", 5, to="leader")
    catalog = catalog_with(NOTIFY, REPORT, late_report, other_role, not_a_report)
    incident, other = new_incident(), new_incident()
    ids = started(catalog, incident)
    started(catalog, other)
    deadlines.check_overdue(catalog, act_at(WORKDAY_NOON + timedelta(minutes=7)))  # a miss
    met = deadlines.meet_matching(catalog, incident, "leader",
                                  act_at(WORKDAY_NOON + timedelta(minutes=8)), to_person="王组长")
    assert met == [ids["report_2"], ids["report"], ids["notify"]]
    assert [row(i).status for i in met] == ["late", "met", "met"]
    assert {row(i).met_to for i in met} == {"王组长"}
    assert row(ids["tell_gm"]).status == row(ids["fetch"]).status == "missed"
    assert not Deadline.select().where(Deadline.incident == other.id,
                                       Deadline.status.in_(("met", "late"))).exists()
    assert deadlines.meet_matching(catalog, incident, "leader", act_at(WORKDAY_NOON)) == []


def test_met_without_saying_to_whom(new_incident):
    catalog = catalog_with(REPORT, NOTIFY)
    ids = started(catalog, new_incident())
    deadlines.meet(catalog, ids["report"], act_at(WORKDAY_NOON))
    assert last_entry("deadline_met")[5]["to"] == row(ids["report"]).met_to == ""
    deadlines.meet_matching(catalog, Incident.get(), "leader", act_at(WORKDAY_NOON))
    assert last_entry("deadline_met")[5]["to"] == row(ids["notify"]).met_to == ""


def test_a_miss_chains_from_when_it_happened_not_when_noticed(new_incident):
    escalate = Timer("escalate", "升级报告", "notify", 20, to="leader",
                     starts=("missed:restore",))
    catalog = catalog_with(RESTORE, escalate)
    incident = new_incident()
    restore = started(catalog, incident)["restore"]
    now = WORKDAY_NOON + timedelta(minutes=45)  # the desk was closed when it was missed
    assert deadlines.check_overdue(catalog, act_at(now)) == [restore]
    due = WORKDAY_NOON + timedelta(minutes=30)
    assert (row(restore).status, row(restore).missed_at) == ("missed", to_db(due))
    chained = Deadline.get(Deadline.key == "escalate")
    assert (chained.started_at, chained.status) == (to_db(due), "pending")
    assert last_entry("deadline_missed") == (
        incident.id, to_db(now), "张三", "1号台", "恢复",
        {"deadline": restore, "key": "restore", "due": due.astimezone(UTC).isoformat()})


def test_misses_come_in_due_order_and_leave_the_rest_alone(new_incident):
    catalog = catalog_with(RESTORE, ARRIVE, REPORT)  # started in this order
    ids = started(catalog, new_incident())
    missed = deadlines.check_overdue(catalog, act_at(WORKDAY_NOON + timedelta(minutes=15)))
    assert missed == [ids["report"], ids["arrive"]]  # due at 10 and 15 minutes
    assert row(ids["restore"]).status == "pending"


@pytest.mark.parametrize(("status", "missed"), [
    ("open", True), ("in_hand", True), ("resolved", True), ("closed", False),
    ("cancelled", False)])
def test_misses_of_incidents_still_open_for_deadlines(new_incident, status, missed):
    report = started(catalog_with(REPORT), new_incident(status=status))["report"]
    now = WORKDAY_NOON + timedelta(hours=1)
    assert deadlines.check_overdue(catalog_with(REPORT), act_at(now)) == ([report] if missed
                                                                         else [])


def test_acknowledging_twice_records_once(new_incident):
    catalog = catalog_with(REPORT, NOTIFY)
    incident = new_incident()
    ids = started(catalog, incident)
    first = WORKDAY_NOON + timedelta(minutes=30)
    deadlines.check_overdue(catalog, act_at(first))
    deadlines.acknowledge(ids["notify"], act_at(first))
    deadlines.acknowledge(ids["notify"], act_at(first + timedelta(minutes=1)))
    deadlines.acknowledge(99, act_at(first))  # gone: nothing to silence
    acknowledged = TimelineEntry.select().where(TimelineEntry.kind == "alarm_acknowledged")
    assert len(acknowledged) == 1
    assert last_entry("alarm_acknowledged") == (
        incident.id, to_db(first), "张三", "1号台", "通知组长", {"deadline": ids["notify"]})
    assert (row(ids["notify"]).acknowledged_at, row(ids["report"]).acknowledged_at) == (
        to_db(first), None)


def test_a_level_change_supersedes_the_old_levels_clocks_only(new_incident):
    catalog = catalog_with(ARRIVE, level_timers=(REPORT, NOTIFY))
    incident, other = new_incident(), new_incident()
    ids = started(catalog, incident)
    started(catalog, other)
    deadlines.meet(catalog, ids["notify"], act_at(WORKDAY_NOON))
    later = WORKDAY_NOON + timedelta(minutes=3)
    deadlines.supersede(catalog, incident, "level:", "有员工受伤", act_at(later))
    statuses = [d.status for d in Deadline.select().where(Deadline.incident == incident.id)
                .order_by(Deadline.id)]
    assert statuses == ["superseded", "met", "pending", "pending"]  # the new report started
    assert Deadline.get(Deadline.id > ids["arrive"], Deadline.incident == incident.id,
                        Deadline.key == "report").started_at == to_db(later)
    assert last_entry("deadline_superseded")[4:] == (
        "向组长报告", {"deadline": ids["report"], "key": "report", "reason": "有员工受伤"})
    assert {d.status for d in Deadline.select().where(Deadline.incident == other.id)} == {
        "pending"}


@pytest.mark.parametrize(("status", "after_report"), [("resolved", True), ("in_hand", False)])
def test_a_change_after_handling_finished_restarts_its_report(new_incident, status,
                                                              after_report):
    after = Timer("after", "事后报告", "report", 1440, to="dept", starts=("resolved",))
    catalog = catalog_with(level_timers=(after,))
    incident = new_incident(status=status)
    deadlines.supersede(catalog, incident, "level:", "改判", act_at(WORKDAY_NOON))
    assert Deadline.select().where(Deadline.key == "after").exists() is after_report


def test_settling_gives_way_only_to_this_incidents_pending_fixing_clocks(new_incident):
    catalog = catalog_with(RESTORE, ARRIVE, REPORT)
    incident, other = new_incident(), new_incident()
    ids = started(catalog, incident)
    started(catalog, other)
    deadlines.meet(catalog, ids["arrive"], act_at(WORKDAY_NOON))
    settled = deadlines.settle(incident, ("restore", "arrive"), "处置完毕", act_at(WORKDAY_NOON))
    assert settled == [ids["restore"]]
    assert [row(ids[k]).status for k in ("restore", "arrive", "report")] == [
        "superseded", "met", "pending"]
    assert last_entry("deadline_superseded")[5]["reason"] == "处置完毕"
    assert {d.status for d in Deadline.select().where(Deadline.incident == other.id)} == {
        "pending"}


def test_cancel_all_cancels_this_incidents_pending_clocks(new_incident):
    catalog = catalog_with(REPORT, NOTIFY)
    incident, other = new_incident(), new_incident()
    ids = started(catalog, incident)
    started(catalog, other)
    deadlines.meet(catalog, ids["notify"], act_at(WORKDAY_NOON))
    deadlines.cancel_all(incident)
    assert (row(ids["report"]).status, row(ids["notify"]).status) == ("cancelled", "met")
    assert {d.status for d in Deadline.select().where(Deadline.incident == other.id)} == {
        "pending"}


def test_open_deadlines_most_urgent_first(new_incident):
    catalog = catalog_with(RESTORE, NOTIFY, REPORT, ARRIVE)
    drill = new_incident(is_drill=True, situation_name="演练火灾")
    ids = started(catalog, drill)
    closed = new_incident(status="closed")
    started(catalog, closed)
    deadlines.meet(catalog, ids["arrive"], act_at(WORKDAY_NOON))
    deadlines.check_overdue(catalog, act_at(WORKDAY_NOON + timedelta(minutes=10)))
    views = deadlines.open_deadlines()
    assert [v.id for v in views] == [ids["report"], ids["notify"], ids["restore"]]
    assert views[0] == DeadlineView(
        ids["report"], drill.id, "演练火灾", True, "report", "向组长报告", "report", "leader",
        "clerk", False, WORKDAY_NOON.astimezone(UTC), (WORKDAY_NOON + timedelta(minutes=10))
        .astimezone(UTC), "missed", False)


def test_open_deadlines_due_together_in_the_order_they_started(new_incident):
    twin = Timer("report_2", "再报组长", "report", 10, to="leader")
    ids = started(catalog_with(twin, REPORT), new_incident())
    assert [v.key for v in deadlines.open_deadlines()] == sorted(ids, key=ids.get)


def view(status: str = "pending", seconds: int = 100) -> DeadlineView:
    return DeadlineView(1, 1, "火灾", False, "report", "报告", "report", "leader", "clerk", False,
                        WORKDAY_NOON, WORKDAY_NOON + timedelta(seconds=seconds), status, False)


@pytest.mark.parametrize(("elapsed", "colour"), [
    (0, "ok"), (49, "ok"), (50, "soon"), (79, "soon"), (80, "urgent"), (99, "urgent"),
    (100, "overdue"), (130, "overdue")])
def test_urgency_by_the_share_left(elapsed, colour):
    assert deadlines.urgency(view(), WORKDAY_NOON + timedelta(seconds=elapsed)) == colour


def test_a_miss_is_overdue_whatever_the_time():
    assert deadlines.urgency(view("missed"), WORKDAY_NOON) == "overdue"


@pytest.mark.parametrize(("seconds", "elapsed", "share"), [
    (100, 0, 1.0), (100, 25, 0.75), (100, 150, -0.5), (1, 0, 1.0), (0, 0, -1.0)])
def test_remaining_share(seconds, elapsed, share):
    now = WORKDAY_NOON + timedelta(seconds=elapsed)
    assert view(seconds=seconds).remaining_share(now) == share
    assert view(seconds=seconds).remaining(now) == timedelta(seconds=seconds - elapsed)


@pytest.mark.parametrize(("after_change", "missed"), [
    (timedelta(minutes=4, seconds=59), False), (timedelta(minutes=5, seconds=1), True)])
def test_a_level_s_report_runs_from_the_change_not_from_the_start(desk, after_change, missed):
    """The rule (README "Level changes"): raised to level 1 after 20 minutes, the 5-minute
    report to the group leader is owed 5 minutes after the change, not already late."""
    incident = desk.start("staff_assaulted")  # level 2
    desk.clock.advance(minutes=20)
    changed = desk.clock.now()
    response.change_level(desk.catalog, incident, 1, "有员工受伤", desk.act())
    assert desk.deadline(incident, "level_report").due_at == to_db(
        changed + timedelta(minutes=5))
    desk.clock.advance(after_change)
    ticked = {Deadline.get_by_id(i).source for i in desk.tick()}
    assert ("level:1" in ticked) is missed


def test_open_deadlines_say_which_are_at_once(desk):
    fire = desk.start("fire")
    response.mark_reported(desk.catalog, fire, "group_leader", desk.act())  # chains "立即"
    views = {v.key: v for v in deadlines.open_deadlines(desk.catalog)}
    assert views["gm_report"].at_once and not views["gm_report"].owed_by_desk
    assert not any(v.at_once for v in deadlines.open_deadlines())  # no catalog: not known
    hotline = desk.start("hotline_failure")
    views = {v.key: v for v in deadlines.open_deadlines(desk.catalog)
             if v.incident_id == hotline}
    assert not views["backup_phones"].at_once and views["level_report"].owed_by_desk
