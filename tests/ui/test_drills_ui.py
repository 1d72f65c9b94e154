"""A full drill through the whole desk: accelerated time, injects, the clerk's actions on the
normal screens marked as a drill, the score, and real statistics left untouched."""

from datetime import datetime

from PySide6.QtCore import Qt

from models import history
from models.clock import FakeClock
from models.drill import TrainingRecord
from models.incident import Incident
from models.settings import SettingsStore
from ui.desk import build_desk
from ui.drill_banner import DrillBanner

START = datetime(2026, 11, 20, 10, 0).astimezone()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_desk(qtbot, tmp_path, catalog, plan):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    base = FakeClock(START)
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=base,
                      confirm=lambda parent, title, text: True)
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    return desk, base


def select(screen, key):
    row = next(i for i in range(screen.list.count())
               if screen.list.item(i).data(Qt.ItemDataRole.UserRole) == key)
    screen.list.setCurrentRow(row)


def test_fire_drill_at_ten_times(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    screen = desk.drill_screen
    desk.window.show_screen("drills")
    select(screen, "fire_in_hall")
    screen.rate.setCurrentIndex(screen.rate.findData(10))
    screen.trainer.insert("王教员")  # an input method commits text
    click(qtbot, screen.start_button)
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
    base.advance(seconds=12)  # two minutes of drill time: the next inject
    desk.drills.tick()
    assert "火势蔓延到窗帘" in desk.emergency.notice.text()
    assert "火势蔓延到窗帘" in banner.text.text()
    report = desk.emergency.guided.report_box.itemAt(0).widget()
    click(qtbot, report)
    card = next(iter(desk.timer_panel.cards.values()))
    assert "【演练】" in card.detail.text()
    click(qtbot, banner.stop_button)
    assert not banner.isVisible()
    assert screen.result is not None and 0 < screen.result.score < 100
    assert screen.score.text().startswith("得分 ")
    assert screen.items.rowCount() == len(screen.result.items)
    assert Incident.get_by_id(incident.id).status == "closed"
    assert desk.incidents.drill_run is None and desk.incidents.clock.rate == 1
    assert TrainingRecord.get().kind == "drill"
    log = history.daily_log(shipped_catalog, START.date(), START.date(), hall="")
    assert log.real_rows == () and len(log.drill_rows) == 1
    assert not history.page(history.HistoryFilter(drill=False))


def test_faster_drill_refused_while_real_deadlines_run(qtbot, tmp_path, shipped_catalog,
                                                       desk_db):
    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])  # a real fire: 5-minute report
    screen = desk.drill_screen
    select(screen, "robbery")
    screen.rate.setCurrentIndex(screen.rate.findData(10))
    click(qtbot, screen.start_button)
    assert not desk.drills.running
    assert screen.message.text().startswith("有真实事件的时限正在计时")
    screen.rate.setCurrentIndex(screen.rate.findData(1))
    click(qtbot, screen.start_button)  # at normal speed it may run beside the real one
    assert desk.drills.running


def test_training_log_and_reminders(qtbot, tmp_path, shipped_catalog, desk_db):
    desk, _base = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    screen = desk.drill_screen
    desk.window.show_screen("drills")
    assert screen.reminder.text().startswith("到期待办：季度培训、年度演练")
    click(qtbot, screen.add_training)
    assert screen.message.text() == "请先填写培训主题。"
    screen.log_topic.insert("应急预案与沟通话术培训")
    screen.log_people.insert("全体窗口人员")
    click(qtbot, screen.add_training)
    assert screen.log.rowCount() == 1 and screen.log.item(0, 1).text() == "培训"
