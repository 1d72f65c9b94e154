import os

import pytest

REPEAT = int(os.environ.get("PERF_REPEAT", "7"))


@pytest.fixture
def repeat() -> int:
    return REPEAT


@pytest.fixture(autouse=True)
def silent_desk(monkeypatch):
    """No sound player spawned by the benchmarks' desks (tests/ui/conftest.py)."""
    monkeypatch.setattr("ui.window.desk.find_player", lambda: None)
