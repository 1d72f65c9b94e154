"""Operations: the one way a screen runs a command of a service (after Anki's
aqt.operations).

A command that commits: `changed(Changes)` tells every screen what changed, and each redraws
what concerns it from what is stored. A refusal (the domain's answer, e.g. an empty note) is
raised on to the screen, which says it in its own words. Any other failure (a read-only or
damaged database, a bug) takes the one error path: a message, and the screens redraw what the
command may have changed (models.services.changes.command) from what is stored — so nothing
shows as done that was not committed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from models.services.changes import EVERYTHING, Changes, Outcome
from models.services.refusals import REFUSALS
from ui.common.errors import show_failure

R = TypeVar("R", Changes, Outcome)


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def _showing(box: object) -> bool:
    return isinstance(box, QWidget) and shiboken6.isValid(box) and box.isVisible()


class Operations(QObject):
    changed = Signal(object)  # Changes
    failed = Signal(object)  # the exception, after it was shown

    def __init__(self, *, report: Callable[[QWidget | None, BaseException], object] = show_failure,
                 window: Callable[[], QWidget | None] = _active_window,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._window = window
        self.message: object = None  # the last failure's message box (tests read it)

    def run(self, command: Callable[..., R], *args, **kwargs) -> R | None:
        """The command's Changes (or Outcome) when it committed; None when it failed. (Test
        with `is None`: Changes that name no area, e.g. a draft kept, are falsy.)"""
        try:
            result = command(*args, **kwargs)
        except REFUSALS:
            raise
        except Exception as error:  # every failure takes the one error path
            if not _showing(self.message):  # a failing tick does not stack up messages
                self.message = self._report(self._window(), error)
            self.failed.emit(error)
            # What the command may have changed is drawn again from the store (an unmarked
            # command: everything), so a press that failed shows undone.
            redraw = getattr(command, "touches", EVERYTHING)
            if redraw:
                self.changed.emit(redraw)
            return None
        changes = result.changes if isinstance(result, Outcome) else result
        if changes:
            self.changed.emit(changes)
        return result
