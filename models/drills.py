"""Drills: scenarios from plans/drills/*.toml, runs on the normal screens, and their scores.

A scenario names the situation the clerk should recognise and injects (what happens next) at
minute offsets. During a run every incident started is a drill incident of that run; at the
end each expected action — choosing the right plan, the steps, the calls, the reports within
their deadlines — is scored on time, late or missed.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from models import deadlines
from models.act import Act
from models.catalog import Catalog
from models.catalog_loader import KEY_PATTERN, Problem
from models.clock import from_db, to_db
from models.db import DB
from models.drill import DrillRun, TrainingRecord
from models.incident import Deadline, Incident
from models.response import incident_state
from models.timeline import append_entry
from models.toml_lines import LineIndex

DRILL_FIELDS = {"key", "title", "situation", "description", "holiday", "inject"}
INJECT_FIELDS = {"at_minutes", "text", "situation"}
ACTIONS = ("step_checked", "called", "reported", "note")


@dataclass(frozen=True)
class Inject:
    at_minutes: int
    text: str
    situation: str = ""


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    situation: str
    description: str
    holiday: bool
    injects: tuple[Inject, ...]
    file: str = ""


@dataclass(frozen=True)
class ScoreItem:
    incident: str  # the incident's number
    what: str  # plain words: the step, the call, the deadline, the plan chosen
    kind: str  # "plan", "step", "call", "deadline"
    outcome: str  # "on_time", "late", "missed"
    detail: str = ""


@dataclass(frozen=True)
class DrillScore:
    title: str
    started_at: datetime
    ended_at: datetime
    rate: int
    first_action_seconds: int | None  # drill time from the start to the clerk's first action
    items: tuple[ScoreItem, ...]
    score: int  # 0-100
    practise: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat()
        return json.dumps(data, ensure_ascii=False)


# ---- scenarios ------------------------------------------------------------------------------

def load_scenarios(folder: Path, catalog: Catalog) -> tuple[list[Scenario], list[Problem]]:
    scenarios, problems = [], []
    for path in sorted(Path(folder).glob("*.toml")):
        scenario = _load_scenario(path, catalog, problems)
        if scenario is not None:
            scenarios.append(scenario)
    keys = [s.key for s in scenarios]
    for s in scenarios:
        if keys.count(s.key) > 1:
            problems.append(Problem(s.file, None, f"duplicate drill key '{s.key}'"))
    return scenarios, problems


def _load_scenario(path: Path, catalog: Catalog, problems: list[Problem]) -> Scenario | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        problems.append(Problem(str(path), None, "not UTF-8 text: save the file as UTF-8"))
        return None
    except tomllib.TOMLDecodeError as e:
        problems.append(Problem(str(path), None, f"TOML syntax: {e}"))
        return None
    lines = LineIndex(text)
    before = len(problems)

    def report(where, fld, message):
        problems.append(Problem(str(path), lines.line_of(where, fld), message))

    drill = data.get("drill")
    if not isinstance(drill, dict) or set(data) != {"drill"}:
        report(("drill",), None, "a drill file holds one [drill] table")
        return None
    for name in set(drill) - DRILL_FIELDS:
        report(("drill",), name, f"unknown field '{name}' in drill")
    key, title = drill.get("key"), drill.get("title")
    situation = drill.get("situation")
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        report(("drill",), "key", "drill needs a key of lower-case letters, digits and _")
    if not isinstance(title, str) or not title.strip():
        report(("drill",), "title", "drill needs a title")
    if situation not in {s.key for s in catalog.situations}:
        report(("drill",), "situation", f"unknown situation '{situation}'")
    if not isinstance(drill.get("holiday", False), bool):
        report(("drill",), "holiday", "holiday must be true or false")
    injects = []
    raw_injects = drill.get("inject", [])
    if not isinstance(raw_injects, list) or not raw_injects:
        report(("drill",), None, "drill needs at least one [[drill.inject]]")
        raw_injects = []
    for i, inject in enumerate(raw_injects):
        where = ("drill", 0, "inject", i)
        for name in set(inject) - INJECT_FIELDS:
            report(where, name, f"unknown field '{name}' in inject")
        minutes, words = inject.get("at_minutes"), inject.get("text")
        if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 0:
            report(where, "at_minutes", "at_minutes must be a whole number of minutes ≥ 0")
            continue
        if not isinstance(words, str) or not words.strip():
            report(where, "text", "an inject needs its text")
            continue
        extra = inject.get("situation", "")
        if extra and extra not in {s.key for s in catalog.situations}:
            report(where, "situation", f"unknown situation '{extra}'")
        injects.append(Inject(minutes, words.strip(), extra))
    if len(problems) > before:
        return None
    return Scenario(key, title.strip(), situation, str(drill.get("description", "")).strip(),
                    bool(drill.get("holiday", False)),
                    tuple(sorted(injects, key=lambda x: x.at_minutes)), str(path))


def due_injects(scenario: Scenario, elapsed: timedelta, shown: int) -> list[Inject]:
    """The injects whose time has come, after the first `shown` ones."""
    return [i for i in scenario.injects[shown:] if elapsed >= timedelta(minutes=i.at_minutes)]


# ---- running --------------------------------------------------------------------------------

def real_deadlines_open() -> bool:
    return any(not d.is_drill for d in deadlines.open_deadlines())


def start_run(scenario: Scenario, rate: int, trainer: str, real_now: datetime) -> int:
    return DrillRun.create(scenario_key=scenario.key, title=scenario.title, trainer=trainer,
                           rate=rate, started_at=to_db(real_now)).id


def finish_run(catalog: Catalog, run_id: int, scenario: Scenario, drill_started: datetime,
               act: Act) -> DrillScore:
    """Score the run's incidents, close them and their clocks (a drill leaves nothing owed or
    alarming), and log the drill."""
    run = DrillRun.get_by_id(run_id)
    incidents = list(Incident.select().where(Incident.drill_run == run_id)
                     .order_by(Incident.started_at))
    with DB.atomic():
        for incident in incidents:
            Deadline.update(status="cancelled").where(
                Deadline.incident == incident.id, Deadline.status == "pending").execute()
            if incident.status != "closed":
                Incident.update(status="closed", closed_at=to_db(act.now),
                                updated_at=to_db(act.now)).where(
                    Incident.id == incident.id).execute()
                append_entry(incident, "closed", at=act.now, actor=act.who.clerk,
                             desk=act.who.desk, data={"drill_ended": True})
    result = score_run(catalog, scenario, incidents, drill_started, act.now, run.rate)
    with DB.atomic():
        DrillRun.update(ended_at=to_db(act.now), score=result.score,
                        report=result.to_json()).where(DrillRun.id == run_id).execute()
        TrainingRecord.create(kind="drill", held_on=act.now.astimezone().date(),
                              topic=scenario.title, trainer=run.trainer,
                              attendees=act.who.clerk,
                              notes=f"score {result.score}")
    return result


def score_run(catalog: Catalog, scenario: Scenario, incidents: list[Incident],
              drill_started: datetime, ended: datetime, rate: int) -> DrillScore:
    grace = timedelta(minutes=catalog.general.at_once_minutes)
    items: list[ScoreItem] = []
    first_action = None
    expected = [(scenario.situation, timedelta())] + [
        (i.situation, timedelta(minutes=i.at_minutes)) for i in scenario.injects if i.situation]
    for key, offset in expected:
        name = catalog.situation(key).name
        match = next((i for i in incidents if _situations(i) & {key}), None)
        if match is None:
            items.append(ScoreItem("", name, "plan", "missed"))
            continue
        delay = from_db(match.started_at) - (drill_started + offset)
        items.append(ScoreItem(match.number, name, "plan",
                               "on_time" if delay <= grace else "late",
                               f"{max(0, int(delay.total_seconds()))} s"))
    for incident in incidents:
        state = incident_state(incident.id)
        for entry in state.entries:
            if entry.kind in ACTIONS and (first_action is None or entry.at < first_action):
                first_action = entry.at
        items += _incident_items(catalog, incident, state)
    total = len(items)
    points = sum(1 if i.outcome == "on_time" else 0.5 if i.outcome == "late" else 0
                 for i in items)
    practise = tuple(f"{i.what}" + (f"（{i.detail}）" if i.detail else "")
                     for i in items if i.outcome != "on_time")
    first = int((first_action - drill_started).total_seconds()) if first_action else None
    return DrillScore(scenario.title, drill_started, ended, rate, first,
                      tuple(items), round(100 * points / total) if total else 0, practise)


def _situations(incident: Incident) -> set[str]:
    """The situations an incident was handled as (its plan may have been switched)."""
    state = incident_state(incident.id)
    keys = {incident.situation_key}
    keys |= {e.data.get("from", "") for e in state.entries if e.kind == "situation_changed"}
    return keys


def _incident_items(catalog: Catalog, incident: Incident, state) -> list[ScoreItem]:
    sit = catalog.situation(incident.situation_key)
    items = [ScoreItem(incident.number, step.text, "step",
                       "on_time" if index in state.checked else "missed")
             for index, step in enumerate(sit.steps)]
    reached = state.called_roles() | state.reported_roles()
    roles = dict.fromkeys(k for step in sit.steps for k in step.call)
    items += [ScoreItem(incident.number, catalog.role(k).name, "call",
                        "on_time" if k in reached else "missed") for k in roles]
    for d in Deadline.select().where(Deadline.incident == incident.id,
                                     Deadline.status != "superseded"):
        outcome = {"met": "on_time", "late": "late"}.get(d.status, "missed")
        detail = ""
        if d.status == "late":
            detail = f"{int((d.met_at - d.due_at).total_seconds())} s late"
        items.append(ScoreItem(incident.number, d.label, "deadline", outcome, detail))
    return items


# ---- training log and reminders -------------------------------------------------------------

def add_training(kind: str, held_on: date, topic: str, trainer: str, attendees: str,
                 notes: str) -> int:
    if kind not in ("training", "drill") or not topic.strip():
        raise ValueError("kind and topic are required")
    return TrainingRecord.create(kind=kind, held_on=held_on, topic=topic.strip()[:500],
                                 trainer=trainer.strip()[:200], attendees=attendees.strip(),
                                 notes=notes.strip()).id


@dataclass(frozen=True)
class TrainingEntry:
    kind: str
    held_on: date
    topic: str
    trainer: str
    attendees: str
    notes: str


def training_log(limit: int = 200) -> list[TrainingEntry]:
    rows = TrainingRecord.select().order_by(TrainingRecord.held_on.desc(),
                                            TrainingRecord.id.desc()).limit(limit)
    return [TrainingEntry(r.kind, r.held_on, r.topic, r.trainer, r.attendees, r.notes)
            for r in rows]


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (
        1 if later.day < earlier.day else 0)


def reminders(catalog: Catalog, today: date) -> list[tuple[str, date | None]]:
    """What is due: ("training", last date), ("drill", last date), ("revision", revised date).
    A kind never held counts as due."""
    gov = catalog.governance
    due = []
    for kind, every in (("training", gov.training_every_months),
                        ("drill", gov.drill_every_months)):
        last = (TrainingRecord.select(TrainingRecord.held_on)
                .where(TrainingRecord.kind == kind)
                .order_by(TrainingRecord.held_on.desc()).scalar())
        if last is None or months_between(last, today) >= every:
            due.append((kind, last))
    revised = catalog.info.revised
    if months_between(revised, today) >= gov.revise_every_months:
        due.append(("revision", revised))
    return due
