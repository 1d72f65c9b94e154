"""What every handler of one hub process shares: the store, the clock, the test hooks, the
per-hall wake-ups and the executor that storage work runs on (never the event loop)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from aiohttp import web

from hub.limits import WrongCodes
from hub.notify import HallWakeups
from hub.store.base import HubStore

T = TypeVar("T")
STORAGE_THREADS = 8


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Hooks:
    """Test hooks, on only with ED_HUB_TEST_HOOKS=1 (cli_hub refuses them otherwise)."""

    stall_push: int = 0  # the N-th push stops after its inserts, before COMMIT ("stalled")


@dataclass
class HubContext:
    store: HubStore
    clock: Callable[[], datetime] = utc_now
    hooks: Hooks = field(default_factory=Hooks)
    wakeups: HallWakeups = field(default_factory=HallWakeups)
    wrong_codes: WrongCodes = field(default_factory=WrongCodes)
    executor: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(
        STORAGE_THREADS, thread_name_prefix="hub-store"))
    pushes: int = 0  # pushes begun by this process (the stall hook counts them)

    async def run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`work(*args)` on a storage thread, awaited."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(work, *args,
                                                                           **kwargs))

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


HUB = web.AppKey("hub", HubContext)
