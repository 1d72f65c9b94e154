"""ReadoutQr: the page where the leader says "收到" on a phone, as a QR code and as its
address; the leader scans it, reads the report and presses 收到, and the desk records it.

Not modal, over the screen (never over the alarm, the timers or 110 / 119 / 120): the clerk
may go on working while the leader reads. The code is made from the very address shown
(`url`), so what is scanned is what a person could type."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.over_screen import one_at_a_time, show_over_screen

MODULE_PX = 6  # each QR module's size on screen: about 250 px for an address of 40 characters


def qr_png(url: str, scale: int = MODULE_PX) -> bytes:
    """The QR code of `url` as PNG bytes (segno writes PNG itself: no image library)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


class ReadoutQr(QDialog):
    def __init__(self, *, url: str, person: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readoutQr")
        self.setWindowTitle(self.tr("Confirm by phone"))
        self.url = url
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(qr_png(url), "PNG")
        hint = QLabel(self.tr("Let {0} scan this code with a phone, read the report and press "
                              "收到: the desk records it by itself.").format(
                                  person or self.tr("the leader")), objectName="hintLabel")
        hint.setWordWrap(True)
        self.code = QLabel(objectName="qrCode", alignment=Qt.AlignmentFlag.AlignCenter)
        self.code.setPixmap(self.pixmap)
        self.address = QLabel(url, objectName="qrUrl", alignment=Qt.AlignmentFlag.AlignCenter)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy address"), objectName="copyUrlButton")
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton(self.tr("Close"), objectName="closeButton")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.address)
        layout.addLayout(row)

    def show_over(self, area: QWidget) -> None:
        """Show it, not modal, over `area`'s screen (never over the alarm or the bar)."""
        one_at_a_time(self)
        show_over_screen(self, area)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
