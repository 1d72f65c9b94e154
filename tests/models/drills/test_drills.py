"""A full drill with the fake clock at ×10: injects shown and recorded, the clerk's actions,
the score (on time, late, missed; first action; what to practise), the report read back,
and real statistics and daily logs left untouched."""

from datetime import datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import DeskClock, FakeClock
from models.clock.workdays import HolidayCalendar
from models.drills import runs
from models.drills.report import NoDrillReport, build_drill_report, finished_runs
from models.drills.scenarios import due_injects, load_scenarios
from models.incidents import deadlines, history, response
from models.store.paths import default_plans_dir
from models.store.tables import DrillRun, Incident, TrainingRecord
from reports.drill_report import write_drill_report
from tests.helpers import pdf
from tests.helpers.hall import HALL

START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)
WHO = Who("城东营业厅", "1号台", "张三")


@pytest.fixture
def shipped(shipped_catalog):
    found, _ = load_scenarios(default_plans_dir() / "drills", shipped_catalog)
    return {s.key: s for s in found}


class Drill:
    """What the drill controller does, without Qt: a desk clock sped up, injects shown."""

    def __init__(self, catalog, plan, scenario, rate=10, calendar=None):
        self.base = FakeClock(START)
        self.clock = DeskClock(self.base)
        self.catalog, self.scenario = catalog, scenario
        self.calendar = calendar or HolidayCalendar()
        self.run = runs.start_run(scenario, rate, "王教员", plan, self.act())
        self.clock.accelerate(rate)
        self.started = self.clock.now()
        self.shown = []

    def act(self):
        return Act(WHO, self.clock.now(), self.calendar)

    def wait(self, **real):
        """Real time passes; the drill shows what has come due (as the controller's tick)."""
        self.base.advance(**real)
        for inject in due_injects(self.scenario, self.clock.now() - self.started,
                                  len(self.shown)):
            runs.record_shown(self.run, len(self.shown), inject, self.clock.now())
            self.shown.append(inject.text)
        deadlines.check_overdue(self.catalog, self.act())

    def finish(self):
        return runs.finish_run(self.catalog, self.run, self.scenario, self.started, self.act())


def test_full_fire_drill_end_to_end(desk_db, shipped_catalog, shipped, tmp_path):
    catalog, plan = shipped_catalog, desk_db[1]
    fire = shipped["fire_in_hall"]
    drill = Drill(catalog, plan, fire)
    drill.wait(seconds=0)
    assert drill.shown == ["候客区垃圾桶冒烟,有明火。"]
    drill.wait(seconds=4)  # 40 s of drill time: the clerk presses the fire button
    incident = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    drill.wait(seconds=2)  # +1:00
    response.set_step(catalog, incident, 0, True, drill.act())
    drill.wait(seconds=8)  # +2:20: the fire spreads
    assert drill.shown[-1].startswith("火势蔓延到窗帘")
    response.record_call(catalog, incident, "fire", drill.act())  # 119, 1:40 after the start
    response.mark_reported(catalog, incident, "group_leader", drill.act())  # 5 min limit: met
    drill.wait(seconds=50)  # +10:40; the fallen customer (+4) is never started
    assert len(drill.shown) == 4
    response.record_call(catalog, incident, "property", drill.act())
    result = drill.finish()

    outcomes = {(i.kind, i.what): i for i in result.items}
    assert outcomes[("plan", "营业场所发生火灾")].outcome == "on_time"
    assert outcomes[("plan", "营业场所发生火灾")].done_after == 40
    assert outcomes[("plan", "客户摔倒、突发疾病或受伤")].outcome == "missed"
    assert outcomes[("call", "消防报警 119")].outcome == "on_time"
    assert outcomes[("call", "消防报警 119")].done_after == 140  # drill time, like the rest
    assert outcomes[("call", "消防报警 119")].allowed == 40 + 300  # the incident's start + 5 min
    assert outcomes[("deadline", "报告应急管理小组组长")].outcome == "on_time"
    assert outcomes[("deadline", "组长上报公司总经理并启动最高级别应急响应")].outcome == "missed"
    step = next(i for i in result.items if i.kind == "step")
    assert step.outcome == "on_time" and step.done_after == 60
    assert result.first_action_seconds == 60 == step.done_after  # one time base
    assert result.times_from == "drill_start"
    assert 0 < result.score < 100
    assert ("plan", "客户摔倒、突发疾病或受伤") in {(i.kind, i.what) for i in result.practise}
    assert deadlines.open_deadlines() == []  # nothing owed or alarming after a drill
    assert Incident.get_by_id(incident).status == "closed"
    log = TrainingRecord.get()
    assert (log.kind, log.topic, log.trainer, log.attendees, log.drill_run) == (
        "drill", fire.title, "王教员", "张三", drill.run)

    report = build_drill_report(drill.run)
    assert report.rate == 10 and report.plan_version == "2026.1（2026-11-22），未签发"
    assert [i.shown_after for i in report.injects] == [0, 140, 640, 640]
    assert report.incidents == (Incident.get_by_id(incident).number,)
    assert report.drill_minutes == pytest.approx(10 + 40 / 60)
    out = write_drill_report(tmp_path / "drill.pdf", report, generated_at=START)
    text = "\n".join(pdf.page_texts(out))
    for expected in ("演练报告", fire.title, "王教员", "张三", "×10", "2026.1（2026-11-22）",
                     "候客区垃圾桶冒烟", "+2:20", "+10:40",
                     f"得分 {result.score} / 100", "首次处置用时：1:00", "消防报警 119",
                     "未做", "需要加强练习", "培训师（签字）", "演练"):
        assert expected in text, expected
    assert all(pdf.fonts(out).values())


