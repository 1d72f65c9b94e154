"""A drill's result and its report as plain data: what the drill screen shows and the
drill report PDF prints. No database here (reports/ renders these)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime

OUTCOME_POINTS = {"on_time": 1.0, "late": 0.5, "missed": 0.0}


def duration(seconds: int | None) -> str:
    """m:ss (or h:mm:ss) of drill time; "—" when there is none."""
    if seconds is None:
        return "—"
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(int(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


# Where the times of a score are counted from. Scores stored before one time base was used
# read back as LEGACY_TIMES (steps and calls from their incident's start, deadlines from
# their clock's start, the plan from its inject).
DRILL_TIMES = "drill_start"
LEGACY_TIMES = "mixed"


@dataclass(frozen=True)
class ScoreItem:
    incident: str  # the incident's number ("" when the plan was never started)
    what: str  # plain words: the plan, the step, the role called, the deadline
    kind: str  # "plan", "step", "call", "deadline"
    outcome: str  # "on_time", "late", "missed"
    done_after: int | None = None  # drill seconds from the start of the drill to when done
    allowed: int | None = None  # drill seconds from the start of the drill to when it was due
    condition: str = ""  # a step that applies only under a condition
    after: bool = False  # a step (or a call) for once the incident is over


@dataclass(frozen=True)
class DrillScore:
    title: str
    started_at: datetime  # drill time
    ended_at: datetime  # drill time
    rate: int
    first_action_seconds: int | None  # drill time from the start to the clerk's first action
    items: tuple[ScoreItem, ...]
    score: int  # 0-100
    not_due: tuple[ScoreItem, ...] = field(default_factory=tuple)  # deadlines due after the end
    # steps and calls not expected: under a condition (not done), or for after the event
    not_scored: tuple[ScoreItem, ...] = field(default_factory=tuple)
    times_from: str = DRILL_TIMES

    @property
    def practise(self) -> tuple[ScoreItem, ...]:
        """What to practise: every expected action not done on time."""
        return tuple(i for i in self.items if i.outcome != "on_time")

    def to_json(self) -> str:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["ended_at"] = self.ended_at.isoformat()
        return json.dumps(data, ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> DrillScore:
        data = json.loads(text)
        return DrillScore(
            data["title"], datetime.fromisoformat(data["started_at"]),
            datetime.fromisoformat(data["ended_at"]), data["rate"],
            data.get("first_action_seconds"),
            tuple(_item(i) for i in data.get("items", ())), data["score"],
            tuple(_item(i) for i in data.get("not_due", ())),
            tuple(_item(i) for i in data.get("not_scored", ())),
            data.get("times_from", LEGACY_TIMES))


def _item(data: dict) -> ScoreItem:
    known = {k: v for k, v in data.items() if k in ScoreItem.__dataclass_fields__}
    return ScoreItem(**known)


@dataclass(frozen=True)
class ShownInject:
    at_minutes: int  # when the scenario has it
    text: str
    shown_after: int | None  # drill seconds from the start to when the clerk saw it


@dataclass(frozen=True)
class DrillReport:
    run_id: int
    title: str
    description: str
    situation: str  # the name of the plan the scenario calls for
    holiday: bool
    trainer: str
    clerk: str
    hall: str
    desk: str
    rate: int
    started_at: datetime  # real time
    drill_minutes: float  # how long it ran, in drill time
    plan_version: str  # e.g. 2026.1（2026-11-22）
    injects: tuple[ShownInject, ...]
    incidents: tuple[str, ...]  # the numbers of the drill incidents
    score: DrillScore
