"""The evaluation of one drill (AQ/T 9009-2015, GB/T 46792-2025): overview (演练概况),
execution (演练执行情况), problems (存在问题), lessons (经验教训/改进建议), the score sheet of
its form (tabletop or live) with a total, the evaluators who sign it.

Kept in the journal: kind `drill_eval`. A revision is a new `drill_eval` entry that
`follows` the first; the latest one is the evaluation, nothing is changed in place. Each
entry keeps the sheet it was scored on (a later edit of the sheets file changes no old
score). Saving also marks the drill's form in the training log (models.drills.drill_forms).
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from models.drills import drill_forms
from models.journal import book
from models.store.paths import default_plans_dir
from models.store.tables import DrillRun, TrainingRecord, transaction

KIND = "drill_eval"
SHEETS_FILE = Path("compliance") / "evaluation_sheets.toml"
LINE_MAX, TEXT_MAX, EVALUATORS_MAX = 200, 4000, 10
TEXTS = ("execution", "problems", "lessons", "participants", "scenario")
LINES = ("name", "held_at", "place", "unit")


class EvaluationRefused(Exception):
    """`code`: drill, name_required, form, score, evaluator_required, too_long, unknown,
    evaluated (the drill has an evaluation already: `detail` its number; revise that)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code if not detail else f"{code}: {detail}")
        self.code, self.detail = code, detail


@dataclass(frozen=True)
class SheetItem:
    key: str
    title: str
    max: int


@dataclass(frozen=True)
class Sheet:
    form: str
    title: str
    source: str
    items: tuple[SheetItem, ...]

    @property
    def max_total(self) -> int:
        return sum(i.max for i in self.items)


@dataclass(frozen=True)
class Draft:
    """What the evaluator writes; `drill`: "run:ID" (a drill run at the desk) or "record:ID"
    (a drill of the training log)."""

    drill: str
    form: str
    name: str
    held_at: str = ""  # "2026-12-01 09:30" as written on the form
    place: str = ""
    unit: str = ""
    participants: str = ""
    scenario: str = ""
    execution: str = ""
    problems: str = ""
    lessons: str = ""
    fire: bool = False
    scores: dict[str, int] = field(default_factory=dict)
    evaluators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    id: int  # the first entry's id: the evaluation's number
    entry: int  # the latest revision's entry
    at: datetime  # when the latest revision was written
    by: str
    draft: Draft
    sheet: Sheet
    revision: int = 0  # 0: as first written

    @property
    def total(self) -> int:
        return sum(self.draft.scores.get(i.key, 0) for i in self.sheet.items)

    @property
    def unscored(self) -> tuple[str, ...]:
        return tuple(i.key for i in self.sheet.items if i.key not in self.draft.scores)


def load_sheets(plans_dir: Path | None = None) -> dict[str, Sheet]:
    path = (plans_dir or default_plans_dir()) / SHEETS_FILE
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {s["form"]: _sheet(s) for s in data.get("sheet", [])}


def _sheet(raw: dict) -> Sheet:
    return Sheet(str(raw["form"]), str(raw["title"]), str(raw.get("source", "")),
                 tuple(SheetItem(str(i["key"]), str(i["title"]), int(i["max"]))
                       for i in raw["items"]))


def check(draft: Draft, sheets: dict[str, Sheet]) -> Sheet:
    """The sheet `draft` is scored on; EvaluationRefused if anything is wrong."""
    kind, _, number = draft.drill.partition(":")
    if kind not in ("run", "record") or not number.isdigit():
        raise EvaluationRefused("drill")
    sheet = sheets.get(draft.form)
    if sheet is None or draft.form not in drill_forms.FORMS:
        raise EvaluationRefused("form")
    if not draft.name.strip():
        raise EvaluationRefused("name_required")
    if (any(len(getattr(draft, f)) > LINE_MAX for f in LINES)
            or any(len(getattr(draft, f)) > TEXT_MAX for f in TEXTS)
            or len(draft.evaluators) > EVALUATORS_MAX
            or any(len(e) > LINE_MAX for e in draft.evaluators)):
        raise EvaluationRefused("too_long")
    maxes = {i.key: i.max for i in sheet.items}
    for key, score in draft.scores.items():
        if key not in maxes:
            raise EvaluationRefused("score", key)
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= maxes[key]:
            raise EvaluationRefused("score", key)
    if not [e for e in draft.evaluators if e.strip()]:
        raise EvaluationRefused("evaluator_required")
    return sheet


