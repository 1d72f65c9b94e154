"""The day's calls from the call form: listed with who was told; someone told afterwards is
added to the chosen call as a new entry (the call itself unchanged); nothing chosen, nothing
added."""

from PySide6.QtCore import Qt

from models.journal import book
from tests.ui.duty.test_call_form import open_form
from ui.duty.day_calls import DayCalls


def test_the_days_calls_and_someone_told_later(qtbot, desk, clock):
    form = open_form(qtbot, desk)
    form.unit.setText("区应急局")
    form.content.setPlainText("询问停电")
    form.save_button.click()
    form = open_form(qtbot, desk)
    form.day_calls.click()
    [day] = [d for d in desk.window.findChildren(DayCalls) if d.isVisible()]
    assert day.table.rowCount() == 1 and day.table.item(0, 1).text() == "区应急局"
    day.told_name.setText("王经理")
    day.told_button.click()
    assert book.entries(("duty_call_told",)) == [] and day.problem.text()  # none chosen
    clock.advance(minutes=3)
    day.table.selectRow(0)
    qtbot.mouseClick(day.told_button, Qt.MouseButton.LeftButton)
    [told] = book.entries(("duty_call_told",))
    assert told.follows == book.entries(("duty_call",))[0].id
    assert day.table.item(0, 3).text() == "王经理 12:08"
    assert book.entries(("duty_call",))[0].data["told"] == []  # the call as it was written
