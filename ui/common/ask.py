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
    on the same window, so the second hid the first: it steps down and right (or up and
    left where the screen ends) until it no longer opens on another question's place."""
    taken = [w.pos() for w in QApplication.topLevelWidgets()
             if w is not box and w.objectName() == "confirmation" and w.isVisible()]
    if all((box.pos() - p).manhattanLength() >= CASCADE for p in taken):
        return
    screen = (box.screen() or QApplication.primaryScreen()).availableGeometry()
    start = box.pos()
    for step in range(1, 12):
        for sign in (1, -1):
            place = start + QPoint(CASCADE, CASCADE) * step * sign
            if (screen.contains(QRect(place, box.frameSize()))
                    and all((place - p).manhattanLength() >= CASCADE for p in taken)):
                box.move(place)
                return
