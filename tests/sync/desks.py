"""Headless desk processes that sync (tests/helpers/desk_sync_process.py), driven line by
line: each command gets its one reply line, read with a deadline (no sleep)."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from tests.helpers.hub_process import ROOT

REPLY_TIMEOUT = 60


class DeskSync:
    def __init__(self, db: Path, desk_name: str = "1号台", *, prefix: tuple[str, ...] = (),
                 env: dict | None = None) -> None:
        self.log = Path(db).with_suffix(".desk.log")
        with open(self.log, "ab") as err:
            self.proc = subprocess.Popen(
                [*prefix, sys.executable, str(ROOT / "tests" / "helpers" /
                                              "desk_sync_process.py"), str(db), desk_name],
                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                text=True, encoding="utf-8", env={**os.environ, **(env or {})})
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        first = self.reply()
        if first != "ready":
            self.stop()
            raise RuntimeError(f"the desk did not start: {first!r}\n{self.errors()}")

    def _read(self) -> None:
        for line in self.proc.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put("")

    def reply(self) -> str:
        try:
            return self._lines.get(timeout=REPLY_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"the desk did not answer\n{self.errors()}") from None

    def ask(self, command: str) -> str:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.reply()

    def errors(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc.stdin.close()
        self.proc.stdout.close()
