"""The numbers of a month on a real file, each pinned at its boundary."""

from datetime import date, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.stats.period import parse_period
from models.stats.queries import statistics
from models.store.tables import Deadline, TrainingRecord
from tests.helpers.hall import HALL

WHO = Who("城东营业厅", "1号台", "张三")
NOVEMBER = parse_period("2026-11")


def act(at: datetime, desk: str = "1号台") -> Act:
    return Act(Who(WHO.hall, desk, WHO.clerk), at, HolidayCalendar())


@pytest.fixture
def start(desk_db, shipped_catalog):
    def start(at: datetime, key: str = "power_cut", *, drill=False, desk="1号台") -> int:
        return response.start_incident(shipped_catalog, desk_db[1], key, act(at, desk),
                                       is_drill=drill)
    return start


def stats(catalog, period=NOVEMBER, edition="bank_outlet"):
    return statistics(catalog, period, hall="城东营业厅", zone=HALL, today=date(2026, 12, 2),
                      edition=edition)


def test_an_incident_belongs_to_the_month_of_the_halls_clock(start, shipped_catalog):
    """23:59:59 on the last day of October (hall time, 15:59:59 UTC) is October's; 00:00:00
    on November 1st (still October 31st in UTC) is November's; and so at the month's end."""
    for moment in ((2026, 10, 31, 23, 59, 59), (2026, 11, 1, 0, 0, 0),
                   (2026, 11, 30, 23, 59, 59), (2026, 12, 1, 0, 0, 0)):
        start(datetime(*moment, tzinfo=HALL))
    figures = stats(shipped_catalog)
    assert figures.total == 2
    months = {m.month: m.incidents for m in figures.months}
    assert (months[date(2026, 10, 1)], months[date(2026, 11, 1)]) == (1, 2)
    assert date(2026, 12, 1) not in months and len(months) == 12
    assert stats(shipped_catalog, parse_period("2026-12")).total == 1
    assert stats(shipped_catalog, parse_period("2026Q4")).total == 4


def test_drills_and_presses_made_by_mistake_are_never_counted(start, shipped_catalog):
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    start(at, "fire", desk="2号台")
    drill = start(at, "fire", drill=True)
    mistake = start(at, "robbery")
    response.cancel_incident(mistake, "误按", act(at + timedelta(seconds=20)))
    late = at + timedelta(hours=2)
    deadlines.check_overdue(shipped_catalog, act(late))  # the drill's deadlines missed too
    response.add_note(drill, "演练记录", act(at + timedelta(seconds=5)))
    figures = stats(shipped_catalog)
    assert figures.total == 1
    assert figures.by_category == (("火灾与安全事故", 1),)
    assert figures.by_level == (("一级应急事件（重大）", 1),)
    assert figures.by_desk == (("2号台", 1),)
    assert figures.first_action.total == 1 and figures.first_action.count("never") == 1
    counted = Deadline.select().where(Deadline.incident_id.not_in([drill, mistake]),
                                      Deadline.action != "decide").count()
    assert figures.reports.total == counted
    november = figures.months[-1]
    assert (november.incidents, november.missed) == (1, counted)
    assert Deadline.select().where(Deadline.incident == drill, Deadline.status == "missed").count()


def test_the_first_action_is_the_clerks_first_act_of_handling(start, shipped_catalog,
                                                               desk_db):
    """A note at exactly 60 s is "within 1 minute", one at 61 s is not; the desk's own entries
    (deadlines started, missed, an alarm acknowledged) are no action of the clerk's."""
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    on_time, next_second, _nothing = (start(at + timedelta(minutes=n)) for n in range(3))
    response.add_note(on_time, "已疏散", act(at + timedelta(seconds=60)))
    response.add_note(next_second, "已疏散", act(at + timedelta(minutes=1, seconds=61)))
    deadlines.check_overdue(shipped_catalog, act(at + timedelta(hours=3)))
    first = stats(shipped_catalog).first_action
    assert (first.count("le1"), first.count("le5"), first.count("never")) == (1, 1, 1)
    assert first.median_seconds == 60.5


def test_a_deadline_met_from_its_card_is_a_first_action(start, shipped_catalog):
    """Reported by phone and ticked on the timer card at 30 s: no "reported" entry, yet the
    clerk acted; silencing the alarm of a miss is no first action."""
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    ticked, silenced = start(at, "fire"), start(at, "fire")
    (owed,) = Deadline.select().where(Deadline.incident == ticked)
    deadlines.meet(shipped_catalog, owed.id, act(at + timedelta(seconds=30)))
    deadlines.check_overdue(shipped_catalog, act(at + timedelta(minutes=6)))
    (missed,) = Deadline.select().where(Deadline.incident == silenced)
    deadlines.acknowledge(missed.id, act(at + timedelta(minutes=7)))
    first = stats(shipped_catalog).first_action
    assert (first.count("le1"), first.count("never")) == (1, 1)


