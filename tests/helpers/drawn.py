"""Waiting for the redraws a press puts off until its guided view has been painted."""

from PySide6.QtWidgets import QWidget

from ui.common.after_paint import AfterPaint


def drawn(qtbot, widget: QWidget) -> None:
    """Every redraw waiting (ui/common/after_paint.py) in the widget's window has run."""
    waiting = widget.window().findChildren(AfterPaint)
    qtbot.waitUntil(lambda: not any(redraw.pending() for redraw in waiting), timeout=1000)