def evaluate(draft: Draft, sheets: dict[str, Sheet], *, at: datetime, actor: str = "",
             desk: str = "", revises: int | None = None) -> Evaluation:
    """Write the evaluation, or a revision of evaluation `revises`."""
    sheet = check(draft, sheets)
    draft = _cleaned(draft)
    with transaction():
        if revises is not None and evaluation(revises) is None:
            raise EvaluationRefused("unknown")
        if revises is None:  # one evaluation per drill: a second desk or a stale list
            earlier = next((e.id for e in evaluations() if e.draft.drill == draft.drill), None)
            if earlier is not None:
                raise EvaluationRefused("evaluated", str(earlier))
        data = {"draft": _draft_data(draft), "sheet": asdict(sheet)}
        written = book.append(KIND, at=at, actor=actor, desk=desk, follows=revises,
                              text=f"演练评估: {draft.name} {sum(draft.scores.values())}分",
                              data=data)
        record = _record_of(draft.drill)
        if record is not None:
            drill_forms.mark(record, draft.form, draft.fire, at=at, actor=actor, desk=desk)
    return evaluation(revises if revises is not None else written.id)


def evaluation(evaluation_id: int) -> Evaluation | None:
    """Evaluation `evaluation_id` as last revised (None: no such evaluation)."""
    first = book.entry(evaluation_id)
    if first is None or first.kind != KIND or first.follows is not None:
        return None
    revisions = book.entries((KIND,), follows=evaluation_id)
    latest = revisions[-1] if revisions else first
    return _evaluation(evaluation_id, latest, len(revisions))


def evaluations() -> list[Evaluation]:
    """Every evaluation as last revised, newest first."""
    found: dict[int, tuple[book.Entry, int]] = {}
    for e in book.entries((KIND,)):
        first = e.follows if e.follows is not None else e.id
        count = found[first][1] + 1 if first in found else 0
        found[first] = (e, count)
    return [_evaluation(first, e, n) for first, (e, n) in sorted(found.items(), reverse=True)]


def _evaluation(first: int, e: book.Entry, revision: int) -> Evaluation:
    d = e.data["draft"]
    draft = Draft(**{**d, "evaluators": tuple(d.get("evaluators", ())),
                     "scores": {k: int(v) for k, v in d.get("scores", {}).items()}})
    return Evaluation(first, e.id, e.at, e.actor, draft, _sheet(e.data["sheet"]), revision)


def _cleaned(draft: Draft) -> Draft:
    texts = {f: getattr(draft, f).strip() for f in (*LINES, *TEXTS)}
    return Draft(**{**asdict(draft), **texts,
                    "evaluators": tuple(e.strip() for e in draft.evaluators if e.strip())})


def _draft_data(draft: Draft) -> dict:
    data = asdict(draft)
    data["evaluators"] = list(draft.evaluators)
    return data


def _record_of(drill: str) -> int | None:
    """The training-log row of the drill (a run's row is written when it ends)."""
    kind, _, number = drill.partition(":")
    if kind == "record":
        row = TrainingRecord.get_or_none(TrainingRecord.id == int(number))
        return row.id if row else None
    row = (TrainingRecord.select(TrainingRecord.id)
           .where(TrainingRecord.drill_run == int(number)).first())
    return row.id if row else None


@dataclass(frozen=True)
class DrillChoice:
    """A drill one may evaluate: what the form is first filled with."""

    drill: str
    name: str
    held_on: str
    participants: str = ""
    scenario: str = ""
    evaluated: int | None = None  # the evaluation already written, if any
    form: str = "live"  # as the training log marked it (tabletop or live)
    fire: bool = False  # marked a fire and evacuation drill in the training log


def drills_to_evaluate(limit: int = 200) -> list[DrillChoice]:
    """The drills of the training log (a run's own row included), newest first."""
    done = {e.draft.drill: e.id for e in evaluations()}
    marked = drill_forms.drill_forms()
    rows = (TrainingRecord.select().where(TrainingRecord.kind == "drill")
            .order_by(TrainingRecord.held_on.desc(), TrainingRecord.id.desc()).limit(limit))
    choices = []
    for r in rows:
        drill = f"run:{r.drill_run}" if r.drill_run else f"record:{r.id}"
        scenario = ""
        if r.drill_run:
            run = DrillRun.get_or_none(DrillRun.id == r.drill_run)
            scenario = run.title if run else ""
        mark = marked.get(r.id)
        choices.append(DrillChoice(drill, r.topic, str(r.held_on), r.attendees, scenario,
                                   done.get(drill) or done.get(f"record:{r.id}"),
                                   *((mark.form, mark.fire) if mark else ())))
    return choices
