"""A full drill through the whole desk at ×10 with the fake clock: injects at their time,
the DRILL marker on every screen, the score, the report PDF written in the background and
read back, and real statistics left untouched."""

from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.incidents import history
from models.store.settings import SettingsStore
from models.store.tables import DrillRun, Incident, TrainingRecord
from tests.helpers import pdf
from tests.helpers.drawn import drawn
from tests.helpers.hall import HALL
from tests.helpers.wiring import record_form
from ui.drills.drill_banner import DrillBanner
from ui.history.history_model import ID_ROLE
from ui.window.desk import build_desk

START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    drawn(qtbot, widget)  # what a press redraws after its guided view's paint


def make_desk(qtbot, tmp_path, catalog, plan, base=None, confirm=None):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    base = base or FakeClock(START)
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=base,
                      confirm=confirm or (lambda parent, title, text, then: then()),
                      own_drills_dir=tmp_path / "drills")
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    return desk, base


def select(panel, key):
    row = next(i for i in range(panel.list.count())
               if panel.list.item(i).data(Qt.ItemDataRole.UserRole) == key)
    panel.list.setCurrentRow(row)


def start_drill(qtbot, desk, key, rate=1):
    """The trainer picks the scenario and the speed and presses start."""
    panel = desk.drill_screen.run
    select(panel, key)
    panel.rate.setCurrentIndex(panel.rate.findData(rate))
    click(qtbot, panel.start_button)
    return panel


def test_fire_drill_at_ten_times(qtbot, tmp_path, shipped_catalog, desk_db, async_loop):
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    panel = desk.drill_screen.run
    desk.window.show_screen("drills")
    select(panel, "fire_in_hall")
    panel.rate.setCurrentIndex(panel.rate.findData(10))
    panel.trainer.insert("王教员")  # an input method commits text
    click(qtbot, panel.start_button)
    banner = desk.window.findChild(DrillBanner, "drillBanner")
    assert banner.isVisible() and "演练中 ×10" in banner.text.text()
    assert "候客区垃圾桶冒烟" in desk.emergency.notice.text()

    desk.window.show_screen("emergency")
    base.advance(seconds=3)  # 30 s of drill time
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    incident = Incident.get_by_id(desk.emergency.guided.incident_id)
    assert incident.is_drill and incident.drill_run == desk.drills.run_id
    assert desk.emergency.guided.drill_label.isVisible()
    assert "【演练】" in desk.emergency.strip.buttons[incident.id].text()
    click(qtbot, desk.emergency.guided.step_rows[0])
    base.advance(seconds=8)  # 1:50 of drill time: the next inject is not due yet
    desk.drills.tick()
    assert "火势蔓延到窗帘" not in banner.text.text()
    base.advance(seconds=1)  # 2:00: now it is
    desk.drills.tick()
    assert "火势蔓延到窗帘" in desk.emergency.notice.text()
    assert "火势蔓延到窗帘" in banner.text.text()
    report = desk.emergency.guided.report_box.itemAt(0).widget()
    click(qtbot, report)
    card = next(iter(desk.timer_panel.cards.values()))
    assert "【演练】" in card.detail.text()

    # the DRILL marker on the record form, the history rows and the daily view
    form = record_form(catalog=shipped_catalog, incident_id=incident.id,
                       act=desk.incidents.act, operations=desk.operations)
    qtbot.addWidget(form)
    assert form.title.text().startswith("【演练】")
    assert form.plan_label.text() == "预案版本 2026.1（2026-11-22）"
    desk.window.show_screen("incidents")
    screen = desk.incidents_screen
    screen.history.kind.setCurrentIndex(screen.history.kind.findData(None))
    screen.history.show_days(START.date(), START.date() + timedelta(days=1))
    model = screen.history.model
    assert model.rowCount() == 1 and model.index(0, 0).data(ID_ROLE) == incident.id
    assert any("【演练】" in str(model.index(0, c).data()) for c in range(model.columnCount()))
    screen.tabs.setCurrentWidget(screen.daily)
    screen.daily.show_days(START.date(), START.date())
    assert screen.daily.rows.rowCount() == 1
    assert screen.daily.rows.item(0, 1).text().startswith("【演练】")
    assert screen.daily.summary.text().startswith("真实事件 0 起，演练 1 次")

    click(qtbot, banner.stop_button)
    assert not banner.isVisible()
    desk.window.show_screen("drills")
    assert panel.report is not None and panel.report.run_id == desk.drills.last_run_id
    result = panel.report.score
    assert 0 < result.score < 100
    assert panel.score.text().startswith(f"营业厅火灾疏散演练：得分 {result.score} / 100")
    assert "演练时间，从演练开始起计" in panel.score.text()
    assert panel.items.rowCount() == len(result.items) + len(result.not_scored)
    outcomes = [panel.items.item(r, 2).text() for r in range(panel.items.rowCount())]
    assert outcomes.count("不计分：视情况而定") == sum(
        1 for i in result.not_scored if not i.after)
    assert "不计分：事后进行" in outcomes
    assert panel.runs.rowCount() == 1
    assert Incident.get_by_id(incident.id).status == "closed"
    assert desk.incidents.drill_run is None and desk.incidents.clock.rate == 1
    assert TrainingRecord.get().kind == "drill"
    log = history.daily_log(shipped_catalog, START.date(), START.date(), hall="")
    assert log.real_rows == () and len(log.drill_rows) == 1
    assert not history.page(history.HistoryFilter(drill=False))

    # the trainer's report, written in the background and read back
    target = tmp_path / "演练报告.pdf"
    asked = []
    desk.pdf.ask_path = lambda parent, title, suggested, then: (asked.append(suggested),
                                                                  then(target))
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, panel.export_button)
        assert panel.export_bar.state == "working"  # the window answers meanwhile
    assert asked == [f"演练报告-20261120-{panel.report.run_id}.pdf"]
    assert panel.export_bar.state == "saved" and str(target) in panel.export_bar.message.text()
    text = "\n".join(pdf.page_texts(target))
    assert "营业厅火灾疏散演练" in text and "王教员" in text and "×10" in text
    assert "+0:00" in text and "+2:00" in text  # the injects, when they were shown
    assert f"得分 {result.score} / 100" in text and "需要加强练习" in text
    opened = []
    desk.pdf.open_file = opened.append
    click(qtbot, panel.export_bar.open_button)
    assert opened == [target]


