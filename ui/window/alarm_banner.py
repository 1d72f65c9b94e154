"""AlarmBanner: a missed deadline shows on every screen until it is acknowledged.

It covers the header while it shows (MainWindow puts both in one Zone): the window keeps its
height and nothing under the clerk's finger moves. One line, cut short with "…" when long;
the whole text is in its tooltip and on the timer cards.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from models.services.incidents import DeadlineView
from ui.common.elided_label import ElidedLabel
from ui.window.timer_panel import format_countdown


class AlarmBanner(QFrame):
    acknowledge = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.text = ElidedLabel(objectName="alarmText")
        self.button = QPushButton(self.tr("Acknowledge (stop the alarm)") + "  F9",
                                  objectName="acknowledgeButton")
        self.button.setShortcut(QKeySequence("F9"))  # from any screen, whatever has focus
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.acknowledge.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._flash = False
        self.hide()

    def show_alarms(self, alarming: list[DeadlineView], now: datetime) -> None:
        self.setVisible(bool(alarming))
        if not alarming:
            return
        parts = [(self.tr("{0} ({1}) decision point reached {2} ago") if v.is_decision
                  else self.tr("{0} ({1}) overdue {2}")).format(
            v.label, (self.tr("[DRILL] ") if v.is_drill else "") + v.situation_name,
            format_countdown(v.remaining(now)).lstrip("+"))
            for v in alarming[:3]]
        more = len(alarming) - 3
        # a decision point rings but is never a miss (models/incidents/deadlines.py)
        prefix = (self.tr("Decide: ") if all(v.is_decision for v in alarming)
                  else self.tr("⚠ Missed: "))
        text = prefix + "；".join(parts)
        if more > 0:
            text += self.tr(" and {0} more").format(more)
        self.show_text(text)

    def show_text(self, text: str) -> None:
        """One line of alarm, flashing at each call (the hall board's: remote desks named);
        "" hides the banner."""
        self.setVisible(bool(text))
        if not text:
            return
        self.text.setText(text)
        self._flash = not self._flash
        self.setProperty("flash", self._flash)
        self.style().unpolish(self)
        self.style().polish(self)
