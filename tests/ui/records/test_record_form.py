"""The record form through its real widgets: validation, autosave, lifecycle, amendments."""

from datetime import datetime

import pytest
from PySide6.QtCore import QMimeData, Qt

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.store.tables import Amendment, Incident, RecordDraft, TimelineEntry, bound_database
from tests.helpers.hall import HALL
from tests.helpers.wiring import record_form
from ui.records.record_form import RecordForm

START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)


@pytest.fixture
def make_form(qtbot, desk_db, shipped_catalog):
    clock = FakeClock(START)

    def act():
        return Act(Who("城东营业厅", "1号台", "李主管"), clock.now(), HolidayCalendar())

    def make(key="company_property_loss"):
        incident = response.start_incident(shipped_catalog, desk_db[1], key, act())
        form = record_form(catalog=shipped_catalog, incident_id=incident, act=act,
                           confirm=lambda parent, title, text, then: (
                               make.asked.append(title), then()))
        qtbot.addWidget(form, before_close_func=RecordForm.flush)  # as its dialog does:
        # no draft left pending for a later test's database
        form.resize(1100, 700)
        form.show()
        return form

    make.act = act
    make.clock = clock
    make.asked = []  # the questions' titles, each answered yes
    return make


def type_into(form, key, text):
    editor = form.editors[key]
    if hasattr(editor, "insertPlainText"):
        editor.insertPlainText(text)
    else:
        editor.insert(text)


def test_invalid_fields_show_beside_and_keep_the_text(qtbot, make_form):
    form = make_form()
    type_into(form, "happened_at", "2026-11-20 25:61")
    type_into(form, "loss_amount", "大约五千")
    type_into(form, "description", "保险柜现金短少")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["happened_at"].isVisible()
    assert "2026-11-20 14:05" in form.errors["happened_at"].text()
    assert form.errors["loss_amount"].text().startswith("金额格式不对")
    assert form.editors["loss_amount"].text() == "大约五千"  # nothing typed is lost
    assert "2 处需要修改" in form.message.text()
    assert RecordDraft.select().count() == 1
    form.editors["loss_amount"].setText("5200")
    assert "110" in form.errors["loss_amount"].text()  # over 5000 yuan: the police advice
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # the time still wrong
    assert form.errors["loss_amount"].isVisible()  # the advice stays in sight
    assert "110" in form.errors["loss_amount"].text()
    form.editors["happened_at"].setText("2026-11-20 09:55")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "已保存。"
    assert not form.errors["happened_at"].isVisible()
    assert TimelineEntry.select().where(TimelineEntry.kind == "record_saved").count() == 1
    assert Incident.get_by_id(form.incident_id).place == ""


def test_autosave_within_a_second(qtbot, make_form):
    form = make_form()
    with qtbot.waitSignal(form.draft_saved, timeout=1000):  # the interval is 500 ms
        type_into(form, "people", "客户王先生 139 0000 0000")
    draft = RecordDraft.get(RecordDraft.incident == form.incident_id)
    assert "王先生" in draft.data
    again = record_form(catalog=form._catalog, incident_id=form.incident_id, act=make_form.act)
    qtbot.addWidget(again)
    assert again.editors["people"].toPlainText() == "客户王先生 139 0000 0000"
    assert again.message.text() == "已恢复上次未保存的内容。"


def test_long_text_emoji_and_pasted_rich_text(qtbot, make_form):
    form = make_form()
    type_into(form, "description", "长" * 10_000)
    mime = QMimeData()
    mime.setHtml("<b>客户</b><span style='color:red'>😡很生气</span>")
    mime.setText("客户😡很生气")
    form.editors["people"].insertFromMimeData(mime)
    assert form.editors["people"].toPlainText() == "客户😡很生气"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "已保存。"
    type_into(form, "result", "多" * 10_001)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["result"].text() == "超过 10000 个字，请缩短。"


