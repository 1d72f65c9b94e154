"""NavRail: the screens' buttons down the left side, each its title over its key (F1..).

The rail keeps its width at every text size (the plan's steps beside it need every pixel at
130 %); its titles grow with the text size as long as the widest fits, then stop there, a
little smaller than the rest ("Emergency" in English at 130 %): none is cut. What a button adds
on a line of its own (the drills' "(due)") is shorter than the titles and not measured.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QButtonGroup, QFrame, QToolButton, QVBoxLayout, QWidget

from ui.common.fonts import BASE_POINT_SIZE

WIDTH = 132  # px, the rail's
MARGIN = 6  # px, around the buttons and between them
TITLE_POINTS = 13  # the titles' size at 100 % text (the sheet sets only their weight)


class NavRail(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navRail")
        self.setFixedWidth(WIDTH)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(MARGIN)
        self._layout.addStretch(1)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self._titles: list[tuple[QToolButton, str, str]] = []

    def add(self, key: str, title: str, shortcut: str) -> QToolButton:
        button = QToolButton(objectName=f"nav_{key}")
        button.setText(f"{title}\n{shortcut}")
        button.setToolTip(title)
        button.setCheckable(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumSize(WIDTH - 2 * MARGIN, 56)
        self.group.addButton(button, len(self._titles))
        self._layout.insertWidget(self._layout.count() - 1, button)  # above the stretch
        self._titles.append((button, title, shortcut))
        self.fit_titles()
        return button

    def title_points(self) -> float:
        """The titles' size: the text size's, or less when the widest would not fit."""
        points = TITLE_POINTS * max(1.0, QApplication.font().pointSizeF() / BASE_POINT_SIZE)
        font = QFont(self.font())
        font.setPointSizeF(points)
        font.setBold(True)  # as the button shown checked
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(line) for _, *lines in self._titles
                      for line in lines), default=0)
        room = self._text_room()
        return points * room / widest if widest > room else points

    def _text_room(self) -> int:
        """The width a button leaves to its text: the rail's, less what the style puts
        around the text (measured on the first button)."""
        if not self._titles:
            return WIDTH
        button = self._titles[0][0]
        around = button.sizeHint().width() - max(
            button.fontMetrics().horizontalAdvance(line) for line in button.text().split("\n"))
        return WIDTH - 2 * MARGIN - around

    def fit_titles(self) -> None:
        """The titles' size, set as the rail's own sheet (the desk's sheet would override a
        font set on the buttons)."""
        sheet = f"QToolButton {{ font-size: {self.title_points():.2f}pt; }}"
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size, applied at once
            self.fit_titles()
