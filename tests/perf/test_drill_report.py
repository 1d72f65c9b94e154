"""Drill benchmarks: scoring a finished fire drill and writing its report PDF (reported, not
asserted).

Run: uv run pytest tests/perf -m perf -s
"""

import statistics
import time
from datetime import datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.drills import runs
from models.drills.report import build_drill_report
from models.drills.scenarios import load_scenarios
from models.incidents import response
from models.store.paths import default_plans_dir
from models.store.tables import DrillRun, Incident
from reports.drill_report import write_drill_report
from tests.helpers.hall import HALL

START = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)


@pytest.mark.perf
def test_score_and_report_a_fire_drill(tmp_path, desk_db, shipped_catalog, repeat):
    catalog, plan = shipped_catalog, desk_db[1]
    fire = next(s for s in load_scenarios(default_plans_dir() / "drills", catalog)[0]
                if s.key == "fire_in_hall")

    def act(seconds):
        return Act(Who("城东营业厅", "1号台", "张三"), START + timedelta(seconds=seconds),
                   HolidayCalendar())

    run = runs.start_run(fire, 10, "王教员", plan, act(0))
    incident = response.start_incident(catalog, plan, "fire", act(30), drill_run=run)
    for index in range(8):
        response.set_step(catalog, incident, index, True, act(40 + 10 * index))
    response.record_call(catalog, incident, "fire", act(100))
    response.mark_reported(catalog, incident, "group_leader", act(120))
    incidents = list(Incident.select().where(Incident.drill_run == run))
    scoring = []
    for _ in range(repeat):
        started = time.perf_counter()
        runs.score_run(catalog, fire, incidents, START, START + timedelta(minutes=10), 10)
        scoring.append(time.perf_counter() - started)
    runs.finish_run(catalog, run, fire, START, act(600))
    report = build_drill_report(DrillRun.get_by_id(run).id)
    writing = []
    for n in range(repeat):
        started = time.perf_counter()
        write_drill_report(tmp_path / f"r{n}.pdf", report, generated_at=START)
        writing.append(time.perf_counter() - started)
    print(f"\nscoring a fire drill ({len(report.score.items)} expected actions): median "
          f"{statistics.median(scoring) * 1000:.1f} ms; drill report PDF: median "
          f"{statistics.median(writing) * 1000:.0f} ms, first {writing[0] * 1000:.0f} ms")
