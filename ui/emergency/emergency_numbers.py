"""EmergencyNumbers: 110 / 119 / 120 in sight on every screen, F10 / F11 / F12 from anywhere;
a press records the call."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from models.plans.catalog import Catalog


def emergency_roles(catalog: Catalog) -> list:
    """Outside services with a short public number (110, 119, 120), by number."""
    roles = [r for r in catalog.roles if r.outside and r.number.isdigit() and len(r.number) == 3]
    return sorted(roles, key=lambda r: r.number)


class EmergencyNumbers(QFrame):
    called = Signal(str)  # role key

    def __init__(self, *, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyNumbers")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.buttons: dict[str, QPushButton] = {}
        for index, role in enumerate(emergency_roles(catalog)[:3]):
            key = f"F{10 + index}"
            button = QPushButton(f"☎ {role.number}  {role.name}   {key}",
                                 objectName="emergencyNumber")
            button.setShortcut(QKeySequence(key))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a press never steals the typing
            button.setProperty("number", role.number)
            button.clicked.connect(lambda _=False, k=role.key: self.called.emit(k))
            self.buttons[role.number] = button
            layout.addWidget(button)
