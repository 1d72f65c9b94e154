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
from models.services.changes import Changes
from models.services.drills import Problem, Scenario
from models.services.plans import PlanService
from ui.common.pdf_export import PdfTools
from ui.drills.actions_panel import ActionsPanel
from ui.drills.calendar_panel import CalendarPanel
from ui.drills.drill_controller import DrillController
from ui.drills.drill_run_panel import DrillRunPanel
from ui.drills.evaluation_panel import EvaluationPanel
from ui.drills.scenario_editor import ScenarioEditor
from ui.drills.training_panel import TrainingPanel
from ui.plans.plan_revisions_panel import PlanRevisionsPanel


class DrillScreen(QWidget):
    due_changed = Signal(bool)  # something is due (training, drill, revision, approval)

    def __init__(self, *, drills_controller: DrillController, plans: PlanService,
                 shipped_dir: Path, own_dir: Path, now: Callable[[], datetime],
                 clerk: Callable[[], str], pdf: PdfTools,
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE, hall: Callable[[], str] = lambda: "",
                 parent: QWidget | None = None) -> None:
        """The drill service and the desk's Operations come with `drills_controller`;
        `zone`: the hall's, whose dates and times the screen shows; `hall`: its name, the
        unit on an evaluation report's cover."""
        super().__init__(parent)
        self.setObjectName("drillScreen")
        service = drills_controller.service
        operations = drills_controller.operations
        catalog = service.catalog
        self._service = service
        self._catalog = catalog
        self._shipped_dir, self._own_dir = Path(shipped_dir), Path(own_dir)
        self._now = now
        self._zone = zone
        self.scenarios: list[Scenario] = []
        self.problems: list[Problem] = []
        self.reminder = QLabel(objectName="reminderLabel")
        self.reminder.setWordWrap(True)
        self.run = DrillRunPanel(catalog=catalog, drills=drills_controller, pdf=pdf,
                                 now=now, zone=zone)
        self.editor = ScenarioEditor(service=service, operations=operations,
                                     own_dir=self._own_dir)
        self.training = TrainingPanel(service=service, operations=operations, today=self.today)
        self.revisions = PlanRevisionsPanel(service=plans, operations=operations, clerk=clerk)
        self.calendar = CalendarPanel(service=service, today=self.today)
        self.evaluations = EvaluationPanel(service=service, operations=operations, pdf=pdf,
                                           today=self.today, unit=hall)
        self.actions = ActionsPanel(service=service, operations=operations, today=self.today)
        self.tabs = QTabWidget(objectName="drillTabs")
        self.tabs.addTab(self.run, self.tr("Run a drill"))
        self.tabs.addTab(self.editor, self.tr("Scenarios"))
        self.tabs.addTab(self.training, self.tr("Training log"))
        self.tabs.addTab(self.revisions, self.tr("Plan revisions"))
        self.tabs.addTab(self.calendar, self.tr("What is due"))
        self.tabs.addTab(self.evaluations, self.tr("Evaluations"))
        self.tabs.addTab(self.actions, self.tr("Corrective actions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addWidget(self.tabs, 1)

        operations.changed.connect(self._on_changed)
        self.load_scenarios()
        if drills_controller.recovered_runs:  # ended at start, before this screen was built
            self.run.show_recovered(drills_controller.recovered_runs)

    def _on_changed(self, changes: Changes) -> None:
        if changes.scenarios:
            self.load_scenarios()
        if changes.drills and changes.training:  # a drill ended: its score, the log
            self.refresh()
        elif changes.evaluations or changes.training:
            self.refresh_evaluations()  # and the reminders
        elif changes.plans:
            self.refresh_reminders()

    def today(self):
        return hall_time.day_of(self._now(), self._zone)

    def load_scenarios(self) -> None:
        """The shipped scenarios and the trainer's own, again from their files."""
        self.scenarios, self.problems = self._service.library(self._shipped_dir, self._own_dir)
        self.run.set_scenarios(self.scenarios)
        self.editor.set_scenarios(self.scenarios, self.problems)
        self.run.message.setText(
            self.tr("Some scenario files have problems and are left out; see Scenarios.")
            if self.problems else "")

    def refresh(self) -> None:
        self.run.refresh_runs(select=self.run.report.run_id if self.run.report else None)
        self.training.refresh()
        self.revisions.refresh()
        self.refresh_evaluations()  # and the reminders

    def refresh_evaluations(self) -> None:
        """The calendar, the evaluations and the actions (a drill logged or marked counts)."""
        self.calendar.refresh()
        self.evaluations.refresh()
        self.actions.refresh()
        self.refresh_reminders()

    def _revision_reason(self, trigger) -> str:
        """A plan revision 第八条 asks for, and why."""
        if trigger.kind == "major_incident":
            return self.tr("a plan revision: major incident {0} closed on {1}").format(
                trigger.detail, trigger.on.isoformat())
        return self.tr("a plan revision: a change of law or process recorded on {0} ({1})"
                       ).format(trigger.on.isoformat(), trigger.detail)

    def refresh_reminders(self) -> None:
        due = self._service.reminders(self.today())
        words = {"training": self.tr("the quarterly training"),
                 "drill": self.tr("the yearly drill"),
                 "revision": self.tr("the yearly plan revision"),
                 "approval": self.tr("management's approval of the plans in use")}
        lasts = []
        for r in due:
            if r.kind == "revision_trigger":
                lasts.append(self._revision_reason(r.trigger))
            elif r.kind == "approval":
                lasts.append(words[r.kind])
            elif r.last is None:
                lasts.append(self.tr("{0} (none recorded)").format(words[r.kind]))
            else:
                lasts.append(self.tr("{0} (last {1})").format(words[r.kind], r.last.isoformat()))
        today = self.today()
        for i in self._service.due_now(today):
            if i.kind in words and any(r.kind == i.kind for r in due):
                continue  # said above, from the training log
            text = (self.tr("{0} (overdue since {1})") if i.due_on < today
                    else self.tr("{0} by {1}"))
            lasts.append(text.format(i.title, i.due_on.isoformat()))
        late = self._service.overdue_actions(today)
        if late:
            lasts.append(self.tr("{0} corrective action(s) past their date").format(len(late)))
        self.reminder.setText(self.tr("Due: {0}").format("；".join(lasts)) if lasts else
                              self.tr("Training, drills and plan revision are up to date."))
        due = lasts
        self.reminder.setProperty("due", bool(due))
        self.reminder.style().unpolish(self.reminder)
        self.reminder.style().polish(self.reminder)
        self.due_changed.emit(bool(due))

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)