def test_drill_incidents_never_count_in_real_statistics(desk_db, shipped_catalog, shipped):
    catalog, plan = shipped_catalog, desk_db[1]
    real_act = Act(WHO, START, HolidayCalendar())
    real = response.start_incident(catalog, plan, "power_cut", real_act)
    drill = Drill(catalog, plan, shipped["robbery"], rate=1)
    drill.wait(minutes=1)
    response.start_incident(catalog, plan, "robbery", drill.act(), drill_run=drill.run)
    drill.wait(minutes=30)  # the drill robbery's reports are missed
    drill.finish()
    log = history.daily_log(catalog, START.date(), START.date(), hall="")
    assert [r.number for r in log.real_rows] == [Incident.get_by_id(real).number]
    assert len(log.drill_rows) == 1 and log.drill_rows[0].is_drill
    assert sum(n for _, n in log.by_category) == 1
    assert dict(log.by_category) == {"停电与环境": 1}
    assert sum(n for _, n in log.by_level) == 1
    assert all(not row.is_drill for row, _ in log.missed_or_late)
    assert [r.id for r in history.page(history.HistoryFilter(drill=False))] == [real]
    assert history.count(history.HistoryFilter(drill=False)) == 1
    assert history.count(history.HistoryFilter(drill=True)) == 1


