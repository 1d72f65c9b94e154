"""Load for a hub: many desks pushing their chains at once, as fast as the hub answers.

Every desk pushes real events: one desk file's chain (made by `models.demo.generate`), read
once and sent by each enrolled desk under its own id. The global event id is (desk, position)
and is in no hash, so each copy checks at the hub exactly as a real desk's would. The request
bodies are encoded before the clock starts, so the generator costs little beside the hub.

    uv run python tools/hub_load.py bare     # the transport floor: a hub that only parses

is the floor the benchmark (tests/perf/test_hub_scale.py) measures beside the real hub."""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

from models.store.schema import SCHEMA_VERSION  # noqa: E402
from models.sync import outbox  # noqa: E402
from models.sync.protocol import MAX_PUSH_EVENTS, dumps, envelope  # noqa: E402

APP = "hub_load"


def read_chain(path: Path, batch: int = MAX_PUSH_EVENTS) -> list[list[dict]]:
    """A desk file's whole chain as push batches, in order."""
    conn = outbox.connect(path)
    try:
        batches, after = [], 0
        while events := outbox.events_after(conn, after, batch):
            batches.append(events)
            after = events[-1]["seq"]
        return batches
    finally:
        conn.close()


@dataclass
class Desk:
    desk_id: str
    token: str
    bodies: list[bytes] = field(default_factory=list)
    events: int = 0


def bodies_for(desk_id: str, batches: list[list[dict]]) -> list[bytes]:
    """The push requests of one desk, encoded: each says what it follows (after, after_link)."""
    bodies, after, link = [], 0, ""
    sent_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    for events in batches:
        bodies.append(dumps(envelope(SCHEMA_VERSION, APP, desk_id=desk_id, sent_at=sent_at,
                                     after=after, after_link=link, events=events)))
        after, link = events[-1]["seq"], events[-1]["link"]
    return bodies


async def enrol(url: str, codes: list[str], batches: list[list[dict]]) -> list[Desk]:
    """Enrol one desk per code and encode its pushes."""
    desks = []
    async with aiohttp.ClientSession() as session:
        for number, code in enumerate(codes, 1):
            body = envelope(SCHEMA_VERSION, APP, code=code, kind="desk", name=f"{number}号台")
            async with session.post(f"{url}/v1/enrol", data=dumps(body),
                                    headers={"Content-Type": "application/json"}) as answer:
                given = await answer.json()
                if answer.status != 201:
                    raise RuntimeError(f"enrolment refused: {given}")
            desks.append(Desk(given["desk_id"], given["token"]))
    for desk in desks:
        desk.bodies = bodies_for(desk.desk_id, batches)
        desk.events = sum(len(b) for b in batches)
    return desks


@dataclass
class Result:
    events: int
    seconds: float
    latencies_ms: list[float]
    refused: list[str]

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def p(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0


class Pushes:
    """What the hub answered to a load's pushes: events accepted, each round trip, refusals."""

    def __init__(self) -> None:
        self.accepted = 0
        self.latencies: list[float] = []
        self.refused: list[str] = []

    async def send(self, session: aiohttp.ClientSession, url: str, desk: Desk,
                   body: bytes) -> bool:
        """One push; False when the hub refused it (the desk then stops)."""
        headers = {"Authorization": f"Bearer {desk.token}", "Content-Type": "application/json"}
        sent = time.perf_counter()
        async with session.post(url, data=body, headers=headers) as answer:
            given = await answer.read()
        self.latencies.append((time.perf_counter() - sent) * 1000)
        if answer.status != 200:
            self.refused.append(f"{answer.status} {given[:200]!r}")
            return False
        self.accepted += json.loads(given)["accepted"]
        return True

    def result(self, seconds: float) -> Result:
        return Result(self.accepted, seconds, self.latencies, self.refused)


async def push_all(url: str, desks: list[Desk], path: str = "/v1/push") -> Result:
    """Every desk pushes its bodies in order, all desks at once; the events the hub accepted
    (each answer's `accepted`), the wall time, each push's round trip."""
    pushes = Pushes()

    async def one(session: aiohttp.ClientSession, desk: Desk) -> None:
        for body in desk.bodies:
            if not await pushes.send(session, url + path, desk, body):
                return

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(desks) + 4),
                                     timeout=aiohttp.ClientTimeout(total=600)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(one(session, desk) for desk in desks))
        return pushes.result(time.perf_counter() - started)


async def push_paced(url: str, desks: list[Desk], every: float, seconds: float) -> Result:
    """Every desk sends its next body every `every` seconds (a steady offered rate, not as
    fast as answered) for `seconds`; a push answered late delays only that desk's next."""
    pushes = Pushes()

    async def one(session: aiohttp.ClientSession, desk: Desk, offset: float) -> None:
        loop = asyncio.get_running_loop()
        start = loop.time() + offset
        for index, body in enumerate(desk.bodies):
            due = start + index * every
            if due - start > seconds:
                return
            await asyncio.sleep(max(0.0, due - loop.time()))  # the offered rate
            if not await pushes.send(session, url + "/v1/push", desk, body):
                return

    async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=len(desks) + 4)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(one(session, desk, every * n / len(desks))
                               for n, desk in enumerate(desks)))
        return pushes.result(time.perf_counter() - started)


def peak_memory_kb(pid: int) -> tuple[int, int]:
    """(VmHWM, VmRSS) of a process, in kB (Linux)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            fields[name] = int(value.split()[0])
    return fields.get("VmHWM", 0), fields.get("VmRSS", 0)


async def _bare(request: web.Request) -> web.Response:
    """The floor: the same request read and parsed, the same shape of answer, nothing kept."""
    body = json.loads(await request.read())
    events = body["events"]
    return web.json_response({"proto": 1, "accepted": len(events), "duplicates": 0,
                              "head": {"seq": events[-1]["seq"], "link": events[-1]["link"]}})


async def _serve_bare() -> None:
    app = web.Application(client_max_size=4 * 1024 * 1024)
    app.router.add_post("/v1/push", _bare)
    runner = web.AppRunner(app, handle_signals=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(f"listening on http://127.0.0.1:{runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    if sys.argv[1:] == ["bare"]:
        asyncio.run(_serve_bare())
    else:
        print(__doc__)
