"""DrillScreen: the trainer's screen — run a drill and see its report, write scenarios, keep
the training log, record plan approvals — under one line that says what is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.clock import hall_time
from models.drills import scenarios, training
from models.drills.scenarios import Scenario, ScenarioProblem
from models.plans.catalog import Catalog
from models.store.tables import PlanVersion
from ui.common.pdf_export import PdfTools
from ui.drills.drill_controller import DrillController
from ui.drills.drill_run_panel import DrillRunPanel
from ui.drills.scenario_editor import ScenarioEditor
from ui.drills.training_panel import TrainingPanel
from ui.plans.plan_revisions_panel import PlanRevisionsPanel


class DrillScreen(QWidget):
    due_changed = Signal(bool)  # something is due (training, drill, revision, approval)

    def __init__(self, *, catalog: Catalog, plan: PlanVersion,
                 drills_controller: DrillController, shipped_dir: Path, own_dir: Path,
                 now: Callable[[], datetime], clerk: Callable[[], str], pdf: PdfTools,
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        """`zone`: the hall's, whose dates and times the screen shows."""
        super().__init__(parent)
        self.setObjectName("drillScreen")
        self._catalog = catalog
        self._shipped_dir, self._own_dir = Path(shipped_dir), Path(own_dir)
        self._now = now
        self._zone = zone
        self.scenarios: list[Scenario] = []
        self.problems: list[ScenarioProblem] = []
        self.reminder = QLabel(objectName="reminderLabel")
        self.reminder.setWordWrap(True)
        self.run = DrillRunPanel(catalog=catalog, drills=drills_controller, pdf=pdf,
                                 now=now, zone=zone)
        self.editor = ScenarioEditor(catalog=catalog, own_dir=self._own_dir, now=now, zone=zone)
        self.training = TrainingPanel(today=self.today)
        self.revisions = PlanRevisionsPanel(catalog=catalog, plan=plan, clerk=clerk, now=now,
                                            zone=zone)
        self.tabs = QTabWidget(objectName="drillTabs")
        self.tabs.addTab(self.run, self.tr("Run a drill"))
        self.tabs.addTab(self.editor, self.tr("Scenarios"))
        self.tabs.addTab(self.training, self.tr("Training log"))
        self.tabs.addTab(self.revisions, self.tr("Plan revisions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs, 1)

        self.editor.saved.connect(lambda _s: self.load_scenarios())
        self.training.added.connect(self.refresh_reminders)
        self.revisions.approved.connect(self.refresh_reminders)
        drills_controller.finished.connect(lambda _r: self.refresh())
        self.load_scenarios()

    def today(self):
        return hall_time.day_of(self._now(), self._zone)

    def load_scenarios(self) -> None:
        """The shipped scenarios and the trainer's own, again from their files."""
        self.scenarios, self.problems = scenarios.load_library(self._shipped_dir, self._own_dir,
                                                               self._catalog)
        self.run.set_scenarios(self.scenarios)
        self.editor.set_scenarios(self.scenarios, self.problems)
        self.run.message.setText(
            self.tr("Some scenario files have problems and are left out; see Scenarios.")
            if self.problems else "")

    def refresh(self) -> None:
        self.run.refresh_runs(select=self.run.report.run_id if self.run.report else None)
        self.training.refresh()
        self.revisions.refresh()
        self.refresh_reminders()

    def refresh_reminders(self) -> None:
        due = training.reminders(self._catalog, self.today())
        words = {"training": self.tr("the quarterly training"),
                 "drill": self.tr("the yearly drill"),
                 "revision": self.tr("the yearly plan revision"),
                 "approval": self.tr("management's approval of the plans in use")}
        lasts = []
        for r in due:
            if r.kind == "approval":
                lasts.append(words[r.kind])
            elif r.last is None:
                lasts.append(self.tr("{0} (none recorded)").format(words[r.kind]))
            else:
                lasts.append(self.tr("{0} (last {1})").format(words[r.kind], r.last.isoformat()))
        self.reminder.setText(self.tr("Due: {0}").format("；".join(lasts)) if due else
                              self.tr("Training, drills and plan revision are up to date."))
        self.reminder.setProperty("due", bool(due))
        self.reminder.style().unpolish(self.reminder)
        self.reminder.style().polish(self.reminder)
        self.due_changed.emit(bool(due))

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)
