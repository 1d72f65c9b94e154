"""Show a window over the desk's screen area, never over its header, alarm, timers or bar.

Used for every window the clerk opens from a screen (the record form, the level helper, the
read-out): they are not modal, and placed over the screen stack, so the alarm banner and its
button, the timer cards and 110 / 119 / 120 stay in sight and under the finger.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # px above a window for its title bar (openbox 19, Windows 10/11 about 31)


def screen_area(area: QWidget) -> QRect:
    """The global rectangle of the desk's screen stack: the one `area` is in, or, for a
    window of its own over the desk (the reports window, a record), the stack of the desk
    window it belongs to; `area`'s own rectangle where there is no desk."""
    stack = area
    while stack is not None and stack.objectName() != "screenStack":
        stack = stack.parentWidget()  # up the few parents, not through the window's tree
    if stack is None:
        desk = area.window()
        while desk.parentWidget() is not None:  # up through the windows over the desk
            desk = desk.parentWidget().window()
        stack = desk.findChild(QWidget, "screenStack") or area
    return QRect(stack.mapToGlobal(QPoint(0, 0)), stack.size())


def show_over_screen(window: QWidget, area: QWidget, *, fill: bool = False) -> None:
    """Show `window` over the screen `area` is on: filling it, or centred in it at its
    preferred size (no larger than the area); raised and given the keyboard. The window
    manager's title bar goes above the window: room is left for it inside the area."""
    rect = screen_area(area).adjusted(0, TITLE_BAR, 0, 0)
    if fill:
        window.setGeometry(rect)
    else:
        geometry = QRect(QPoint(0, 0), window.sizeHint().boundedTo(rect.size()))
        geometry.moveCenter(rect.center())
        window.setGeometry(geometry)
    window.show()
    window.raise_()
    window.activateWindow()


def one_at_a_time(window: QWidget) -> None:
    """Close and drop the other windows of `window`'s type under the same parent: a second
    press opens the question again, never a second copy beside the first."""
    parent = window.parentWidget()
    if parent is None:
        return
    for other in parent.findChildren(type(window)):
        if other is not window and other.parentWidget() is parent:
            other.close()
            other.deleteLater()
