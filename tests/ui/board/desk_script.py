"""A desk of the hall as its own process, on its own database file, driven line by line on
stdin (each answered by one line on stdout): the board's tests and screenshots need several
real desks pushing to one real hub, and one process holds one desk file.

    python tests/ui/board/desk_script.py DB DESK_NAME [MINUTES_BACK]

The desk's clock is a FakeClock that starts MINUTES_BACK minutes before real time (so its
incidents can be started in the past) and moves only by `advance`. Commands:
    enrol URL CODE        -> "enrolled DESK_ID"
    start SITUATION       -> "started ID"        (drill: `drill SITUATION`)
    advance MINUTES       -> "now ISO"
    overdue               -> "missed N"
    acknowledge           -> "acknowledged N"
    push                  -> "pushed N T0 T1"     (T0, T1: time.time() around the round)
    quit
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from models.clock.act import Act, Who  # noqa: E402
from models.clock.clocks import FakeClock  # noqa: E402
from models.clock.workdays import HolidayCalendar  # noqa: E402
from models.incidents import deadlines, response  # noqa: E402
from models.plans.loader import load_catalog  # noqa: E402
from models.plans.versions import record_plan_version  # noqa: E402
from models.services.sync import SyncService  # noqa: E402
from models.store.paths import default_plans_dir  # noqa: E402
from models.store.schema import open_database  # noqa: E402
from models.store.tables import Deadline  # noqa: E402


def main(db: str, desk: str, minutes_back: float = 0) -> None:
    clock = FakeClock(datetime.now(UTC) - timedelta(minutes=minutes_back))
    open_database(Path(db))
    catalog = load_catalog(default_plans_dir())
    plan = record_plan_version(catalog, clock.now())
    who = Who("城东营业厅", desk, "张三")
    sync = SyncService(database=db, now=clock.now)
    engine = None

    def act() -> Act:
        return Act(who, clock.now(), HolidayCalendar())

    for line in sys.stdin:
        command, *rest = line.split()
        if command == "quit":
            break
        if command == "enrol":
            answer = f"enrolled {sync.enrol(rest[0], rest[1], desk_name=desk).desk_id}"
        elif command in ("start", "drill"):
            incident = response.start_incident(catalog, plan, rest[0], act(),
                                               is_drill=command == "drill")
            answer = f"started {incident}"
        elif command == "advance":
            answer = f"now {clock.advance(minutes=float(rest[0])).isoformat()}"
        elif command == "overdue":
            answer = f"missed {len(deadlines.check_overdue(catalog, act()))}"
        elif command == "acknowledge":
            ids = [d.id for d in Deadline.select().where(Deadline.status == "missed",
                                                          Deadline.acknowledged_at.is_null())]
            for deadline_id in ids:
                deadlines.acknowledge(deadline_id, act())
            answer = f"acknowledged {len(ids)}"
        elif command == "push":
            engine = engine or sync.engine()
            t0 = time.time()
            report = engine.round()
            answer = f"pushed {report.pushed} {t0:.6f} {time.time():.6f} {report.error}"
        else:
            answer = f"unknown {command}"
        print(answer, flush=True)
    if engine is not None:
        engine.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0)
