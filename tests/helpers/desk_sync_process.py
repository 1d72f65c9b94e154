"""A headless desk that syncs, as a real process: the desk's services, the real SyncController
on the desk's event loop (qasync) with its two worker threads, driven over stdin, one reply
line per command on stdout:

    python tests/helpers/desk_sync_process.py DB_PATH [DESK_NAME]

    press KEY     -> "pressed INCIDENT_ID"          (a press of that situation's button)
    backlog?      -> "backlog N"
    status?       -> "status TEXT"                  (the header's text)
    offset?       -> "offset MS"                    (the hub's clock minus the desk's; "-")
    seen?         -> "seen DESK#ID DESK#ID ..."     (incidents other desks started, pulled)
    wait backlog N      -> "backlog N" once the backlog is N (checked at every change)
    wait seen DESK#ID   -> "seen ..." once that incident of another desk was pulled
    wait offset         -> "offset MS" once the hub's clock was measured
    quit          -> "bye"

The file must be enrolled already (main.py sync enrol). The backoff's cap is 1 s, a long-poll
3 s. Run it under faketime to give the desk a clock that is off."""

from __future__ import annotations

import asyncio
import sys
import threading

from desk_process import WHO, DeskProcess

from models.clock.act import Who
from models.services.incidents import IncidentService
from models.services.sync import Backoff, SyncService
from ui.common.operations import Operations
from ui.window.sync_controller import SyncController

# Shorter than the desk's 25 s: a hub stopped at the end of a test waits for the long-polls
# under way to end before it exits.
LONG_POLL_S = 3


class SyncingDesk:
    def __init__(self, db_path: str, desk_name: str) -> None:
        self.desk = DeskProcess(db_path)
        who = Who(WHO.hall, desk_name, WHO.clerk)
        self.incidents = IncidentService(catalog=self.desk.catalog, plan=self.desk.plan,
                                         clock=self.desk.clock, who=lambda: who)
        self.operations = Operations()
        self.sync = SyncController(
            service=SyncService(database=db_path, now=self.desk.clock.now,
                                incidents=self.incidents),
            operations=self.operations, clock=self.desk.clock, backoff=Backoff(cap=1),
            long_poll=LONG_POLL_S)
        self.seen: set[str] = set()  # "desk name#incident id" of other desks' incidents
        self.waiting: list[str] = []  # "wait ..." commands not answered yet
        self.sync.events_pulled.connect(self._saw)
        self.sync.events_pulled.connect(lambda _events: self.check_waiting())
        self.sync.status_changed.connect(lambda _text: self.check_waiting())

    def check_waiting(self) -> None:
        for command in list(self.waiting):
            reply = self._waited(command)
            if reply is not None:
                self.waiting.remove(command)
                print(reply, flush=True)

    def _waited(self, command: str) -> str | None:
        what, _, arg = command.partition(" ")
        if what == "backlog":
            reply = self.answer("backlog?")
            return reply if reply == f"backlog {arg}" else None
        if what == "seen":
            return self.answer("seen?") if arg in self.seen else None
        if what == "offset":
            reply = self.answer("offset?")
            return reply if reply != "offset -" else None
        return f"unknown wait {what}"

    def _saw(self, events: list[dict]) -> None:
        own = self.sync.service.enrolment().desk_id
        for event in events:
            if event.get("origin") != own and event.get("kind") == "started":
                self.seen.add(f"{event.get('desk')}#{event.get('incident')}")

    def answer(self, line: str) -> str | None:
        command, _, arg = line.strip().partition(" ")
        if command == "press":
            changes = self.operations.run(self.incidents.start, arg)
            return f"pressed {changes.incident_id}"
        if command == "backlog?":
            standing = self.sync.service.standing(self.sync.engine.progress)
            return f"backlog {standing.backlog}"
        if command == "status?":
            return f"status {self.sync.status}"
        if command == "offset?":
            offset = self.sync.engine.offset
            return f"offset {round(offset.total_seconds() * 1000)}" if offset else "offset -"
        if command == "seen?":
            return "seen " + " ".join(sorted(self.seen))
        if command == "wait":
            self.waiting.append(arg)
            self.check_waiting()
            return ""
        if command == "quit":
            return None
        return f"unknown {command}"


async def serve(desk: SyncingDesk) -> None:
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str] = asyncio.Queue()

    def read() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, "quit")

    threading.Thread(target=read, daemon=True).start()
    if not desk.sync.start():
        print("not enrolled", flush=True)
        return
    print("ready", flush=True)
    while True:
        reply = desk.answer(await lines.get())
        if reply is None:
            break
        if reply:  # a "wait" answers when its moment comes
            print(reply, flush=True)
    desk.sync.stop()
    print("bye", flush=True)


def main() -> None:
    import qasync

    desk = SyncingDesk(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else WHO.desk)
    qasync.run(serve(desk))


if __name__ == "__main__":
    main()
