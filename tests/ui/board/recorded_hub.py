"""A hub's answers recorded as JSON (recorded_hall.json: a board snapshot, then pages of
events), played to the board's controller in place of a HubClient: the board's window
tested before (and beside) a real hub. After the pages, a long-poll waits until abort()."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from models.sync.client import HubUnreachable

RECORDED = Path(__file__).with_name("recorded_hall.json")


class RecordedHub:
    def __init__(self, path: Path = RECORDED) -> None:
        recorded = json.loads(path.read_text(encoding="utf-8"))
        self.snapshot = recorded["board"]
        self.pages = list(recorded["events"])
        self.pulls: list[int] = []  # the `after` of each pull: the board's cursor
        self._aborted = threading.Event()

    def board(self):
        return self.snapshot

    def pull(self, after, *, wait=0, limit=None):
        self.pulls.append(after)
        if self.pages:
            return self.pages.pop(0)
        self._aborted.wait(30)
        raise HubUnreachable("aborted")

    def abort(self):
        self._aborted.set()
