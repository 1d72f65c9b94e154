"""HeaderBar: who and where (hall, desk, clerk on duty) and the time, on every screen.

While a drill runs, the drill banner takes the place of the program's name and the hall
(`hold_drill_banner`): the header keeps its height, so nothing below it moves.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from models.clock.clocks import Clock
from ui.common.elided_label import ElidedLabel
from ui.common.zone import Zone


class HeaderBar(QFrame):
    clerk_clicked = Signal()
    call_clicked = Signal()  # an incoming call (F8 from every screen: ui.window.desk)

    def __init__(self, *, clock: Clock, hall: str, desk: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self._clock = clock
        self.title = QLabel(self.tr("Emergency Desk"), objectName="appTitle")
        self.place = ElidedLabel(objectName="placeLabel")  # a long hall name never widens
        # F8 itself is the main window's (ui.window.desk): the alarm banner covers the header
        self.call = QPushButton(self.tr("Incoming call F8"), objectName="callButton")
        self.call.clicked.connect(self.call_clicked.emit)
        self.clerk = QPushButton(objectName="clerkButton")
        self.clerk.clicked.connect(self.clerk_clicked.emit)
        self.clerk_dialog: QDialog | None = None  # the "who is on duty?" dialog, once opened
        self.time = QLabel(objectName="clockLabel")
        # a desk syncing with a hall hub: how far (elided: a long state never widens the window)
        self.sync = ElidedLabel(objectName="syncLabel")
        self.sync.hide()
        identity = QWidget(objectName="headerIdentity")
        identity_layout = QHBoxLayout(identity)
        identity_layout.setContentsMargins(0, 0, 0, 0)
        identity_layout.addWidget(self.title)
        identity_layout.addSpacing(16)
        identity_layout.addWidget(self.place, 1)
        self.left = Zone(identity, object_name="headerLeft")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.left, 1)
        layout.addWidget(self.sync)
        layout.addSpacing(16)
        layout.addWidget(self.call)
        layout.addSpacing(8)
        layout.addWidget(self.clerk)
        layout.addSpacing(16)
        layout.addWidget(self.time)
        self.set_place(hall, desk)
        self.set_clerk("")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def hold_drill_banner(self, banner: QWidget) -> None:
        """The drill banner shows in place of the name and the hall while it is shown."""
        self.left.add_cover(banner)

    def set_place(self, hall: str, desk: str) -> None:
        hall = hall or self.tr("(hall not set)")
        desk = desk or self.tr("(desk not set)")
        self.place.setText(f"{hall} · {desk}")

    def set_clerk(self, name: str) -> None:
        self.clerk.setText(self.tr("On duty: {0} ▾").format(name or self.tr("nobody chosen")))
        self.clerk.setProperty("missing", not name)
        self.clerk.style().unpolish(self.clerk)
        self.clerk.style().polish(self.clerk)

    def set_sync(self, text: str) -> None:
        """Where the desk stands with its hall hub ("" for a desk never enrolled: hidden)."""
        self.sync.setText(text)
        self.sync.setVisible(bool(text))

    def tick(self) -> None:
        self.time.setText(self._clock.local(self._clock.now()).strftime("%Y-%m-%d %H:%M:%S"))
