"""LazyPage: a screen's place in the main window, built the first time it is needed.

Only the emergency screen is built at start-up; the others (hundreds of widgets the clerk
may not open all day) cost nothing until shown, and the stylesheet polishes none of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class LazyPage(QScrollArea):
    """Scrolls its screen: one that does not fit (large text on a small monitor) scrolls
    instead of pushing the window past the screen; one that fits shows no scroll bar."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._build = build

    def is_built(self) -> bool:
        return self.widget() is not None

    def page(self) -> QWidget:
        """The screen, built now if it never was."""
        if self.widget() is None:
            self.setWidget(self._build())
        return self.widget()
