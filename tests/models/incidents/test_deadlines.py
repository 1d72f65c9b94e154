"""Deadlines through the injected clock: 5 min, 10 min, 24 h, chains, holidays, restarts."""

from datetime import date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock, to_db
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.store.schema import open_database
from models.store.tables import Deadline, TimelineEntry
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
    response.record_call(desk.catalog, fire, "group_leader", desk.act())  # a call meets it too
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
    incident = desk.start("agitated_customer")
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
    desk.clock.advance(minutes=7)
    assert {Deadline.get_by_id(i).key for i in desk.tick()} == {"fix_10", "level_report"}
    backup = desk.deadline(hotline, "backup_phones")  # not fixed in 10 min: backup phones
    assert backup.started_at == arrive.started_at + timedelta(minutes=10)
    assert backup.status == "pending"
    deadlines.meet(desk.catalog, backup.id, desk.act())
    assert desk.deadline(hotline, "backup_phones").status == "met"
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
    assert {Deadline.get_by_id(i).key for i in desk.tick()} == {"restore_30", "level_report"}
    manager = desk.deadline(machines, "report_manager")
    assert (manager.by_role, manager.to_role) == ("group_head", "dept_manager")
    response.mark_reported(desk.catalog, machines, "dept_manager", desk.act())
    assert desk.deadline(machines, "report_manager").status == "met"
    # expected over 24 hours: the vice president and the estates, before the 4-hour mark
    started = deadlines.trigger_manual(desk.catalog, machines, "预计超过24小时", desk.act())
    assert {Deadline.get_by_id(i).key for i in started} == {"report_leader", "notify_estates"}
    assert deadlines.manual_triggers(desk.catalog, machines) == []
    desk.clock.advance(hours=3, minutes=30)
    missed = {Deadline.get_by_id(i).key for i in desk.tick()}
    assert "restore_4h" in missed
    leaders = list(Deadline.select().where(Deadline.incident == machines,
                                           Deadline.key == "report_leader"))
    assert len(leaders) == 1  # "the first that happens": not started twice


def test_machines_put_right_in_time_escalate_no_further(desk):
    machines = desk.start("self_service_failure")
    desk.clock.advance(minutes=20)
    deadlines.meet(desk.catalog, desk.deadline(machines, "restore_30").id, desk.act())
    four_hours = Deadline.get(Deadline.incident == machines, Deadline.key == "restore_4h")
    assert four_hours.status == "superseded"  # fixed: the 4-hour clock is moot
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
