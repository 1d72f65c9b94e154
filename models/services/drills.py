"""DrillService: drill runs (start, injects shown, finish, runs a crash cut short), the
scenario library and the trainer's own scenarios, the training log and what is due.

Commands return `Changes` (or an `Outcome` with the run's id or the scenario written); a
refusal raises ScenarioRefused or TrainingRefused and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from models.clock.act import Act
from models.drills import (
    actions,
    attachments,
    compliance,
    drill_forms,
    evaluation,
    runs,
    scenarios,
    training,
)
from models.drills.actions import Action, CorrectiveRefused
from models.drills.attachments import Attachment, AttachmentRefused, Hashed
from models.drills.compliance import DrillRules, DueItem
from models.drills.drill_forms import FormRefused
from models.drills.evaluation import (
    Draft,
    DrillChoice,
    Evaluation,
    EvaluationRefused,
    Sheet,
)
from models.drills.evaluation_report import EvaluationReport, build_evaluation_report
from models.drills.report import NoDrillReport, build_drill_report, finished_runs
from models.drills.results import DrillReport
from models.drills.scenarios import (
    TITLE_MAX,
    Inject,
    Scenario,
    ScenarioRefused,
    due_injects,
)
from models.drills.training import Reminder, TrainingEntry, TrainingRefused
from models.plans.catalog import Catalog
from models.plans.toml_check import Problem
from models.services.changes import Changes, Outcome, command
from models.store.tables import PlanVersion, transaction

__all__ = [
    "TITLE_MAX",
    "Action",
    "Attachment",
    "AttachmentRefused",
    "CorrectiveRefused",
    "Draft",
    "DrillChoice",
    "DrillService",
    "DueItem",
    "Evaluation",
    "EvaluationRefused",
    "EvaluationReport",
    "FormRefused",
    "Hashed",
    "Inject",
    "NoDrillReport",
    "Problem",
    "Reminder",
    "Scenario",
    "ScenarioNotWritten",
    "ScenarioRefused",
    "Sheet",
    "TrainingEntry",
    "TrainingRefused",
    "due_injects",
]

# A drill's end closes its incidents and their clocks and logs it as training.
FINISHED = Changes(incidents=True, timeline=True, deadlines=True, drills=True, training=True)
RUN = Changes(drills=True)
SCENARIOS = Changes(scenarios=True)
TRAINING = Changes(training=True)
EVALUATIONS = Changes(evaluations=True)
MARKED = Changes(evaluations=True, training=True)  # a drill's form: the calendar counts it


class ScenarioNotWritten(Exception):
    """The trainer's folder cannot be written (`reason` says why); nothing was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DrillService:
    def __init__(self, *, catalog: Catalog, plan: PlanVersion, act: Callable[[], Act],
                 edition: str = "", edition_name: str = "", rules: DrillRules | None = None,
                 sheets: dict[str, Sheet] | None = None) -> None:
        """`edition`: the kind of hall (editions.toml) whose drill rules apply ("": only the
        rules every hall follows); `rules`, `sheets`: the shipped ones unless given."""
        self.catalog = catalog
        self.plan = plan
        self.edition = edition
        self.edition_name = edition_name or edition  # the kind of hall, in words
        self._act = act
        self._rules = rules
        self._sheets = sheets

    # -- runs ------------------------------------------------------------------------------
    def real_deadlines_open(self) -> bool:
        return runs.real_deadlines_open()

    @command(RUN)
    def start(self, scenario: Scenario, rate: int, trainer: str) -> Outcome[int]:
        """A new run; the value is its id."""
        run_id = runs.start_run(scenario, rate, trainer, self.plan, self._act())
        return Outcome(RUN, run_id)

    @command(RUN)
    def record_shown(self, run_id: int, index: int, inject: Inject, at: datetime) -> Changes:
        runs.record_shown(run_id, index, inject, at)
        return RUN

    @command(FINISHED)
    def finish(self, run_id: int, scenario: Scenario, drill_started: datetime) -> Changes:
        runs.finish_run(self.catalog, run_id, scenario, drill_started, self._act())
        return FINISHED

    @command(FINISHED)
    def end_interrupted(self) -> Outcome[list[int]]:
        """Runs a crash or power cut left open, ended and scored; the value: their ids."""
        ended = runs.end_interrupted(self.catalog, self._act())
        return Outcome(FINISHED if ended else Changes(), ended)

    def finished_runs(self) -> list[tuple[int, datetime, str, str, int, int | None]]:
        return finished_runs()

    def report(self, run_id: int) -> DrillReport:
        """Raises NoDrillReport for a run that is unknown or not finished."""
        return build_drill_report(run_id)

    # -- scenarios -------------------------------------------------------------------------
    def library(self, shipped: Path, own: Path) -> tuple[list[Scenario], list[Problem]]:
        return scenarios.load_library(shipped, own, self.catalog)

    @command(SCENARIOS)
    def save_scenario(self, folder: Path, *, key: str, title: str, situation: str,
                      description: str, holiday: bool, injects: list[dict],
                      file: str = "") -> Outcome[Scenario]:
        """The trainer's scenario written to `folder`; a new one when `key` is empty. Raises
        ScenarioRefused with the problems, or ScenarioNotWritten when the folder cannot be
        written."""
        act = self._act()
        key = key or scenarios.new_key(folder, act.now, act.zone)
        data = scenarios.scenario_data(title, situation, description, holiday, injects, key)
        try:
            written = scenarios.save_own(folder, data, self.catalog, file=file)
        except OSError as e:
            raise ScenarioNotWritten(e.strerror or str(e)) from e
        return Outcome(SCENARIOS, written)

    # -- training --------------------------------------------------------------------------
    @command(TRAINING)
    def add_training(self, kind: str, held_on: date | None, topic: str, trainer: str,
                     attendees: str, notes: str, *, today: date) -> Changes:
        training.add_training(kind, held_on, topic, trainer, attendees, notes, today=today)
        return TRAINING

    @command(MARKED)
    def add_drill(self, held_on: date | None, topic: str, trainer: str, attendees: str,
                  notes: str, form: str, fire: bool, *, today: date) -> Changes:
        """A drill held away from the desk, logged with its form (tabletop or live) and
        whether it was a fire drill, in one transaction."""
        if form not in drill_forms.FORMS:
            raise FormRefused("form")
        act = self._act()
        with transaction():
            record = training.add_training("drill", held_on, topic, trainer, attendees, notes,
                                           today=today)
            drill_forms.mark(record, form, fire, at=act.now, actor=act.who.clerk,
                             desk=act.who.desk)
        return MARKED

    def training_log(self) -> list[TrainingEntry]:
        return training.training_log()

    def reminders(self, today: date) -> list[Reminder]:
        return training.reminders(self.catalog, today, self._act().zone)

    # -- the calendar of what is due ---------------------------------------------------------
    @property
    def rules(self) -> DrillRules:
        if self._rules is None:
            self._rules = compliance.load_rules()
        return self._rules

    def calendar(self, first_day: date, last_day: date, today: date) -> list[DueItem]:
        return compliance.due_items(self.catalog, self.edition, first_day, last_day,
                                    today=today, rules=self.rules)

    def due_now(self, today: date) -> list[DueItem]:
        """Rules overdue, or due within the reminder days and not met."""
        return compliance.reminders(self.catalog, self.edition, today, rules=self.rules)

    def anything_due(self, today: date) -> bool:
        """What the navigation's "(due)" says: training, drill, revision, approval, a rule
        of the calendar, or a corrective action past its date."""
        return bool(self.reminders(today) or self.due_now(today)
                    or actions.overdue_actions(today))

    # -- evaluations -----------------------------------------------------------------------
    @property
    def sheets(self) -> dict[str, Sheet]:
        if self._sheets is None:
            self._sheets = evaluation.load_sheets()
        return self._sheets

    def drills_to_evaluate(self) -> list[DrillChoice]:
        return evaluation.drills_to_evaluate()

    def evaluations(self) -> list[Evaluation]:
        return evaluation.evaluations()

    def evaluation(self, evaluation_id: int) -> Evaluation | None:
        return evaluation.evaluation(evaluation_id)

    @command(MARKED)
    def evaluate(self, draft: Draft, revises: int | None = None) -> Outcome[Evaluation]:
        """Write the evaluation (or a revision of `revises`); EvaluationRefused says why
        not."""
        act = self._act()
        written = evaluation.evaluate(draft, self.sheets, at=act.now, actor=act.who.clerk,
                                      desk=act.who.desk, revises=revises)
        return Outcome(MARKED, written)

    @command(MARKED)
    def mark_drill(self, record: int, form: str, fire: bool) -> Changes:
        act = self._act()
        drill_forms.mark(record, form, fire, at=act.now, actor=act.who.clerk, desk=act.who.desk)
        return MARKED

    def report_of(self, evaluation_id: int, unit: str, today: date) -> EvaluationReport:
        return build_evaluation_report(evaluation_id, unit=unit, desk=self._act().who.desk,
                                       today=today)

    # -- corrective actions ----------------------------------------------------------------
    def actions(self, evaluation_id: int | None = None) -> list[Action]:
        return actions.actions(evaluation_id)

    def overdue_actions(self, today: date) -> list[Action]:
        return actions.overdue_actions(today)

    @command(EVALUATIONS)
    def add_action(self, evaluation_id: int, what: str, owner: str,
                   due_on: date | None) -> Outcome[Action]:
        act = self._act()
        added = actions.add_action(evaluation_id, what, owner, due_on, at=act.now,
                                   actor=act.who.clerk, desk=act.who.desk)
        return Outcome(EVALUATIONS, added)

    @command(EVALUATIONS)
    def complete_action(self, action_id: int, by: str, done_on: date | None, evidence: str,
                        *, today: date) -> Outcome[Action]:
        act = self._act()
        done = actions.complete(action_id, by, done_on, evidence, at=act.now, today=today,
                                actor=act.who.clerk, desk=act.who.desk)
        return Outcome(EVALUATIONS, done)

    # -- attachments -----------------------------------------------------------------------
    def attachments(self, evaluation_id: int) -> list[Attachment]:
        return attachments.attachments(evaluation_id)

    @command(EVALUATIONS)
    def attach(self, evaluation_id: int, hashed: Hashed, note: str = "") -> Outcome[Attachment]:
        """Record a file hashed beforehand (attachments.hash_file, off the GUI thread)."""
        act = self._act()
        kept = attachments.attach(evaluation_id, hashed, note, at=act.now, actor=act.who.clerk,
                                  desk=act.who.desk)
        return Outcome(EVALUATIONS, kept)
