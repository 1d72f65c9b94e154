"""ClerkDialog: who is on duty — a known name in one press, or a new one typed once."""

from __future__ import annotations

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

    def __init__(self, *, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clerkDialog")
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
        add = QPushButton(self.tr("On duty"), objectName="addClerkButton")
        add.clicked.connect(lambda: self.choose(self.new_name.text()))
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the clerk on duty; every action is recorded "
                                        "with this name."), objectName="hintLabel"))
        layout.addLayout(grid)
        layout.addLayout(row)

    def choose(self, name: str) -> None:
        name = " ".join(name.split())
        if name:
            self.chosen.emit(name)
            self.accept()
