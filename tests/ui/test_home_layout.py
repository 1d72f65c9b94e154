"""The home screen fits common desk screens without scrolling, with finger-sized targets."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from models.store.settings import TEXT_SIZES, SettingsStore, put_on_duty
from ui.common.big_button import MIN_TOUCH
from ui.common.style import apply_stylesheet
from ui.window.desk import build_desk


@pytest.mark.parametrize(("width", "height", "text_size"), [
    (1366, 768, 100), (1366, 768, 115),  # a common desk screen: up to 115 % text
    *((1920, 1080, size) for size in TEXT_SIZES),  # a larger screen: every text size
])
def test_home_fits_and_targets_are_big(qtbot, qapp, tmp_path, controller, shipped_catalog, clock,
                                       desk_look, width, height, text_size):
    apply_stylesheet(qapp, text_size)
    store = SettingsStore(tmp_path / "s.json")
    put_on_duty(store, "张三")
    desk = build_desk(catalog=shipped_catalog, plan=controller.service.plan, clock=clock,
                      store=store)
    window = desk.window
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    # the tightest case: two incidents running, deadlines counting, a missed one alarming
    screen = window.screen("emergency")
    screen.start("fire")
    screen.start("hotline_failure")
    clock.advance(minutes=6)
    desk.start()
    screen.show_home()
    assert desk.alarm_banner.isVisible() and desk.timer_panel.scroll.isVisible()
    assert screen.strip.isVisible()
    QApplication.processEvents()  # let the layout settle after the bars appeared
    assert window.size().width() <= width and window.size().height() <= height
    home = screen.home
    targets = [*home.urgent_buttons.values(), *home.category_buttons.values(),
               *screen.numbers.buttons.values()]
    visible = QRect(0, 0, window.width(), window.height())
    for target in targets:
        top_left = target.mapTo(window, target.rect().topLeft())
        rect = QRect(top_left, target.size())
        assert visible.contains(rect), (target.accessibleName(), rect, visible)
    for target in [*home.urgent_buttons.values(), *home.category_buttons.values()]:
        assert target.height() >= MIN_TOUCH, target.accessibleName()
        assert target.width() >= MIN_TOUCH
    assert len(home.category_buttons) == len(shipped_catalog.categories)
    # the guided view too keeps the emergency numbers in sight
    screen.show_incident(screen.strip.buttons and next(iter(screen.strip.buttons)))
    QApplication.processEvents()
    for target in screen.numbers.buttons.values():
        rect = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
        assert visible.contains(rect), ("guided view", rect, visible)
