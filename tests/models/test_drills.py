"""Drills: scenario files, a full run with the fake clock, scoring, and the training log."""

from datetime import date, datetime, timedelta

import pytest

from models import deadlines, drills, history, response
from models.act import Act, Who
from models.clock import DeskClock, FakeClock
from models.paths import default_plans_dir
from models.workdays import HolidayCalendar

START = datetime(2026, 11, 20, 10, 0).astimezone()


def test_shipped_scenarios_load(shipped_catalog):
    scenarios, problems = drills.load_scenarios(default_plans_dir() / "drills", shipped_catalog)
    assert problems == []
    keys = {s.key for s in scenarios}
    assert keys == {"fire_in_hall", "agitated_to_assault", "hotline_holiday", "robbery",
                    "gas_leak_call", "self_service_down"}
    hotline = next(s for s in scenarios if s.key == "hotline_holiday")
    assert hotline.holiday and hotline.situation == "hotline_failure"


@pytest.mark.parametrize(("text", "expected"), [
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "volcano"\n[[drill.inject]]\n'
     'at_minutes = 0\ntext = "a"\n', "4: unknown situation 'volcano'"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n[[drill.inject]]\n'
     'at_minutes = -2\ntext = "a"\n', "6: at_minutes must be"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\n', "needs at least one"),
    ('[drill]\nkey = "x"\ntitle = "t"\nsituation = "fire"\ncolour = 1\n[[drill.inject]]\n'
     'at_minutes = 0\ntext = "a"\n', "5: unknown field 'colour'"),
    ("[drill\n", "TOML syntax"),
])
def test_broken_scenarios_are_reported(tmp_path, shipped_catalog, text, expected):
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    scenarios, problems = drills.load_scenarios(tmp_path, shipped_catalog)
    assert scenarios == []
    assert len(problems) == 1 and expected in str(problems[0])


def test_accelerated_clock():
    base = FakeClock(START)
    clock = DeskClock(base)
    clock.accelerate(10)
    base.advance(seconds=30)
    assert clock.now() == START + timedelta(minutes=5)
    clock.restore()
    assert clock.now() == base.now()


def test_full_drill_with_fake_clock(desk_db, shipped_catalog):
    scenarios, _ = drills.load_scenarios(default_plans_dir() / "drills", shipped_catalog)
    fire = next(s for s in scenarios if s.key == "fire_in_hall")
    clock = FakeClock(START)

    def act():
        return Act(Who("城东营业厅", "1号台", "张三"), clock.now(), HolidayCalendar())

    run = drills.start_run(fire, 10, "王教员", clock.now())
    assert [i.text for i in drills.due_injects(fire, timedelta(), 0)] == [fire.injects[0].text]
    clock.advance(seconds=40)  # the clerk finds the fire button
    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act(),
                                       drill_run=run)
    clock.advance(seconds=20)
    response.set_step(shipped_catalog, incident, 0, True, act())
    response.record_call(shipped_catalog, incident, "fire", act())
    clock.advance(minutes=2)
    response.mark_reported(shipped_catalog, incident, "group_leader", act())
    due = drills.due_injects(fire, clock.now() - START, 1)
    assert [i.at_minutes for i in due] == [2]
    clock.advance(minutes=6)  # the fallen customer (+4 min) is never started: missed
    deadlines.check_overdue(shipped_catalog, act())
    result = drills.finish_run(shipped_catalog, run, fire, START, act())
    outcomes = {(i.kind, i.what): i.outcome for i in result.items}
    assert outcomes[("plan", "营业场所发生火灾")] == "on_time"
    assert outcomes[("plan", "客户摔倒、突发疾病或受伤")] == "missed"
    assert outcomes[("call", "消防报警")] == "on_time"
    assert outcomes[("deadline", "报告应急管理小组组长")] == "on_time"
    assert outcomes[("deadline", "组长上报公司总经理并启动最高级别应急响应")] == "missed"
    assert result.first_action_seconds == 60
    assert 0 < result.score < 100
    assert "客户摔倒、突发疾病或受伤" in result.practise
    assert deadlines.open_deadlines() == []  # the drill's clocks are closed
    log = history.daily_log(shipped_catalog, START.date(), START.date(), hall="")
    assert log.real_rows == () and len(log.drill_rows) == 1  # never in real statistics
    assert drills.reminders(shipped_catalog, START.date()) == [("training", None)]


def test_reminders(desk_db, shipped_catalog):
    today = date(2026, 11, 20)
    due = dict(drills.reminders(shipped_catalog, today))
    assert set(due) == {"training", "drill"}
    drills.add_training("training", date(2026, 9, 1), "应急预案培训", "王教员", "全体", "")
    drills.add_training("drill", date(2026, 3, 1), "消防演练", "王教员", "全体", "")
    assert drills.reminders(shipped_catalog, today) == []
    assert dict(drills.reminders(shipped_catalog, date(2026, 12, 2)))["training"] == date(2026,
                                                                                          9, 1)
    assert "revision" in dict(drills.reminders(shipped_catalog, date(2027, 11, 23)))
