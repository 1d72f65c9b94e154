"""One process's timing of the daily log, for test_print.py: rl_accel on or off can only be
chosen before reportlab is first imported, so each side runs in a process of its own.

    python -m tests.perf.daily_log_child DB_FILE OUT_DIR accel|plain RUNS
prints one line: the render times in ms, after one warm-up render (fonts read, code loaded).
"""

from __future__ import annotations

import sys
import time
from datetime import date, datetime
from pathlib import Path

from tests.helpers.hall import HALL

DAY = date(2026, 11, 20)
END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)


def main(db_file: str, out_dir: str, mode: str, runs: str) -> None:
    if mode == "plain":
        sys.modules["_rl_accel"] = None  # reportlab falls back to its Python functions
    from reportlab.lib import rl_accel

    from models.incidents import history
    from models.plans.loader import load_catalog
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from reports.daily_log import render_daily_log

    assert bool(rl_accel._c_funcs) == (mode == "accel"), mode
    catalog = load_catalog(default_plans_dir())
    db = open_database(Path(db_file))
    log = history.daily_log(catalog, DAY, DAY, hall="城东营业厅")
    db.close()
    out = Path(out_dir) / f"log-{mode}.pdf"
    render_daily_log(log, out, generated_at=END)
    times = []
    for _ in range(int(runs)):
        started = time.perf_counter()
        render_daily_log(log, out, generated_at=END)
        times.append((time.perf_counter() - started) * 1000)
    print(" ".join(f"{t:.1f}" for t in times))


if __name__ == "__main__":
    main(*sys.argv[1:])
