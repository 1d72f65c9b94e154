"""PostgreSQL stopped under a running hub: the hub answers 503 `storage_unavailable` with a
Retry-After, stays up, and serves again once the server is back (a cluster of the test's
own: stopping the session's would pull it from under the other tests)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.helpers import postgres
from tests.helpers.hub_process import ROOT, start_hub
from tests.hub.pushes import push_body
from tests.hub.test_hub_process import enrol_desk

BACK_LIMIT = 60  # seconds for the hub to serve again after the server is back


@pytest.fixture
def own_cluster(pg_cluster):  # pg_cluster: skipped (failed on CI) where PostgreSQL is missing
    cluster = postgres.start_cluster()
    cluster.execute("CREATE DATABASE hub")
    yield cluster
    postgres.remove(cluster)


def test_postgresql_stopped_under_the_hub_then_back(own_cluster, tmp_path, desk_events):
    url = own_cluster.url("hub")
    hub = start_hub(url, log=tmp_path / "hub.log")
    try:
        desk = enrol_desk(hub.url, url)
        assert desk.post("/v1/push", push_body(desk_events[:3])).status == 200
        own_cluster.stop("fast")
        away = desk.post("/v1/push", push_body(desk_events[3:]))
        assert (away.status, away.body["error"]) == (503, "storage_unavailable")
        assert int(away.headers["Retry-After"]) > 0
        assert hub.proc.poll() is None, "the hub died with its database"
        own_cluster.start()
        back = _until_served(desk, lambda: desk.post("/v1/push", push_body(desk_events[3:])))
        assert back.body["accepted"] == len(desk_events) - 3
        _until_logged(hub, "this hub holds")  # "one hub per database" again
        second = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "hub", "--db", url, "--host", "127.0.0.1",
             "--port", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert (second.returncode, "another hub already runs" in second.stderr) == (2, True)
    finally:
        hub.stop()
    assert "Traceback" not in hub.errors()


def _until_served(desk, call):
    deadline = time.monotonic() + BACK_LIMIT
    while True:
        answer = call()
        if answer.status != 503:
            return answer
        assert time.monotonic() < deadline, "the hub did not serve again after the restart"


def _until_logged(hub, words: str) -> None:
    deadline = time.monotonic() + BACK_LIMIT
    while words not in hub.errors():
        assert time.monotonic() < deadline, f"the hub never logged {words!r}"
        time.sleep(0.2)  # a poll interval, not a guess at how long anything takes
