"""A hub application served in this process on a loopback port (its own event loop in a
thread), and a small blocking JSON client for the handler tests: real HTTP, no mock."""

from __future__ import annotations

import asyncio
import http.client
import json
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiohttp import web

START_TIMEOUT = 20


class Served:
    def __init__(self, app: web.Application) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.url = ""

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.runner = web.AppRunner(self.app, handle_signals=False, access_log=None)
        self.loop.run_until_complete(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        host, port = self.runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.runner.cleanup())
        self.loop.close()

    def start(self) -> Served:
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT):
            raise RuntimeError("the hub application did not start")
        return self

    def call_soon(self, coroutine) -> object:
        """Run a coroutine on the hub's loop; its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(START_TIMEOUT)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(START_TIMEOUT)


@dataclass
class Answer:
    status: int
    body: dict
    headers: dict = field(default_factory=dict)


@dataclass
class Client:
    url: str
    token: str = ""
    timeout: float = 40

    def call(self, method: str, path: str, body: dict | bytes | None = None,
             headers: dict | None = None) -> Answer:
        parts = urlsplit(self.url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        try:
            sent = {"Content-Type": "application/json", **(headers or {})}
            if self.token:
                sent.setdefault("Authorization", f"Bearer {self.token}")
            data = body if isinstance(body, bytes) or body is None else json.dumps(
                body, ensure_ascii=False).encode("utf-8")
            conn.request(method, path, body=data, headers=sent)
            reply = conn.getresponse()
            raw = reply.read()
            return Answer(reply.status, json.loads(raw) if raw else {}, dict(reply.getheaders()))
        finally:
            conn.close()

    def get(self, path: str, **kw) -> Answer:
        return self.call("GET", path, **kw)

    def post(self, path: str, body: dict | bytes, **kw) -> Answer:
        return self.call("POST", path, body, **kw)
