"""EmergencyNumbers: the catalog's emergency numbers (110 / 119 / 120) in sight on every
screen, the first three on F10 / F11 / F12 from anywhere; a press records the call.

The bar is never covered (windows open over the screen area only), so a press is also
answered on its own button for a few seconds: recorded or not, even when a record window or
the level helper covers the guided view's answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from models.plans.catalog import Catalog
from models.plans.emergency_numbers import emergency_numbers

FUNCTION_KEYS = ("F10", "F11", "F12")  # for the bar's first three numbers
SAID_MS = 8000  # as long as the guided view's answer


class EmergencyNumbers(QFrame):
    called = Signal(str)  # role key

    def __init__(self, *, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyNumbers")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.buttons: dict[str, QPushButton] = {}
        for index, role in enumerate(emergency_numbers(catalog)):
            key = FUNCTION_KEYS[index] if index < len(FUNCTION_KEYS) else ""
            button = QPushButton(f"☎ {role.number}  {role.name}   {key}".rstrip(),
                                 objectName="emergencyNumber")
            if key:
                button.setShortcut(QKeySequence(key))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a press never steals the typing
            button.setProperty("number", role.number)
            button.clicked.connect(lambda _=False, k=role.key: self.called.emit(k))
            self.buttons[role.number] = button
            layout.addWidget(button)
        self._texts = {number: b.text() for number, b in self.buttons.items()}
        self._restore = QTimer(self, singleShot=True, interval=SAID_MS)
        self._restore.timeout.connect(self.unsay)

    def say(self, number: str, text: str, *, recorded: bool) -> None:
        """What the press of `number` did, on its button for a while (green when recorded)."""
        self.unsay()
        button = self.buttons[number]
        button.setText(f"☎ {number}  {text}")
        button.setProperty("said", "recorded" if recorded else "not")
        button.style().unpolish(button)
        button.style().polish(button)
        self._restore.start()

    def unsay(self) -> None:
        for number, button in self.buttons.items():
            if button.property("said"):
                button.setText(self._texts[number])
                button.setProperty("said", "")
                button.style().unpolish(button)
                button.style().polish(button)
