"""A window over the desk's screen area: from a widget in the screen stack, and from a widget
in a window of its own over the desk (the reports window's print button opens the preview
from there) — both over the stack, never a sliver at the bottom of the calling window."""

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from ui.common.over_screen import screen_area


def _desk(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel("header"))
    stack = QWidget(objectName="screenStack")
    stack.setMinimumSize(800, 400)
    layout.addWidget(stack)
    layout.addWidget(QLabel("110 119 120"))
    main.setCentralWidget(central)
    main.show()
    qtbot.waitExposed(main)
    return main, stack


def test_a_widget_in_the_stack_gets_the_stack(qtbot):
    _, stack = _desk(qtbot)
    inside = QLabel("daily log", stack)
    assert screen_area(inside) == QRect(stack.mapToGlobal(QPoint(0, 0)), stack.size())


def test_a_widget_in_a_window_of_its_own_over_the_desk_gets_the_desks_stack(qtbot):
    main, stack = _desk(qtbot)
    window = QWidget(main, Qt.WindowType.Window)  # the reports window: a child of the desk
    bar = QLabel("print", window)
    window.setGeometry(100, 500, 600, 80)
    window.show()
    qtbot.waitExposed(window)
    assert screen_area(bar) == QRect(stack.mapToGlobal(QPoint(0, 0)), stack.size())


def test_a_widget_of_no_desk_gets_its_own_rectangle(qtbot):
    alone = QLabel("alone")
    qtbot.addWidget(alone)
    alone.resize(200, 50)
    alone.show()
    qtbot.waitExposed(alone)
    assert screen_area(alone) == QRect(alone.mapToGlobal(QPoint(0, 0)), alone.size())
