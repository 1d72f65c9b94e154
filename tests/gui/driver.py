"""Driving a desk process: its probe socket, xdotool for keys and clicks, the database for
what was recorded. Every wait polls a condition with a deadline; nothing sleeps blindly."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.gui.desk_db import calls_recorded

PROBE = Path(__file__).resolve().with_name("desk_probe.py")
SCREEN = (1366, 768)
TASKBAR = 40  # openbox-taskbar.xml's bottom margin: the Windows taskbar's place
WORK_AREA = (0, 0, SCREEN[0], SCREEN[1] - TASKBAR)  # x, y, width, height
POLL = 0.05  # seconds between two looks at a condition


class DeskDriveError(RuntimeError):
    """The test could not bring the desk into the state it checks (not the desk's bug that
    the test is about): never taken for an expected failure."""


def within(place: tuple[int, ...] | list[int], area: tuple[int, int, int, int]) -> bool:
    """Whether a point (x, y) or a rectangle [x, y, width, height] lies inside `area`."""
    x, y, width, height = (*place, 1, 1) if len(place) == 2 else place
    left, top, area_width, area_height = area
    return (left <= x and top <= y and x + width <= left + area_width
            and y + height <= top + area_height)


def wait_until(condition: Callable[[], object], timeout: float, what: str):
    """The condition's first true value, polled until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise DeskDriveError(f"gave up waiting {timeout:.0f} s for {what}")
        time.sleep(POLL)  # a poll interval, not a guess at how long anything takes


@dataclass
class Desk:
    process: subprocess.Popen
    display: str
    database: Path
    socket_path: Path
    _connection: socket.socket | None = field(default=None, repr=False)

    @classmethod
    def start(cls, *, display: str, database: Path, python: str) -> Desk:
        folder = database.parent
        # A socket's path must be short (108 bytes): not in the test's own folder.
        socket_path = Path(tempfile.mkdtemp(prefix="desk-probe-")) / "probe"
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with (folder / "desk.log").open("w") as log:
            process = subprocess.Popen([python, str(PROBE), str(socket_path), "--db",
                                        str(database)], cwd=folder, env=env, stdout=log,
                                       stderr=subprocess.STDOUT)
        desk = cls(process, display, database, socket_path)
        try:
            desk._connect()
            desk.wait_for(lambda s: s["exposed"] and s["active"] == "MainWindow",
                          "the main window shown and active")
        except Exception:
            desk.stop()
            raise
        return desk

    def _connect(self) -> None:
        def connected() -> socket.socket | None:
            if self.process.poll() is not None:
                raise DeskDriveError(f"the desk exited: {self.log()}")
            client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                client.connect(str(self.socket_path))
            except OSError:
                client.close()
                return None
            return client

        self._connection = wait_until(connected, 60, "the desk's probe to answer")
        self._connection.settimeout(20)
        self._reader = self._connection.makefile("r", encoding="utf-8")

    def ask(self, cmd: str, **arguments) -> object:
        self._connection.sendall(json.dumps({"cmd": cmd, **arguments}).encode() + b"\n")
        answer = json.loads(self._reader.readline())
        if isinstance(answer, dict) and "error" in answer:
            raise DeskDriveError(f"probe {cmd}: {answer['error']}")
        return answer

    def state(self) -> dict:
        return self.ask("state")

    def find(self, name: str, text: str = "") -> list[dict]:
        return self.ask("find", name=name, text=text)

    def place(self, name: str, text: str = "") -> list[int] | None:
        """Where the first shown widget of that name (and text) is; None if none is."""
        found = self.find(name, text)
        return found[0]["rect"] if found else None

    def wait_for(self, condition: Callable[[dict], object], what: str, timeout: float = 20):
        return wait_until(lambda: condition(self.state()), timeout, what)

    def holds_within(self, condition: Callable[[dict], object], timeout: float = 2) -> bool:
        """Whether the condition comes true within `timeout` seconds (for what the test
        asserts: False is the desk's failure, not the driver's)."""
        deadline = time.monotonic() + timeout
        while not condition(self.state()):
            if time.monotonic() > deadline:
                return False
            time.sleep(POLL)
        return True

    def advance(self, seconds: float) -> None:
        """The desk's clock jumps on (its deadlines see it at the next tick)."""
        self.ask("advance", seconds=seconds)

    # -- input through the X server and the window manager ------------------------------
    def xdotool(self, *arguments: str) -> str:
        done = subprocess.run(["xdotool", *arguments], capture_output=True, text=True,
                              env={**os.environ, "DISPLAY": self.display}, check=True)
        return done.stdout

    def key(self, *keys: str) -> None:
        """Type the keys into whichever window has the focus (what a key did is then
        polled for: a button's shortcut clicks it 100 ms later)."""
        self.xdotool("key", "--clearmodifiers", *keys)

    def click(self, place: list[int]) -> None:
        x, y, width, height = place
        # No --sync: to the pointer's own place it waits 15 s for a move that never comes.
        # The X server takes the move and the click in order anyway.
        self.xdotool("mousemove", str(x + width // 2), str(y + height // 2), "click", "1")

    def click_widget(self, name: str, text: str = "") -> None:
        """Click the middle of the first shown widget of that name, once nothing covers it
        there (a widget laid out under the taskbar or under another is no target)."""
        place = wait_until(lambda: self.place(name, text), 10, f"a shown {name} {text!r}")
        x, y, width, height = place
        middle = (x + width // 2, y + height // 2)
        assert within(middle, WORK_AREA), (
            f"{name} {text!r} at {place} lies outside the work area {WORK_AREA} (under the "
            "taskbar or off the screen): the clerk cannot click it")
        assert name in self.ask("at", x=middle[0], y=middle[1]), (
            f"{name} {text!r} at {place} is covered by another widget")
        self.click(place)

    def press(self, name: str) -> None:
        """Press a button in-process: only where the clerk's click cannot reach it."""
        self.ask("press", name=name)

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        wait_until(lambda: self.ask("paint")["exposed"], 20, "every window shown and painted")
        subprocess.run(["import", "-window", "root", str(path)], check=True,
                       env={**os.environ, "DISPLAY": self.display})

    # -- what the desk recorded -----------------------------------------------------------
    def calls(self) -> list[str]:
        return calls_recorded(self.database)

    def calls_after(self, before: int, timeout: float = 2) -> list[str]:
        """The calls recorded after the first `before`, once there is one (or the timeout
        has passed: then none, and the test says what was lost)."""
        self.holds_within(lambda _state: len(self.calls()) > before, timeout)
        return self.calls()[before:]

    def log(self) -> str:
        path = self.database.parent / "desk.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self._connection is not None:
            self._reader.close()
            self._connection.close()
        if self.process.poll() is None:
            self.process.terminate()  # Qt does not catch SIGTERM: the desk ends at once
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.socket_path.parent, ignore_errors=True)
