"""The training log on the trainer's screen: what is typed is checked (a wrong day, a future
day), kept when refused, and the reminder line follows the fake clock."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from ui.window.desk import build_desk


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock,
                      own_drills_dir=tmp_path / "drills")
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    desk.window.show_screen("drills")
    desk.clock = clock
    return desk


def test_record_training_with_checked_dates(qtbot, desk):
    screen = desk.drill_screen
    panel = screen.training
    screen.tabs.setCurrentWidget(panel)
    nav = desk.window.findChild(type(desk.window.nav_group.button(0)), "nav_drills")
    assert "（到期）" in nav.text()
    assert screen.reminder.text() == ("到期待办：季度培训（尚无记录）；年度演练（尚无记录）；"
                                      "现行预案的管理层审批；"
                                      "灭火和应急疏散演练（2025-12-31 到期，已逾期）")
    assert panel.held_on.text() == "2026-11-20"  # today, from the desk clock
    click(qtbot, panel.add_button)
    assert panel.message.text() == "请先填写主题。"
    panel.topic.insert("应急预案与沟通话术培训")
    panel.trainer.insert("王教员")
    panel.attendees.insert("全体窗口人员")
    panel.held_on.setText("2026-02-30")
    click(qtbot, panel.add_button)
    assert panel.message.text().startswith("日期无效")
    panel.held_on.setText("2026-11-21")
    click(qtbot, panel.add_button)
    assert panel.message.text().startswith("日期晚于今天")
    assert panel.message.property("tone") == "problem"
    assert panel.topic.text() == "应急预案与沟通话术培训"  # kept while refused
    assert panel.log.rowCount() == 0
    panel.held_on.setText("2026/11/20")
    click(qtbot, panel.add_button)
    assert panel.message.text() == "已登记。"
    assert panel.message.property("tone") == "ok"  # green, not the red of a refusal
    assert panel.log.rowCount() == 1
    assert [panel.log.item(0, c).text() for c in range(5)] == [
        "2026-11-20", "培训", "应急预案与沟通话术培训", "王教员", "全体窗口人员"]
    assert screen.reminder.text().startswith("到期待办：年度演练（尚无记录）")

    panel.kind.setCurrentIndex(panel.kind.findData("drill"))
    panel.topic.insert("消防疏散演练（与消防站联合）")
    click(qtbot, panel.add_button)
    assert screen.reminder.text() == ("到期待办：现行预案的管理层审批；"  # not a fire drill:
                                      "灭火和应急疏散演练（2025-12-31 到期，已逾期）")


def test_a_drill_run_in_the_app_is_logged_with_its_score(qtbot, desk):
    screen = desk.drill_screen
    run = screen.run
    run.trainer.insert("王教员")
    run.list.setCurrentRow(0)
    click(qtbot, run.start_button)
    desk.clock.advance(minutes=1)
    desk.drills.stop()
    screen.tabs.setCurrentWidget(screen.training)
    score = run.report.score.score
    assert screen.training.log.item(0, 1).text() == "演练"
    assert screen.training.log.item(0, 5).text() == f"得分 {score} / 100"
    assert "年度演练" not in screen.reminder.text()


def test_a_major_incident_closed_after_the_revision_is_named_in_the_reminder(qtbot, tmp_path,
                                                                            shipped_catalog,
                                                                            desk_db):
    from models.store.tables import Incident

    at = datetime(2026, 11, 25, 2, 0)
    Incident.create(number="20261125-001", situation_key="fire", situation_name="火灾",
                    category_key="fire_safety", level=1, status="closed", started_at=at,
                    plan=desk_db[1].id, updated_at=at, closed_at=at)
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC)),
                      own_drills_dir=tmp_path / "drills")
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.start()
    desk.window.show_screen("drills")
    assert "预案修订：重大事件 20261125-001 已于 2026-11-25 结案" in (
        desk.drill_screen.reminder.text())
