"""The hub's store on both dialects: `store_url` is a SQLite file or an empty PostgreSQL
database (the `pg_url` fixture), so every contract test runs on each."""

from __future__ import annotations

import pytest

from hub.store import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "hub.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def served(store):
    """The hub application on `store`, served on a loopback port in this process."""
    from hub.app import build_app
    from tests.hub.serving import Served

    running = Served(build_app(store)).start()
    yield running
    running.stop()


@pytest.fixture
def enrol(served, store):
    """enrol(name, kind="desk") -> a Client holding the new token (its `.enrolled` answer)."""
    from datetime import UTC, datetime

    from hub.enrolment import issue_code
    from tests.hub.serving import Client

    def make(name: str = "1号台", kind: str = "desk", hall: str | None = None,
             replaces: str = "") -> Client:
        code, _ = issue_code(store, kind=kind, hall=hall, valid_hours=1,
                             now=datetime.now(UTC))
        extra = {"replaces": replaces} if replaces else {}
        answer = Client(served.url).post("/v1/enrol", {"proto": 1, "schema": 7, "app": "t",
                                                       "code": code, "name": name, **extra})
        assert answer.status == 201, answer.body
        client = Client(served.url, answer.body["token"])
        client.enrolled = answer.body
        return client

    return make


@pytest.fixture
def desk_events(shipped_catalog, desk_db):
    """A real desk file's chain after a handled day, as push events."""
    from models.clock.clocks import FakeClock
    from tests.hub.desk_file import handle_a_day, ledger_events

    handle_a_day(shipped_catalog, desk_db[1], FakeClock())
    return ledger_events()
