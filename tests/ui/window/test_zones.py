"""Fixed zones: at 1366×709 (a maximised window on a 1366×768 screen with a 40 px taskbar
under openbox) the window fits in every state, and nothing under the clerk's finger moves
when the alarm, the drill banner or a notice comes or goes, or after F9."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from models.clock.clocks import FakeClock
from models.drills.scenarios import load_library
from models.store.paths import default_plans_dir
from models.store.settings import SettingsStore, put_on_duty
from ui.common.style import apply_stylesheet, apply_text_size
from ui.window.desk import build_desk

WIDTH, HEIGHT = 1366, 709  # the client area of a maximised window at 1366×768


@pytest.fixture
def fake_clock():
    return FakeClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))


def make_desk(qtbot, qapp, tmp_path, catalog, plan, clock, text_size=100, restyle=None):
    apply_stylesheet(qapp, text_size)
    store = SettingsStore(tmp_path / "s.json")
    put_on_duty(store, "张三")
    desk = build_desk(catalog=catalog, plan=plan, clock=clock, store=store,
                      confirm=lambda *args: args[-1](), **({"restyle": restyle} if restyle else {}))
    qtbot.addWidget(desk.window)
    desk.window.resize(WIDTH, HEIGHT)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    return desk


def settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def fits(window) -> tuple[int, int]:
    settle()
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, hint
    assert window.width() <= WIDTH and window.height() <= HEIGHT, window.size()
    return window.width(), window.height()


def place(widget: QWidget) -> QRect:
    window = widget.window()
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def scenario(catalog):
    scenarios, _ = load_library(default_plans_dir() / "drills", None, catalog)
    return scenarios[0]


def stress(desk, clock, catalog):
    """The states the desk was seen to break in, one after another; yields each's name."""
    screen = desk.emergency
    desk.start()
    for key in ("fire", "power_cut", "agitated_customer"):
        screen.start(key)
    yield "three incidents, guided view"
    clock.advance(minutes=6)
    desk.deadlines.tick()
    assert desk.alarm_banner.isVisible()
    yield "one alarm"
    clock.advance(minutes=30)
    desk.deadlines.tick()
    yield "several alarms"
    screen.show_notice("这是一条很长的提示" * 30)
    yield "a long notice"
    assert desk.drills.start(scenario(catalog), 1, "李四")
    desk.drills.inject.emit("顾客在大厅里大喊大叫，情绪激动，要求立即见经理" * 5)
    yield "drill with inject notice and alarm"
    desk.alarm_banner.acknowledge.emit()  # F9
    yield "after F9"
    screen.show_notice("")
    desk.drills.stop()
    yield "drill over"


@pytest.mark.parametrize("text_size", [100, 115])
def test_window_fits_the_screen_in_every_state(qtbot, qapp, tmp_path, shipped_catalog, desk_db,
                                               fake_clock, desk_look, text_size):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock, text_size)
    fits(desk.window)
    for state in stress(desk, fake_clock, shipped_catalog):
        assert fits(desk.window) == (WIDTH, HEIGHT), state  # the guided view
        desk.emergency.show_home()
        assert fits(desk.window) == (WIDTH, HEIGHT), state
        desk.emergency.show_incident(next(iter(desk.emergency.strip.buttons)))


def test_nothing_under_the_finger_moves(qtbot, qapp, tmp_path, shipped_catalog, desk_db,
                                        fake_clock, desk_look):
    """The 110 button, a timer card's done button, the guided view's cancel button and the
    home's tiles stay where they are whatever comes and goes above them."""
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    screen = desk.emergency
    states = stress(desk, fake_clock, shipped_catalog)
    next(states)  # three incidents, the guided view of the last one

    def targets() -> dict[str, QRect]:
        settle()
        first_card = desk.timer_panel.cards[desk.deadlines.views[0].id]
        found = {"110": place(screen.numbers.buttons["110"]),
                 "card done": place(first_card.button),
                 "cancel": place(screen.guided.cancel_button)}
        screen.show_home()
        settle()
        found |= {key: place(tile) for key, tile in screen.home.category_buttons.items()}
        screen.show_incident(next(reversed(screen.strip.buttons)))
        return found

    before = targets()
    assert screen.guided.cancel_button.isVisible()  # within its two minutes
    for state in states:
        after = targets()
        moved = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
        assert not moved, (state, moved)


