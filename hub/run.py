"""Running the hub: bind, say where it listens (the first line on standard output, which the
tests and a service manager read), serve until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import signal

from aiohttp import web

from models.sync.protocol import MAX_BODY_BYTES, PROTO


def build_app() -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_get("/healthz", healthz)
    return app


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"ok": True, "proto": PROTO})


async def serve(app: web.Application, host: str, port: int) -> None:
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound_host, bound_port = runner.addresses[0][:2]
    print(f"listening on http://{bound_host}:{bound_port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        # Windows has no such handlers: Ctrl+C arrives as KeyboardInterrupt there
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def run(host: str, port: int) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(build_app(), host, port))
    return 0
