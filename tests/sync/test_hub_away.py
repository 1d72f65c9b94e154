"""With no hub to reach, the desk is today's desk: presses are stored, the round says the hub
is unreachable and when to try again, and the backlog counts every link not acknowledged,
from what was stored last (correct at start with the hub away). A desk never enrolled has no
engine and no backlog."""

import socket
from datetime import UTC, datetime

from models.services.sync import SyncService
from models.store import ledger
from models.sync import state
from models.sync.engine import Backoff
from models.sync.state import Enrolment, Progress
from tests.sync.conftest import press


def dead_url() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}"


def enrolled(clock, url: str) -> None:
    state.enrol(Enrolment(url, "hub1", "desk1", "edk1.t", "hall1", "城东营业厅"), clock.now())


def test_a_desk_never_enrolled_has_no_engine(desk_path, clock):
    service = SyncService(database=desk_path, now=clock.now)
    assert service.enrolment() is None
    assert service.engine() is None


def test_presses_with_the_hub_away_are_stored_and_counted(desk_path, incidents, clock):
    enrolled(clock, dead_url())
    service = SyncService(database=desk_path, now=clock.now)
    engine = service.engine(backoff=Backoff(cap=1, rng=lambda: 0.5))
    try:
        press(incidents, clock, 50)
        report = engine.round()
        again = engine.round()
    finally:
        engine.close()
    links = report.local_head
    assert links >= 50 * 2  # each press: started and its deadlines
    assert report.backlog == links and report.pushed == 0
    assert "unreachable" in report.error
    assert (report.retry_in, again.retry_in) == (0.5, 1)
    assert service.standing().backlog == links


def test_the_backlog_is_counted_from_what_the_hub_last_held(desk_path, incidents, clock):
    enrolled(clock, dead_url())
    press(incidents, clock, 3)
    service = SyncService(database=desk_path, now=clock.now)
    acked = Progress().acked(4, "x", datetime(2026, 11, 20, 9, 0, 5, tzinfo=UTC))
    assert service.keep(acked)
    assert service.standing().backlog == ledger.head()[0] - 4
    assert service.standing().synced_at == acked.acked_at
    assert SyncService(database=desk_path, now=clock.now).standing().backlog == \
        ledger.head()[0] - 4  # as a desk started again reads it


def test_progress_is_kept_lazily_but_a_new_state_at_once(desk_path, clock):
    enrolled(clock, dead_url())
    service = SyncService(database=desk_path, now=clock.now)
    first = Progress().acked(1, "a", clock.now())
    assert service.keep(first)
    clock.advance(seconds=59)
    assert not service.keep(first.acked(2, "b", clock.now()))
    assert service.progress().acked_seq == 1
    clock.advance(seconds=1)
    assert service.keep(first.acked(3, "c", clock.now()))
    assert service.progress().acked_seq == 3
    assert service.keep(Progress(acked_seq=3, acked_link="c", state=state.BEHIND))
    assert service.progress().state == state.BEHIND
    assert not service.keep(Progress(acked_seq=3, acked_link="c", state=state.BEHIND),
                            now=True)  # nothing new: nothing written
    assert service.keep(Progress(acked_seq=4, acked_link="d", state=state.BEHIND), now=True)
    assert service.progress().acked_seq == 4
