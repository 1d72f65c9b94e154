"""Waking long-polls: one condition per hall in the hub process. A push (or a hub event)
commits, then notifies its hall; `GET /v1/events` waits on it when it has nothing new."""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict


class HallWakeups:
    def __init__(self) -> None:
        self._conditions: dict[str, asyncio.Condition] = defaultdict(asyncio.Condition)
        self._heads: dict[str, int] = defaultdict(int)  # a hall's newest hub_seq known here
        self._closing = False
        self.waiting = 0  # long-polls waiting now (healthz says it)

    async def committed(self, hall_id: str, hub_seq: int) -> None:
        """Events of `hall_id` up to `hub_seq` are committed: wake its waiters. Await it on
        the event loop after the commit."""
        if hub_seq <= self._heads[hall_id]:
            return
        self._heads[hall_id] = hub_seq
        condition = self._conditions[hall_id]
        async with condition:
            condition.notify_all()

    def known_head(self, hall_id: str) -> int:
        return self._heads[hall_id]

    async def close(self) -> None:
        """The hub stops: every waiting long-poll answers now (with what it has)."""
        self._closing = True
        for condition in list(self._conditions.values()):
            async with condition:
                condition.notify_all()

    async def wait_past(self, hall_id: str, after: int, seconds: float) -> None:
        """Return once a commit past `after` is known for the hall, or after `seconds`."""
        condition = self._conditions[hall_id]
        self.waiting += 1
        try:
            await self._wait(condition, hall_id, after, seconds)
        finally:
            self.waiting -= 1

    async def _wait(self, condition: asyncio.Condition, hall_id: str, after: int,
                    seconds: float) -> None:
        async with condition:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    condition.wait_for(
                        lambda: self._closing or self._heads[hall_id] > after), seconds)
