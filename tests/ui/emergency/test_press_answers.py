"""Every press answers on screen at once: the number to dial and what was recorded, a role
with no number on file, a press repeated too soon, an incident started by a key."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.incidents.response import REPEAT_WINDOW
from models.store.tables import Incident, TimelineEntry
from ui.emergency.press_answer import ANSWER_MS


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def entries(incident_id, *kinds):
    return [(e.kind, e.text) for e in TimelineEntry.select().where(
        TimelineEntry.incident == incident_id, TimelineEntry.kind.in_(kinds))
        .order_by(TimelineEntry.id)]


def start(qtbot, emergency, key):
    click(qtbot, emergency.home.urgent_buttons[key]) if key in emergency.home.urgent_buttons \
        else emergency.start(key)
    return emergency.guided.incident_id


def call_button(guided, role):
    return next(r.call_buttons[role] for r in guided.step_rows if role in r.call_buttons)


def test_a_call_press_shows_the_number_in_large_type_and_what_was_recorded(qtbot, emergency):
    incident_id = start(qtbot, emergency, "fire")
    guided = emergency.guided
    guided.answer.dismiss()
    timeline_at = guided.timeline.mapTo(guided, guided.timeline.rect().topLeft())
    click(qtbot, call_button(guided, "fire"))
    answer = guided.answer
    assert answer.isVisible() and answer.kind == "call"
    assert answer.number.text() == "119"
    assert "消防报警" in answer.headline.text() and "已记录" in answer.detail.text()
    assert entries(incident_id, "called") == [("called", "消防报警 119")]
    # an overlay inside the view: nothing moved, nothing covered outside it
    assert guided.timeline.mapTo(guided, guided.timeline.rect().topLeft()) == timeline_at
    assert guided.rect().contains(answer.geometry())
    assert QApplication.focusWidget() is not answer  # it takes no keys


def test_the_number_bar_in_the_guided_view_answers_and_records(qtbot, emergency):
    incident_id = start(qtbot, emergency, "fire")
    click(qtbot, emergency.numbers.buttons["120"])
    assert emergency.guided.answer.number.text() == "120"
    assert entries(incident_id, "called") == [("called", "医疗急救 120")]
    # the bar, which no window covers, answers too: on the button pressed, for a while
    button = emergency.numbers.buttons["120"]
    assert "已记录" in button.text() and button.property("said") == "recorded"
    assert emergency.numbers.buttons["110"].property("said") in (None, "")
    emergency.numbers.unsay()  # as the timer does
    assert "已记录" not in button.text() and "F12" in button.text()


def test_the_bar_says_so_when_a_press_is_not_recorded(qtbot, emergency):
    click(qtbot, emergency.numbers.buttons["110"])  # home: no incident shown
    button = emergency.numbers.buttons["110"]
    assert "未记录" in button.text() and button.property("said") == "not"


def test_a_repeat_press_says_so_on_the_bar_too(qtbot, emergency):
    start(qtbot, emergency, "fire")
    click(qtbot, emergency.numbers.buttons["119"])
    click(qtbot, emergency.numbers.buttons["119"])  # within the repeat window: asked
    button = emergency.numbers.buttons["119"]
    assert emergency.guided.answer.kind == "again" and button.property("said") == "not"


def test_a_click_on_the_answer_s_words_reaches_what_lies_under_them(qtbot, emergency):
    start(qtbot, emergency, "fire")
    click(qtbot, call_button(emergency.guided, "fire"))
    answer = emergency.guided.answer
    window = answer.window()
    own = {answer.action_button, answer.close_button}
    for label in (answer.headline, answer.number, answer.detail):
        at = label.mapTo(window, label.rect().center())
        hit = window.childAt(at)
        assert hit is not None and hit not in (answer, label) and hit not in own
        assert not answer.isAncestorOf(hit)
    at = answer.close_button.mapTo(window, answer.close_button.rect().center())
    assert window.childAt(at) is answer.close_button


def test_the_answer_goes_on_its_own_and_with_esc(qtbot, emergency):
    start(qtbot, emergency, "fire")
    guided = emergency.guided
    click(qtbot, call_button(guided, "fire"))
    assert guided.answer._timer.interval() == ANSWER_MS and guided.answer._timer.isActive()
    guided.answer._timer.timeout.emit()  # its time is up (no test waits 8 s)
    assert not guided.answer.isVisible()
    click(qtbot, call_button(guided, "police") if any("police" in r.call_buttons
                                                        for r in guided.step_rows)
          else emergency.numbers.buttons["110"])
    assert guided.answer.isVisible()
    qtbot.keyClick(guided, Qt.Key.Key_Escape)  # Esc: home, the answer with it
    assert emergency.page() == "home" and not guided.answer.isVisible()


def test_a_role_with_no_number_says_so_and_records_no_number(qtbot, emergency):
    incident_id = start(qtbot, emergency, "power_cut")
    guided = emergency.guided
    click(qtbot, call_button(guided, "admin_office"))  # 综合科: no number, nobody entered
    answer = guided.answer
    assert answer.kind == "no_number"
    assert "没有登记号码" in answer.headline.text() and "综合科" in answer.headline.text()
    assert "无法使用" not in answer.headline.text() + answer.detail.text()
    assert answer.number.isHidden()
    assert entries(incident_id, "called", "no_number") == [("no_number", "综合科")]
    assert "没有登记号码" in guided.timeline.item(0).text()
    assert "已呼叫" not in guided.timeline.item(0).text()


@pytest.mark.parametrize(("seconds", "asks"), [(4.9, True), (5.0, False)])
def test_a_second_press_within_the_window_asks_instead_of_recording(qtbot, emergency, clock,
                                                                    seconds, asks):
    assert timedelta(seconds=5) == REPEAT_WINDOW
    incident_id = start(qtbot, emergency, "fire")
    guided = emergency.guided
    click(qtbot, call_button(guided, "fire"))
    clock.advance(seconds=seconds)
    click(qtbot, call_button(guided, "fire"))
    calls = entries(incident_id, "called")
    assert len(calls) == (1 if asks else 2)
    assert (guided.answer.kind == "again") == asks
    if asks:
        assert "4 秒前" in guided.answer.headline.text()
        click(qtbot, guided.answer.action_button)  # "record it again": a second call
        assert len(entries(incident_id, "called")) == 2
        assert guided.answer.kind == "call"


def test_a_second_report_press_asks_too(qtbot, emergency, clock):
    incident_id = start(qtbot, emergency, "fire")
    guided = emergency.guided
    report = guided.report_box.itemAt(0).widget()
    click(qtbot, report)
    assert guided.answer.kind == "report"
    clock.advance(seconds=2)
    click(qtbot, guided.report_box.itemAt(0).widget())
    assert guided.answer.kind == "again"
    assert len(entries(incident_id, "reported")) == 1


def test_esc_then_number_keys_start_an_incident_that_says_so_with_its_undo(qtbot, emergency):
    window = emergency.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    start(qtbot, emergency, "fire")
    qtbot.keyClick(emergency.guided, Qt.Key.Key_Escape)
    qtbot.keyClick(emergency.home, Qt.Key.Key_4)  # the stray "4 5" of the report
    qtbot.keyClick(emergency.stack.currentWidget(), Qt.Key.Key_5)
    guided = emergency.guided
    started = Incident.get_by_id(guided.incident_id)
    assert emergency.page() == "guided"
    assert guided.answer.isVisible() and guided.answer.kind == "started"
    assert started.situation_name in guided.answer.headline.text()
    assert "误按" in guided.answer.action_button.text()
    assert "2:00" in guided.cancel_button.text()  # the undo's time left, in the header too
    click(qtbot, guided.answer.action_button)
    assert Incident.get_by_id(started.id).status == "cancelled"
    assert emergency.page() == "home"


def test_the_started_answer_goes_when_the_undo_window_closes(qtbot, emergency, clock):
    start(qtbot, emergency, "fire")
    guided = emergency.guided
    assert guided.answer.kind == "started"
    clock.advance(minutes=2, seconds=1)
    guided.tick()
    assert not guided.answer.isVisible()


def test_after_enter_in_the_quick_note_the_keys_go_back_to_the_view(qtbot, emergency):
    window = emergency.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    start(qtbot, emergency, "fire")
    guided = emergency.guided
    guided.note.setFocus()
    guided.note.insert("烟很大")
    qtbot.keyClick(guided.note, Qt.Key.Key_Return)
    assert not guided.note.hasFocus()
    qtbot.keyClick(QApplication.focusWidget() or guided, Qt.Key.Key_1)
    assert guided.note.text() == ""  # not typed into the note
    assert guided.step_rows[0].check.isChecked()  # step 1 ticked


def test_the_guided_view_says_what_its_keys_do(qtbot, emergency):
    """On the notice line while no notice shows (its own line would take a step's room)."""
    assert emergency.keys_line.text() == ""  # home: its tiles show their keys
    start(qtbot, emergency, "fire")
    hint = emergency.keys_line.text()
    for key in ("1–9", "N", "L", "B", "R", "Esc", "F10"):
        assert key in hint
    assert emergency.keys_line.toolTip() == hint  # whole, when the line cuts it
    emergency.show_notice("演练情况：顾客大喊")
    assert not emergency.keys_line.isVisible()  # a notice covers it


def test_the_readout_never_reads_a_missing_number_as_a_call(qtbot, emergency):
    start(qtbot, emergency, "power_cut")
    guided = emergency.guided
    click(qtbot, call_button(guided, "admin_office"))
    click(qtbot, guided.readout_button)
    text = guided.readout_dialog.text.toPlainText()
    assert "已呼叫综合科" not in text
    assert "综合科（没有登记号码）" in text


def test_the_bar_answer_on_home_goes_with_esc_or_another_page(qtbot, emergency):
    window = emergency.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    click(qtbot, emergency.numbers.buttons["119"])
    assert emergency.answer.isVisible() and emergency.answer.number.text() == "119"
    qtbot.keyClick(emergency.home, Qt.Key.Key_Escape)
    assert not emergency.answer.isVisible()
    click(qtbot, emergency.numbers.buttons["119"])
    click(qtbot, next(iter(emergency.home.category_buttons.values())))
    assert emergency.page() == "category" and not emergency.answer.isVisible()


def test_a_call_on_another_screen_is_not_put_on_the_incident_left_in_the_guided_view(
        qtbot, emergency):
    first = start(qtbot, emergency, "fire")
    start(qtbot, emergency, "power_cut")
    emergency.show_incident(first)  # the guided view left on the fire
    emergency.hide()  # the clerk went to another screen
    click(qtbot, emergency.numbers.buttons["110"])
    assert entries(first, "called") == []  # two running: nothing guessed
    assert emergency.numbers.buttons["110"].property("said") == "not"


@pytest.mark.parametrize(("seconds", "asks"), [(4.9, True), (5.0, False)])
def test_reported_to_in_the_readout_asks_within_the_window_too(qtbot, emergency, clock,
                                                               seconds, asks):
    """The read-out's "Reported to…" recorded every press: read out twice in a row, the
    report was logged twice. It goes through the same check as the other presses."""
    incident_id = start(qtbot, emergency, "fire")
    guided = emergency.guided
    for wait in (0, seconds):
        clock.advance(seconds=wait)
        guided.open_readout()
        click(qtbot, next(iter(guided.readout_dialog.report_buttons.values())))
    assert len(entries(incident_id, "reported")) == (1 if asks else 2)
    assert (guided.answer.kind == "again") == asks
    if asks:  # "record it again": a second report, to the read-out's incident
        click(qtbot, guided.answer.action_button)
        assert len(entries(incident_id, "reported")) == 2
