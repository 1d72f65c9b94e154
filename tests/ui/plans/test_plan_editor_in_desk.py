"""The plan editor in the desk: reached from the plans screen, a page of it (not a window
over the desk), so 110 / 119 / 120 and the alarm stay usable while a supervisor edits."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock
from models.plans.running import running_plan
from models.store.paths import default_plans_dir
from models.store.settings import SettingsStore
from models.store.tables import PlanChange, TimelineEntry
from tests.helpers.hall import HALL
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def make_desk(qtbot, tmp_path, catalog, plan):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(WORKDAY)
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      confirm=lambda parent, title, text, then: then(),
                      running=lambda: running_plan(default_plans_dir()))
    desk.clock = clock
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    return desk


def open_editor(qtbot, desk):
    desk.window.show_screen("plans")
    screen = desk.window.screen("plans")
    click(qtbot, screen.browser.edit_button)
    assert screen.currentWidget() is screen.editor and screen.editor.isVisible()
    # a page of the main window (its header, alarm, timers and bar around it), nothing modal
    assert screen.editor.window() is desk.window and QApplication.activeModalWidget() is None
    click(qtbot, screen.editor.start_button)
    return screen.editor


def test_the_bar_takes_a_click_while_the_editor_is_open(qtbot, tmp_path, shipped_catalog,
                                                         desk_db):
    desk = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])  # an incident runs
    editor = open_editor(qtbot, desk)
    assert editor.editor_name.text() == "张三"  # the clerk on duty until another is written
    text = editor.steps.form.fields["text"]
    text.editor.setFocus()
    text.editor.setPlainText("")  # a refusal being shown does not hold the desk either
    text.commit()
    assert text.problem
    desk.clock.advance(minutes=6)  # the 5-minute report is missed: the alarm rings
    desk.deadlines.tick()
    assert desk.alarm_banner.isVisible() and desk.alarm_banner.button.isVisible()
    click(qtbot, desk.alarm_banner.button)
    assert not desk.alarm_banner.isVisible()  # acknowledged from the editor's screen
    assert desk.window.current_screen() == "plans"
    numbers = desk.emergency.numbers
    assert numbers.isVisible() and numbers.buttons["119"].isVisible()
    with qtbot.waitSignal(numbers.called):
        click(qtbot, numbers.buttons["119"])
    assert desk.window.current_screen() == "emergency"
    assert TimelineEntry.get(TimelineEntry.kind == "called").text.startswith("消防")
    desk.window.show_screen("plans")  # back to the editor, as it was left
    screen = desk.window.screen("plans")
    assert screen.currentWidget() is editor and text.text() == "" and text.problem
    assert PlanChange.select().count() == 0


def test_back_to_the_plans_and_the_people_of_a_role_in_the_contacts(qtbot, tmp_path,
                                                                    shipped_catalog, desk_db):
    desk = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1])
    editor = open_editor(qtbot, desk)
    editor.show_page("roles")
    keys = [r.key for r in editor.roles.roles]
    editor.roles.list.setCurrentRow(keys.index("security"))
    click(qtbot, editor.roles.people_button)
    assert desk.window.current_screen() == "contacts"
    assert desk.window.screen("contacts").search.text() == shipped_catalog.role("security").name
    desk.window.show_screen("plans")
    screen = desk.window.screen("plans")
    click(qtbot, editor.back_button)
    assert screen.currentWidget() is screen.browser


def test_no_editor_is_offered_without_the_running_plans(qtbot, tmp_path, shipped_catalog,
                                                        desk_db):
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1],
                      store=SettingsStore(tmp_path / "settings.json"), clock=FakeClock(WORKDAY))
    qtbot.addWidget(desk.window)
    assert not hasattr(desk.window.screen("plans").browser, "edit_button")
