"""HeaderRows: a title's row and its action buttons, side by side when both fit, else the
actions on a row (or rows) of their own under the title.

Side by side saves a row of height for the plan's steps (Chinese at 100 %); with long labels
(English, large text) the title would be cut and the buttons wrapped beside it, so the actions
move under the title and the title gets the whole width. The choice depends on the width and
on what the row needs at its widest (`one_row_width`), never on the texts shown at the moment
(a title, a countdown): it does not change while the clerk works, only with the window's width
or the text size. It is made as the layout places the rows, with the width they get: the
first showing is already the final one.

A layout, not a widget: the buttons stay the view's children, so a new text on one of them
lays the view out in one pass, as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget

from ui.common.flow_layout import FlowLayout

SIDE_BY_SIDE = QBoxLayout.Direction.LeftToRight
UNDER = QBoxLayout.Direction.TopToBottom


class HeaderRows(QBoxLayout):
    rows_changed = Signal(bool)  # whether the actions are now under the title

    def __init__(self, title_row: QLayout, actions: FlowLayout, *,
                 one_row_width: Callable[[], int]) -> None:
        """`one_row_width`: the width the title's row and the actions need side by side."""
        super().__init__(SIDE_BY_SIDE)
        self._one_row_width = one_row_width
        self.addLayout(title_row, 1)
        self.addLayout(actions)
        self._layouts = (title_row, actions)

    def two_rows(self) -> bool:
        return self.direction() == UNDER

    def setGeometry(self, rect: QRect) -> None:
        self._choose(rect.width())  # before the rows are placed in it
        super().setGeometry(rect)

    def _choose(self, width: int) -> None:
        direction = UNDER if self._one_row_width() > width else SIDE_BY_SIDE
        if self.direction() != direction:
            self.setDirection(direction)
            self._restyle()
            self.rows_changed.emit(self.two_rows())

    def widgets(self) -> list[QWidget]:
        return [w for layout in self._layouts for i in range(layout.count())
                if (w := layout.itemAt(i).widget()) is not None]

    def _restyle(self) -> None:
        """The sheet may make the buttons lower on two rows (`[rows="two"]` on each), to
        leave the room the second row takes to what lies under the header."""
        for widget in self.widgets():
            widget.setProperty("rows", "two" if self.two_rows() else "one")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
