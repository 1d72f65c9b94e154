"""The drills screen's calendar, evaluation window and corrective actions through the whole
desk: the due list and the nav badge, an evaluation scored and saved (not modal: the alarm
bar stays usable), a file attached (hashed in the worker), then changed on disk and shown as
such, an action done once, the report PDF saved and read back."""

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.drills import actions as drill_actions
from models.store.settings import SettingsStore
from models.store.tables import TrainingRecord
from tests.helpers import pdf
from ui.window.desk import build_desk


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    store.set("hall_name", "城东商场服务台")
    clock = FakeClock(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock,
                      own_drills_dir=tmp_path / "drills", edition="mall_desk")
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    desk.window.show_screen("drills")
    return desk


def log_drill(qtbot, screen, topic, held_on="2026-11-30", *, fire=True):
    panel = screen.training
    screen.tabs.setCurrentWidget(panel)
    panel.kind.setCurrentIndex(panel.kind.findData("drill"))
    panel.held_on.setText(held_on)
    panel.topic.setText(topic)
    panel.form.setCurrentIndex(panel.form.findData("live"))
    panel.fire.setChecked(fire)
    click(qtbot, panel.add_button)
    assert panel.message.text() == "已登记。"


def test_the_calendar_lists_the_halls_rules_and_a_live_fire_drill_meets_them(qtbot, desk):
    screen = desk.drill_screen
    screen.tabs.setCurrentWidget(screen.calendar)
    table = screen.calendar.table
    rows = {(table.item(r, 0).text(), table.item(r, 2).text()): table.item(r, 4).text()
            for r in range(table.rowCount())}
    assert rows[("现场处置方案演练(每半年)", "2026-12-31")] == "即将到期"
    assert rows[("现场处置方案演练(每半年)", "2026-06-30")] == "已逾期"
    assert rows[("灭火和应急疏散演练", "2026-12-31")] == "即将到期"  # a mall: every half-year
    onsite = next(r for r in range(table.rowCount())
                  if table.item(r, 0).text() == "现场处置方案演练(每半年)")
    table.setCurrentCell(onsite, 0)
    assert "第三十三条" in screen.calendar.source.text()  # the rule's source, for the row
    assert "现场处置方案演练(每半年)" in screen.reminder.text()
    log_drill(qtbot, screen, "消防疏散演练")
    rows = {(table.item(r, 0).text(), table.item(r, 2).text()): table.item(r, 3).text()
            for r in range(table.rowCount())}
    assert rows[("灭火和应急疏散演练", "2026-12-31")] == "2026-11-30"
    assert rows[("现场处置方案演练(每半年)", "2026-12-31")] == "2026-11-30"
    assert "灭火和应急疏散演练" not in screen.reminder.text()


def test_an_evaluation_scored_saved_revised_and_printed(qtbot, desk, tmp_path, async_loop):
    screen = desk.drill_screen
    log_drill(qtbot, screen, "消防疏散演练")
    panel = screen.evaluations
    screen.tabs.setCurrentWidget(panel)
    assert panel.table.item(0, 3).text() == "未评估"
    panel.table.selectRow(0)
    dialog = panel.open_selected()
    assert dialog.isVisible() and not dialog.isModal()
    assert desk.window.findChild(type(panel), "evaluationPanel") is panel
    assert dialog.name.text() == "消防疏散演练" and dialog.held_at.text() == "2026-11-30"
    assert dialog.unit.text() == "城东商场服务台"
    assert dialog.fire.isChecked()  # as the log marked it: saving keeps the fire rule met
    assert dialog.drill_label.text() == "新评估：消防疏散演练（2026-11-30）"
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "请填写评估人员：评估须署名。"
    dialog.evaluators.setText("王评估、赵评估")
    dialog.scores["onsite"].setValue(18)
    dialog.scores["alert"].setValue(15)
    assert dialog.total.text() == "合计：33 / 100"
    dialog.scores["onsite"].setValue(25)  # above the item's 20 marks: the box stops at 20
    assert dialog.total.text() == "合计：35 / 100"
    dialog.problems.setPlainText("疏散指示不清。")
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "已保存。"
    first = dialog.evaluation
    assert dialog.drill_label.text() == f"评估第 {first.id} 号（初稿）；保存将写入修订"
    assert panel.table.item(0, 3).text() == f"第 {first.id} 号，35 分"
    dialog.lessons.setPlainText("出口增设指示牌。")
    click(qtbot, dialog.save_button)
    assert dialog.evaluation.id == first.id and dialog.evaluation.revision == 1

    # attach a photo: hashed in the worker, then recorded; changed on disk: shown as changed
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"photo")
    with qtbot.waitSignal(dialog.hasher.hashed, timeout=10000):
        dialog.attach_file(photo)
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 1)
    assert dialog.files.item(0, 0).text() == "未改动"
    photo.write_bytes(b"photo, edited")
    with qtbot.waitSignal(dialog.hasher.checked, timeout=10000):
        dialog.open_evaluation(first.id)
    qtbot.waitUntil(lambda: dialog.files.item(0, 0).text() == "添加后已被改动")

    # the report, saved in the background and read back
    target = tmp_path / "评估报告.pdf"
    desk.pdf.ask_path = lambda parent, title, suggested, then: then(target)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        click(qtbot, panel.export_button)
    text = "\n".join(pdf.page_texts(target)).replace(" ", "")
    assert "应急演练评估报告" in text and "出口增设指示牌" in text and "存档后已被改动" in text


