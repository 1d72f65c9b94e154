"""BigButton: a large touch target with a title, a smaller line and its keyboard key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MIN_TOUCH = 90  # px: a finger-sized target at 1366x768


class BigButton(QPushButton):
    def __init__(self, title: str, detail: str = "", key: str = "", *, object_name: str,
                 color: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMinimumHeight(MIN_TOUCH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(title, objectName="bigButtonTitle")
        self.title.setWordWrap(True)
        self.detail = _Detail(detail, objectName="bigButtonDetail")
        self.detail.setWordWrap(True)
        self.detail.setVisible(bool(detail))
        # The detail takes the room there is: with large text on a small screen it ends in
        # "…" after the last whole line that fits rather than pushing the 110 / 119 / 120
        # bar off the screen (or making the home scroll for a line of detail).
        self.detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.key = QLabel(key, objectName="bigButtonKey")
        self.key.setVisible(bool(key))
        self.key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail, 1)  # all the room below the title, from its top
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 10)
        layout.addLayout(text, 1)
        layout.addWidget(self.key, 0, Qt.AlignmentFlag.AlignTop)
        for label in (self.title, self.detail, self.key):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if color:
            self.setProperty("tileColor", color)
            self.setStyleSheet(f"#{object_name} {{ background: {color}; }}")
        self.setAccessibleName(f"{title} {detail}".strip())
        self.setToolTip(detail)


class _Detail(QLabel):
    """A wrapping label that asks for no height of its own: it shows the whole lines that fit,
    the last one ending in "…" when text is left over (never a line cut through)."""

    def hasHeightForWidth(self) -> bool:
        return False

    def paintEvent(self, _event) -> None:
        area = self.contentsRect()
        metrics = self.fontMetrics()
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        for row, line in enumerate(fitting_lines(self.text(), self.font(), area.width(),
                                                 area.height())):
            painter.drawText(area.left(), area.top() + row * metrics.lineSpacing()
                             + metrics.ascent(), line)


def fitting_lines(text: str, font: QFont, width: int, height: int) -> list[str]:
    """`text` wrapped to `width`, as many whole lines as `height` holds (at least one); the
    last ends in "…" when text is left over."""
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    room = max(1, height // metrics.lineSpacing())
    ends = [*starts[1:], len(text)]
    lines = [text[a:b].rstrip() for a, b in zip(starts[:room], ends[:room], strict=True)]
    if len(starts) > room:
        rest = text[starts[room - 1]:]
        lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines
