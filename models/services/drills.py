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
from models.drills import runs, scenarios, training
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
from models.store.tables import PlanVersion

__all__ = [
    "TITLE_MAX",
    "DrillService",
    "Inject",
    "NoDrillReport",
    "Problem",
    "Reminder",
    "Scenario",
    "ScenarioNotWritten",
    "ScenarioRefused",
    "TrainingEntry",
    "TrainingRefused",
    "due_injects",
]

# A drill's end closes its incidents and their clocks and logs it as training.
FINISHED = Changes(incidents=True, timeline=True, deadlines=True, drills=True, training=True)
RUN = Changes(drills=True)
SCENARIOS = Changes(scenarios=True)
TRAINING = Changes(training=True)


class ScenarioNotWritten(Exception):
    """The trainer's folder cannot be written (`reason` says why); nothing was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DrillService:
    def __init__(self, *, catalog: Catalog, plan: PlanVersion, act: Callable[[], Act]) -> None:
        self.catalog = catalog
        self.plan = plan
        self._act = act

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

    def training_log(self) -> list[TrainingEntry]:
        return training.training_log()

    def reminders(self, today: date) -> list[Reminder]:
        return training.reminders(self.catalog, today, self._act().zone)