def test_an_action_is_added_and_done_once(qtbot, desk):
    screen = desk.drill_screen
    log_drill(qtbot, screen, "消防疏散演练")
    screen.evaluations.table.selectRow(0)
    dialog = screen.evaluations.open_selected()
    dialog.evaluators.setText("王评估")
    click(qtbot, dialog.save_button)
    panel = screen.actions
    screen.tabs.setCurrentWidget(panel)
    assert panel.evaluation.count() == 1
    panel.what.setText("增设疏散指示牌")
    panel.owner.setText("后勤赵")
    panel.due_on.setText("2026-11-30")  # already past: overdue at once
    click(qtbot, panel.add_button)
    assert panel.message.text() == "已添加整改措施。"
    assert panel.table.item(0, 4).text() == "已逾期"
    assert "1 项整改措施已逾期" in screen.reminder.text()
    nav = desk.window.findChild(type(desk.window.nav_group.button(0)), "nav_drills")
    assert "（到期）" in nav.text()
    panel.table.selectRow(0)
    panel.done_by.setText("赵")
    panel.evidence.setText("照片 IMG_2.jpg")
    click(qtbot, panel.done_button)
    assert panel.message.text() == "已记为完成。"
    assert panel.table.item(0, 4).text().startswith("已完成 2026-12-01 赵")
    panel.table.selectRow(0)
    click(qtbot, panel.done_button)  # a double click
    assert panel.message.text() == "此整改措施已完成，不能重复完成。"
    assert len(drill_actions.actions()) == 1 and drill_actions.actions()[0].done.by == "赵"
    assert "整改措施已逾期" not in screen.reminder.text()


def test_119_is_pressed_from_the_evaluation_window(qtbot, desk):
    """The window is not modal: F11 (119) reaches the desk's bar while it has the focus."""
    screen = desk.drill_screen
    TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="桌面推演",
                          trainer="", attendees="", notes="")
    screen.evaluations.refresh()
    screen.evaluations.table.selectRow(0)
    dialog = screen.evaluations.open_selected()
    assert dialog.isVisible() and not dialog.isModal() and desk.window.isEnabled()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    with qtbot.waitSignal(desk.emergency.numbers.called, timeout=5000):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F11)


def test_a_drill_evaluated_meanwhile_is_revised_not_evaluated_twice(qtbot, desk):
    screen = desk.drill_screen
    log_drill(qtbot, screen, "消防疏散演练")
    screen.evaluations.table.selectRow(0)
    dialog = screen.evaluations.open_selected()
    other = screen.evaluations.open_selected  # the same window: one evaluation at a time
    assert other() is dialog
    service = desk.drills.service
    from models.services.drills import Draft

    first = service.evaluate(Draft(dialog.drill, "live", "另一台的评估",
                                   evaluators=("李",))).value  # another desk, meanwhile
    dialog.evaluators.setText("王评估")
    click(qtbot, dialog.save_button)
    assert dialog.message.text().startswith("此演练已由其他人评估")
    assert dialog.evaluation.id == first.id and dialog.name.text() == "消防疏散演练"  # kept
    click(qtbot, dialog.save_button)
    assert dialog.message.text() == "已保存。"
    assert len(service.evaluations()) == 1 and service.evaluation(first.id).revision == 1


def test_an_evaluation_half_typed_survives_closing_and_another_drill(qtbot, desk):
    """The one evaluation window refills for the drill chosen: what was typed and not saved
    is there again when that drill is opened again (closed by mistake, or another drill
    looked at meanwhile), never silently replaced by a fresh form."""
    screen = desk.drill_screen
    log_drill(qtbot, screen, "消防疏散演练")
    log_drill(qtbot, screen, "防抢劫演练", held_on="2026-11-29", fire=False)
    table = screen.evaluations.table
    table.selectRow(0)
    dialog = screen.evaluations.open_selected()
    first = dialog.drill
    dialog.problems.setPlainText("疏散指示不清，二楼未听到广播")
    dialog.evaluators.setText("王评估")
    dialog.close()
    table.selectRow(1)
    assert screen.evaluations.open_selected().drill != first
    assert dialog.problems.toPlainText() == ""  # the other drill's own, empty form
    table.selectRow(0)
    screen.evaluations.open_selected()
    assert dialog.drill == first
    assert dialog.problems.toPlainText() == "疏散指示不清，二楼未听到广播"
    assert dialog.evaluators.text() == "王评估"
