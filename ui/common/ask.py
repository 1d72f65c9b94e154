"""Yes/no questions to the user, behind a function screens take as an injectable callable.

A question never blocks: the box is not modal and has no event loop of its own, so while it
is open the alarm is acknowledged (F9, the banner's button), 110 / 119 / 120 are pressed (F10–
F12, a click on the bar) and timers tick. The answer comes back as a callback: `then` runs on
"Yes" and nothing happens otherwise (No, Esc, closing the box).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.common.over_screen import TITLE_BAR

Then = Callable[[], object]
Confirm = Callable[[QWidget, str, str, Then], object]  # (parent, title, text, then)
CASCADE = 36  # px a question steps aside from one already open: the first's title shows


def ask_yes_no(parent: QWidget, title: str, text: str, then: Then) -> QMessageBox:
    """Ask and return at once; `then()` runs if the answer is yes. Asking the same question
    under the same parent again replaces the box still open (the newer `then` counts)."""
    for old in parent.findChildren(QMessageBox, "confirmation",
                                   Qt.FindChildOption.FindDirectChildrenOnly):
        if old.windowTitle() == title:
            old.close()
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirmation")
    box.setWindowModality(Qt.WindowModality.NonModal)  # QMessageBox is modal by default
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # A double press or a stray Enter must not confirm: "No" is the default and Esc.
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    yes = box.button(QMessageBox.StandardButton.Yes)
    box.buttonClicked.connect(lambda button: then() if button is yes else None)
    box.show()  # placed by Qt, centred over its window: where another question may be
    step_aside(box)
    box.raise_()
    box.activateWindow()
    return box


def step_aside(box: QMessageBox) -> None:
    """Two questions open at once ("End the drill?" over "Handling finished?") are centred
    on the same window, so the second hid the first, title and all: it steps down and right
    (or up and left where the screen ends) until no other question's title is under it."""
    others = [w.geometry() for w in QApplication.topLevelWidgets()
              if w is not box and w.objectName() == "confirmation" and w.isVisible()]
    size = box.geometry().size()  # without the window manager's frame, as the others'

    def hides_a_title(top_left: QPoint) -> bool:
        return any(abs(top_left.y() - other.top()) < CASCADE
                   and top_left.x() < other.right() and other.left() < top_left.x() + size.width()
                   for other in others)

    start = box.geometry().topLeft()
    if not hides_a_title(start):
        return
    # room for the title bar above the window, as over_screen leaves it
    screen = (box.screen() or QApplication.primaryScreen()).availableGeometry()
    screen.setTop(screen.top() + TITLE_BAR)
    for step in range(1, 12):
        for sign in (1, -1):
            place = start + QPoint(CASCADE, CASCADE) * step * sign
            if screen.contains(QRect(place, size)) and not hides_a_title(place):
                box.setGeometry(QRect(place, size))
                return
