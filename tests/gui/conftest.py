"""The GUI layer: the real desk on an X server (Xvfb, 1366×768) under a window manager
(openbox) that keeps a 40 px taskbar margin at the bottom, driven by xdotool.

One X server and window manager per test session (x_session.py); one desk process per test
(desk_probe.py says what it adds to main.py). Nothing sleeps: every wait polls a condition
with a deadline. Where the X tools are missing the tests skip, naming the package (on CI,
tests/conftest.py turns a skip into a failure).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.gui.desk_db import prepare_desk
from tests.gui.driver import Desk
from tests.gui.x_session import missing_tools, x_session

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def x_display(tmp_path_factory):
    """An X display with the window manager and its taskbar margin in place."""
    if missing := missing_tools():
        pytest.skip("the GUI layer needs " + ", ".join(missing))
    with x_session(tmp_path_factory.mktemp("x")) as display:
        yield display


@pytest.fixture
def launch_desk(x_display, tmp_path):
    """launch_desk(**prepare_desk arguments) → a running desk, its window shown and
    active; ended after the test."""
    started: list[Desk] = []

    def launch(**prepared) -> Desk:
        database = prepare_desk(tmp_path / f"desk{len(started)}", **prepared)
        started.append(Desk.start(display=x_display, database=database,
                                  python=sys.executable))
        return started[-1]

    yield launch
    for desk in started:
        desk.stop()
