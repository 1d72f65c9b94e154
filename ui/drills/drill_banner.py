"""DrillBanner: while a drill runs, every screen says so — and shows what just happened.

It shows in the header, in place of the program's name (HeaderBar.hold_drill_banner): one
line, cut short with "…" (the whole text in its tooltip), so the header never grows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.common.ask import Confirm
from ui.common.elided_label import ElidedLabel
from ui.drills.drill_controller import DrillController


class DrillBanner(QFrame):
    stop_requested = Signal()  # the trainer confirmed: end the drill now

    def __init__(self, *, drills: DrillController,
                 confirm: Confirm,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillBanner")
        self._drills = drills
        self._confirm = confirm
        self.text = ElidedLabel(objectName="drillText")
        self.stop_button = QPushButton(self.tr("End the drill"), objectName="stopDrill")
        self.stop_button.clicked.connect(self.ask_stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 0, 4, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.stop_button)
        drills.ticked.connect(self.refresh)
        drills.started.connect(lambda _s: self.refresh())
        drills.finished.connect(lambda _r: self.hide())
        self.hide()

    def refresh(self) -> None:
        d = self._drills
        self.setVisible(d.running)
        if not d.running:
            return
        seconds = int(d.elapsed().total_seconds())
        speed = self.tr(" ×{0}").format(d.rate) if d.rate > 1 else ""
        text = self.tr("DRILL{0} · {1} · {2}:{3:02d}").format(speed, d.scenario.title,
                                                            seconds // 60, seconds % 60)
        if d.last_inject:
            text += self.tr(" — now: {0}").format(d.last_inject)
        self.text.setText(text)

    def ask_stop(self) -> None:
        """Ending scores the drill at once and cannot be undone: a stray press must not."""
        if not self._drills.running:
            return
        # Asked under the window: under the header bar the question took its white text.
        self._confirm(self.window(), self.tr("End the drill?"), self.tr(
            "End the drill “{0}” now and score it? What has not been done by now counts "
            "as not done, and the drill cannot be continued.").format(
                self._drills.scenario.title),
            lambda: self._drills.running and self.stop_requested.emit())
