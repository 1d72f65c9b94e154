"""BigButton: a large touch target with a title, a smaller line and its keyboard key."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        # The detail takes the room there is: with large text on a small screen it is cut
        # short rather than pushing the 110 / 119 / 120 bar off the screen (or making the
        # home scroll for a line of detail).
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


class _Detail(QLabel):
    """A wrapping label that asks for no height of its own: it shows what fits."""

    def hasHeightForWidth(self) -> bool:
        return False
