"""Nothing blocks the alarm or a call: F9 and F10–F12 from every window the desk opens, with
the cursor in a text field; the bar and the banner's button clickable while a question, the
level helper or the read-out is open (none of them is modal)."""

import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from models.clock.clocks import FakeClock
from models.incidents.response import REPEAT_WINDOW
from models.store.settings import SettingsStore
from models.store.tables import Incident, TimelineEntry
from tests.helpers.hall import HALL
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)
NUMBERS = {Qt.Key.Key_F10: "110", Qt.Key.Key_F11: "119", Qt.Key.Key_F12: "120"}


@pytest.fixture
def clock():
    return FakeClock(WORKDAY)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db, clock):
    """The whole desk with the real questions (ask_yes_no), a fire running and its report
    to the group leader missed: the alarm is on."""
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock)
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    clock.advance(minutes=5, seconds=1)
    desk.deadlines.tick()
    assert desk.alarm_banner.isVisible() and desk.deadlines.alarming()
    return desk


def calls(incident_id):
    return [json.loads(e.data)["number"] for e in
            TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                         TimelineEntry.kind == "called")]


def focus_in(qtbot, window: QWidget, field: QWidget) -> QWidget:
    """`window` active with the cursor in `field`, as the clerk leaves it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def keys_work(qtbot, desk, field: QWidget) -> None:
    """F10, F11, F12 typed into `field` record 110, 119, 120; F9 stops the alarm."""
    incident_id = desk.emergency.guided.incident_id
    before = calls(incident_id)
    for key in NUMBERS:
        qtbot.keyClick(field, key)
    assert calls(incident_id) == before + list(NUMBERS.values())
    with qtbot.waitSignal(desk.alarm_banner.acknowledge):
        qtbot.keyClick(field, Qt.Key.Key_F9)
    assert not desk.deadlines.alarming() and not desk.alarm_banner.isVisible()


def clicks_work(qtbot, desk, clock) -> None:
    """Under the open window, a click on 110 records the call; the banner's button stops
    the alarm. Then the repeat window passes (a second 110 at once would ask)."""
    assert QApplication.activeModalWidget() is None
    incident_id = desk.emergency.guided.incident_id
    before = calls(incident_id)
    qtbot.mouseClick(desk.emergency.numbers.buttons["110"], Qt.MouseButton.LeftButton)
    assert calls(incident_id) == [*before, "110"]
    qtbot.mouseClick(desk.alarm_banner.button, Qt.MouseButton.LeftButton)
    assert not desk.deadlines.alarming()
    clock.advance(seconds=REPEAT_WINDOW.total_seconds())


def test_level_helper_keys_and_clicks(qtbot, desk):
    guided = desk.emergency.guided
    qtbot.keyClick(guided, Qt.Key.Key_L)
    dialog = guided.level_dialog
    assert dialog.isVisible() and not dialog.isModal()
    keys_work(qtbot, desk, focus_in(qtbot, dialog, dialog.reason))
    desk.deadlines.tick()  # nothing alarms now: miss another deadline
    assert dialog.isVisible()


def test_level_helper_leaves_the_bar_clickable_and_applies_to_its_incident(qtbot, desk, clock):
    guided = desk.emergency.guided
    fire = guided.incident_id
    guided.open_level_dialog()
    clicks_work(qtbot, desk, clock)
    dialog = guided.level_dialog
    dialog.levels.button(3).setChecked(True)
    dialog.reason.setText("火已扑灭")
    desk.emergency.start("power_cut")  # the clerk turns to another incident meanwhile
    power_cut = guided.incident_id
    level = Incident.get_by_id(power_cut).level
    assert power_cut != fire and level != 3
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert Incident.get_by_id(fire).level == 3
    assert Incident.get_by_id(power_cut).level == level


def test_one_level_helper_at_a_time(qtbot, desk):
    guided = desk.emergency.guided
    guided.open_level_dialog()
    first = guided.level_dialog
    guided.open_level_dialog()
    assert not first.isVisible() and guided.level_dialog.isVisible()


def test_readout_keys_and_clicks(qtbot, desk, clock):
    guided = desk.emergency.guided
    guided.open_readout()
    dialog = guided.readout_dialog
    assert dialog.isVisible() and not dialog.isModal()
    clicks_work(qtbot, desk, clock)
    desk.window.window().activateWindow()
    keys_work(qtbot, desk, focus_in(qtbot, dialog, dialog.text))


def confirmation(parent: QWidget) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox, "confirmation") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_a_question_blocks_nothing(qtbot, desk, clock):
    guided = desk.emergency.guided
    fire = guided.incident_id
    qtbot.mouseClick(guided.resolve_button, Qt.MouseButton.LeftButton)
    box = confirmation(guided)
    assert not box.isModal() and QApplication.activeModalWidget() is None
    clicks_work(qtbot, desk, clock)
    desk.deadlines.tick()
    keys_work_in_box = box.button(QMessageBox.StandardButton.No)
    incident_before = calls(fire)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    qtbot.keyClick(keys_work_in_box, Qt.Key.Key_F11)
    assert calls(fire) == [*incident_before, "119"]
    assert Incident.get_by_id(fire).status in ("open", "in_hand")  # not answered yet
    box.button(QMessageBox.StandardButton.Yes).click()
    assert Incident.get_by_id(fire).status == "resolved"


def test_enter_and_no_answer_no(qtbot, desk):
    """A double press or a stray Enter never confirms: "No" is the default button."""
    guided = desk.emergency.guided
    fire = guided.incident_id
    guided.cancel_incident()
    box = confirmation(guided)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible() and Incident.get_by_id(fire).status == "open"
    guided.cancel_incident()
    confirmation(guided).button(QMessageBox.StandardButton.No).click()
    assert Incident.get_by_id(fire).status == "open"


def test_asking_again_replaces_the_open_question(qtbot, desk):
    guided = desk.emergency.guided
    guided.cancel_incident()
    first = confirmation(guided)
    guided.cancel_incident()
    assert not first.isVisible()
    confirmation(guided)  # exactly one shown


@pytest.mark.parametrize("field", ["place", "description"])  # a line edit, a plain-text edit
def test_record_form_keys(qtbot, desk, field):
    guided = desk.emergency.guided
    qtbot.keyClick(guided, Qt.Key.Key_R)
    dialog = guided.record_dialog
    editor = dialog.form.editors[field]
    assert isinstance(editor, QLineEdit if field == "place" else QPlainTextEdit)
    keys_work(qtbot, desk, focus_in(qtbot, dialog, editor))
    dialog.close()


def test_plan_used_window_keys_and_clicks(qtbot, desk, clock):
    guided = desk.emergency.guided
    guided.open_record()
    form = guided.record_dialog.form
    form.show_plan_used()
    plan = form.plan_dialog
    assert plan.isVisible() and not plan.isModal()
    clicks_work(qtbot, desk, clock)
    desk.deadlines.tick()
    keys_work_in = plan.focusWidget() or plan
    incident_id = guided.incident_id
    before = calls(incident_id)
    focus_in(qtbot, plan, keys_work_in)
    qtbot.keyClick(keys_work_in, Qt.Key.Key_F12)
    assert calls(incident_id) == [*before, "120"]
    guided.record_dialog.close()


def test_amend_window_keys_and_clicks(qtbot, desk, clock):
    guided = desk.emergency.guided
    guided.open_record()
    form = guided.record_dialog.form
    form.open_amend()
    amend = form.amend_dialog
    assert amend.isVisible() and not amend.isModal()
    clicks_work(qtbot, desk, clock)
    desk.deadlines.tick()
    keys_work(qtbot, desk, focus_in(qtbot, amend, amend.reason))
    guided.record_dialog.close()


def test_contact_window_keys_and_clicks(qtbot, desk):
    """From the directory (F3): a new contact's window, the cursor in its name field."""
    fire = desk.emergency.guided.incident_id
    desk.window.show_screen("contacts")
    desk.window.screen("contacts").open_new()
    contact = desk.window.screen("contacts").dialog
    assert contact.isVisible() and not contact.isModal()
    qtbot.mouseClick(desk.alarm_banner.button, Qt.MouseButton.LeftButton)
    assert not desk.deadlines.alarming()
    field = focus_in(qtbot, contact, contact.name)
    qtbot.keyClick(field, Qt.Key.Key_F10)  # the call goes to the guided incident
    assert calls(fire)[-1] == "110"
    assert desk.window.current_screen() == "emergency"


