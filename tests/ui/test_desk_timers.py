"""Reporting timers through the whole desk (real widgets, fake clock): panel, alarm, chains."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock, from_db
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from models.store.settings import SettingsStore
from models.store.tables import Deadline, TimelineEntry
from tests.helpers.drawn import drawn
from tests.helpers.hall import HALL
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)
NATIONAL_DAY = datetime(2026, 10, 1, 12, 0, tzinfo=HALL)
HELPER = Path(__file__).resolve().parents[1] / "helpers" / "press_then_wait.py"


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    drawn(qtbot, widget)  # what a press redraws after its guided view's paint


def make_desk(qtbot, tmp_path, catalog, plan, start):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(start)
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    return desk, clock


def cards(desk):
    panel = desk.timer_panel
    return {panel.cards[v.id].label.text(): panel.cards[v.id] for v in panel._views}


def step(desk, clock, **delta):
    clock.advance(**delta)
    desk.deadlines.tick()


def test_level1_fire_panel_alarm_and_chain(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    card = cards(desk)["报告应急管理小组组长"]
    assert card.countdown.text() == "05:00"
    assert card.property("urgency") == "ok"
    assert "营业场所发生火灾" in card.detail.text()
    step(desk, clock, minutes=3)
    assert (card.countdown.text(), card.property("urgency")) == ("02:00", "soon")
    step(desk, clock, minutes=1, seconds=30)
    assert (card.countdown.text(), card.property("urgency")) == ("00:30", "urgent")
    report = desk.emergency.guided.report_box.itemAt(0).widget()
    click(qtbot, report)  # "已报告应急管理小组组长"
    assert "报告应急管理小组组长" not in cards(desk)
    chained = cards(desk)["组长上报公司总经理并启动最高级别应急响应"]
    assert "应急管理小组组长负责 → 总经理" in chained.detail.text()  # not the clerk's duty
    assert not desk.alarm_banner.isVisible()
    step(desk, clock, minutes=5, seconds=1)
    # the group leader's miss: red on its card, steady, but the clerk's alarm stays quiet
    assert not desk.alarm_banner.isVisible() and not desk.sound.playing
    assert chained.countdown.text() == "+00:01"
    assert chained.property("urgency") == "overdue-other"
    step(desk, clock, minutes=1)
    click(qtbot, chained.button)  # done late
    row = Deadline.get(Deadline.key == "gm_report")
    assert row.status == "late"
    kinds = [e.kind for e in TimelineEntry.select().order_by(TimelineEntry.id)]
    assert kinds.count("deadline_missed") == 1
    assert desk.timer_panel.empty.isVisible()


def test_the_clerk_s_own_miss_rings_until_f9(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    card = cards(desk)["报告应急管理小组组长"]
    step(desk, clock, minutes=4, seconds=59)
    assert not desk.alarm_banner.isVisible() and not desk.sound.playing
    step(desk, clock, seconds=2)
    assert desk.alarm_banner.isVisible() and desk.sound.playing
    assert "报告应急管理小组组长" in desk.alarm_banner.text.text()
    assert card.property("urgency").startswith("overdue")
    assert desk.alarm_banner.button.text().endswith("F9")
    with qtbot.waitActive(desk.window):
        desk.window.activateWindow()
    with qtbot.waitSignal(desk.alarm_banner.acknowledge):  # F9 from the keyboard
        qtbot.keyClick(desk.window.focusWidget() or desk.window, Qt.Key.Key_F9)
    assert not desk.alarm_banner.isVisible()
    assert not desk.sound.playing
    kinds = [e.kind for e in TimelineEntry.select().order_by(TimelineEntry.id)]
    assert "alarm_acknowledged" in kinds


def test_an_open_record_form_leaves_the_alarm_and_110_in_reach(qtbot, tmp_path,
                                                                shipped_catalog, desk_db):
    from PySide6.QtWidgets import QApplication

    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    guided = desk.emergency.guided
    guided.open_record()
    dialog = guided.record_dialog
    assert dialog.isVisible() and QApplication.activeModalWidget() is None
    from PySide6.QtCore import QPoint
    top = desk.window.stack.mapToGlobal(QPoint(0, 0)).y()
    numbers = desk.emergency.numbers.mapToGlobal(QPoint(0, 0)).y()
    assert top <= dialog.geometry().top() and dialog.geometry().bottom() < numbers
    step(desk, clock, minutes=5, seconds=1)  # the leader was not told in time
    assert desk.alarm_banner.isVisible() and desk.sound.playing
    click(qtbot, desk.alarm_banner.button)
    assert not desk.sound.playing
    click(qtbot, desk.emergency.numbers.buttons["119"])
    assert TimelineEntry.get(TimelineEntry.kind == "called").text.startswith("消防")
    guided.open_record()
    assert guided.record_dialog is dialog  # pressed again: the same form, raised
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a menu pops up offscreen
def test_the_timer_card_asks_whom_it_was_reported_to(qtbot, tmp_path, shipped_catalog,
                                                       desk_db):
    from models.contacts import directory
    from models.contacts.directory import ContactData, Phone

    for name, number in (("李娜", "13802456789"), ("周强", "13612345670")):
        directory.add_contact(shipped_catalog, ContactData(
            name=name, role_key="liaison", phones=(Phone("", number),)))
    desk, _clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.category_buttons["power_environment"])
    click(qtbot, desk.emergency.stack.currentWidget().buttons["power_cut"])
    card = cards(desk)["报告应急管理小组联络员"]
    click(qtbot, card.button)
    assert [a.text() for a in card.menu.actions()] == [
        "已报告：李娜 138 0245 6789", "已报告：周强 136 1234 5670", "已报告：其他人"]
    card.menu.actions()[1].trigger()
    row = Deadline.get(Deadline.to_role == "liaison")
    assert (row.status, row.met_to) == ("met", "周强")
    assert "报告应急管理小组联络员" not in cards(desk)


def test_hotline_failure_on_a_holiday(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], NATIONAL_DAY)
    assert desk.timer_panel.day.text() == "今天：节假日 ▾"
    click(qtbot, desk.emergency.home.category_buttons["systems"])
    click(qtbot, desk.emergency.stack.currentWidget().buttons["hotline_failure"])
    shown = cards(desk)
    assert shown["信息组维修人员到达热线中心"].countdown.text() == "45:00"
    assert shown["热线中心主管报告客户中心职能线负责人"].countdown.text() == "03:00"
    order = [v.key for v in desk.timer_panel._views]
    assert order[0] == "supervisor_report"  # most urgent first
    step(desk, clock, minutes=10)
    assert any("启用后备通信设备" in label for label in cards(desk))
    assert desk.alarm_banner.isVisible()
    trigger = desk.emergency.guided.triggers_box.itemAt(0).widget()
    assert trigger.text() == "标记：已了解故障原因,无法即时修复"
    click(qtbot, trigger)
    notice = cards(desk)["通知营业厅解释、张贴热线维护公告、通过其它对外窗口告知客户"]
    assert notice.countdown.text() == "10:00"


@pytest.mark.qt_log_ignore("This plugin does not support")  # a menu pops up offscreen
def test_desk_declares_today_a_holiday(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, _clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    assert desk.timer_panel.day.text() == "今天：工作日 ▾"
    click(qtbot, desk.timer_panel.day)  # a click only asks: a stray one changes nothing
    assert desk.timer_panel.day_menu.isVisible()
    assert desk.timer_panel.day.text() == "今天：工作日 ▾"
    desk.timer_panel.day_change.trigger()
    assert desk.timer_panel.day.text() == "今天：节假日 ▾"
    assert SettingsStore(tmp_path / "settings.json").get("holiday_date") == "2026-11-20"
    click(qtbot, desk.emergency.home.category_buttons["systems"])
    click(qtbot, desk.emergency.stack.currentWidget().buttons["hotline_failure"])
    assert cards(desk)["信息组维修人员到达热线中心"].countdown.text() == "45:00"


def test_level3_clock_starts_when_handling_finishes(qtbot, tmp_path, shipped_catalog,
                                                     desk_db):
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.category_buttons["conflict"])
    click(qtbot, desk.emergency.stack.currentWidget().buttons["third_party_harassment"])
    assert desk.timer_panel._views == []
    step(desk, clock, minutes=12)
    click(qtbot, desk.emergency.guided.resolve_button)
    assert desk.emergency.page() == "home"
    assert cards(desk)["报告部门经理"].countdown.text() == "24:00:00"


@pytest.mark.parametrize("minutes_closed", [3, 7])
def test_restart_after_kill_restores_timers(qtbot, tmp_path, shipped_catalog, minutes_closed):
    """A real desk process starts a fire and is killed; the desk opened again later shows
    the remaining time, or the miss with its alarm at once."""
    db_path = tmp_path / "desk.db"
    child = subprocess.Popen([sys.executable, str(HELPER), str(db_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "pressed 1"
    child.kill()
    child.wait(timeout=30)
    for stream in (child.stdin, child.stdout, child.stderr):
        stream.close()
    open_database(db_path)
    row = Deadline.get(Deadline.key == "level_report")
    reopened_at = from_db(row.started_at) + timedelta(minutes=minutes_closed)
    plan = record_plan_version(shipped_catalog, reopened_at)
    desk, _clock = make_desk(qtbot, tmp_path, shipped_catalog, plan, reopened_at)
    card = cards(desk)["报告应急管理小组组长"]
    if minutes_closed < 5:
        assert card.countdown.text() == f"{5 - minutes_closed:02d}:00"
        assert not desk.alarm_banner.isVisible()
    else:
        assert card.countdown.text() == f"+{minutes_closed - 5:02d}:00"
        assert desk.alarm_banner.isVisible()
        assert Deadline.get_by_id(row.id).status == "missed"


def test_110_119_120_on_every_screen_and_by_function_key(qtbot, tmp_path, shipped_catalog,
                                                         desk_db):
    desk, _clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    numbers = desk.emergency.numbers
    for key in ("incidents", "contacts", "drills", "plans", "settings"):
        desk.window.show_screen(key)
        assert numbers.isVisible() and numbers.buttons["120"].isVisible(), key
    assert [b.text().split()[-1] for b in numbers.buttons.values()] == ["F10", "F11", "F12"]
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    desk.window.show_screen("contacts")
    with qtbot.waitActive(desk.window):
        desk.window.activateWindow()
    with qtbot.waitSignal(numbers.called):  # a shortcut presses the button visibly, then clicks
        qtbot.keyClick(desk.window.focusWidget() or desk.window, Qt.Key.Key_F11)  # 119, from F3
    assert desk.window.current_screen() == "emergency"
    assert TimelineEntry.get(TimelineEntry.kind == "called").text.startswith("消防")


def test_what_the_record_form_changes_every_screen_shows(qtbot, tmp_path, shipped_catalog,
                                                          desk_db):
    """One path for every screen: handling finished from the record form (not the guided
    view) takes the incident off the running strip and the guided view, and starts the
    deadlines that run from the end of handling on the timer panel."""
    desk, _clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    desk.emergency.start("third_party_harassment")  # level 3: reported once handling is finished
    drawn(qtbot, desk.window)
    guided = desk.emergency.guided
    incident = guided.incident_id
    assert list(desk.emergency.strip.buttons) == [incident]
    assert desk.deadlines.views == []
    guided.open_record()
    form = guided.record_dialog.form
    click(qtbot, form.resolve_button)  # asked through the desk's confirm: this one says yes
    assert desk.emergency.page() == "home"  # the guided view went back by itself
    assert list(desk.emergency.strip.buttons) == []
    [report] = desk.deadlines.views
    assert (report.incident_id, report.to_role) == (incident, "dept_manager")
    assert list(cards(desk)) == [report.label]  # on the timer panel
    assert form.close_button.isVisible() and not form.resolve_button.isVisible()
    guided.record_dialog.close()


def test_the_pc_s_clock_set_back_moves_no_countdown_and_is_on_the_record(qtbot, tmp_path,
                                                                        shipped_catalog,
                                                                        desk_db):
    """Setting the PC's clock back an hour once let a 45-minute-old robbery be cancelled and
    a miss turn "met": the desk's time now runs on the monotonic clock, and the jump is
    written once into the open incident's timeline."""
    from models.clock.clocks import SystemClock
    from models.store.tables import TimelineEntry

    pc = {"wall": WORKDAY.timestamp(), "mono": 100.0}
    clock = SystemClock(wall=lambda: pc["wall"], mono=lambda: pc["mono"])
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock,
                      confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(desk.window)
    desk.start()
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    pc["mono"] += 120
    pc["wall"] += 120 - 3600  # two minutes on, and the PC's clock set an hour back
    desk.deadlines.tick()
    desk.deadlines.tick()  # told once
    card = cards(desk)["报告应急管理小组组长"]
    assert card.countdown.text() == "03:00"  # the countdown went on as time did
    jumps = [e for e in TimelineEntry.select() if e.kind == "clock_jumped"]
    assert len(jumps) == 1 and '"seconds": -3600' in jumps[0].data


def test_after_a_level_change_the_card_counts_from_the_change(qtbot, tmp_path, shipped_catalog,
                                                              desk_db):
    """The card and the plans browser say the same: a level's report runs from the change."""
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.urgent_buttons["staff_assaulted"])  # level 2
    incident = desk.emergency.guided.incident_id
    step(desk, clock, minutes=20)
    assert desk.incidents.change_level(incident, 1, "有员工受伤")
    card = cards(desk)["报告应急管理小组组长"]
    assert card.countdown.text() == "05:00"  # not "+15:00": it was not owed before
    assert "自 12:20 起计，12:25 到期" in card.toolTip()
