"""Opening records one after another from the history refills one form (building its
widgets was most of the ~24 ms an open took): each shows its own record, read-only or not,
and what was typed into one is kept with it, never shown in the next."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.store.tables import Incident, RecordDraft
from tests.helpers.hall import HALL
from tests.helpers.wiring import history_screen


def act(when=None):
    return Act(Who("城东营业厅", "1号台", "张三"), when or datetime.now(HALL),
               HolidayCalendar())


def fire_and_power_cut(catalog, plan) -> tuple[int, int]:
    """A fire two hours ago and a power cut one hour ago, both still open."""
    now = datetime.now(HALL)
    return (response.start_incident(catalog, plan, "fire", act(now - timedelta(hours=2))),
            response.start_incident(catalog, plan, "power_cut", act(now - timedelta(hours=1))))


def test_one_form_refilled_record_after_record(qtbot, desk_db, shipped_catalog):
    fire, power = fire_and_power_cut(shipped_catalog, desk_db[1])
    Incident.update(status="closed").where(Incident.id == power).execute()  # as if closed
    screen = history_screen(catalog=shipped_catalog, act=act)
    qtbot.addWidget(screen)
    screen.show()
    rows = {r.id: screen.model.index(i, 0) for i, r in enumerate(screen.model.rows)}

    screen.open_row(rows[fire])
    dialog, form = screen.record_dialog, screen.record_dialog.form
    form.editors["place"].insert("二楼仓库")  # typed, not yet saved (the autosave waits)
    assert "火灾" in form.title.text() and not form.editors["place"].isReadOnly()
    screen.open_row(rows[power])
    assert screen.record_dialog is dialog and dialog.form is form  # the same widgets
    assert form.incident_id == power and "停电" in form.title.text()
    assert "停电" in dialog.windowTitle()
    assert form.editors["place"].text() == ""  # the fire's text is not shown here
    assert form.editors["place"].isReadOnly() and form.amend_button.isVisible()
    assert not form.save_button.isVisible()
    assert RecordDraft.get(RecordDraft.incident == fire)  # it went to the fire's record
    screen.open_row(rows[fire])
    assert form.editors["place"].text() == "二楼仓库"
    assert form.message.text() == "已恢复上次未保存的内容。"
    assert not form.editors["place"].isReadOnly() and form.save_button.isVisible()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog.close()


def test_the_next_record_has_no_undo_of_the_last(qtbot, desk_db, shipped_catalog):
    fire, power = fire_and_power_cut(shipped_catalog, desk_db[1])
    screen = history_screen(catalog=shipped_catalog, act=act)
    qtbot.addWidget(screen)
    screen.show()
    rows = {r.id: screen.model.index(i, 0) for i, r in enumerate(screen.model.rows)}
    screen.open_row(rows[fire])
    reporter = screen.record_dialog.form.editors["reporter"]
    reporter.insert("李四")
    reporter.selectAll()
    reporter.backspace()  # typed and rubbed out: empty, and Ctrl+Z would bring it back
    screen.open_row(rows[power])
    assert not reporter.isReadOnly() and reporter.text() == ""
    assert not reporter.isUndoAvailable()  # Ctrl+Z cannot put 李四 into the power cut
