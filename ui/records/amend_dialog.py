"""AmendDialog: a correction to a closed record — which field, the new text, and why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class AmendDialog(QDialog):
    amended = Signal(str, str, str)  # field, new text, reason

    def __init__(self, *, fields: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amendDialog")
        self.setWindowTitle(self.tr("Correct a closed record"))
        self.field = QComboBox(objectName="amendField")
        for key, label in fields:
            self.field.addItem(label, key)
        self.text = QPlainTextEdit(objectName="amendText")
        self.reason = QLineEdit(objectName="amendReason")
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The record stays as it was closed; the correction is "
                                        "added beside it with your name and the time."),
                                objectName="hintLabel"))
        layout.addWidget(self.field)
        layout.addWidget(self.text)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        self.amended.emit(self.field.currentData(), self.text.toPlainText(), self.reason.text())
        self.accept()
