"""BoardController: the hall board's link to its hub, and what rings.

A worker thread (never the GUI thread) takes the hub's board snapshot, then long-polls the
hall's events (/v1/events, `wait` seconds), and hands each answer, as plain data, to the GUI
thread through a queued signal; there the Hall folds it (models.services.hall). The hub's
time is our clock plus the offset measured on each answer's `now`; the countdowns tick on
the injected clock (`tick`, once a second from a QTimer).

Silencing the board is local and not recorded (the record is the desk's own
acknowledgement): the alarms silenced are remembered by deadline, and a new one rings again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from models.services.hall import Alarm, Hall, HallPicture, hub_offset, parse_time
from models.sync.client import HubUnreachable
from models.sync.protocol import REVOKED, UNAUTHORIZED, HubError

WAIT_SECONDS = 25  # the long-poll's wait (models.sync.protocol.MAX_WAIT_SECONDS)
RETRY_SECONDS = 2.0  # after the hub could not be reached, before trying again
TICK_MS = 1000
log = logging.getLogger(__name__)


class BoardController(QObject):
    changed = Signal()  # the picture changed: folded news, or a tick of the clock
    alarm_changed = Signal(bool)  # something rings (not silenced) / nothing does
    link_changed = Signal(str)  # "connecting" | "ok" | "unreachable" | "refused"
    _arrived = Signal(str, object, object, object)  # what, body, sent, received (worker→GUI)
    _lost = Signal(str, str)  # link state, why (worker→GUI)

    def __init__(self, *, client: Any, now: Callable[[], datetime], hall: Hall | None = None,
                 wait: float = WAIT_SECONDS, retry_seconds: float = RETRY_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hall = hall or Hall()
        self.link = "connecting"
        self.why = ""  # what the hub or the network said when the link is not ok
        self._client = client
        self._now = now
        self._wait = wait
        self._retry = retry_seconds
        self._offset = timedelta(0)
        self._silenced: set[tuple[str, int, bool]] = set()
        self._ringing = False
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._arrived.connect(self._take)
        self._lost.connect(self._set_link)

    # -- the picture -----------------------------------------------------------------------
    def hub_now(self) -> datetime:
        return self._now() + self._offset

    def picture(self) -> HallPicture:
        return self.hall.picture(self.hub_now())

    def alarming(self, picture: HallPicture | None = None) -> list[Alarm]:
        """What rings: the alarms of the picture not silenced on this board."""
        picture = picture or self.picture()
        return [a for a in picture.alarms if a.key not in self._silenced]

    def silence(self) -> None:
        """F9 on the board: what rings now stops here (nothing is recorded anywhere)."""
        self._silenced |= {a.key for a in self.alarming()}
        self.tick()

    def tick(self) -> None:
        self.changed.emit()
        self._update_alarm()

    def _update_alarm(self) -> None:
        ringing = bool(self.alarming())
        if ringing != self._ringing:
            self._ringing = ringing
            self.alarm_changed.emit(ringing)

    # -- the link ----------------------------------------------------------------------------
    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="board-hub", daemon=True)
        self._thread.start()
        self._ticker.start()

    def stop(self) -> None:
        """Quitting: the worker's wait is cut short (the socket is closed under it)."""
        self._ticker.stop()
        self._stopping.set()
        self._client.abort()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _take(self, what: str, body: dict[str, Any], sent: datetime,
              received: datetime) -> None:
        hub_now = parse_time(body.get("now"))
        if hub_now is not None:
            self._offset = hub_offset(sent, received, hub_now)
        if what == "board":
            self.hall.take_board(body)
        else:
            self.hall.take_events(body)
        self._set_link("ok", "")
        self.tick()

    def _set_link(self, link: str, why: str) -> None:
        self.why = why
        if link != self.link:
            self.link = link
            self.link_changed.emit(link)

    # -- the worker thread: network only, plain data out --------------------------------------
    def _run(self) -> None:
        cursor, snapshot, more = 0, True, False
        while not self._stopping.is_set():
            try:
                if snapshot:
                    body = self._ask(self._client.board)
                    self._arrived.emit("board", *body)
                    cursor, snapshot = self._from(cursor, int(body[0].get("cursor") or 0)), False
                page, sent, received = self._ask(self._client.pull, cursor,
                                                 wait=0 if more else self._wait)
                # a long-poll's `now` is when the hub answered, not the middle of the wait
                self._arrived.emit("events", page, sent if more else received, received)
                cursor = max(cursor, int(page.get("cursor") or 0))
                more = bool(page.get("more"))
                # an incident's number is in the hub's picture, not in its events
                snapshot = any(e.get("kind") == "started" for e in page.get("events") or [])
                continue
            except HubUnreachable as e:
                state, why = "unreachable", str(e)
            except HubError as e:
                state = "refused" if e.code in (REVOKED, UNAUTHORIZED) else "unreachable"
                why = str(e)
            except Exception as e:
                log.exception("board link")
                state, why = "unreachable", str(e)
            if self._stopping.is_set():
                return
            self._lost.emit(state, why)
            snapshot = True  # the hub may have restarted: start again from its picture
            self._stopping.wait(self._retry * (30 if state == "refused" else 1))

    @staticmethod
    def _from(cursor: int, snapshot: int) -> int:
        """Where to read the stream from after a snapshot: the first one's cursor; after that
        ours (a snapshot leaves out what closed meanwhile: its events must still be read),
        unless the hub now holds less than we read (a hub started afresh)."""
        return snapshot if cursor == 0 or snapshot < cursor else cursor

    def _ask(self, call: Callable[..., dict[str, Any]], *args: Any,
             **kwargs: Any) -> tuple[dict[str, Any], datetime, datetime]:
        """The hub's answer, with our clock's time before and after (the hub's offset)."""
        sent = self._now()
        body = call(*args, **kwargs)
        return body, sent, self._now()