def test_report_export_to_an_unwritable_place_says_so(qtbot, tmp_path, shipped_catalog,
                                                       desk_db, async_loop):
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    panel = start_drill(qtbot, desk, "robbery")
    base.advance(minutes=1)
    desk.drills.stop()
    desk.pdf.ask_path = lambda *a: a[-1](tmp_path / "no such folder" / "r.pdf")
    with qtbot.waitSignal(desk.pdf.exporter.failed, timeout=20000):
        click(qtbot, panel.export_button)
    assert panel.export_bar.state == "failed"
    assert "不存在" in panel.export_bar.message.text()
    assert panel.export_button.isEnabled() and not panel.export_bar.open_button.isVisible()


def test_injects_follow_the_desk_clock_at_normal_speed(qtbot, tmp_path, shipped_catalog,
                                                       desk_db):
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    start_drill(qtbot, desk, "gas_leak_call")
    assert desk.drills.shown == 1
    base.advance(seconds=59)
    desk.drills.tick()
    assert desk.drills.shown == 1
    base.advance(seconds=1)
    desk.drills.tick()
    assert desk.drills.shown == 2 and "头晕" in desk.drills.last_inject


def test_faster_drill_refused_while_real_deadlines_run(qtbot, tmp_path, shipped_catalog,
                                                       desk_db):
    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])  # a real fire: 5-minute report
    panel = start_drill(qtbot, desk, "robbery", rate=10)
    assert not desk.drills.running
    assert panel.message.text().startswith("有真实事件的时限正在计时")
    panel.rate.setCurrentIndex(panel.rate.findData(1))
    click(qtbot, panel.start_button)  # at normal speed it may run beside the real one
    assert desk.drills.running


def test_holiday_scenario_runs_with_holiday_deadlines(qtbot, tmp_path, shipped_catalog,
                                                      desk_db):
    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    start_drill(qtbot, desk, "hotline_holiday")
    assert desk.incidents.act().is_holiday()
    incident = desk.incidents.start("hotline_failure")
    arrival = next(v for v in desk.deadlines.views
                   if v.incident_id == incident and v.action == "arrive")
    assert arrival.holiday and arrival.due_at - arrival.started_at == timedelta(minutes=45)
    desk.drills.stop()
    assert not desk.incidents.drill_holiday


