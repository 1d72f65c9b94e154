"""NoticeLine: a notice (a drill's inject, a refused press) on one line of fixed height; when the
line cuts it, a button at its end opens the whole text.

The whole text opens in a panel laid over the screen under the line (a child widget, not a
window: it takes no focus and no key, and the alarm, F9–F12 and the bar stay usable), only on
the clerk's click: nothing appears under the finger unasked, nothing moves when it opens or
closes. It closes on its ✕, on a click on it or on the button again, and when the notice
changes or goes. A whole notice keeps the line alone: no button, no panel.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.elided_label import ElidedLabel

PANEL_MARGIN = 12  # px, between the panel's edges and the screen's


class WholeNotice(QFrame):
    """The whole notice, wrapped, over the screen under the notice line."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("wholeNotice")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text = QLabel(objectName="wholeNoticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button = QPushButton("✕", objectName="wholeNoticeClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(PANEL_MARGIN, 8, 8, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_under(self, line: QWidget, text: str) -> None:
        """Shown across the host's width, from the line's foot down as far as the text needs
        (at most to the host's foot)."""
        self.text.setText(text)
        host = self.parentWidget()
        top = line.mapTo(host, line.rect().bottomLeft()).y() + 1
        width = host.width()
        height = min(self.layout().totalHeightForWidth(width), host.height() - top)
        self.setGeometry(QRect(0, top, width, height))
        self.raise_()
        self.show()

    def mousePressEvent(self, event) -> None:
        self.hide()  # read: a tap puts it away
        event.accept()


class NoticeLine(QFrame):
    def __init__(self, host: QWidget, parent: QWidget | None = None) -> None:
        """`host`: the widget the whole text is laid over (the screen the line is in)."""
        super().__init__(parent)
        self.setObjectName("noticeLine")
        self.label = ElidedLabel(objectName="noticeLabel")
        self.more = QPushButton(self.tr("Whole text ▾"), objectName="noticeMore")
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more.clicked.connect(self.toggle_whole)
        self.more.hide()
        self.whole = WholeNotice(host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.more)
        layout.addLayout(row)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.whole.hide()  # it showed the notice before
        self.label.setText(text)
        self._offer_whole()

    def is_cut(self) -> bool:
        """Whether the line alone, with no button, is too short for the whole notice."""
        self.label.ensurePolished()
        whole = self.label.fontMetrics().horizontalAdvance(self.label.text())
        padding = self.label.width() - self.label.contentsRect().width()  # the sheet's
        margins = self.layout().itemAt(0).layout().contentsMargins()
        return whole > self.contentsRect().width() - margins.right() - padding

    def toggle_whole(self) -> None:
        if self.whole.isVisible():
            self.whole.hide()
        else:
            self.whole.show_under(self, self.label.text())

    def _offer_whole(self) -> None:
        self.more.setVisible(self.is_cut())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._offer_whole()  # a new width, or a new text size

    def hideEvent(self, event) -> None:
        self.whole.hide()
        super().hideEvent(event)
