"""A desk on a real database file, built as the desk builds it: the incident service on the
shipped plans and a fake clock, plus the file's path (what the sync worker opens)."""

from pathlib import Path

import pytest

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.services.incidents import IncidentService

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def incidents(desk_db, shipped_catalog, clock):
    return IncidentService(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                           who=lambda: WHO)


@pytest.fixture
def desk_path(desk_db) -> Path:
    return Path(desk_db[0].database)


def press(incidents, clock, times: int = 1, situation: str = "fire") -> list[int]:
    """Start `times` incidents a second apart; their ids."""
    started = []
    for _ in range(times):
        clock.advance(seconds=1)
        started.append(incidents.start(situation).incident_id)
    return started


@pytest.fixture
def hub_db(tmp_path) -> Path:
    return tmp_path / "hub.db"


@pytest.fixture
def hub(hub_db):
    """A real hub process on a SQLite file, stopped after the test."""
    from tests.helpers.hub_process import start_hub

    running = start_hub(hub_db)
    yield running
    if running.proc.poll() is None:
        running.stop()
