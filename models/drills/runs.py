"""Drill runs on the normal screens, and their scores.

During a run every incident started is a drill incident of that run; injects shown are
recorded with their drill time. At the end each expected action is scored on time, late or
missed:
- the plan: each situation the scenario calls for started within `at_once_minutes` of the
  inject that calls for it;
- each step of the plan ticked;
- each call the plan names made — a call to an outside service (110, 119, 120...) within
  `at_once_minutes` of the incident's start, since the documents say to call them at once;
- each deadline (report, notify, arrive...) met in time, late, or missed. A deadline not yet
  due when the drill ended is listed apart ("not_due") and not scored.
A step under a condition ("if the fire is large") or for after the event (`after`), and a
call only such steps name, counts when it was done and is otherwise listed apart
("not_scored"): a scenario cannot say which conditions held, and aftercare comes after the
drill. Every time is drill time from the start of the drill.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from models.clock.act import Act
from models.clock.clocks import from_db, to_db
from models.drills.results import OUTCOME_POINTS, DrillScore, ScoreItem
from models.drills.scenarios import Inject, Scenario
from models.incidents import deadlines
from models.incidents.lifecycle import FINAL, Status, move
from models.incidents.response import NO_NUMBER, IncidentState, incident_state
from models.plans.calls import plan_calls
from models.plans.catalog import Catalog
from models.store.tables import (
    Deadline,
    DrillRun,
    Incident,
    PlanVersion,
    TrainingRecord,
    transaction,
)

ACTIONS = ("step_checked", "called", "reported", "note", NO_NUMBER)


# ---- running --------------------------------------------------------------------------------

def real_deadlines_open() -> bool:
    return any(not d.is_drill for d in deadlines.open_deadlines())


def start_run(scenario: Scenario, rate: int, trainer: str, plan: PlanVersion, act: Act) -> int:
    """A new run, keeping the scenario as it is now (the file may be edited later)."""
    return DrillRun.create(scenario_key=scenario.key, title=scenario.title,
                           trainer=trainer.strip()[:200], rate=rate, started_at=to_db(act.now),
                           plan=plan.id, scenario=scenario.to_json(), hall=act.who.hall,
                           desk=act.who.desk, clerk=act.who.clerk).id


def record_shown(run_id: int, index: int, inject: Inject, at: datetime) -> None:
    """An inject was shown to the clerk at `at` (drill time): kept for the report."""
    with transaction():
        run = DrillRun.get_by_id(run_id)
        shown = json.loads(run.shown or "[]")
        shown.append({"index": index, "at_minutes": inject.at_minutes, "text": inject.text,
                      "shown_at": at.isoformat()})
        DrillRun.update(shown=json.dumps(shown, ensure_ascii=False)).where(
            DrillRun.id == run_id).execute()


def shown_count(run_id: int) -> int:
    return len(json.loads(DrillRun.get_by_id(run_id).shown or "[]"))


def finish_run(catalog: Catalog, run_id: int, scenario: Scenario, drill_started: datetime,
               act: Act) -> DrillScore:
    """Score the run's incidents, then close them and their clocks (a drill leaves nothing
    owed or alarming), and log the drill."""
    run = DrillRun.get_by_id(run_id)
    incidents = list(Incident.select().where(Incident.drill_run == run_id)
                     .order_by(Incident.started_at, Incident.id))
    result = score_run(catalog, scenario, incidents, drill_started, act.now, run.rate)
    with transaction():
        for incident in incidents:
            Deadline.update(status="cancelled").where(
                Deadline.incident == incident.id, Deadline.status == "pending").execute()
            if incident.status not in FINAL:
                move(incident, Status.CLOSED, act, data={"drill_ended": True})
        DrillRun.update(ended_at=to_db(act.now), score=result.score,
                        report=result.to_json()).where(DrillRun.id == run_id).execute()
        clerks = dict.fromkeys([run.clerk, *(i.clerk for i in incidents), act.who.clerk])
        TrainingRecord.create(kind="drill", held_on=act.day_of(act.now),
                              topic=scenario.title, trainer=run.trainer,
                              attendees="、".join(c for c in clerks if c),
                              notes="", drill_run=run_id)
    return result


def unfinished_runs() -> list[DrillRun]:
    return list(DrillRun.select().where(DrillRun.ended_at.is_null()).order_by(DrillRun.id))


def end_interrupted(catalog: Catalog, act: Act) -> list[int]:
    """Runs left open by a crash or a power cut are ended and scored with what was done, so
    their drill clocks never alarm on a real shift. Returns the runs ended."""
    ended = []
    for run in unfinished_runs():
        scenario = Scenario.from_json(run.scenario) if run.scenario else Scenario(
            run.scenario_key, run.title, "", "", False, ())
        last = (Incident.select(Incident.updated_at).where(Incident.drill_run == run.id)
                .order_by(Incident.updated_at.desc()).scalar())
        latest = max([act.now] + ([from_db(last)] if last else []))
        finish_run(catalog, run.id, scenario, from_db(run.started_at),
                   Act(act.who, latest, act.calendar, act.zone))
        ended.append(run.id)
    return ended


# ---- scoring --------------------------------------------------------------------------------

def score_run(catalog: Catalog, scenario: Scenario, incidents: list[Incident],
              drill_started: datetime, ended: datetime, rate: int) -> DrillScore:
    grace = int(timedelta(minutes=catalog.general.at_once_minutes).total_seconds())
    handled = [i for i in incidents if i.status != Status.CANCELLED]
    states = {i.id: incident_state(i.id) for i in incidents}
    items, not_due = _plan_items(catalog, scenario, handled, states, drill_started, ended,
                                 grace)
    not_scored: list[ScoreItem] = []
    for incident in handled:
        for scored, apart in (_step_items(catalog, incident, states[incident.id],
                                          drill_started),
                              _call_items(catalog, incident, states[incident.id],
                                          drill_started, grace)):
            items += scored
            not_scored += apart
        scored, later = _deadline_items(incident, drill_started, ended)
        items += scored
        not_due += later
    actions = [e.at for s in states.values() for e in s.entries if e.kind in ACTIONS]
    first = _seconds(min(actions) - drill_started) if actions else None
    points = sum(OUTCOME_POINTS[i.outcome] for i in items)
    score = round(100 * points / len(items)) if items else 0
    return DrillScore(scenario.title, drill_started, ended, rate, first, tuple(items), score,
                      tuple(not_due), tuple(not_scored))


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds())


def _plan_items(catalog: Catalog, scenario: Scenario, handled: list[Incident], states: dict,
                drill_started: datetime, ended: datetime, grace: int
                ) -> tuple[list[ScoreItem], list[ScoreItem]]:
    """(scored, not yet due): each plan the scenario calls for, taken up in time or not."""
    items: list[ScoreItem] = []
    not_due: list[ScoreItem] = []
    expected = [(scenario.situation, 0)] + [(i.situation, i.at_minutes)
                                            for i in scenario.injects if i.situation]
    for key, minutes in expected:
        if key not in {s.key for s in catalog.situations}:
            continue
        name = catalog.situation(key).name
        due = minutes * 60 + grace
        taken = [(at, i) for i in handled
                 if (at := _taken_up(i, states[i.id], key)) is not None]
        if not taken:
            item = ScoreItem("", name, "plan", "missed", allowed=due)
            # an inject the drill ended before never asked for this plan
            late_inject = drill_started + timedelta(minutes=minutes) > ended
            (not_due if late_inject else items).append(item)
            continue
        at, match = min(taken, key=lambda pair: pair[0])
        done = _seconds(at - drill_started)
        items.append(ScoreItem(match.number, name, "plan",
                               "on_time" if done <= due else "late", done, due))
    return items, not_due


def _taken_up(incident: Incident, state: IncidentState, key: str) -> datetime | None:
    """When the incident was first handled as situation `key`: started as it, or switched
    to it (an agitated customer turning violent); None if never."""
    if state.entries and state.entries[0].data.get("situation") == key:
        return from_db(incident.started_at)
    return next((e.at for e in state.entries
                 if e.kind == "situation_changed" and e.data.get("to") == key), None)


def _step_items(catalog: Catalog, incident: Incident, state: IncidentState,
                drill_started: datetime) -> tuple[list[ScoreItem], list[ScoreItem]]:
    """(scored, not scored): a step under a condition or for after the event counts only
    when it was done; otherwise it is listed apart, since the drill cannot say it applied."""
    sit = catalog.situation(incident.situation_key)
    scored, apart = [], []
    for index, step in enumerate(sit.steps):
        ticked = state.checked.get(index)
        item = ScoreItem(incident.number, step.text, "step", "on_time" if ticked else "missed",
                         _seconds(ticked - drill_started) if ticked else None,
                         condition=step.condition, after=step.after)
        (scored if ticked or not (step.condition or step.after) else apart).append(item)
    return scored, apart


def _call_items(catalog: Catalog, incident: Incident, state: IncidentState,
                drill_started: datetime, grace: int) -> tuple[list[ScoreItem], list[ScoreItem]]:
    """(scored, not scored): each role the plan's steps call. A call that only steps under a
    condition or for after the event name counts only when it was made."""
    started = _seconds(from_db(incident.started_at) - drill_started)
    first_reached: dict[str, datetime] = {}
    for e in state.entries:  # a call pressed with no number on file was the trainee's part
        if e.kind in ("called", "reported", NO_NUMBER):
            first_reached.setdefault(e.data.get("role", ""), e.at)
    scored, apart = [], []
    for call in plan_calls(catalog.situation(incident.situation_key)):
        key, condition, after = call.role, call.condition, call.after
        role = catalog.role(key)
        at = first_reached.get(key)
        done = _seconds(at - drill_started) if at else None
        due = started + grace if role.outside else None
        if done is None:
            outcome = "missed"
        elif due is not None and done > due:
            outcome = "late"
        else:
            outcome = "on_time"
        what = f"{role.name} {role.number}".strip()
        item = ScoreItem(incident.number, what, "call", outcome, done, due, condition, after)
        (scored if done is not None or call.always else apart).append(item)
    return scored, apart


def _deadline_items(incident: Incident, drill_started: datetime, ended: datetime
                    ) -> tuple[list[ScoreItem], list[ScoreItem]]:
    scored, not_due = [], []
    rows = Deadline.select().where(Deadline.incident == incident.id,
                                   Deadline.status.not_in(("superseded", "cancelled")),
                                   Deadline.action != deadlines.DECISION)  # no deadline
    for d in rows.order_by(Deadline.started_at, Deadline.id):
        due = from_db(d.due_at)
        done = _seconds(from_db(d.met_at) - drill_started) if d.met_at else None
        outcome = {"met": "on_time", "late": "late"}.get(d.status, "missed")
        item = ScoreItem(incident.number, d.label, "deadline", outcome, done,
                         _seconds(due - drill_started))
        if d.status == "pending" and due > ended:
            not_due.append(item)
        else:
            scored.append(item)
    return scored, not_due