def test_file_dialog_keys_and_clicks(qtbot, desk, clock):
    """Qt's file dialog (the record's "Export PDF") was application-modal: F10 typed in it
    counted, a click on the bar did not. Now it blocks nothing; cancelled, nothing is made."""
    from PySide6.QtWidgets import QFileDialog

    guided = desk.emergency.guided
    guided.open_record()
    qtbot.mouseClick(guided.record_dialog.form.export_button, Qt.MouseButton.LeftButton)
    dialog = guided.record_dialog.window().findChild(QFileDialog, "fileDialog")
    assert dialog.isVisible() and not dialog.isModal()
    clicks_work(qtbot, desk, clock)
    desk.deadlines.tick()
    keys_work(qtbot, desk, focus_in(qtbot, dialog, dialog.findChild(QLineEdit)))
    dialog.reject()
    assert not desk.pdf.exporter.busy
    guided.record_dialog.close()


def global_rect(widget: QWidget):
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


@pytest.mark.usefixtures("desk_look")  # the desk's font and stylesheet: its real sizes
@pytest.mark.parametrize("opener", ["open_level_dialog", "open_readout", "open_record"])
def test_windows_open_over_the_screen_never_over_the_alarm_or_the_bar(qtbot, desk, opener):
    """At 1366x768 the level helper (taller than the screen area) once covered the alarm
    banner and the bar: each window now fits in the screen area, its criteria scrolling."""
    desk.window.resize(1366, 709)  # a maximised window above a 40 px taskbar (or its minimum)
    QApplication.processEvents()
    guided = desk.emergency.guided
    getattr(guided, opener)()
    window = {"open_level_dialog": guided.level_dialog, "open_readout": guided.readout_dialog,
              "open_record": guided.record_dialog}[opener]
    stack = desk.window.findChild(QWidget, "screenStack")
    assert global_rect(stack).contains(window.geometry())
    for kept in (desk.alarm_banner, desk.emergency.numbers, desk.timer_panel):
        assert not window.geometry().intersects(global_rect(kept))
    window.close()


def test_an_unexpected_error_is_told_in_a_box_that_blocks_nothing(qtbot, desk, clock, tmp_path,
                                                                   monkeypatch):
    """The box of the error hook was modal (exec): the bar took no click until OK. Now it
    blocks nothing, shows words only, and a repeated error rewrites the one box."""
    import sys

    from PySide6.QtCore import QTimer

    from ui.common import errors

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_excepthook(tmp_path / "errors.log")

    def fail(what: str) -> None:
        raise RuntimeError(what)

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "errorBox" and w.isVisible()]

    for what in ("first", "second"):  # raised in slots, as a bug in the desk would be
        QTimer.singleShot(0, lambda w=what: fail(w))
        qtbot.waitUntil(lambda w=what: any(w in b.text() for b in boxes()))
    [box] = boxes()
    assert not box.isModal()
    words = box.text() + box.detailedText()
    assert "second" in words and "Traceback" not in words and "errors.log" in words
    clicks_work(qtbot, desk, clock)
