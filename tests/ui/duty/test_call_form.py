"""F8 from any screen opens the call form over it; F9–F12 and the bar work while it is open;
an alarm arriving leaves it and its typing alone; one press (or a double click) saves one
call; a future time is refused and nothing is stored; the typing survives a crash."""

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from models.journal import book
from models.store.tables import TimelineEntry
from tests.helpers.hall import HALL
from tests.ui.window.test_emergency_keys import focus_in, keys_work
from ui.duty.call_form import CallForm


def open_form(qtbot, desk) -> CallForm:
    field = focus_in(qtbot, desk.window, desk.header.clerk)
    qtbot.keyClick(field, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: len(shown_forms(desk)) == 1)
    return shown_forms(desk)[0]


def shown_forms(desk) -> list[CallForm]:
    return [f for f in desk.window.findChildren(CallForm) if f.isVisible()]


def calls():
    return book.entries(("duty_call",))


def test_f8_from_another_screen_opens_the_form_and_the_emergency_keys_reach_it(qtbot, desk):
    desk.window.show_screen("contacts")
    form = open_form(qtbot, desk)
    assert not form.isModal() and desk.window.current_screen() == "contacts"
    assert form.recorder.text() == "张三"
    assert form.at.dateTime().toString("HH:mm") == "12:05"
    keys_work(qtbot, desk, focus_in(qtbot, form, form.content))  # 110/119/120, F9


def test_a_second_f8_raises_the_open_form_never_a_second_one(qtbot, desk):
    form = open_form(qtbot, desk)
    form.content.setPlainText("正在记")
    desk.header.call.click()
    assert desk.window.findChildren(CallForm) == [form]
    assert form.content.toPlainText() == "正在记"


def test_an_alarm_arriving_leaves_the_form_and_its_typing(qtbot, desk, clock):
    desk.alarm_banner.acknowledge.emit()
    assert not desk.alarm_banner.isVisible()
    desk.emergency.start("power_cut")  # its clock runs: it will ring while the form is open
    form = open_form(qtbot, desk)
    form.content.setPlainText("区应急局询问停电")
    due = min(v.due_at for v in desk.deadlines.views if v.status == "pending")
    clock.advance(seconds=(due - clock.now()).total_seconds() + 1)
    desk.deadlines.tick()
    assert desk.alarm_banner.isVisible() and desk.deadlines.alarming()
    assert form.isVisible() and form.content.toPlainText() == "区应急局询问停电"
    assert QApplication.activeModalWidget() is None


def test_a_double_click_saves_one_call_and_its_incident_gets_one_line(qtbot, desk):
    form = open_form(qtbot, desk)
    form.unit.setText("区应急管理局")
    form.content.setPlainText("询问火情")
    form.incident.setCurrentIndex(1)  # the fire running
    fire = form.incident.currentData()
    assert fire == desk.emergency.guided.incident_id
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    # the double click's second press, handled after the first (one GUI thread), and more
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(form.save_button, Qt.MouseButton.LeftButton)
    form.save_button.click()
    assert len(calls()) == 1 and calls()[0].incident == fire
    lines = TimelineEntry.select().where(TimelineEntry.kind == "duty_call",
                                         TimelineEntry.incident == fire)
    assert lines.count() == 1
    qtbot.waitUntil(lambda: not desk.window.findChildren(CallForm))
    assert desk.duty.service.draft() == {}  # saved: no draft left


def test_a_time_in_the_future_is_refused_and_nothing_is_stored(qtbot, desk, clock):
    form = open_form(qtbot, desk)
    form.content.setPlainText("询问")
    form.at.setDateTime(form.at.dateTime().addSecs(60))
    form.save_button.click()
    assert calls() == [] and form.isVisible() and form.save_button.isEnabled()
    assert form.problem.text()
    form.at.setDateTime(form.at.dateTime().addSecs(-60))  # now itself
    form.save_button.click()
    assert len(calls()) == 1


def test_empty_content_is_refused_with_a_message(qtbot, desk):
    form = open_form(qtbot, desk)
    form.unit.setText("区应急局")
    form.save_button.click()
    assert calls() == [] and form.isVisible() and form.problem.text()


def test_the_typing_survives_a_crash_and_comes_back_with_f8(qtbot, desk, clock):
    form = open_form(qtbot, desk)
    form.unit.setText("区应急局")
    form.content.setPlainText("询问停电")
    form.told_name.setText("王经理")
    form.add_told.click()
    qtbot.waitUntil(lambda: desk.duty.service.draft().get("content") == "询问停电")
    # a crash: the window is gone without being put away; a new form reads the draft
    again = CallForm(controller=desk.duty, clerk=lambda: "张三")
    qtbot.addWidget(again)
    assert (again.unit.text(), again.content.toPlainText()) == ("区应急局", "询问停电")
    assert [name for name, _ in again.told_items] == ["王经理"]
    assert again.at.dateTime() == form.at.dateTime()


def test_told_later_than_the_call_is_listed_with_its_time(qtbot, desk, clock):
    form = open_form(qtbot, desk)
    form.content.setPlainText("询问")
    form.told_name.setText("王经理")
    form.told_at.setDateTime(QDateTime(form.at.dateTime().addSecs(-60)))  # before the call
    form.add_told.click()
    form.save_button.click()
    assert calls() == [] and form.problem.text()
    form.told.setCurrentRow(0)
    form.remove_told.click()
    form.told_name.setText("王经理")
    form.told_at.setDateTime(form.at.dateTime())
    form.add_told.click()
    form.save_button.click()
    [call] = calls()
    assert call.data["told"][0]["name"] == "王经理"
    assert call.at.astimezone(HALL).strftime("%H:%M:%S") == "12:05:00"  # minutes, as typed


def test_a_call_during_a_drill_keeps_the_real_time(qtbot, desk, clock):
    desk.drills._clock.accelerate(60)  # a drill runs the desk's clock 60 times faster
    clock.advance(minutes=1)  # real: 12:06; the drill's clock: an hour on
    assert desk.drills._clock.now() - clock.now() >= timedelta(minutes=59)
    form = open_form(qtbot, desk)
    assert form.at.dateTime().toString("HH:mm") == "12:06"
    form.content.setPlainText("真实来电")
    form.save_button.click()
    [call] = calls()
    assert call.at.astimezone(HALL).strftime("%H:%M") == "12:06"
    assert datetime.fromisoformat(call.data["recorded_at"]) == clock.now()
    desk.drills._clock.restore()
