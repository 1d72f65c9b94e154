"""When a widget's paint has finished, not when it began.

Qt paints a window's dirty widgets together, in one UpdateRequest event to the top-level
window; PaintDone handles that event itself and notes when it returned, if the watched
widget was painted in it: the time the clerk sees the result (the whole window's repaint,
children and backing store included)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class PaintDone(QObject):
    """`later`: another widget of the same window whose first paint is timed too
    (`later_done_at`), e.g. what is drawn in the frame after the target's."""

    def __init__(self, target: QWidget, later: QWidget | None = None) -> None:
        super().__init__()
        self._target = target
        self._later = later
        self._window = target.window()
        self._painted = self._later_painted = False
        self._inside = False
        self.done_at: float | None = None  # perf_counter() when the paint had finished
        self.later_done_at: float | None = None
        target.installEventFilter(self)
        if later is not None:
            later.installEventFilter(self)
        self._window.installEventFilter(self)

    def reset(self) -> None:
        self.done_at = self.later_done_at = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._target:
            self._painted = True
        elif event.type() == QEvent.Type.Paint and watched is self._later:
            self._later_painted = True
        elif (event.type() == QEvent.Type.UpdateRequest and watched is self._window
              and not self._inside):
            self._inside, self._painted, self._later_painted = True, False, False
            try:
                self._window.event(event)  # the paint, done here so its end can be timed
            finally:
                self._inside = False
            if self._painted and self.done_at is None:
                self.done_at = time.perf_counter()
            if self._later_painted and self.later_done_at is None:
                self.later_done_at = time.perf_counter()
            return True  # handled
        return False
