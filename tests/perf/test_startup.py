"""Start-up: `main.py --self-test` (whole desk up and painted) against a bare PySide6 window.

Both are started as real processes, alternately, in the same run; the medians are compared.
Run: uv run pytest tests/perf -m perf -s
"""

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# As installed on a desk: Python keeps compiled bytecode (this workplace disables that by default).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall_time(args: list[str]) -> float:
    """Seconds from launching the process to its window's first paint (teardown excluded)."""
    launched = time.time()
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT, env=ENV)
    assert result.returncode == 0, result.stderr
    painted = re.search(r"^painted at: ([\d.]+)", result.stdout, re.MULTILINE)
    assert painted, result.stdout
    return float(painted.group(1)) - launched


@pytest.mark.perf
def test_startup_against_bare_window(tmp_path, repeat):
    desk = [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(tmp_path / "d.db")]
    bare = [sys.executable, str(ROOT / "tests" / "perf" / "bare_window.py")]
    wall_time(desk)  # first runs create the database, write bytecode, warm the file cache
    wall_time(bare)
    desk_times, bare_times = [], []
    for _ in range(repeat):
        bare_times.append(wall_time(bare))
        desk_times.append(wall_time(desk))
    desk_ms = statistics.median(desk_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    print(f"\nlaunch to first paint (median of {repeat}): desk {desk_ms:.0f} ms, "
          f"bare PySide6 window {bare_ms:.0f} ms, ratio {desk_ms / bare_ms:.2f}")