def test_a_deadline_met_at_exactly_60_seconds_counts_within_one_minute(start, shipped_catalog):
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    for seconds in (60, 61):
        incident = start(at, "fire")
        (owed,) = Deadline.select().where(Deadline.incident == incident)
        deadlines.meet(shipped_catalog, owed.id, act(at + timedelta(seconds=seconds)))
    start(at, "fire")  # never reported
    reports = stats(shipped_catalog).reports
    unmet = Deadline.select().where(Deadline.met_at.is_null(), Deadline.action != "decide")
    assert reports.counts == (("le1", 1), ("le5", 1), ("le10", 0), ("le60", 0), ("gt60", 0),
                              ("never", unmet.count()))  # the fire never reported, and the
    # deadlines the reports started


def test_a_miss_then_met_late_counts_once_as_late(start, shipped_catalog):
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    incident = start(at, "fire")
    deadlines.check_overdue(shipped_catalog, act(at + timedelta(minutes=6)))
    missed = Deadline.select().where(Deadline.incident == incident,
                                     Deadline.status == "missed").order_by(Deadline.due_at)
    first, *others = list(missed)
    deadlines.meet(shipped_catalog, first.id, act(at + timedelta(minutes=7)))
    november = stats(shipped_catalog).months[-1]
    assert (november.missed, november.late) == (len(others), 1)


def test_a_decision_point_is_never_counted(start, shipped_catalog):
    """Power cut, its report met, 40 minutes without power: the 30-minute decision point
    rang. It is in no figure — not even one an older version recorded as missed."""
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    power = start(at)
    (report,) = Deadline.select().where(Deadline.incident == power, Deadline.action == "report")
    deadlines.meet(shipped_catalog, report.id, act(at + timedelta(minutes=1)))
    deadlines.check_overdue(shipped_catalog, act(at + timedelta(minutes=40)))
    decision = Deadline.get(Deadline.incident == power, Deadline.action == "decide")
    assert decision.status == "prompted"
    Deadline.update(status="missed").where(Deadline.id == decision.id).execute()  # as once
    others = Deadline.select().where(Deadline.incident == power, Deadline.action != "decide")
    missed = others.where(Deadline.status == "missed").count()  # the chain it started
    figures = stats(shipped_catalog)
    assert (figures.months[-1].missed, figures.months[-1].late) == (missed, 0)
    assert figures.reports.total == others.count()
    assert figures.reports.count("never") == missed + others.where(
        Deadline.status == "pending").count()


def test_drills_are_counted_against_the_drill_calendar(desk_db, shipped_catalog):
    """Twelve months to the end of November 2026, a bank (the hall's quarterly training and
    yearly drill, the half-yearly drill of 应急管理部令第2号): a drill on 2026-11-30 meets
    the second half-year (due 2026-12-31: after the window) — not counted; one on 2026-05-01
    meets the first half-year (due 2026-06-30) and the yearly drill of 2025 is not in the
    window (due 2025-12-31: yes, it is — December 2025 is the window's first month)."""
    TrainingRecord.create(kind="drill", held_on=date(2026, 5, 1), topic="消防演练")
    TrainingRecord.create(kind="training", held_on=date(2026, 11, 5), topic="培训")
    lines = {d.kind: d for d in stats(shipped_catalog).drills}
    assert set(lines) >= {"training", "drill", "onsite_drill"}
    training, drill, onsite = lines["training"], lines["drill"], lines["onsite_drill"]
    # quarters ending 2025-12-31, 2026-03-31, -06-30, -09-30 in the window; Q4 2026 not
    assert (training.due, training.done, training.overdue) == (4, 0, 4)
    assert (training.due_in_period, training.done_in_period) == (0, 0)
    assert (drill.due, drill.done, drill.overdue) == (1, 0, 1)  # the year 2025
    assert (onsite.due, onsite.done, onsite.overdue) == (2, 1, 1)  # 2025H2 missed, 2026H1 met
    assert onsite.last_done == date(2026, 5, 1) and "第三十三条" in onsite.source
    december = stats(shipped_catalog, parse_period("2026-12"))
    late_training = {d.kind: d for d in december.drills}["training"]
    assert (late_training.due_in_period, late_training.done_in_period,
            late_training.overdue) == (1, 1, 3)  # Q4 met by November's; not yet overdue


def test_unreadable_drill_rules_leave_the_incidents_counted(start, shipped_catalog,
                                                            monkeypatch):
    from models.drills import compliance

    start(datetime(2026, 11, 20, 9, 30, tzinfo=HALL))

    def broken():
        raise compliance.RulesError("drill_rules.toml: line 3: bad value")

    monkeypatch.setattr("models.stats.drills_due.load_rules", broken)
    figures = stats(shipped_catalog)
    assert figures.total == 1 and figures.drills == ()
    assert figures.drills_source == "rules_error: drill_rules.toml: line 3: bad value"


def test_an_incident_changed_with_sqlite3_is_named_not_counted_as_trustworthy(
        start, shipped_catalog, desk_db):
    """A real incident turned into a drill outside the program drops out of the counts: the
    statistics name it (as the daily log marks it), so the numbers are not printed as sound."""
    at = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    start(at, "fire")
    forged = start(at + timedelta(minutes=5), "robbery")
    assert stats(shipped_catalog).altered == ()
    desk_db[0].execute_sql("UPDATE incident SET is_drill = 1 WHERE id = ?", (forged,))
    figures = stats(shipped_catalog)
    assert figures.total == 1
    assert figures.altered == ("20261120-002",)
