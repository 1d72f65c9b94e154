"""The board's link: after the hub was out of reach it takes the hub's picture again but
reads the stream on from where it was (what closed meanwhile is only in the stream), says
the link's state, and a refused token is a state, not a crash."""

import threading
from datetime import UTC, datetime, timedelta

from models.clock.clocks import FakeClock
from models.sync.client import HubUnreachable
from models.sync.protocol import HubError
from tests.ui.board.recorded_hub import RecordedHub
from ui.board.board_controller import BoardController


class FlakyHub(RecordedHub):
    """The recorded answers, then the hub out of reach once, then a newer snapshot."""

    def __init__(self, failure):
        super().__init__()
        self.failure = failure
        self.boards = 0
        self.failed = threading.Event()

    def board(self):
        self.boards += 1
        return self.snapshot if self.boards == 1 else {**self.snapshot, "cursor": 45,
                                                       "incidents": []}

    def pull(self, after, *, wait=0, limit=None):
        if len(self.pulls) == 1 and not self.failed.is_set():
            self.failed.set()
            self.pulls.append(after)
            raise self.failure
        return super().pull(after, wait=wait, limit=limit)


def controller_on(qtbot, hub):
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    controller = BoardController(client=hub, now=clock.now, retry_seconds=0.01)
    links = []
    controller.link_changed.connect(links.append)
    controller.start()
    return controller, links


def test_after_the_hub_was_away_the_stream_is_read_on_from_where_it_was(qtbot):
    hub = FlakyHub(HubUnreachable("connection refused"))
    controller, links = controller_on(qtbot, hub)
    try:
        qtbot.waitUntil(lambda: len(hub.pulls) >= 3, timeout=5000)
        assert hub.pulls == [40, 41, 41]  # not 45: the newer snapshot's
        assert hub.boards == 2
        qtbot.waitUntil(lambda: links[-1:] == ["ok"], timeout=5000)
        assert "unreachable" in links
        # the snapshot without the incidents takes nothing back: the stream closes them
        assert len(controller.picture().incidents) == 3
    finally:
        controller.stop()


def test_a_revoked_board_says_so(qtbot):
    hub = FlakyHub(HubError(401, "revoked", {"message": "enrol again"}))
    controller, links = controller_on(qtbot, hub)
    try:
        qtbot.waitUntil(lambda: "refused" in links, timeout=5000)
        assert "enrol again" in controller.why
    finally:
        controller.stop()


class WaitingHub(RecordedHub):
    """A long-poll that waits 20 s on the board's clock before the hub answers `now`."""

    def __init__(self, clock, hub_ahead):
        super().__init__()
        self.clock, self.ahead = clock, hub_ahead

    def board(self):
        return {**self.snapshot, "now": (self.clock.now() + self.ahead).isoformat()}

    def pull(self, after, *, wait=0, limit=None):
        if self.pages:
            self.clock.advance(seconds=20)
            return {**self.pages.pop(0), "now": (self.clock.now() + self.ahead).isoformat()}
        return super().pull(after, wait=wait, limit=limit)


def test_the_hubs_time_is_read_when_a_long_poll_answers_not_midway(qtbot):
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    ahead = timedelta(minutes=3)
    hub = WaitingHub(clock, ahead)
    controller = BoardController(client=hub, now=clock.now)
    controller.start()
    try:
        qtbot.waitUntil(lambda: controller.hall.cursor == 41, timeout=5000)
        assert controller.hub_now() - clock.now() == ahead  # not 10 s more
    finally:
        controller.stop()
