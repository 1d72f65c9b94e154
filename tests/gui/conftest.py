"""The GUI layer: the real desk on an X server (Xvfb, 1366×768) under a window manager
(openbox) that keeps a 40 px taskbar margin at the bottom, driven by xdotool.

One X server and window manager per test session; one desk process per test (see
desk_probe.py for what it adds to main.py). Nothing sleeps: every wait polls a condition
with a deadline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.desk_db import prepare_desk
from tests.gui.driver import SCREEN, WORK_AREA, Desk, DeskDriveError, wait_until

HERE = Path(__file__).resolve().parent
OPENBOX_CONFIG = HERE / "openbox-taskbar.xml"
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils",
         "import": "imagemagick"}  # program: the Debian package it comes in


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


def _missing_tools() -> list[str]:
    return [f"{program} (Debian package {package})" for program, package in TOOLS.items()
            if shutil.which(program) is None]


def _start_xvfb(log: Path) -> tuple[subprocess.Popen, str]:
    """Xvfb on a display number it picks itself (-displayfd: free, and ready once told)."""
    read_end, write_end = os.pipe()
    with log.open("w") as out:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=out, stderr=out)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()  # written once the server accepts clients
    if not number:
        server.kill()
        raise DeskDriveError(f"Xvfb did not start: {log.read_text()}")
    return server, f":{number}"


def _work_area(display: str) -> tuple[int, ...] | None:
    done = subprocess.run(["xprop", "-root", "_NET_WORKAREA"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display})
    if "=" not in done.stdout:
        return None
    return tuple(int(v) for v in done.stdout.split("=")[1].split(",")[:4])


@pytest.fixture(scope="session")
def x_display(tmp_path_factory):
    """An X display with the window manager and its taskbar margin in place."""
    if missing := _missing_tools():
        pytest.skip("the GUI layer needs " + ", ".join(missing))
    logs = tmp_path_factory.mktemp("x")
    server, display = _start_xvfb(logs / "xvfb.log")
    with (logs / "openbox.log").open("w") as out:
        manager = subprocess.Popen(["openbox", "--config-file", str(OPENBOX_CONFIG)],
                                   env={**os.environ, "DISPLAY": display},
                                   stdout=out, stderr=out)
    try:
        # The manager is ready when it publishes the work area its margin leaves.
        wait_until(lambda: _work_area(display) == WORK_AREA, 20,
                   f"openbox to publish the work area {WORK_AREA}")
        yield display
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def launch_desk(x_display, tmp_path):
    """launch_desk(**prepare_desk arguments) → a running desk, its window shown and
    focused; closed after the test."""
    started: list[Desk] = []

    def launch(**prepared) -> Desk:
        folder = tmp_path / f"desk{len(started)}"
        database = prepare_desk(folder, **prepared)
        desk = Desk.start(display=x_display, database=database, python=sys.executable)
        started.append(desk)
        return desk

    yield launch
    for desk in started:
        desk.stop()
