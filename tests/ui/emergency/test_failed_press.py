"""One error path: a press whose write fails (here the database turned read-only) is shown
as a message, and the screen shows what is stored — the box it ticked is unticked again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from models.store.tables import TimelineEntry, bound_database


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def read_only(on: bool) -> None:
    bound_database().execute_sql(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


def steps_checked(incident_id) -> int:
    return TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                        TimelineEntry.kind == "step_checked").count()


def test_a_step_ticked_whose_save_fails_is_unticked_and_the_error_shown(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    operations = guided._controller.operations
    read_only(True)
    try:
        with qtbot.waitSignal(operations.failed):
            click(qtbot, guided.step_rows[0].check)
    finally:
        read_only(False)
    assert not guided.step_rows[0].check.isChecked()  # what is stored, not what was pressed
    assert steps_checked(guided.incident_id) == 0
    box = operations.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.objectName() == "errorBox" and "readonly" in box.detailedText()
    assert not box.isModal() and QApplication.activeModalWidget() is None  # blocks no alarm
    click(qtbot, guided.step_rows[0].check)  # writable again: the same press is kept
    assert guided.step_rows[0].check.isChecked() and steps_checked(guided.incident_id) == 1


def test_a_refusal_is_said_on_the_screen_not_on_the_error_path(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    failures = []
    guided._controller.operations.failed.connect(failures.append)
    guided.note.setText("   ")
    qtbot.keyClick(guided.note, Qt.Key.Key_Return)
    assert emergency.notice.isVisible() and emergency.notice.text()
    assert failures == [] and guided._controller.operations.message is None


def test_a_failing_tick_does_not_stack_messages(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    operations = guided._controller.operations
    shown = []
    read_only(True)
    try:
        for _ in range(3):
            with qtbot.waitSignal(operations.failed):
                click(qtbot, guided.step_rows[0].check)
            shown.append(operations.message)
    finally:
        read_only(False)
    assert shown[0] is shown[1] is shown[2]  # one message while it is on screen
