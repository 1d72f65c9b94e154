"""MainWindow: the header, the navigation rail and the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.zone import Zone
from ui.window.header_bar import HeaderBar
from ui.window.lazy_page import LazyPage
from ui.window.nav_rail import NavRail


class MainWindow(QMainWindow):
    painted = Signal()  # the first time the window is painted on screen

    def __init__(self, *, header: HeaderBar, first: tuple[str, str, QWidget],
                 screens: list[tuple[str, str, Callable[[], QWidget]]],
                 alarm: QWidget | None = None, drill: QWidget | None = None,
                 bars: tuple[QWidget, ...] = (), footer: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        """`first`: (key, title, widget) of the screen shown at start (the emergency
        screen); `screens`: (key, title, build) of the others, each built the first time it
        is shown; F1.. select them in this order. `alarm` covers the header while it shows,
        `drill` the header's name and hall: reserved places, so nothing moves when they come
        and go. `bars`: under the header on every screen (timers), each of a height that
        does not change; `footer` at the bottom of every screen (110 / 119 / 120)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Emergency Desk"))
        self.header = header
        self.stack = QStackedWidget(objectName="screenStack")
        self.nav = NavRail()
        self.nav_group = self.nav.group
        self._keys: list[str] = []
        self._pages: list[LazyPage] = []  # the screens after the first
        for index, (key, title, widget) in enumerate([first, *screens]):
            shortcut = f"F{index + 1}"
            self.nav.add(key, title, shortcut)
            if index == 0:
                # The emergency screen is made to fit (tests/ui/test_home_layout.py) and
                # scrolls its own parts; a scroll bar around it would only shift it.
                self._first = widget
                self.stack.addWidget(widget)
            else:
                self._pages.append(LazyPage(widget))
                self.stack.addWidget(self._pages[-1])
            self._keys.append(key)
            QShortcut(QKeySequence(shortcut), self, activated=lambda i=index: self.show_index(i))
        self.nav_group.idClicked.connect(self.show_index)

        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.nav)
        body_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if drill is not None:
            header.hold_drill_banner(drill)
        self.top = Zone(header, *([alarm] if alarm is not None else []), object_name="topZone")
        layout.addWidget(self.top)
        for bar in bars:
            layout.addWidget(bar)
        layout.addWidget(body, 1)
        if footer is not None:
            layout.addWidget(footer)
        self.setCentralWidget(central)
        self._paint_watch = _FirstPaint(self)
        self.show_index(0)

    def show_index(self, index: int) -> None:
        if index > 0:
            self._pages[index - 1].page()  # built on first use
        self.stack.setCurrentIndex(index)
        self.nav_group.button(index).setChecked(True)

    def show_screen(self, key: str) -> None:
        self.show_index(self._keys.index(key))

    def current_screen(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def screen(self, key: str) -> QWidget:
        """The screen, built now (not shown) if it never was: the one way in for callers
        and tests that reach into a hidden screen."""
        index = self._keys.index(key)
        return self._first if index == 0 else self._pages[index - 1].page()

    def is_built(self, key: str) -> bool:
        index = self._keys.index(key)
        return index == 0 or self._pages[index - 1].is_built()


class _FirstPaint(QObject):
    """Emits the window's `painted` once, on its first paint event."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            self._window.painted.emit()
        return False
