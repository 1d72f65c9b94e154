import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from tests.helpers.hall import HALL
from ui.window.desk import build_desk


def make_window(qtbot, catalog_dir, tmp_path, controller):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("hall_name", "城东营业厅")
    store.set("desk_name", "1号台")
    desk = build_desk(catalog=controller.catalog, plan=controller.service.plan, store=store,
                      clock=FakeClock())
    qtbot.addWidget(desk.window)
    return desk.window, store


def test_navigation_by_button_and_function_key(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert window.current_screen() == "emergency"
    qtbot.mouseClick(window.nav_group.button(4), Qt.MouseButton.LeftButton)
    assert window.current_screen() == "plans"
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.current_screen() == "stats"
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.current_screen() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.current_screen() == "emergency"


def test_header_shows_place_and_injected_time(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    assert window.header.place.text() == "城东营业厅 · 1号台"
    expected = FakeClock().now().astimezone(HALL).strftime("%Y-%m-%d %H:%M")
    assert window.header.time.text().startswith(expected)


def test_first_paint_is_signalled(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    with qtbot.waitSignal(window.painted, timeout=5000):
        window.show()


def test_every_screen_has_a_title_or_content(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    for index in range(window.stack.count()):
        screen = window.screen(window._keys[index])
        assert screen.objectName()
        assert screen.findChildren(QLabel) or screen.objectName() == "plansBrowser"
    assert window.screen("incidents").objectName() == "incidentsScreen"


def test_clerk_button_in_header(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    window.header.set_clerk("")
    assert window.header.clerk.text() == "当班：未选择 ▾"
    assert window.header.clerk.property("missing") is True
    with qtbot.waitSignal(window.header.clerk_clicked):
        qtbot.mouseClick(window.header.clerk, Qt.MouseButton.LeftButton)
    window.header.set_clerk("张三")
    assert window.header.clerk.text() == "当班：张三 ▾"


HIDDEN = ("incidents", "contacts", "drills", "plans", "stats", "settings")


def test_only_the_emergency_screen_is_built_at_start(qtbot, catalog_dir, tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    window.show()
    assert [key for key in window._keys if window.is_built(key)] == ["emergency"]
    assert window.stack.widget(1).widget() is None  # an empty place, no widgets in it


@pytest.mark.parametrize(("key", "name"), [("incidents", "incidentsScreen"),
                                           ("drills", "drillScreen"),
                                           ("stats", "statsScreen"),
                                           ("settings", "settingsPage")])
def test_a_hidden_screen_is_built_when_first_shown_and_only_once(qtbot, catalog_dir,
                                                                 tmp_path, controller, key,
                                                                 name):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    index = window._keys.index(key)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_F{index + 1}"))
    screen = window.stack.currentWidget().widget()
    assert screen.objectName() == name and screen.isVisible()
    assert [k for k in HIDDEN if window.is_built(k)] == [key]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_F{index + 1}"))
    assert window.stack.currentWidget().widget() is screen


def test_a_lazily_built_settings_page_is_wired_to_the_header(qtbot, catalog_dir, tmp_path,
                                                             controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)
    window.show_screen("settings")
    page = window.screen("settings")
    page._editors["hall_name"].setText("城西营业厅")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.header.place.text() == "城西营业厅 · 1号台"


def test_the_rail_says_drills_are_due_before_the_drill_screen_is_built(qtbot, catalog_dir,
                                                                       tmp_path, controller):
    window, _ = make_window(qtbot, catalog_dir, tmp_path, controller)  # nothing recorded yet
    assert window.nav_group.button(3).text() == "演练\n（到期）\nF4"  # the rail keeps its width
    assert not window.is_built("drills")


def test_a_press_with_nobody_on_duty_asks_who_then_starts(qtbot, catalog_dir, tmp_path,
                                                          controller):
    window, store = make_window(qtbot, catalog_dir, tmp_path, controller)
    window.show()
    screen = window.screen("emergency")
    screen.start("staff_assaulted")
    screen.start("fire")  # pressed again while asked: one dialog, the last press made
    dialog = window.header.clerk_dialog
    assert dialog.isVisible() and screen.page() != "guided"
    assert not dialog.isModal()  # the alarm and 110 / 119 / 120 stay usable meanwhile
    assert controller.open_incidents() == []  # nothing started under nobody's name
    assert len(window.findChildren(type(dialog))) == 1
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # no name typed: still asked
    assert dialog.isVisible()
    dialog.new_name.insert("王五")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    started = controller.open_incidents()
    assert [i.situation_key for i in started] == ["fire"]  # the press, made once
    assert controller.state(started[0].id).clerk == "王五"
    assert screen.page() == "guided" and store.get("clerk_on_duty") == "王五"


@pytest.mark.parametrize("clerk", ["", "张三"])  # asked for, or changed from the header
def test_the_clerk_dialog_goes_once_a_name_is_chosen(qtbot, catalog_dir, tmp_path, controller,
                                                      clerk):
    """Each change of clerk left a dialog behind, hidden, for as long as the desk ran."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.window.clerk_dialog import ClerkDialog

    window, store = make_window(qtbot, catalog_dir, tmp_path, controller)
    store.set("clerk_on_duty", clerk)
    window.show()
    for name in ("王五", "赵六"):  # twice: the second is a new dialog, as the first went
        window.header.clerk_clicked.emit()
        dialog = window.header.clerk_dialog
        dialog.choose(name)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert window.findChildren(ClerkDialog) == [] and window.header.clerk_dialog is None
        assert store.get("clerk_on_duty") == name
