"""A flaky network between a desk and its hub: an asyncio TCP proxy on 127.0.0.1 that reads
each HTTP request and, as its schedule says, passes it, forwards it and then drops the answer
(the hub did the work, the desk never hears), sends it to the hub twice (a duplicated
delivery), or holds it a while first (a slow link).

    proxy = FlakyProxy(hub.url, schedule=lambda n, line: DROP if ... else PASS).start()
    ... HubClient(proxy.url, token) ...
    proxy.stop()

`schedule(n, request_line)` is asked for every request (n counts from 1); `proxy.done` keeps
(request line, what was done) in order. HTTP/1.1 with Content-Length bodies, as the desk's
client and the hub speak it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

PASS, DROP, DUPLICATE, DELAY = "pass", "drop", "duplicate", "delay"
START_TIMEOUT = 20

Schedule = Callable[[int, str], str]


class FlakyProxy:
    def __init__(self, upstream: str, schedule: Schedule = lambda n, line: PASS, *,
                 delay: float = 0.5) -> None:
        parts = urlsplit(upstream)
        self._upstream = (parts.hostname, parts.port)
        self.schedule = schedule
        self.delay = delay
        self.done: list[tuple[str, str]] = []
        self.url = ""
        self._count = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> FlakyProxy:
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise RuntimeError("the proxy did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(START_TIMEOUT)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._client, "127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        self._loop.run_until_complete(asyncio.sleep(0))
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_message(reader)
                if request is None:
                    return
                self._count += 1
                line = request.split(b"\r\n", 1)[0].decode("latin-1")
                what = self.schedule(self._count, line)
                self.done.append((line, what))
                if what == DELAY:
                    await asyncio.sleep(self.delay)
                answer = await self._forward(request)
                if what == DUPLICATE:
                    answer = await self._forward(request)  # the desk hears the second one
                if what == DROP or answer is None:
                    return  # the hub did it; the desk's connection just breaks
                writer.write(answer)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            writer.close()

    async def _forward(self, request: bytes) -> bytes | None:
        reader, writer = await asyncio.open_connection(*self._upstream)
        try:
            writer.write(request)
            await writer.drain()
            return await _read_message(reader)
        finally:
            writer.close()


async def _read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One HTTP message (request or answer) with its body; None at the end of the stream."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    length = 0
    for header in head.split(b"\r\n")[1:]:
        name, _, value = header.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return head + (await reader.readexactly(length) if length else b"")
