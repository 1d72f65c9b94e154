"""ClerkDialog: who is on duty — a known name in one press, or a new one typed once.

While nobody is on duty the dialog cannot be put away (Esc and the close button do nothing):
every incident names the clerk who started it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

COLUMNS = 3


class ClerkDialog(QDialog):
    chosen = Signal(str)
    handover_requested = Signal()  # 交接班: the clerk on duty hands over to the next

    def __init__(self, *, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clerkDialog")
        self.required = not current  # nobody on duty: a name must be chosen
        self.then: Callable[[], object] | None = None  # the press to make once one is
        self.setWindowTitle(self.tr("Who is on duty?"))
        grid = QGridLayout()
        self.name_buttons: dict[str, QPushButton] = {}
        for index, name in enumerate(names):
            button = QPushButton(name, objectName="clerkButton")
            button.setCheckable(True)
            button.setChecked(name == current)
            button.clicked.connect(lambda _=False, n=name: self.choose(n))
            self.name_buttons[name] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.new_name = QLineEdit(objectName="newClerkName")
        self.new_name.setPlaceholderText(self.tr("Another name"))
        self.new_name.setMaxLength(60)
        self.new_name.returnPressed.connect(lambda: self.choose(self.new_name.text()))
        self.add_button = QPushButton(self.tr("On duty"), objectName="addClerkButton")
        self.add_button.clicked.connect(lambda: self.choose(self.new_name.text()))
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        hint = (self.tr("Nobody is on duty. Choose your name first: every incident is recorded "
                        "with the clerk who started it.") if self.required
                else self.tr("Choose the clerk on duty; every action is recorded with this "
                             "name."))
        label = QLabel(hint, objectName="hintLabel")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addLayout(grid)
        layout.addLayout(row)
        if current:  # someone on duty: a shift handed over, not just a name changed
            self.handover = QPushButton(self.tr("Shift handover…"), objectName="handoverButton")
            self.handover.clicked.connect(self._hand_over)
            layout.addWidget(self.handover)

    def reject(self) -> None:
        """Esc and the title bar's close button: ignored while nobody is on duty."""
        if not self.required:
            super().reject()

    def choose(self, name: str) -> None:
        name = " ".join(name.split())
        if name:
            self.chosen.emit(name)
            self.accept()

    def _hand_over(self) -> None:
        self.handover_requested.emit()
        self.reject()