def test_a_drill_cut_short_is_ended_at_the_next_start(qtbot, tmp_path, shipped_catalog,
                                                      desk_db):
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    start_drill(qtbot, desk, "robbery", rate=10)
    desk.incidents.start("robbery")
    run = desk.drills.run_id
    shiboken6.delete(desk.drills)  # the power goes: no stop, no more ticks
    desk.window.close()
    base.advance(minutes=5)
    again, _ = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], base=base)
    assert DrillRun.get_by_id(run).ended_at is not None
    assert again.deadlines.views == [] and not again.alarm_banner.isVisible()
    assert again.drill_screen.run.message.text().startswith("程序上次中途停止时")



def test_ending_from_the_banner_asks_first(qtbot, tmp_path, shipped_catalog, desk_db):
    asked, answers = [], [False, True]
    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1],
                           confirm=lambda parent, title, text, then: asked.append(
                               (title, text)) or (answers.pop(0) and then()))
    start_drill(qtbot, desk, "robbery")
    run_id = desk.drills.run_id
    banner = desk.window.findChild(DrillBanner, "drillBanner")
    click(qtbot, banner.stop_button)  # "no": the drill goes on, nothing is scored
    assert asked[0][0] == "结束演练？" and "营业厅抢劫应对" in asked[0][1]
    assert desk.drills.running and banner.isVisible()
    assert DrillRun.get_by_id(run_id).ended_at is None
    with qtbot.waitSignal(desk.drills.finished):
        click(qtbot, banner.stop_button)
    assert not desk.drills.running and not banner.isVisible()
    assert DrillRun.get_by_id(run_id).score is not None


def test_a_stray_press_in_a_x10_drill_can_be_cancelled_for_two_real_minutes(
        qtbot, tmp_path, shipped_catalog, desk_db):
    """At ×10 the two-minute window lasted 12 real seconds; the stray incident then stayed
    and was scored against the trainee."""
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    desk.window.show_screen("drills")
    start_drill(qtbot, desk, "fire_in_hall", rate=10)
    desk.window.show_screen("emergency")
    click(qtbot, desk.emergency.home.urgent_buttons["robbery"])  # not what the drill asks
    stray = desk.emergency.guided.incident_id
    base.advance(seconds=90)  # 15 drill minutes, 90 real seconds
    desk.emergency.guided.refresh()
    assert desk.emergency.guided.cancel_button.isVisible()
    click(qtbot, desk.emergency.guided.cancel_button)
    assert Incident.get_by_id(stray).status == "cancelled"
    result = desk.drills.stop()
    assert not any(i.incident == Incident.get_by_id(stray).number for i in result.items)


def test_the_undo_countdown_of_a_x10_drill_counts_real_seconds(
        qtbot, tmp_path, shipped_catalog, desk_db):
    """The button read "0:00" after 12 real seconds at ×10 yet stayed for two real minutes."""
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    desk.window.show_screen("drills")
    start_drill(qtbot, desk, "fire_in_hall", rate=10)
    desk.window.show_screen("emergency")
    click(qtbot, desk.emergency.home.urgent_buttons["robbery"])
    guided = desk.emergency.guided
    base.advance(seconds=90)  # 15 drill minutes, 90 real seconds: 30 real seconds left
    guided.refresh()
    assert guided.cancel_button.text().endswith("  0:30")


def test_the_end_the_drill_question_is_readable(qtbot, tmp_path, shipped_catalog, desk_db,
                                                desk_look):
    """Asked from the drill banner, which sits in the header bar, the question's text took
    the header's near-white label colour: a blank box on a light grey background."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QLabel, QMessageBox

    from ui.common.ask import ask_yes_no

    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], confirm=ask_yes_no)
    desk.window.show_screen("drills")
    start_drill(qtbot, desk, "fire_in_hall")
    desk.window.findChild(DrillBanner).ask_stop()
    box = next(b for b in desk.window.findChildren(QMessageBox, "confirmation") if b.isVisible())
    text = box.findChild(QLabel, "qt_msgbox_label")
    text.ensurePolished()
    assert text.text()
    assert text.palette().color(QPalette.ColorRole.WindowText).lightness() < 128
    box.close()
