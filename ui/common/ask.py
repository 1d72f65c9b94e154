"""Yes/no questions to the user, behind a function screens take as an injectable callable.

A question never blocks: the box is not modal and has no event loop of its own, so while it
is open the alarm is acknowledged (F9, the banner's button), 110 / 119 / 120 are pressed (F10–
F12, a click on the bar) and timers tick. The answer comes back as a callback: `then` runs on
"Yes" and nothing happens otherwise (No, Esc, closing the box).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Then = Callable[[], object]
Confirm = Callable[[QWidget, str, str, Then], object]  # (parent, title, text, then)


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
    box.show()
    box.raise_()
    box.activateWindow()
    return box
