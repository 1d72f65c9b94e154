"""DrillRunPanel: the trainer chooses a scenario and its speed and starts it; at the end sees
the score, each expected action's outcome and what to practise, and exports the drill report
PDF (in the background). Earlier drills can be opened and exported again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.drills.results import DRILL_TIMES, DrillReport, ScoreItem, duration
from models.plans.catalog import Catalog
from models.services.drills import NoDrillReport, Scenario
from ui.common.export_bar import PRINT_KEY, ExportBar
from ui.common.message_tone import show_message
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import drill_report_job
from ui.common.simple_table import fill_table, setup_table
from ui.drills.drill_controller import DrillController
from ui.drills.scenario_list import ScenarioList

RATES = (1, 5, 10)
OUTCOME_COLOURS = {"on_time": "#1b5e20", "late": "#e65100", "missed": "#b71c1c"}
NOT_SCORED_COLOUR = "#616161"


class DrillRunPanel(QWidget):
    def __init__(self, *, catalog: Catalog, drills: DrillController, pdf: PdfTools,
                 now: Callable[[], datetime], zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillRunPanel")
        self._catalog = catalog
        self._drills = drills
        self._pdf = pdf
        self._now = now
        self._zone = zone  # the hall's: the times shown
        self.report: DrillReport | None = None  # the drill shown on the right
        self.export_bar = ExportBar(tools=pdf)

        self.list = ScenarioList(name="scenarioList")
        self.description = QLabel(objectName="scenarioDescription")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.description_box = QScrollArea(objectName="scenarioDescriptionBox")
        self.description_box.setWidgetResizable(True)
        self.description_box.setWidget(self.description)
        self.description_box.setFixedHeight(150)  # the controls below stay where they are
        self.rate = QComboBox(objectName="drillRate")
        for rate in RATES:
            self.rate.addItem(self.tr("Normal speed") if rate == 1
                              else self.tr("{0} times faster").format(rate), rate)
        self.trainer = QLineEdit(objectName="trainerName")
        self.trainer.setPlaceholderText(self.tr("Trainer"))
        self.trainer.setMaxLength(60)
        self.start_button = QPushButton(self.tr("Start the drill"), objectName="startDrill")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("End the drill and score it"),
                                       objectName="endDrill")
        self.stop_button.clicked.connect(self._drills.stop)
        self.message = QLabel(objectName="drillMessage")
        self.message.setWordWrap(True)

        self.score = QLabel(objectName="drillScore")
        self.score.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Drill report (PDF)"),
                                         objectName="exportDrillReport")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print the report"), objectName="printDrillReport")
        self.print_button.clicked.connect(self.print_report)
        self.print_button.setShortcut(PRINT_KEY)
        self.items = QTableWidget(0, 4, objectName="scoreItems")
        self.items.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Expected action"),
                                              self.tr("Outcome"), self.tr("Done after")])
        setup_table(self.items)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setStretchLastSection(False)
        self.runs = QTableWidget(0, 4, objectName="drillRuns")
        self.runs.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Scenario"),
                                             self.tr("Trainer"), self.tr("Score")])
        setup_table(self.runs)
        self.runs.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.runs.horizontalHeader().setStretchLastSection(False)
        self._run_ids: list[int] = []

        # The start controls first: in sight without scrolling at 1366×768, whatever the
        # length of the list below them.
        left = QVBoxLayout()
        controls = QHBoxLayout()
        controls.addWidget(self.rate)
        controls.addWidget(self.trainer, 1)
        left.addLayout(controls)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button, 1)
        buttons.addWidget(self.stop_button, 1)
        left.addLayout(buttons)
        left.addWidget(QLabel(self.tr("Scenarios"), objectName="sectionLabel"))
        left.addWidget(self.list, 3)
        left.addWidget(self.description_box)
        result_bar = QHBoxLayout()
        result_bar.addWidget(self.score, 1)
        result_bar.addWidget(self.export_button)
        result_bar.addWidget(self.print_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Result"), objectName="sectionLabel"))
        right.addLayout(result_bar)
        right.addWidget(self.message)
        right.addWidget(self.export_bar)
        right.addWidget(self.items, 3)
        right.addWidget(QLabel(self.tr("Earlier drills"), objectName="sectionLabel"))
        right.addWidget(self.runs, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        self.list.currentRowChanged.connect(lambda _row: self._describe())
        self.runs.currentCellChanged.connect(lambda row, *_: self._open_run(row))
        self._drills.finished.connect(self._finished)
        self._drills.recovered.connect(self.show_recovered)
        self._drills.refused.connect(lambda text: show_message(self.message, text, ok=False))
        self._drills.started.connect(lambda _s: self._update_buttons())
        self.show_report(None)

    # -- scenarios -------------------------------------------------------------------------
    def set_scenarios(self, scenarios: list[Scenario]) -> None:
        current = self.selected()
        self.list.set_scenarios(scenarios, current.key if current else None)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._describe()

    def selected(self) -> Scenario | None:
        return self.list.selected()

    def _describe(self) -> None:
        scenario = self.selected()
        self._update_buttons()
        if scenario is None:
            self.description.clear()
            return
        lines = [scenario.description] if scenario.description else []
        lines.append(self.tr("Plan: {0}").format(self._catalog.situation(scenario.situation).name))
        if scenario.holiday:
            lines.append(self.tr("Played as a holiday (holiday deadlines)."))
        lines += [self.tr("+{0} min: {1}").format(i.at_minutes, i.text) for i in scenario.injects]
        self.description.setText("\n".join(lines))

    # -- running ---------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        running = self._drills.running
        self.start_button.setEnabled(not running and self.selected() is not None)
        self.stop_button.setEnabled(running)
        self.rate.setEnabled(not running)
        self.export_button.setEnabled(self.report is not None)
        self.print_button.setEnabled(self.report is not None)

    def start(self) -> None:
        scenario = self.selected()
        if scenario and self._drills.start(scenario, self.rate.currentData(),
                                           self.trainer.text()):
            show_message(self.message, self.tr("The drill is running: the clerk works on "
                                               "the emergency screen (F1)."), ok=True)
        self._update_buttons()

    def _finished(self, _result) -> None:
        show_message(self.message, self.tr("Drill ended and logged."), ok=True)
        self.refresh_runs(select=self._drills.last_run_id)

    def show_recovered(self, runs: list[int]) -> None:
        show_message(self.message, self.tr("A drill cut short when the program stopped was "
                                           "ended and scored with what had been done."), ok=True)
        self.refresh_runs(select=runs[-1])

    # -- results ---------------------------------------------------------------------------
    def refresh_runs(self, select: int | None = None) -> None:
        runs = self._drills.service.finished_runs()
        self._run_ids = [r[0] for r in runs]
        self.runs.blockSignals(True)
        fill_table(self.runs, [(hall_time.local_text(started, self._zone), title, trainer,
                                "—" if score is None else str(score))
                               for _id, started, title, trainer, _rate, score in runs])
        self.runs.blockSignals(False)
        if select in self._run_ids:
            self.runs.setCurrentCell(self._run_ids.index(select), 0)
        self._update_buttons()

    def _open_run(self, row: int) -> None:
        if not 0 <= row < len(self._run_ids):
            return
        try:
            self.show_report(self._drills.service.report(self._run_ids[row]))
        except NoDrillReport:
            self.show_report(None)

    def kind_text(self, kind: str) -> str:
        return {"plan": self.tr("Plan chosen"), "step": self.tr("Step"),
                "call": self.tr("Call"), "deadline": self.tr("Deadline")}.get(kind, kind)

    def outcome_text(self, outcome: str) -> str:
        return {"on_time": self.tr("on time"), "late": self.tr("done late"),
                "missed": self.tr("not done")}.get(outcome, outcome)

    def show_report(self, report: DrillReport | None) -> None:
        self.report = report
        if report is None:
            self.score.setText(self.tr("No drill chosen: run one, or pick an earlier drill "
                                       "below."))
            self.items.setRowCount(0)
            self._update_buttons()
            return
        result = report.score
        drill_times = result.times_from == DRILL_TIMES
        self.score.setText(self.tr("{0}: score {1} / 100 · first action after {2} · to "
                                   "practise: {3}").format(
            report.title, result.score, duration(result.first_action_seconds),
            len(result.practise)) + "\n" + (
            self.tr("Times are drill time from the start of the drill.") if drill_times else
            self.tr("Times as an earlier version scored them (see the drill report).")))
        self.items.setHorizontalHeaderItem(3, QTableWidgetItem(
            self.tr("Done at / due") if drill_times else self.tr("Done after")))
        rows = [(i, True) for i in result.items] + [(i, False) for i in result.not_scored]
        self.items.setRowCount(len(rows))
        for r, (item, scored) in enumerate(rows):
            self._fill_item(r, item, scored)
        self.items.resizeRowsToContents()
        self._update_buttons()

    def _fill_item(self, row: int, item: ScoreItem, scored: bool) -> None:
        timing = duration(item.done_after)
        if item.allowed is not None:
            timing += " / " + duration(item.allowed)
        what = item.what
        if item.condition:
            what += self.tr("(only if: {0})").format(item.condition)
        if item.after:
            what += self.tr("(after the event)")
        outcome = (self.outcome_text(item.outcome) if scored
                   else self.tr("not scored: after the event") if item.after
                   else self.tr("not scored: depends on the situation"))
        colour = OUTCOME_COLOURS.get(item.outcome, "#000000") if scored else NOT_SCORED_COLOUR
        for c, value in enumerate((self.kind_text(item.kind), what, outcome, timing)):
            cell = QTableWidgetItem(value)
            if c == 2:
                cell.setForeground(QColor(colour))
            self.items.setItem(row, c, cell)

    # -- the report PDF --------------------------------------------------------------------
    def export(self) -> None:
        if self.report is not None:
            self.export_bar.save(drill_report_job(self.report, self._pdf))

    def print_report(self) -> None:
        if self.report is not None:
            self.export_bar.print(drill_report_job(self.report, self._pdf))
