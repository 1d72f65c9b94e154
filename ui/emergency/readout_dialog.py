"""ReadoutDialog: the report to read out, copyable; "reported to X" records the call; at a
desk enrolled at a hall hub, "手机确认" shares it for the leader's 收到 on a phone.

A window over the guided view, not modal: reading out on the phone takes minutes, and the
alarm and 110 / 119 / 120 must work meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.over_screen import one_at_a_time, show_over_screen
from ui.common.people import ReportChoice


class ReadoutDialog(QDialog):
    reported = Signal(str, str, str)  # role key, person, number
    share_requested = Signal(str, str)  # role key, person: to confirm on a phone

    def __init__(self, *, text: str, targets: list[ReportChoice], can_share: bool = False,
                 parent: QWidget | None = None) -> None:
        """`targets`: whom the clerk may mark as reported to, a person or a role;
        `can_share`: the desk is enrolled at a hall hub, which serves the phone's page."""
        super().__init__(parent)
        self.setObjectName("readoutDialog")
        self.setWindowTitle(self.tr("Report to read out"))
        self.resize(720, 480)
        hint = QLabel(self.tr("Read this out on the phone. Reading it records nothing: mark "
                              "whom you reported to."), objectName="hintLabel")
        hint.setWordWrap(True)
        self.text = QPlainTextEdit(text, objectName="readoutText")
        self.text.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy"), objectName="copyButton")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        self.report_buttons: dict[tuple[str, str], QPushButton] = {}
        for choice in targets:
            button = QPushButton(self.tr("Reported to {0}").format(choice.label),
                                 objectName="reportButton")
            button.clicked.connect(lambda _=False, c=choice: self._report(c))
            self.report_buttons[(choice.role_key, choice.person)] = button
            row.addWidget(button)
        self.phone_button = QPushButton(self.tr("Confirm by phone"), objectName="phoneButton")
        self.phone_button.setVisible(can_share and bool(targets))
        self._phone_menu = QMenu(self.phone_button)
        for choice in targets:  # whom the page is for: the name it offers, the role it meets
            self._phone_menu.addAction(choice.label).triggered.connect(
                lambda _=False, c=choice: self.share_requested.emit(c.role_key, c.person))
        self.phone_button.clicked.connect(self._share)
        row.addWidget(self.phone_button)
        close = QPushButton(self.tr("Close"), objectName="closeButton")
        close.clicked.connect(self.reject)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)

    def show_over(self, area: QWidget) -> None:
        """Show it, not modal, over `area`'s screen (never over the alarm or the bar)."""
        one_at_a_time(self)
        show_over_screen(self, area)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def _share(self) -> None:
        """One leader: shared at once; several: the clerk picks whom it is for."""
        actions = self._phone_menu.actions()
        if len(actions) == 1:
            actions[0].trigger()
        else:
            self._phone_menu.popup(self.phone_button.mapToGlobal(
                self.phone_button.rect().bottomLeft()))

    def _report(self, choice: ReportChoice) -> None:
        self.reported.emit(choice.role_key, choice.person, choice.number)
        self.accept()
