"""Zone: a place of fixed height that a calm widget shares with those that cover it.

A banner or a notice that comes and goes shows in its zone, over the calm widget, instead of
being inserted into the layout: the zone is as tall as the tallest of them whether they show
or not, so nothing below it moves when they appear or go — nothing under the clerk's finger.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget


class Zone(QWidget):
    def __init__(self, calm: QWidget, *covers: QWidget, object_name: str,
                 parent: QWidget | None = None) -> None:
        """`calm` shows while none of `covers` does; each cover shows or hides itself."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.calm = calm
        self.covers: list[QWidget] = []
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._place(calm)
        for cover in covers:
            self.add_cover(cover)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._show_calm()

    def add_cover(self, cover: QWidget) -> None:
        self.covers.append(cover)
        self._place(cover)
        cover.installEventFilter(self)
        self._show_calm()

    def _place(self, widget: QWidget) -> None:
        policy = widget.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # its room is kept while it is hidden
        widget.setSizePolicy(policy)
        self._layout.addWidget(widget, 0, 0)

    def covered(self) -> bool:
        return any(not cover.isHidden() for cover in self.covers)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.HideToParent,
                            QEvent.Type.ShowToParent):
            self._show_calm()
        return False

    def _show_calm(self) -> None:
        self.calm.setVisible(not self.covered())
