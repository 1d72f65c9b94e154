"""Questions: two open at once never open on the same place."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWidget

from ui.common.ask import CASCADE, ask_yes_no, step_aside


@pytest.fixture
def window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.setGeometry(100, 100, 600, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_second_question_steps_aside_from_the_first(qtbot, window):
    """"End the drill?" asked over "Handling finished?" opened on it, hiding its title."""
    first = ask_yes_no(window, "处置完成了吗？", "…", lambda: None)
    second = ask_yes_no(window.window(), "结束演练？", "…", lambda: None)
    # the second is narrower: centred on the same window, its left edge differs, its top not
    down = second.geometry().top() - first.geometry().top()
    assert down >= CASCADE  # the first's title shows above it
    third = ask_yes_no(window, "取消此事件？", "…", lambda: None)
    tops = sorted(b.geometry().top() for b in (first, second, third))
    assert tops[1] - tops[0] >= CASCADE and tops[2] - tops[1] >= CASCADE
    screen = QApplication.primaryScreen().availableGeometry()
    for box in (first, second, third):
        assert screen.contains(box.frameGeometry())


def test_at_the_screen_s_edge_it_steps_the_other_way(qtbot, window):
    screen = QApplication.primaryScreen().availableGeometry()
    first = ask_yes_no(window, "处置完成了吗？", "…", lambda: None)
    first.move(screen.right() - first.width() + 1,
               screen.bottom() - first.height() + 1)  # in the corner
    second = ask_yes_no(window, "结束演练？", "…", lambda: None)
    second.move(first.pos())
    step_aside(second)
    assert second.pos() == first.pos() - QPoint(CASCADE, CASCADE)
    assert screen.contains(second.frameGeometry())


def test_a_question_alone_stays_where_qt_puts_it(qtbot, window):
    box = ask_yes_no(window, "处置完成了吗？", "…", lambda: None)
    centre = window.frameGeometry().center()
    assert abs(box.frameGeometry().center().x() - centre.x()) <= 2