def test_lifecycle_to_closed_and_amendment(qtbot, make_form, shipped_catalog):
    form = make_form("third_party_harassment")  # level 3: 客户安抚 required to close
    assert form.status.text() == "待处置"
    qtbot.mouseClick(form.resolve_button, Qt.MouseButton.LeftButton)
    assert form.status.text() == "已处置" and form.close_button.isVisible()
    filing = [d for d in deadlines.open_deadlines() if d.incident_id == form.incident_id]
    deadlines.meet(shipped_catalog, filing[0].id, make_form.act())
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    assert form.message.text() == "暂不能结案：请填写本级别要求的善后事项：客户安抚"
    assert form.editors["aftercare:客户安抚"].property("required") is True
    type_into(form, "aftercare:客户安抚", "已向客户致歉并解释气费构成")
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    assert Incident.get_by_id(form.incident_id).status == "closed"
    assert form.editors["description"].isReadOnly()
    assert not form.save_button.isVisible() and form.amend_button.isVisible()
    qtbot.mouseClick(form.amend_button, Qt.MouseButton.LeftButton)
    dialog = form.amend_dialog
    dialog.field.setCurrentIndex(dialog.field.findData("place"))
    dialog.text.insertPlainText("二楼贵宾室")
    dialog.reason.insert("原记录地点有误")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    (amendment,) = Amendment.select()
    assert (amendment.field, amendment.new, amendment.by) == ("place", "二楼贵宾室", "李主管")
    assert form.message.text() == "更正已记录。"


def test_integrity_shown_and_broken(qtbot, make_form):
    form = make_form("fire")
    assert form.integrity.text() == "时间线完整：每条记录均校验通过。"
    bound_database().execute_sql("DROP TRIGGER timeline_no_update")
    bound_database().execute_sql("UPDATE timeline_entry SET text = '改过' WHERE incident_id = ?",
                   (form.incident_id,))
    form.load()
    assert form.integrity.text().startswith("⚠ 记录或其时间线在本程序之外被改动")
    assert form.integrity.property("ok") is False


def test_prefill_actions_from_the_timeline(qtbot, make_form, shipped_catalog):
    form = make_form("fire")
    response.set_step(shipped_catalog, form.incident_id, 0, True, make_form.act())
    response.record_call(shipped_catalog, form.incident_id, "fire", make_form.act())
    qtbot.mouseClick(form.prefill_button, Qt.MouseButton.LeftButton)
    text = form.editors["actions"].toPlainText()
    assert "☎ 已呼叫 消防报警 119" in text
    assert "✓ 值班人员或火情发现第一人" in text


def test_record_shows_its_timeline_and_closed_has_no_now_buttons(qtbot, make_form,
                                                                 shipped_catalog):
    form = make_form("third_party_harassment")
    response.add_note(form.incident_id, "客户已离开", make_form.act())
    form.load()
    texts = [form.timeline.item(i).text() for i in range(form.timeline.count())]
    assert any("备注：客户已离开" in t and "李主管" in t for t in texts)
    assert all(b.isVisible() for b in form.now_buttons)
    response.mark_resolved(shipped_catalog, form.incident_id, make_form.act())
    for d in deadlines.open_deadlines():
        deadlines.meet(shipped_catalog, d.id, make_form.act())
    form.load()
    type_into(form, "aftercare:客户安抚", "已致歉")
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    assert Incident.get_by_id(form.incident_id).status == "closed"
    assert not any(b.isVisible() for b in form.now_buttons)


def test_the_timeline_shows_a_save_at_once(qtbot, make_form):
    form = make_form("fire")
    before = form.timeline.count()
    form.editors["place"].setText("二楼仓库")
    assert form.save()
    assert form.timeline.count() == before + 1
    assert form.timeline.item(before).text().endswith("记录已保存：地点")


