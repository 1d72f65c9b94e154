"""ContactRow: one person or outside number in the directory, with a copy button per number."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.contacts.phones import display_number
from models.services.contacts import ContactView
from ui.common.big_button import MIN_TOUCH

ROLE_WIDTH = 170
WHO_WIDTH = 300


class ContactRow(QFrame):
    """The role it holds is shown on the first row of its group that is in sight."""

    copy_requested = Signal(str, str)  # name, number (stored form, ready to dial)
    edit_requested = Signal(int)

    def __init__(self, contact: ContactView, role_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactRow")
        self.contact = contact
        self.role_title = role_title
        self.setMinimumHeight(MIN_TOUCH)
        self.setProperty("outside", contact.outside)
        self.role = QLabel(objectName="contactRowRole")
        self.role.setFixedWidth(ROLE_WIDTH)
        self.role.setWordWrap(True)
        self.role.setProperty("outside", contact.outside)
        name = QLabel(escape(contact.name), objectName="contactRowName")
        name.setWordWrap(True)  # a long name wraps, never cut short
        badges = QHBoxLayout()
        for shown, text, key in (
                (contact.available_24h, self.tr("24 hours"), "badge24h"),
                (contact.outside, self.tr("Outside"), "badgeOutside"),
                (contact.needs_number, self.tr("Number to fill in"), "badgeMissing")):
            if shown:
                badges.addWidget(QLabel(text, objectName=key))
        badges.addStretch(1)
        details = [contact.organisation]
        if contact.on_duty:
            details.append(self.tr("On duty: {0}").format(contact.on_duty))
        if contact.notes:
            details.append(contact.notes)
        if not contact.role_known and contact.role_key:
            details.append(self.tr("(role “{0}” is no longer in the plans)").format(
                contact.role_key))
        detail = QLabel(" · ".join(d for d in details if d), objectName="contactRowDetail")
        detail.setWordWrap(True)
        who = QWidget(objectName="contactRowWho")
        who.setFixedWidth(WHO_WIDTH)  # the numbers start in one column, row after row
        left = QVBoxLayout(who)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(name)
        left.addLayout(badges)  # on their own line, so they never squeeze the name
        left.addWidget(detail)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.addWidget(self.role)
        layout.addWidget(who)
        self.copy_buttons: list[QPushButton] = []
        for phone in contact.phones:
            shown = display_number(phone.number)
            button = QPushButton(f"{shown}\n{phone.label}".strip(), objectName="copyNumber")
            button.setProperty("number", phone.number)
            button.setMinimumHeight(MIN_TOUCH - 16)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, n=phone.number: self.copy_requested.emit(
                contact.name, n))
            self.copy_buttons.append(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit"), objectName="editContact")
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(contact.id))
        self.edit_button.setMinimumHeight(MIN_TOUCH - 16)
        layout.addWidget(self.edit_button)

    def show_role(self, shown: bool) -> None:
        self.role.setText(self.role_title if shown else "")
