"""Start-up: launch to first paint of the desk (`main.py --self-test`: the whole desk built,
styled and painted) against a bare PySide6 main window, each a real process, started turn
about for several rounds in the same run; medians, 95th percentiles and their ratio.

Run: uv run pytest tests/perf/test_startup.py -m perf -s
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.perf.timing import interleaved, pair_line

ROOT = Path(__file__).resolve().parents[2]

# As installed on a desk: compiled bytecode is kept (`uv sync --compile-bytecode`, or Python
# writing it on the first run). This workplace sets PYTHONDONTWRITEBYTECODE, which would make
# every run compile the desk's own modules again; the warm-up runs below write it instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def launch_to_paint_ms(args: list[str]) -> float:
    """From launching the process to its window's first paint (its teardown excluded)."""
    launched = time.time()
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=ROOT, env=ENV)
    assert result.returncode == 0, result.stderr
    painted = re.search(r"^painted at: ([\d.]+)", result.stdout, re.MULTILINE)
    assert painted, result.stdout
    return (float(painted.group(1)) - launched) * 1000


@pytest.mark.perf
def test_startup_against_bare_window(tmp_path, repeat):
    desk = [sys.executable, str(ROOT / "main.py"), "--self-test", "--db", str(tmp_path / "d.db")]
    bare = [sys.executable, str(ROOT / "tests" / "perf" / "bare_window.py")]
    launch_to_paint_ms(desk)  # creates the database, writes bytecode, warms the file cache
    launch_to_paint_ms(bare)
    rounds = 2 * repeat + 1
    desk_ms, bare_ms = interleaved(lambda: launch_to_paint_ms(desk),
                                   lambda: launch_to_paint_ms(bare), rounds)
    print("\n" + pair_line("launch to first paint, desk", desk_ms, "bare QMainWindow", bare_ms,
                           digits=0))