def test_a_save_that_fails_keeps_the_text_and_says_nothing_was_saved(qtbot, make_form):
    form = make_form()
    type_into(form, "description", "保险柜现金短少")
    form.flush()
    database = bound_database()
    database.execute_sql("PRAGMA query_only = ON")  # the file turned read-only
    try:
        with qtbot.waitSignal(form._ops.failed):
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.resolve_button, Qt.MouseButton.LeftButton)  # saves first: fails
    finally:
        database.execute_sql("PRAGMA query_only = OFF")
    assert form.message.text() != "已保存。"
    assert form.editors["description"].toPlainText() == "保险柜现金短少"  # nothing typed lost
    assert Incident.get_by_id(form.incident_id).status == "open"
    assert form.resolve_button.isVisible() and form._ops.message.isVisible()
    assert not TimelineEntry.select().where(TimelineEntry.kind == "record_saved").exists()


def test_finishing_and_closing_ask_and_never_share_a_place(qtbot, desk_db, shipped_catalog):
    """A double press once finished the handling and closed the case for good: "Close"
    appeared where "Handling finished" had been and neither asked. Now they are apart and
    each asks (a non-modal question: nothing is done until "Yes")."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from models.clock.clocks import SystemClock

    def act():
        return Act(Who("城东营业厅", "1号台", "李主管"), SystemClock().now(), HolidayCalendar())

    incident = response.start_incident(shipped_catalog, desk_db[1], "company_property_loss",
                                       act())
    form = record_form(catalog=shipped_catalog, incident_id=incident, act=act)
    qtbot.addWidget(form, before_close_func=RecordForm.flush)
    form.resize(1100, 700)
    form.show()
    qtbot.waitExposed(form)
    finish_place = form.resolve_button.geometry()

    def answer(yes: bool) -> None:
        [box] = [b for b in form.findChildren(QMessageBox, "confirmation") if b.isVisible()]
        assert not box.isModal() and QApplication.activeModalWidget() is None
        box.button(QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
                   ).click()

    qtbot.mouseClick(form.resolve_button, Qt.MouseButton.LeftButton)
    assert Incident.get_by_id(incident).status == "open"  # asked, not done
    answer(yes=False)
    assert Incident.get_by_id(incident).status == "open"
    qtbot.mouseClick(form.resolve_button, Qt.MouseButton.LeftButton)
    answer(yes=True)
    assert Incident.get_by_id(incident).status == "resolved"
    assert form.close_button.isVisible() and not form.resolve_button.isVisible()
    assert not form.close_button.geometry().intersects(finish_place)
    assert form.resolve_button.geometry() == finish_place  # its place kept, empty
    for deadline in [d for d in deadlines.open_deadlines() if d.incident_id == incident]:
        deadlines.meet(shipped_catalog, deadline.id, act())
    for editor in form.editors.values():
        if editor.property("required"):
            editor.insertPlainText("已办")
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    assert Incident.get_by_id(incident).status == "resolved"  # asked, not closed
    answer(yes=True)
    assert Incident.get_by_id(incident).status == "closed", form.message.text()


def test_success_says_so_in_green_a_problem_in_red(qtbot, make_form):
    """"已保存。" was shown in the problems' red."""
    form = make_form()
    type_into(form, "happened_at", "昨天下午")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message.property("tone") == "problem"
    form.editors["happened_at"].clear()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert (form.message.text(), form.message.property("tone")) == ("已保存。", "ok")


def test_the_form_names_the_level_as_the_incident_ran(qtbot, desk_db, shipped_catalog):
    """The plans now name level 1 otherwise (a later revision, another edition): the form of
    a fire recorded before still shows the name of the version it ran."""
    from dataclasses import replace

    def act():
        return Act(Who("城东营业厅", "1号台", "李主管"), START, HolidayCalendar())

    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", act())
    now = replace(shipped_catalog, levels=tuple(
        replace(lv, name="特别重大事件") if lv.level == 1 else lv for lv in shipped_catalog.levels),
        _index={})
    form = record_form(catalog=now, incident_id=incident, act=act)
    qtbot.addWidget(form, before_close_func=RecordForm.flush)
    assert form.title.text().endswith(" · 一级应急事件（重大）")
