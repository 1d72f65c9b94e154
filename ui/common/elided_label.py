"""ElidedLabel: one line of text that ends in "…" when it does not fit, never a second line.

The whole text stays in text() and in the tooltip. Its height is one line whatever the
text, so a long alarm or notice never grows the zone it shows in (ui/common/zone.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", *, objectName: str = "", chars: int = 0,
                 parent: QWidget | None = None) -> None:
        """`chars`: when given, the label asks for that many characters' width whatever
        its text (and makes do with three quarters of them), so its neighbours' places do
        not depend on the text (a title beside buttons); it takes more when given more."""
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self._chars = chars
        self._full = ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def minimumSizeHint(self) -> QSize:
        shortest = "汉" * (self._chars * 3 // 4) if self._chars else "……"
        return QSize(self.fontMetrics().horizontalAdvance(shortest), self.sizeHint().height())

    def sizeHint(self) -> QSize:
        """One line high, empty or not; as wide as the whole text."""
        margins = self.contentsMargins()
        extra = 2 * self.margin()
        shown = "汉" * self._chars if self._chars else self._full
        width = self.fontMetrics().horizontalAdvance(shown) + 4
        height = self.fontMetrics().height()
        return QSize(width + margins.left() + margins.right() + extra,
                     height + margins.top() + margins.bottom() + extra)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(room, 0)) if self._full else ""
        if super().text() != shown:
            super().setText(shown)
