"""The reports window in the whole desk: U opens it from the guided view (and the record
form's button too), not modal; F9–F12 typed in its fields reach the alarm and the bar, and
the bar stays clickable under it."""

from PySide6.QtCore import Qt

from tests.ui.window.test_emergency_keys import (  # noqa: F401  (fixtures)
    clicks_work,
    clock,
    desk,
    focus_in,
    keys_work,
)


def test_u_opens_the_reports_and_the_keys_reach_the_alarm(qtbot, desk, clock):  # noqa: F811
    guided = desk.emergency.guided
    guided.setFocus()
    qtbot.keyClick(guided, Qt.Key.Key_U)
    dialog = guided._reports.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.incident_id == guided.incident_id
    clicks_work(qtbot, desk, clock)
    keys_work(qtbot, desk, focus_in(qtbot, dialog, dialog.editors["account"]))
    dialog.close()


def test_the_record_form_opens_the_same_window(qtbot, desk):  # noqa: F811
    guided = desk.emergency.guided
    guided.open_record()
    form = guided.record_dialog.form
    assert form.reports_button.isVisible()
    qtbot.mouseClick(form.reports_button, Qt.MouseButton.LeftButton)
    dialog = guided._reports.dialog
    assert dialog.isVisible() and dialog.incident_id == guided.incident_id
    guided.open_reports()
    assert guided._reports.dialog is dialog  # one window, raised again
    dialog.close()
    guided.record_dialog.close()


def test_a_record_opened_from_the_history_offers_the_reports(qtbot, desk):  # noqa: F811
    """The supervisor's way to a past incident's reports: 事件记录, the record, 上报."""
    desk.window.show_screen("incidents")
    history = desk.window.screen("incidents").history
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)
    history.open_row(history.model.index(0, 0))
    form = history.record_dialog.form
    assert form.reports_button.isVisible()
    qtbot.mouseClick(form.reports_button, Qt.MouseButton.LeftButton)
    dialog = desk.emergency.guided._reports.dialog
    assert dialog.isVisible() and dialog.incident_id == form.incident_id
    dialog.close()
    history.record_dialog.close()
