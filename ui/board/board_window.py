"""BoardWindow: the supervisor's view of the hall (`main.py --board`).

Every desk's running incidents with their countdowns, the desks and their state, the
hub's link; an alarm rings (the desk's banner and sound, the desk named) on a miss at any
desk not acknowledged there, or on a desk silent past a due time. Silencing (F9) is this
board's own and is recorded nowhere. Drills are marked and never ring.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.clock.hall_time import local_text
from models.services.hall import Alarm, HallPicture
from ui.board.board_cards import BoardCards, DeskList, clock_text
from ui.board.board_controller import BoardController
from ui.common.elided_label import ElidedLabel
from ui.window.alarm_banner import AlarmBanner
from ui.window.alarm_sound import AlarmSound

DESKS_WIDTH = 280


class BoardWindow(QMainWindow):
    def __init__(self, *, controller: BoardController, sound: AlarmSound, zone: ZoneInfo,
                 hall: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardWindow")
        self.setWindowTitle(self.tr("Emergency Desk — hall board"))
        self.controller = controller
        self.sound = sound
        self._zone = zone
        self.title = QLabel(self.tr("Hall board"), objectName="appTitle")
        self.hall = ElidedLabel(hall, objectName="placeLabel")
        self.link = QLabel(objectName="boardLink")
        self.time = QLabel(objectName="clockLabel")
        header = QFrame(objectName="headerBar")
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 4, 12, 4)
        top.addWidget(self.title)
        top.addSpacing(16)
        top.addWidget(self.hall, 1)
        top.addWidget(self.link)
        top.addSpacing(16)
        top.addWidget(self.time)
        self.banner = AlarmBanner()
        self.banner.button.setText(self.tr("Silence here (not recorded)") + "  F9")
        self.warnings = ElidedLabel(objectName="boardWarnings")
        self.cards = BoardCards(zone=zone)
        scroll = QScrollArea(objectName="boardScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.cards)
        self.desks = DeskList(zone=zone)
        self.desks.setFixedWidth(DESKS_WIDTH)
        body = QHBoxLayout()
        body.setContentsMargins(12, 8, 12, 8)
        body.addWidget(scroll, 1)
        body.addWidget(self.desks)
        central = QWidget(objectName="boardCentral")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.warnings)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        controller.changed.connect(self.redraw)
        controller.link_changed.connect(lambda _link: self.show_link())
        controller.alarm_changed.connect(self._alarm)
        self.banner.acknowledge.connect(controller.silence)
        self.show_link()
        self.redraw()

    def redraw(self) -> None:
        picture = self.controller.picture()
        alarming = self.controller.alarming(picture)
        self.cards.show_picture(picture, {(a.origin, a.deadline) for a in alarming})
        self.desks.show_picture(picture)
        self.banner.show_text(self.alarm_text(alarming))
        self.warnings.setText(self.warning_text(picture))
        self.warnings.setVisible(bool(self.warnings.text()))
        self.time.setText(local_text(picture.now, self._zone, "%Y-%m-%d %H:%M:%S"))

    def alarm_text(self, alarming: list[Alarm]) -> str:
        parts = [(self.tr("{0} NOT RESPONDING: {1} ({2}) was due") if a.silent else
                  self.tr("{0}: {1} ({2}) missed")).format(a.desk, a.label,
                                                           a.number or a.situation)
                 for a in alarming[:3]]
        if not parts:
            return ""
        text = self.tr("⚠ ") + "；".join(parts)
        if len(alarming) > 3:
            text += self.tr(" and {0} more").format(len(alarming) - 3)
        return text

    def warning_text(self, picture: HallPicture) -> str:
        return "；".join(clock_text(d) for d in picture.clock_warnings)

    def show_link(self) -> None:
        texts = {"connecting": self.tr("connecting to the hub…"),
                 "ok": self.tr("hub connected"),
                 "unreachable": self.tr("hub unreachable: showing what it last said"),
                 "refused": self.tr("the hub refused this board: enrol it again")}
        self.link.setText(texts.get(self.controller.link, self.controller.link))
        self.link.setToolTip(self.controller.why)
        self.link.setProperty("link", self.controller.link)
        self.link.style().unpolish(self.link)
        self.link.style().polish(self.link)

    def _alarm(self, ringing: bool) -> None:
        self.sound.set_playing(ringing)
        if ringing:
            if self.isMinimized():
                self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
                self.raise_()
            QApplication.alert(self)

    def closeEvent(self, event) -> None:
        self.sound.set_playing(False)
        self.controller.stop()
        super().closeEvent(event)
