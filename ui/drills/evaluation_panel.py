"""EvaluationPanel: the drills of the training log (those run at the desk and those held
away from it) with their evaluation, if any; "Evaluate" opens the evaluation window (not
modal), Save PDF / Print make the evaluation report (Ctrl+E / Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.services.drills import DrillChoice, DrillService
from ui.common.export_bar import ExportBar
from ui.common.file_dialogs import ask_open_file
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.over_screen import show_over_screen
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import drill_evaluation_job
from ui.common.simple_table import fill_table, setup_table
from ui.drills.evaluation_dialog import EvaluationDialog


class EvaluationPanel(QWidget):
    def __init__(self, *, service: DrillService, operations: Operations, pdf: PdfTools,
                 today: Callable[[], date], unit: Callable[[], str] = lambda: "",
                 ask_file=ask_open_file, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPanel")
        self._service = service
        self._ops = operations
        self._pdf = pdf
        self._today = today
        self._unit = unit
        self._ask_file = ask_file
        self.choices: list[DrillChoice] = []
        self.dialog: EvaluationDialog | None = None
        self.table = QTableWidget(0, 4, objectName="evaluationDrills")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Drill"),
                                              self.tr("Scenario"), self.tr("Evaluation")])
        setup_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(self.tr("Evaluate…"), objectName="openEvaluation")
        self.open_button.clicked.connect(self.open_selected)
        self.export_button = QPushButton(self.tr("Save PDF"), objectName="exportEvaluation")
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.clicked.connect(lambda: self.make_pdf(print_it=False))
        self.print_button = QPushButton(self.tr("Print"), objectName="printEvaluation")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.make_pdf(print_it=True))
        self.message = QLabel(objectName="evaluationPanelMessage")
        self.message.setWordWrap(True)
        self.export_bar = ExportBar(tools=pdf)
        hint = QLabel(self.tr("Drills run at the desk and drills recorded in the training log. "
                              "A drill held away from the desk: record it in the training log "
                              "first, then evaluate it here."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.open_button, self.export_button, self.print_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)  # the buttons above the list: in sight at 130 % text
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.export_bar)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        row = self.table.currentRow()
        self.choices = self._service.drills_to_evaluate()
        scores = {e.id: e.total for e in self._service.evaluations()}
        fill_table(self.table, [
            (c.held_on, c.name, c.scenario,
             self.tr("No. {0}, {1} points").format(c.evaluated, scores.get(c.evaluated, 0))
             if c.evaluated else self.tr("not evaluated"))
            for c in self.choices])
        if self.choices:
            self.table.selectRow(min(max(row, 0), len(self.choices) - 1))

    def selected(self) -> DrillChoice | None:
        row = self.table.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None

    def open_selected(self) -> EvaluationDialog | None:
        choice = self.selected()
        if choice is None:
            show_message(self.message, self.tr("Choose a drill first."), ok=False)
            return None
        if self.dialog is None:
            self.dialog = EvaluationDialog(service=self._service, operations=self._ops,
                                           unit=self._unit(), ask_file=self._ask_file,
                                           parent=self)
            self.dialog.saved.connect(lambda _id: self.refresh())
        self.dialog.setWindowTitle(self.tr("Drill evaluation · {0}").format(choice.name))
        self.dialog.open_drill(choice)
        show_over_screen(self.dialog, self, fill=True)  # not modal: the bar stays usable
        return self.dialog

    def make_pdf(self, *, print_it: bool) -> bool:
        choice = self.selected()
        if choice is None or choice.evaluated is None:
            show_message(self.message, self.tr("Choose an evaluated drill first."), ok=False)
            return False
        report = self._service.report_of(choice.evaluated, self._unit(), self._today())
        job = drill_evaluation_job(report, self._pdf)
        return self.export_bar.print(job) if print_it else self.export_bar.save(job)
