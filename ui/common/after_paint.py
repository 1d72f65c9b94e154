"""AfterPaint: a redraw that may wait until the screen has shown what the clerk asked for.

A press starts an incident and opens its guided view; the same command also changes the
timer cards and the strip of running incidents. Redrawing them all before the first paint
makes the clerk wait for them too. While `hold()` says so (a press is opening its view),
`request()` runs the redraw just after the repaint already waiting, so it shows in the
frame after; otherwise at once, as before.

How "after the repaint" is kept: Qt queues a window's repaint (its UpdateRequest) as a
posted event of low priority, and posted events of one priority are delivered in order. The
redraw is queued at that priority twice: a repaint asked for after `request()` in the same
event handler is queued behind the first turn but ahead of the second, so it is painted
first.

Several requests while a press opens its view make it run once (it draws what is then
stored). `ran` is emitted after each run: tests wait on it, nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal

_TURN = QEvent.Type(QEvent.registerEventType())
_LOW = Qt.EventPriority.LowEventPriority.value  # the priority Qt gives a window's repaint


class AfterPaint(QObject):
    ran = Signal()

    def __init__(self, work: Callable[[], object], *, hold: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._hold = hold
        self._turns_left = 0  # turns of the event loop before the redraw (0: none waiting)

    def request(self) -> None:
        if not self._hold():
            self._run()  # one still waiting runs as well: it draws what is stored by then
        elif not self._turns_left:
            self._turns_left = 2
            self._queue_turn()

    def pending(self) -> bool:
        return self._turns_left > 0

    def _queue_turn(self) -> None:
        """The turn posted is a copy Qt made (clone), not the event made here: Qt deletes a
        posted event after delivering it, and deleting one made in Python goes through
        PySide's record of its wrapper. PySide 6.11 segfaulted there now and then
        (Shiboken::BindingManager::releaseWrapper, from the event's destructor in
        sendPostedEvents, on a wrapper already freed; in about 1 of 3 runs of
        tests/ui/window/test_cards_come_and_go.py, the same freed wrapper left to crash
        later in a timer card's deletion). Qt's own copy has no such record: Python holds
        no reference to it once posted, and Qt deletes it as it does its own events."""
        QCoreApplication.postEvent(self, QEvent(_TURN).clone(), _LOW)

    def event(self, event: QEvent) -> bool:
        if event.type() != _TURN:
            return super().event(event)
        self._turns_left -= 1
        if self._turns_left:
            self._queue_turn()
        else:
            self._run()
        return True

    def _run(self) -> None:
        self._work()
        self.ran.emit()
