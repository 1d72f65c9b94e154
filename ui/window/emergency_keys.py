"""EmergencyKeys: F9 acknowledges the alarm and F10–F12 press 110 / 119 / 120 from every
window the desk opens, whatever has the keyboard focus.

The main window carries these keys on its own buttons (the alarm banner's and the bar's).
Every other window — the record form, a correction, a contact, the plan used, the level
helper, a question, a file dialog — gets the same four keys as shortcuts of its own the first
time it takes the focus. Why per window and not one application-wide shortcut or filter:
- a shortcut with `Qt.ApplicationShortcut` context is refused while its owner window is
  blocked by a modal window (a file dialog, a window-modal dialog over the desk), and it would
  be ambiguous with the buttons' own F9–F12 in the main window (then neither fires);
- an application event filter sees every event of every object (about 1,500 to build one
  form) and in PySide each costs a call into Python: a few ms on every screen built.
A shortcut owned by the window that has the focus is never blocked by that window's own
modality, costs nothing between key presses, and a text field does not take function keys
from it (QLineEdit / QPlainTextEdit override only keys that type or edit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import QApplication, QWidget

ACKNOWLEDGE_KEY = "F9"
CALL_KEYS = ("F10", "F11", "F12")
ATTACHED = "emergencyKeys"  # property set on a window once it carries the keys


class EmergencyKeys(QObject):
    def __init__(self, *, main: QWidget, acknowledge: Callable[[], object],
                 calls: Sequence[Callable[[], object]]) -> None:
        """`main`: the window whose own buttons already carry the keys; `calls`: what F10,
        F11, F12 do, in this order (fewer numbers on the bar: fewer keys)."""
        super().__init__(main)
        self._main = main
        self._actions = [(ACKNOWLEDGE_KEY, acknowledge), *zip(CALL_KEYS, calls, strict=False)]
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self._window_focused)

    def _window_focused(self, window: QWindow | None) -> None:
        if window is None:
            return
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() == window:
                self.attach(widget)
                return

    def attach(self, window: QWidget) -> None:
        """Give `window` the keys (once; never to the main window: its buttons have them)."""
        if window is self._main or window.property(ATTACHED):
            return
        window.setProperty(ATTACHED, True)
        for key, action in self._actions:
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)  # a key held down is one press, never several calls
            shortcut.activated.connect(action)
