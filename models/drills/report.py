"""A drill run as the trainer's report prints it (plain data; reports/ renders it).

Everything comes from what the run stored — the scenario as run, the injects shown, the
score, the plan version — so a report printed years later says what happened then, even if
the scenario file or the plans have changed since.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from models.clock.clocks import from_db
from models.drills.results import DrillReport, DrillScore, ShownInject
from models.drills.scenarios import Scenario
from models.plans.publishing import stamp_of_version, stamped_label
from models.plans.revisions import plan_catalog
from models.store.tables import DrillRun, Incident, PlanVersion


class NoDrillReport(Exception):
    """`code`: no_such_run, not_finished."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def build_drill_report(run_id: int) -> DrillReport:
    run = DrillRun.get_or_none(DrillRun.id == run_id)
    if run is None:
        raise NoDrillReport("no_such_run")
    if run.ended_at is None or not run.report:
        raise NoDrillReport("not_finished")
    score = DrillScore.from_json(run.report)
    scenario = Scenario.from_json(run.scenario) if run.scenario else None
    started = score.started_at
    shown = {s["index"]: s for s in json.loads(run.shown or "[]")}
    injects = []
    for index, inject in enumerate(scenario.injects if scenario else ()):
        seen = shown.get(index)
        after = (int((datetime.fromisoformat(seen["shown_at"]) - started).total_seconds())
                 if seen else None)
        injects.append(ShownInject(inject.at_minutes, inject.text, after))
    plan = PlanVersion.get_or_none(PlanVersion.id == run.plan_id) if run.plan_id else None
    situation = ""
    if scenario and plan:
        catalog = plan_catalog(plan.id)
        if scenario.situation in {s.key for s in catalog.situations}:
            situation = catalog.situation(scenario.situation).name
    numbers = tuple(i.number for i in Incident.select(Incident.number)
                    .where(Incident.drill_run == run_id).order_by(Incident.started_at))
    return DrillReport(
        run_id=run.id, title=run.title, description=scenario.description if scenario else "",
        situation=situation, holiday=scenario.holiday if scenario else False,
        trainer=run.trainer, clerk=run.clerk, hall=run.hall, desk=run.desk, rate=run.rate,
        started_at=from_db(run.started_at),
        drill_minutes=(score.ended_at - started) / timedelta(minutes=1),
        plan_version=stamped_label(stamp_of_version(plan.id)) if plan else "",
        injects=tuple(injects), incidents=numbers, score=score)


def finished_runs(limit: int = 200) -> list[tuple[int, datetime, str, str, int, int | None]]:
    """(id, started, title, trainer, rate, score) of the runs that ended, newest first."""
    rows = (DrillRun.select(DrillRun.id, DrillRun.started_at, DrillRun.title, DrillRun.trainer,
                            DrillRun.rate, DrillRun.score)
            .where(DrillRun.ended_at.is_null(False))
            .order_by(DrillRun.started_at.desc(), DrillRun.id.desc()).limit(limit))
    return [(r.id, from_db(r.started_at), r.title, r.trainer, r.rate, r.score) for r in rows]
