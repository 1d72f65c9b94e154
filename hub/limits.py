"""Wrong enrolment codes, counted per remote address: five a minute, then 429 until the
minute has passed (a code has 50 bits; this keeps guessing hopeless and a typo harmless)."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable

WRONG_CODES_PER_MINUTE = 5
WINDOW_SECONDS = 60.0


class WrongCodes:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def wait_seconds(self, address: str) -> int:
        """0 if `address` may try a code now, else the whole seconds it must wait."""
        seen = self._recent(address)
        if len(seen) < WRONG_CODES_PER_MINUTE:
            return 0
        return max(1, int(seen[0] + WINDOW_SECONDS - self._monotonic() + 0.999))

    def wrong(self, address: str) -> None:
        self._recent(address).append(self._monotonic())

    def _recent(self, address: str) -> deque[float]:
        seen, now = self._seen[address], self._monotonic()
        while seen and seen[0] <= now - WINDOW_SECONDS:
            seen.popleft()
        if not seen:
            del self._seen[address]  # addresses seen once do not pile up
            return self._seen[address]
        return seen
