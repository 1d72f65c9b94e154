"""The record window opened from the guided view: one window, refilled incident after
incident (as the history's), asking through the desk's confirm like every other window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.store.tables import Incident, RecordDraft


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_record_window_asks_through_the_injected_confirm(qtbot, emergency):
    """It asked with the real box whatever the desk (or a test) injected."""
    emergency.start("fire")
    guided = emergency.guided
    fire = guided.incident_id
    guided.open_record()
    form = guided.record_dialog.form
    emergency.confirm_answers.append(True)  # "yes" to "Handling finished?"
    click(qtbot, form.resolve_button)
    assert emergency.confirm_answers == []  # the injected confirm was asked
    assert guided.record_dialog.findChildren(QMessageBox) == []  # no box of its own
    assert Incident.get_by_id(fire).status == "resolved"
    guided.record_dialog.close()


def test_one_record_window_refilled_incident_after_incident(qtbot, emergency):
    emergency.start("fire")
    guided = emergency.guided
    fire = guided.incident_id
    guided.open_record()
    dialog, form = guided.record_dialog, guided.record_dialog.form
    place, reporter = form.editors["place"], form.editors["reporter"]
    place.insert("二楼仓库")  # typed, not yet saved (the autosave waits)
    reporter.insert("李四")
    reporter.selectAll()
    reporter.backspace()  # typed and rubbed out: Ctrl+Z would bring it back
    emergency.start("power_cut")  # the clerk turns to another incident
    guided.open_record()
    assert guided.record_dialog is dialog and dialog.form is form  # the same widgets
    assert form.incident_id == guided.incident_id and "停电" in dialog.windowTitle()
    assert place.text() == "" and reporter.text() == ""  # the fire's text is not shown here
    assert not reporter.isUndoAvailable()  # Ctrl+Z cannot put 李四 into the power cut
    assert RecordDraft.get(RecordDraft.incident == fire)  # it went to the fire's record
    emergency.show_incident(fire)  # and back
    guided.open_record()
    assert guided.record_dialog is dialog and place.text() == "二楼仓库"
    dialog.close()
