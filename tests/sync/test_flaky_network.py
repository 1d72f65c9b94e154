"""Lost answers, duplicated and slow deliveries between a real desk engine and a real hub,
through tests/helpers/flaky_proxy.py: however the pushes go, the hub ends holding every link
exactly once, and the desk's backlog reaches 0."""

import time

import pytest

from models.services.sync import SyncService
from models.store import ledger
from models.sync.client import HubClient
from models.sync.engine import Backoff
from tests.helpers.flaky_proxy import DELAY, DROP, DUPLICATE, PASS, FlakyProxy
from tests.sync.conftest import press
from tests.sync.hubs import held, new_code
from tests.sync.test_engine_hub import all_links

ROUNDS_TIMEOUT = 60


def pushes_every(kind: str, every: int):
    """A schedule: every `every`-th push gets `kind`, everything else passes."""
    pushes = []

    def schedule(n: int, line: str) -> str:
        if not line.startswith("POST /v1/push"):
            return PASS
        pushes.append(n)
        return kind if len(pushes) % every == 0 else PASS

    return schedule


def sync_through(proxy_url, desk_path, clock, hub, hub_db, batch=4):
    """Enrol at the hub itself, then push through the proxy in rounds until the backlog is 0
    (a failed round is tried again at once: the test does not wait out the backoff)."""
    service = SyncService(database=desk_path, now=clock.now)
    enrolment = service.enrol(hub.url, new_code(hub_db), desk_name="1号台")
    engine = service.engine(backoff=Backoff(cap=1))
    engine.client = HubClient(proxy_url, enrolment.token, now=clock.now)
    engine.listener = HubClient(proxy_url, enrolment.token, now=clock.now)
    engine._batch = batch
    reports = []
    deadline = time.monotonic() + ROUNDS_TIMEOUT
    try:
        while not reports or reports[-1].error or reports[-1].backlog:
            assert time.monotonic() < deadline, reports[-3:]
            reports.append(engine.round())
    finally:
        engine.close()
    return enrolment.desk_id, reports


@pytest.mark.parametrize(("kind", "every"), [(DROP, 2), (DUPLICATE, 2), (DELAY, 2)])
def test_every_link_arrives_exactly_once(desk_path, incidents, clock, hub, hub_db, kind,
                                         every):
    press(incidents, clock, 10)
    proxy = FlakyProxy(hub.url, pushes_every(kind, every), delay=0.2).start()
    try:
        desk_id, reports = sync_through(proxy.url, desk_path, clock, hub, hub_db)
    finally:
        proxy.stop()
    assert held(hub_db, desk_id) == all_links()
    assert [what for _, what in proxy.done].count(kind) >= 2  # the fault really happened
    pushed, duplicates = (sum(r.pushed for r in reports), sum(r.duplicates for r in reports))
    if kind == DROP:  # a push whose answer was lost: the hello after it says the hub has it
        assert pushed < ledger.head()[0]
        assert any("unreachable" in r.error for r in reports)
    elif kind == DUPLICATE:  # the desk hears the second delivery: all already held
        assert duplicates > 0 and pushed + duplicates == ledger.head()[0]
    else:
        assert (pushed, duplicates) == (ledger.head()[0], 0)
