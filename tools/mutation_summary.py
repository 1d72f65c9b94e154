"""The kill rate per module of the last mutation run (after `uv run mutmut run`).

    uv run python tools/mutation_summary.py

Reads `mutmut results --all true` and prints, per mutated module, killed / total, survived,
timeout and no tests. The rate counts only killed mutants: a timeout (the mutant made a test
loop for ever) is detected too, but is shown apart.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("survived", "timeout", "no tests")


def summarise(lines: Iterable[str]) -> dict[str, Counter]:
    """{module: Counter(status)} from lines like "models.clock.workdays.x_f__mutmut_1: killed"."""
    modules: dict[str, Counter] = defaultdict(Counter)
    for line in lines:
        name, _, status = line.strip().rpartition(": ")
        if "__mutmut_" in name:
            module = name.rsplit(".", 1)[0]  # the mangled function is the last part
            modules[module][status] += 1
    return dict(sorted(modules.items()))


def table(modules: dict[str, Counter]) -> list[str]:
    total = sum(modules.values(), Counter())
    rows = []
    for name, counts in [*modules.items(), ("all", total)]:
        n = sum(counts.values())
        rate = counts["killed"] / n if n else 0.0
        rest = "  ".join(f"{c} {counts[c]}" for c in COLUMNS)
        rows.append(f"{name:28} killed {counts['killed']:4} / {n:4} = {rate:6.1%}  {rest}")
    return rows


def main() -> int:
    results = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                             cwd=ROOT, capture_output=True, text=True, check=True)
    print("\n".join(table(summarise(results.stdout.splitlines()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
