"""Running the hub: open its store (one hub per database), bind, say where it listens (the
first line on standard output, which the tests and a service manager read), serve until told
to stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from datetime import datetime
from pathlib import Path

from aiohttp import web

from hub.app import build_app
from hub.context import HUB, Hooks
from hub.office.forwarder import Upstream, attach_forwarder
from hub.store import HubRefused, HubStore, open_store

LOCK_CHECK_SECONDS = 5
SHUTDOWN_SECONDS = 5  # requests under way may finish (long-polls are woken at once)


async def serve(app: web.Application, host: str, port: int) -> None:
    runner = web.AppRunner(app, handle_signals=False, access_log=None,
                           shutdown_timeout=SHUTDOWN_SECONDS)
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
    keeper = asyncio.ensure_future(_keep_process_lock(app, stop))
    try:
        await stop.wait()
    finally:
        keeper.cancel()
        await runner.cleanup()


async def _keep_process_lock(app: web.Application, stop: asyncio.Event) -> None:
    """Hold "one hub per database" across a database restart; stop if another hub took it."""
    hub = app[HUB]
    while True:
        await asyncio.sleep(LOCK_CHECK_SECONDS)
        held = await hub.run(hub.store.keep_process_lock)
        if held is False:
            app.logger.error("another hub took over %s while its server was away: stopping",
                             hub.store.where)
            stop.set()
            return
        if held:
            app.logger.info("this hub holds %s again", hub.store.where)


def run(db: str | Path, host: str, port: int, hooks: Hooks | None = None,
        upstream: Upstream | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                        "%(message)s")
    try:
        store = open_store(db)
    except HubRefused as e:
        print(f"hub: {e}", file=sys.stderr)
        return 2
    try:
        return _run_on(store, host, port, hooks, upstream)
    finally:
        store.close()


def _run_on(store: HubStore, host: str, port: int, hooks: Hooks | None,
            upstream: Upstream | None = None) -> int:
    try:
        store.hold_process_lock(f"hub on {host}:{port}", datetime.now())
    except HubRefused as e:
        print(f"hub: {e}", file=sys.stderr)
        return 2
    try:
        with contextlib.suppress(KeyboardInterrupt):
            app = build_app(store, hooks=hooks)
            if upstream is not None:  # a hall hub forwarding to head office
                attach_forwarder(app, upstream)
            asyncio.run(serve(app, host, port))
    except OSError as e:  # the port is taken, the address not ours
        print(f"hub: cannot listen on {host}:{port}: {e.strerror or e}", file=sys.stderr)
        return 2
    return 0
