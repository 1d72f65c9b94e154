"""Timing for the benchmarks: the median of several runs, in milliseconds."""

import statistics
import time


def median_ms(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
