"""The plain data the evaluation report (应急演练评估报告) is printed from: the evaluation as
last revised, its corrective actions with their state on the day, its attachments. Read on
the GUI thread; each attachment's file is checked again by `check_files`, which the PDF
worker runs (a video's hash takes a while)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from models.drills import actions as drill_actions
from models.drills import attachments as drill_attachments
from models.drills.actions import Action
from models.drills.attachments import Attachment
from models.drills.evaluation import Evaluation, evaluation
from models.journal import book
from models.store.plan_links import JOURNAL, plan_link_findings
from models.store.tables import bound_database


class NoEvaluation(Exception):
    """No evaluation with this number."""


@dataclass(frozen=True)
class FileLine:
    attachment: Attachment
    state: str = ""  # ok, changed, missing; "" not checked yet


@dataclass(frozen=True)
class EvaluationReport:
    evaluation: Evaluation
    actions: tuple[Action, ...]
    files: tuple[FileLine, ...]
    unit: str  # the hall, as printed on the cover
    desk: str
    reported_on: date  # the day the report is made
    today: date  # the day the actions' state is given for
    altered: int = 0  # its journal entries changed, removed or slipped in outside the program


def build_evaluation_report(evaluation_id: int, *, unit: str, desk: str,
                            today: date) -> EvaluationReport:
    found = evaluation(evaluation_id)
    if found is None:
        raise NoEvaluation(evaluation_id)
    listed = tuple(drill_actions.actions(evaluation_id))
    return EvaluationReport(found, listed,
                            tuple(FileLine(a) for a in
                                  drill_attachments.attachments(evaluation_id)),
                            found.draft.unit or unit, desk, today, today,
                            _altered(evaluation_id, listed))


def _altered(evaluation_id: int, listed: tuple[Action, ...]) -> int:
    """How many of the entries the report is printed from (the evaluation, its revisions,
    actions, completions and attachments) `verify` finds changed or slipped in."""
    findings = {f.row for f in plan_link_findings(bound_database()) if f.kind == JOURNAL}
    if not findings:
        return 0
    ids = {evaluation_id, *(e.id for e in book.entries(follows=evaluation_id))}
    for a in listed:
        ids.update(e.id for e in book.entries(follows=a.id))
    return len(ids & findings)


def check_files(report: EvaluationReport) -> EvaluationReport:
    """The report with each attachment's file read again (no database: any thread)."""
    return replace(report, files=tuple(
        FileLine(f.attachment, drill_attachments.file_state(f.attachment))
        for f in report.files))
