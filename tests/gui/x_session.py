"""An X server at 1366×768 (Xvfb) with a window manager (openbox) that keeps a 40 px
taskbar margin at the bottom: the hall's desk PC, for the GUI tests and the screenshots."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.gui.driver import SCREEN, WORK_AREA, DeskDriveError, wait_until

OPENBOX_CONFIG = Path(__file__).resolve().with_name("openbox-taskbar.xml")
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils",
         "import": "imagemagick"}  # program: the Debian package it comes in


def missing_tools() -> list[str]:
    return [f"{program} (Debian package {package})" for program, package in TOOLS.items()
            if shutil.which(program) is None]


def _start_xvfb(log: Path) -> tuple[subprocess.Popen, str]:
    """Xvfb on a display number it picks itself (-displayfd: a free one, written once the
    server accepts clients)."""
    read_end, write_end = os.pipe()
    with log.open("w") as out:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=out, stderr=out)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        server.wait()
        raise DeskDriveError(f"Xvfb did not start: {log.read_text()}")
    return server, f":{number}"


def work_area(display: str) -> tuple[int, ...] | None:
    """The root window's _NET_WORKAREA (x, y, width, height), once a manager sets it."""
    done = subprocess.run(["xprop", "-root", "_NET_WORKAREA"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display})
    if "=" not in done.stdout:
        return None
    return tuple(int(v) for v in done.stdout.split("=")[1].split(",")[:4])


@contextmanager
def x_session(logs: Path) -> Iterator[str]:
    """The display name, while Xvfb and openbox run; both ended after."""
    server, display = _start_xvfb(logs / "xvfb.log")
    with (logs / "openbox.log").open("w") as out:
        manager = subprocess.Popen(["openbox", "--config-file", str(OPENBOX_CONFIG)],
                                   env={**os.environ, "DISPLAY": display},
                                   stdout=out, stderr=out)
    try:
        # The manager is ready when it publishes the work area its margin leaves.
        wait_until(lambda: work_area(display) == WORK_AREA, 20,
                   f"openbox to publish the work area {WORK_AREA}")
        yield display
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
