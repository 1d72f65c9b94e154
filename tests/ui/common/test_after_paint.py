"""AfterPaint: at once when not held; held, just after the repaint waiting, once."""

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.common import after_paint
from ui.common.after_paint import AfterPaint


class PaintLog(QObject):
    """Notes each paint of the watched widget in a shared log."""

    def __init__(self, widget: QWidget, log: list[str]) -> None:
        super().__init__()
        self._log = log
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._log.append("paint")
        return False


def shown_widget(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()  # its first paint done
    return widget


def test_not_held_it_runs_at_once():
    log = []
    redraw = AfterPaint(lambda: log.append("work"), hold=lambda: False)
    redraw.request()
    assert log == ["work"] and not redraw.pending()


def test_held_it_runs_after_a_repaint_asked_for_later_in_the_same_handler(qtbot):
    """The press's command asks for the redraw before the guided view is filled: the view's
    repaint, asked for after, is still painted first (one queued turn would run before it)."""
    widget = shown_widget(qtbot)
    log: list[str] = []
    redraw = AfterPaint(lambda: log.append("work"), hold=lambda: True, parent=widget)
    watch = PaintLog(widget, log)
    with qtbot.waitSignal(redraw.ran, timeout=1000):
        redraw.request()  # as the command does, first
        widget.update()  # as the guided view does, after
        assert log == [] and redraw.pending()
    assert log == ["paint", "work"]
    del watch


def test_held_requests_run_it_once(qtbot):
    widget = shown_widget(qtbot)
    log: list[str] = []
    redraw = AfterPaint(lambda: log.append("work"), hold=lambda: True, parent=widget)
    with qtbot.waitSignal(redraw.ran, timeout=1000):
        for _ in range(3):
            redraw.request()
    for _ in range(3):  # any turn still queued would be delivered by now
        QApplication.processEvents()
    assert log == ["work"] and not redraw.pending()


def test_a_request_not_held_draws_at_once_even_with_one_waiting(qtbot):
    widget = shown_widget(qtbot)
    held = [True]
    log: list[str] = []
    redraw = AfterPaint(lambda: log.append("work"), hold=lambda: held[0], parent=widget)
    redraw.request()
    held[0] = False
    redraw.request()  # e.g. a tick's reload right after the press: not held back
    assert log == ["work"]
    with qtbot.waitSignal(redraw.ran, timeout=1000):
        pass  # the one waiting still runs, drawing what is stored by then
    assert log == ["work", "work"]


def test_the_turns_posted_are_qts_own_events_not_pythons(qtbot, monkeypatch):
    """Qt deletes a posted event after delivery; one made in Python is deleted through
    PySide's record of its wrapper, which crashed PySide 6.11 now and then (see
    AfterPaint._queue_turn). Every turn posted must be an event Qt made."""
    posted: list[bool] = []

    class Spy:
        @staticmethod
        def postEvent(receiver, event, priority) -> None:
            posted.append(shiboken6.createdByPython(event))
            QCoreApplication.postEvent(receiver, event, priority)

    monkeypatch.setattr(after_paint, "QCoreApplication", Spy)
    widget = shown_widget(qtbot)
    redraw = AfterPaint(lambda: None, hold=lambda: True, parent=widget)
    with qtbot.waitSignal(redraw.ran, timeout=1000):
        redraw.request()
    assert posted == [False, False]  # both turns
