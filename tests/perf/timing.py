"""Timing for the benchmarks: medians, 95th percentiles, and pairs measured in alternation.

A figure alone says little on a shared machine; a figure beside its floor (the same work
done the plainest way) measured in the same run, turn about, says what our code costs: load
from elsewhere falls on both alike.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def elapsed_ms(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def median_ms(action: Callable[[], object], repeat: int = 5) -> float:
    return statistics.median(elapsed_ms(action) for _ in range(repeat))


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank): with fewer than 20 runs, the largest."""
    ordered = sorted(times)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def interleaved(ours: Callable[[], float], floor: Callable[[], float],
                rounds: int) -> tuple[list[float], list[float]]:
    """`rounds` measurements of each, in alternation (ours, floor, floor, ours, ...: the
    order flips every round so neither always runs second). Each callable does one run and
    returns its own figure in ms (it may time only part of what it does)."""
    mine, floors = [], []
    for index in range(rounds):
        if index % 2:
            floors.append(floor())
            mine.append(ours())
        else:
            mine.append(ours())
            floors.append(floor())
    return mine, floors


def timed(action: Callable[[], object]) -> Callable[[], float]:
    """A run timed whole, for interleaved()."""
    return lambda: elapsed_ms(action)


def pair_line(what: str, ours: list[float], floor_name: str, floor: list[float],
              unit: str = "ms", digits: int = 1) -> str:
    """`what: median X (p95 Y) vs floor: median Z (p95 W); ratio R` (ratio of the medians)."""
    mine, base = statistics.median(ours), statistics.median(floor)

    def figure(value: float) -> str:
        return f"{value:.{digits}f} {unit}"

    return (f"{what}: median {figure(mine)} (p95 {figure(p95(ours))}, {len(ours)} runs) vs "
            f"{floor_name}: median {figure(base)} (p95 {figure(p95(floor))}); "
            f"ratio {mine / base:.2f}")
