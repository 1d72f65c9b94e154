"""The home screen fits common desk screens without scrolling, with finger-sized targets."""

import pytest
from PySide6.QtCore import QRect

from models.settings import SettingsStore
from ui.big_button import MIN_TOUCH
from ui.header_bar import HeaderBar
from ui.main_window import MainWindow
from ui.screens import build_screens


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_home_fits_and_targets_are_big(qtbot, tmp_path, controller, shipped_catalog, clock,
                                       width, height):
    window = MainWindow(header=HeaderBar(clock=clock, hall="城东营业厅", desk="1号台"),
                        screens=build_screens(catalog=shipped_catalog, controller=controller,
                                              store=SettingsStore(tmp_path / "s.json")))
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    assert window.size().width() <= width and window.size().height() <= height
    screen = window.screen("emergency")
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