def test_alarm_text_stays_one_line_and_whole_in_the_tooltip(qtbot, qapp, tmp_path,
                                                             shipped_catalog, desk_db,
                                                             fake_clock, desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    states = stress(desk, fake_clock, shipped_catalog)
    next(states)
    next(states)
    settle()
    one = desk.alarm_banner.height()
    next(states)  # several alarms: a longer text
    settle()
    text = desk.alarm_banner.text
    assert desk.alarm_banner.height() == one
    assert text.height() < 2 * text.fontMetrics().height()
    assert "报告应急管理小组联络员" in text.toolTip()  # the second alarm, cut from the line
    assert text.toolTip() == text.text()


@pytest.fixture
def english(qapp):
    """The desk in English: the Chinese translation taken out for the test."""
    translators = qapp.findChildren(QTranslator)
    for translator in translators:
        qapp.removeTranslator(translator)
    yield
    for translator in translators:
        qapp.installTranslator(translator)


@pytest.mark.parametrize("text_size", [100, 115, 130])
def test_english_fits_1366_and_the_title_is_one_line(qtbot, qapp, tmp_path, shipped_catalog,
                                                     desk_db, fake_clock, desk_look, english,
                                                     text_size):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock, text_size)
    assert desk.emergency.guided.cancel_button.text().startswith("Cancel")
    states = stress(desk, fake_clock, shipped_catalog)
    for state in states:
        assert fits(desk.window) == (WIDTH, HEIGHT), state
    desk.emergency.show_incident(next(iter(desk.emergency.strip.buttons)))
    settle()
    title = desk.emergency.guided.title
    assert title.height() < 2 * title.fontMetrics().height()  # never a vertical column
    assert title.width() >= 4 * title.fontMetrics().horizontalAdvance("汉")


def test_home_scrolls_at_130_percent_instead_of_clipping(qtbot, qapp, tmp_path,
                                                          shipped_catalog, desk_db, fake_clock,
                                                          desk_look):
    apply_text_size(qapp, 130)
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock, 130)
    for state in stress(desk, fake_clock, shipped_catalog):
        assert fits(desk.window) == (WIDTH, HEIGHT), state
    desk.emergency.show_home()
    settle()
    assert desk.emergency.home_scroll.verticalScrollBar().maximum() > 0
    for tile in desk.emergency.home.category_buttons.values():
        title = tile.title
        assert title.height() >= title.heightForWidth(title.width()), tile.objectName()


def test_text_size_applies_at_once(qtbot, qapp, tmp_path, shipped_catalog, desk_db, fake_clock,
                                   desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock,
                     restyle=lambda size: apply_text_size(qapp, size))
    tile = next(iter(desk.emergency.home.category_buttons.values()))
    before = tile.title.fontInfo().pointSizeF()
    desk.window.show_screen("settings")
    page = desk.window.screen("settings")
    size = page._editors["text_size"]
    size.setCurrentIndex(size.findData(130))
    page.save_button.click()
    desk.window.show_screen("emergency")
    settle()
    assert tile.title.fontInfo().pointSizeF() == pytest.approx(before * 1.3, rel=0.05)
    assert "新的文字大小已生效" in page.message.text()
    fits(desk.window)


def test_timer_panel_keeps_its_height_with_and_without_deadlines(qtbot, qapp, tmp_path,
                                                                 shipped_catalog, desk_db,
                                                                 fake_clock, desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    settle()
    empty = desk.timer_panel.height()
    desk.start()
    desk.emergency.start("fire")
    settle()
    assert desk.timer_panel.cards and desk.timer_panel.height() == empty


def test_the_110_bar_is_at_the_bottom_of_the_client_area(qtbot, qapp, tmp_path,
                                                          shipped_catalog, desk_db, fake_clock,
                                                          desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    for state in stress(desk, fake_clock, shipped_catalog):
        settle()
        for button in desk.emergency.numbers.findChildren(QPushButton):
            rect = place(button)
            assert rect.bottom() < HEIGHT and rect.bottom() > HEIGHT - 20, (state, rect)


def in_sight(widget, desk) -> bool:
    """Within the window and above the 110 / 119 / 120 bar: seen without scrolling."""
    bar_top = place(desk.emergency.numbers).top()
    rect = place(widget)
    return widget.isVisible() and rect.top() >= 0 and rect.bottom() < bar_top


def test_daily_export_result_is_in_sight(qtbot, qapp, tmp_path, shipped_catalog, desk_db,
                                         fake_clock, desk_look, async_loop):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    desk.start()
    for key in ("fire", "power_cut", "agitated_customer"):
        desk.emergency.start(key)
    desk.pdf.ask_path = lambda parent, title, suggested, then: then(tmp_path / "日志.pdf")
    desk.window.show_screen("incidents")
    screen = desk.incidents_screen
    screen.tabs.setCurrentWidget(screen.daily)
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        screen.daily.export_button.click()
    settle()
    assert screen.daily.export_bar.state == "saved"
    assert in_sight(screen.daily.export_bar, desk)


def test_drill_start_controls_are_in_sight(qtbot, qapp, tmp_path, shipped_catalog, desk_db,
                                           fake_clock, desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock)
    desk.start()
    desk.emergency.start("fire")
    fake_clock.advance(minutes=6)
    desk.deadlines.tick()  # the alarm shows too
    desk.window.show_screen("drills")
    settle()
    run = desk.drill_screen.run
    for control in (run.rate, run.trainer, run.start_button, run.stop_button):
        assert in_sight(control, desk), control.objectName()


def test_the_longest_hall_name_does_not_widen_the_window(qtbot, qapp, tmp_path,
                                                         shipped_catalog, desk_db, fake_clock,
                                                         desk_look):
    desk = make_desk(qtbot, qapp, tmp_path, shipped_catalog, desk_db[1], fake_clock, 115)
    desk.header.set_place("营" * 60, "台" * 60)  # the settings' longest names
    fits(desk.window)
    assert desk.header.place.text().startswith("营" * 60)  # whole, in text and tooltip