def test_late_and_not_yet_due(desk_db, shipped_catalog, shipped):
    """A call to 119 after the 'at once' limit is late; a deadline due after the drill
    ended is not scored; a cancelled wrong press is not scored either."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    wrong = response.start_incident(catalog, plan, "power_cut", drill.act(), drill_run=drill.run)
    response.cancel_incident(wrong, "按错了", drill.act())
    drill.wait(seconds=30)  # +5:00: the plan itself is late by 5 min? no: at the limit
    incident = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    drill.wait(seconds=36)  # +11:00, six minutes after the start
    response.record_call(catalog, incident, "fire", drill.act())
    result = drill.finish()
    items = {(i.kind, i.what): i for i in result.items}
    assert items[("plan", "营业场所发生火灾")].outcome == "on_time"  # exactly at the limit
    assert items[("call", "消防报警 119")].outcome == "late"
    assert items[("call", "消防报警 119")].done_after == 660  # six minutes after the start
    assert items[("call", "消防报警 119")].allowed == 600
    assert not any(i.incident == Incident.get_by_id(wrong).number for i in result.items)
    assert Incident.get_by_id(wrong).status == "cancelled"


def test_holiday_drill_uses_the_holiday_deadlines(desk_db, shipped_catalog, shipped):
    from models.clock.workdays import AlwaysHoliday

    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["hotline_holiday"], calendar=AlwaysHoliday())
    incident = response.start_incident(catalog, plan, "hotline_failure", drill.act(),
                                       drill_run=drill.run)
    views = [d for d in deadlines.open_deadlines() if d.incident_id == incident]
    arrival = next(d for d in views if d.action == "arrive")
    assert arrival.due_at - arrival.started_at == timedelta(minutes=45)
    assert arrival.holiday


def test_an_interrupted_drill_is_ended_at_the_next_start(desk_db, shipped_catalog, shipped):
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["robbery"])
    response.start_incident(catalog, plan, "robbery", drill.act(), drill_run=drill.run)
    # the power goes: the next start ends the run with what was done, at real time
    later = Act(WHO, START + timedelta(minutes=3), HolidayCalendar())
    assert runs.end_interrupted(catalog, later) == [drill.run]
    assert deadlines.open_deadlines() == []
    assert DrillRun.get_by_id(drill.run).score is not None
    assert runs.end_interrupted(catalog, later) == []


def test_report_of_an_unknown_or_running_drill(desk_db, shipped_catalog, shipped):
    with pytest.raises(NoDrillReport, match="no_such_run"):
        build_drill_report(99)
    drill = Drill(shipped_catalog, desk_db[1], shipped["robbery"])
    with pytest.raises(NoDrillReport, match="not_finished"):
        build_drill_report(drill.run)
    assert finished_runs() == []
    drill.finish()
    assert [r[0] for r in finished_runs()] == [drill.run]


def test_accelerated_clock():
    base = FakeClock(START)
    clock = DeskClock(base)
    clock.accelerate(10)
    base.advance(seconds=30)
    assert clock.now() == START + timedelta(minutes=5)
    clock.restore()
    assert clock.now() == base.now()


def test_a_plan_whose_inject_never_came_is_not_scored(desk_db, shipped_catalog, shipped):
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    drill.wait(seconds=0)
    response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    drill.wait(seconds=12)
    drill.wait(seconds=6)  # ended at +3:00: the fall (+4) never happened
    result = drill.finish()
    assert "客户摔倒、突发疾病或受伤" not in {i.what for i in result.items}
    assert ("plan", "客户摔倒、突发疾病或受伤") in {(i.kind, i.what) for i in result.not_due}
    assert [i.shown_after for i in build_drill_report(drill.run).injects] == [0, 120, None,
                                                                               None]


def test_switching_plans_is_scored_from_the_switch(desk_db, shipped_catalog, shipped):
    """The customer turns violent at +6: switching the incident to the assault plan six
    minutes later is late, though the incident itself started at once."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["agitated_to_assault"])
    incident = response.start_incident(catalog, plan, "agitated_customer", drill.act(),
                                       drill_run=drill.run)
    drill.wait(seconds=72)  # +12:00
    response.switch_situation(catalog, incident, "staff_assaulted", drill.act())
    result = drill.finish()
    items = {(i.kind, i.what): i for i in result.items}
    assaulted = catalog.situation("staff_assaulted").name
    assert items[("plan", catalog.situation("agitated_customer").name)].outcome == "on_time"
    assert items[("plan", assaulted)].outcome == "late"
    assert items[("plan", assaulted)].done_after == 720  # six minutes after the inject
    assert items[("plan", assaulted)].allowed == 360 + 300


def always(catalog, key):
    """The indices of a plan's steps that apply in every incident (no condition, not after)."""
    return [i for i, step in enumerate(catalog.situation(key).steps)
            if not (step.condition or step.after)]


def test_a_fire_drill_done_well_scores_well(desk_db, shipped_catalog, shipped):
    """Done as the plan says: what always applies (119 at once: the mall, the bank and the
    service industry call it when the fire is found), the fallen customer helped. The
    branches that did not apply (a small fire, a very large one), the aftercare (cleaning
    up, finding the cause) and 120 (no serious injury) are not missed."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    drill.wait(seconds=3)  # +0:30
    fire = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    for index in always(catalog, "fire"):
        response.set_step(catalog, fire, index, True, drill.act())
    for role in ("property", "emergency_command", "fire", "reception", "security",
                 "government", "superior"):
        response.record_call(catalog, fire, role, drill.act())
    response.mark_reported(catalog, fire, "group_leader", drill.act())
    response.mark_reported(catalog, fire, "general_manager", drill.act())
    drill.wait(seconds=30)  # +5:30: the fire spread at +2, the fall at +4
    fall = response.start_incident(catalog, plan, "customer_ill_injured", drill.act(),
                                   drill_run=drill.run)
    for index in always(catalog, "customer_ill_injured"):
        response.set_step(catalog, fall, index, True, drill.act())
    for role in ("emergency_command", "superior"):
        response.record_call(catalog, fall, role, drill.act())
    result = drill.finish()

    assert [(i.kind, i.what) for i in result.practise] == []
    assert result.score == 100
    apart = {(i.incident, i.kind, i.what): i for i in result.not_scored}
    fire_no = Incident.get_by_id(fire).number
    steps = catalog.situation("fire").steps
    assert {k[2] for k in apart if k[:2] == (fire_no, "step")} == {
        s.text for s in steps if s.condition or s.after}
    small = next(s for s in steps if s.condition == "火势较小,自己完全有能力扑灭")
    assert apart[(fire_no, "step", small.text)].condition
    assert apart[(fire_no, "step", "火灾扑灭后,组织人员进行现场清理,恢复正常秩序。")].after
    fall_no = Incident.get_by_id(fall).number
    assert apart[(fall_no, "call", "医疗急救 120")].condition == "客户重伤或急症发生"
    assert apart[(fall_no, "step", "事故处理后,对相关责任人进行追责。")].after
    assert {(i.kind, i.what) for i in result.not_scored if i.kind == "call"
            and i.incident == fire_no} == {("call", catalog.role(k).name) for k in (
                "admin_office", "leader_in_charge", "dept_manager")}


def test_a_fire_drill_without_119_misses_it(desk_db, shipped_catalog, shipped):
    """119 is due at once in every fire (no longer only "if the fire is large"), so a drill
    in which nobody calls it scores the miss."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    fire = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    response.record_call(catalog, fire, "property", drill.act())
    result = drill.finish()
    assert ("call", "消防报警 119") in {(i.kind, i.what) for i in result.practise}


