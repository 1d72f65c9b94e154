"""EmergencyNumbers: the catalog's emergency numbers (110 / 119 / 120) in sight on every
screen, the first three on F10 / F11 / F12 from anywhere; a press records the call."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from models.plans.catalog import Catalog
from models.plans.emergency_numbers import emergency_numbers

FUNCTION_KEYS = ("F10", "F11", "F12")  # for the bar's first three numbers


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
