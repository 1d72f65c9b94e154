"""HallStrip: "本厅其他窗口" on a desk enrolled at a hall hub: the other desks' running
incidents in one line (each with its next countdown, a miss in red), fed by the board's own
fold (models.services.hall, the desk's own incidents skipped) over the desk's token.

One line in the header, beside the desk's name: it takes no height from the screens under
it (the emergency bar at 1366×768 with the taskbar). It rings nothing: the desk's alarm is
the clerk's own duties; another desk's miss turns the strip red. A desk not enrolled has
no strip.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.services.hall import Hall, HallPicture, IncidentCard
from models.sync.client import HubClient, off_the_main_thread
from models.sync.state import Enrolment
from ui.board.board_controller import BoardController
from ui.common.elided_label import ElidedLabel
from ui.window.timer_panel import format_countdown

STRIP_CHARS = 28  # what it asks for in the header; it takes more when there is room


class HallStrip(ElidedLabel):
    def __init__(self, *, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(objectName="hallStrip", chars=STRIP_CHARS, parent=parent)
        self.controller = controller
        controller.changed.connect(self.redraw)
        controller.link_changed.connect(lambda _link: self.redraw())
        self.redraw()

    def start(self) -> None:
        """With the desk (ui/window/desk.py Desk.start): its worker starts talking to the hub."""
        self.controller.start()

    def redraw(self) -> None:
        picture = self.controller.picture()
        ringing = {(a.origin, a.incident) for a in self.controller.alarming(picture)}
        self.setText(self.strip_text(picture, ringing))
        state = ("alarm" if ringing else "away" if self.controller.link != "ok" else
                 "running" if picture.incidents else "quiet")
        if self.property("state") != state:
            self.setProperty("state", state)
            self.style().unpolish(self)
            self.style().polish(self)

    def strip_text(self, picture: HallPicture, ringing: set[tuple[str, int]]) -> str:
        head = self.tr("Other desks: ")
        if self.controller.link == "refused":
            return head + self.tr("the hub refused this desk")
        if not picture.incidents:
            quiet = self.tr("nothing running") if self.controller.link == "ok" else \
                self.tr("hub not reached yet")
            return head + quiet
        return head + "；".join(self._incident_text(c, picture.now,
                                                     (c.origin, c.incident) in ringing)
                                for c in picture.incidents)

    def _incident_text(self, card: IncidentCard, now: datetime, ringing: bool) -> str:
        drill = self.tr("[DRILL] ") if card.is_drill else ""
        text = f"{card.desk} {drill}{card.situation}"
        if ringing:
            return text + " " + self.tr("MISSED")
        due = [d for d in card.deadlines if d.status == "pending" and d.due is not None]
        if due:
            text += " " + format_countdown(min(d.due for d in due) - now)
        return text


def build_hall_strip(*, enrolment: Enrolment | None,
                     now: Callable[[], datetime]) -> HallStrip | None:
    """The strip of a desk enrolled at a hub (its controller not started yet); None when
    the desk is not enrolled. `now`: real time (a drill's faster clock is the desk's own)."""
    if enrolment is None or not enrolment.hub_url:
        return None
    client = HubClient(enrolment.hub_url, enrolment.token, guard=off_the_main_thread)
    controller = BoardController(client=client, now=now, hall=Hall(own=enrolment.desk_id))
    strip = HallStrip(controller=controller)
    controller.setParent(strip)
    QCoreApplication.instance().aboutToQuit.connect(controller.stop)
    return strip