def test_a_conditional_step_done_counts(desk_db, shipped_catalog, shipped):
    """What was done under a condition is scored (the clerk judged it applied)."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    fire = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
    steps = catalog.situation("fire").steps
    power = next(i for i, s in enumerate(steps) if s.text.startswith("关闭总电源"))
    response.set_step(catalog, fire, power, True, drill.act())  # (火势较大)
    result = drill.finish()
    [step] = [i for i in result.items if i.kind == "step" and i.outcome == "on_time"]
    assert step.what == steps[power].text and step.condition
    assert steps[power].text not in {i.what for i in result.not_scored}
    assert "火情发现第一人" in next(i.what for i in result.practise if i.kind == "step")


@pytest.mark.parametrize(("real_seconds", "cancellable"), [(12, True), (120, True),
                                                             (121, False)])
def test_the_cancel_window_counts_real_seconds_at_x10(desk_db, shipped_catalog, shipped,
                                                      real_seconds, cancellable):
    """At ×10 two drill minutes were 12 real seconds: too short to notice a stray press."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["fire_in_hall"])
    stray = response.start_incident(catalog, plan, "agitated_customer", drill.act(),
                                    drill_run=drill.run)
    drill.wait(seconds=real_seconds)  # ×10: ten times as much drill time
    state = response.incident_state(stray)
    assert state.can_cancel(drill.clock.now()) is cancellable
    if cancellable:
        response.cancel_incident(stray, "误按", drill.act())
    else:
        with pytest.raises(response.ActionRefused):
            response.cancel_incident(stray, "误按", drill.act())


def test_a_stray_drill_incident_cancelled_is_not_scored(desk_db, shipped_catalog, shipped):
    catalog, plan = shipped_catalog, desk_db[1]

    def run(cancel_stray: bool):
        drill = Drill(catalog, plan, shipped["fire_in_hall"])
        fire = response.start_incident(catalog, plan, "fire", drill.act(), drill_run=drill.run)
        response.set_step(catalog, fire, 0, True, drill.act())
        stray = response.start_incident(catalog, plan, "agitated_customer", drill.act(),
                                        drill_run=drill.run)
        drill.wait(seconds=30)  # 5 drill minutes: outside a drill-time window of 2 minutes
        if cancel_stray:
            response.cancel_incident(stray, "误按", drill.act())
        return drill.finish(), stray

    with_stray, kept = run(cancel_stray=False)
    cancelled, stray = run(cancel_stray=True)
    assert any(i.incident == Incident.get_by_id(kept).number for i in with_stray.items)
    assert not any(i.incident == Incident.get_by_id(stray).number for i in cancelled.items)
    assert cancelled.score > with_stray.score


def test_a_decision_point_is_never_scored(desk_db, shipped_catalog, shipped):
    """The self-service machines down for 40 minutes of drill time: the 30-minute decision
    point ("如30分钟内无法排除故障…") rang, but no document sets it as a deadline, so the
    score neither counts it missed nor lists it; the report it starts is scored."""
    catalog, plan = shipped_catalog, desk_db[1]
    drill = Drill(catalog, plan, shipped["self_service_down"])
    incident = response.start_incident(catalog, plan, "self_service_failure", drill.act(),
                                       drill_run=drill.run)
    drill.wait(seconds=240)  # +40:00
    point = deadlines.open_deadlines(catalog, incident)
    assert [v.status for v in point if v.is_decision] == ["prompted", "pending"]  # 30 m, 4 h
    result = drill.finish()
    scored = [i.what for i in (*result.items, *result.not_due) if i.kind == "deadline"]
    assert scored and not any("30分钟" in what for what in scored)
    assert "报告部门经理" in scored  # what the point reached starts is a real deadline
