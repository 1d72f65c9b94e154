"""RecordForm: the full incident record — every field the documents ask for.

What is typed is saved as a draft within a second (valid or not), so a crash or a power cut
loses nothing; "Save" stores the validated record and shows problems beside their fields.
A closed record is read-only; corrections are amendments with who, when and why.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.services.changes import Changes
from models.services.incidents import OPEN_STATUSES, ActionRefused, Status
from models.services.records import (
    AFTERCARE_PREFIX,
    DATE_FIELDS,
    TEXT_MAX_CHARS,
    RecordNotSaved,
    RecordRefused,
    RecordService,
)
from ui.common.ask import Confirm, ask_yes_no
from ui.common.export_bar import ExportBar
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.over_screen import one_at_a_time, show_over_screen
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import incident_record_job
from ui.common.record_fields import field_labels
from ui.common.status_text import status_text
from ui.common.time_text import local_time
from ui.common.timeline_text import entry_text
from ui.plans.plan_version_dialog import PlanVersionDialog
from ui.records.amend_dialog import AmendDialog
from ui.reporting.report_opener import ReportOpener

AUTOSAVE_MS = 500
LINE_FIELDS = ("happened_at", "discovered_at", "reported_at", "handled_at", "place", "reporter",
               "handler", "loss_amount", "evidence", "evidence_keep_until", "follow_up_on")
TIME_FIELDS = ("happened_at", "discovered_at", "reported_at", "handled_at")


class RecordForm(QWidget):
    draft_saved = Signal()

    def __init__(self, *, service: RecordService, operations: Operations, incident_id: int,
                 pdf: PdfTools | None = None, confirm: Confirm = ask_yes_no,
                 reports: ReportOpener | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self._reports = reports
        self._confirm = confirm
        self._service = service
        self._catalog = service.catalog
        self._ops = operations
        self._pdf = pdf
        self._filled_for: int | None = None  # the record the fields were last filled with
        self.incident_id = incident_id
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.now_buttons: list[QPushButton] = []
        self.amend_dialog: AmendDialog | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.title = QLabel(objectName="recordTitle")
        self.plan_label = QLabel(objectName="recordPlanVersion")
        self.plan_button = QPushButton(self.tr("Show the plan used"), objectName="showPlanUsed")
        self.plan_button.clicked.connect(self.show_plan_used)
        self.plan_dialog: PlanVersionDialog | None = None
        self.integrity = QLabel(objectName="integrityLabel")
        self.status = QLabel(objectName="recordStatus")
        self.message = QLabel(objectName="recordMessage")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (key, label) in enumerate(self._field_labels()):
            self._add_field(grid, row, key, label)
        body = QWidget(objectName="recordBody")
        body.setLayout(grid)
        self.scroll = scroll = QScrollArea(objectName="recordScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.timeline = QListWidget(objectName="recordTimeline")
        self.timeline.setWordWrap(True)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(QLabel(self.tr("Timeline"), objectName="sectionLabel"))
        timeline_layout.addWidget(self.timeline)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="recordSplit")
        split.addWidget(scroll)
        split.addWidget(timeline_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.save_button = QPushButton(self.tr("Save"), objectName="saveRecord")
        self.save_button.clicked.connect(self.save)
        self.resolve_button = QPushButton(self.tr("Handling finished"), objectName="resolveRecord")
        self.resolve_button.clicked.connect(self.resolve)
        self.close_button = QPushButton(self.tr("Close the incident"), objectName="closeRecord")
        self.close_button.clicked.connect(self.close_incident)
        self.amend_button = QPushButton(self.tr("Correct (amendment)"), objectName="amendRecord")
        self.amend_button.clicked.connect(self.open_amend)
        self.prefill_button = QPushButton(self.tr("Fill actions from the record"),
                                          objectName="prefillActions")
        self.prefill_button.clicked.connect(self.prefill_actions)
        self.export_button = QPushButton(self.tr("Export PDF"), objectName="exportRecord")
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.clicked.connect(lambda: self.make_pdf(printing=False))
        self.print_button = QPushButton(self.tr("Print"), objectName="printRecord")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.make_pdf(printing=True))
        self.reports_button = QPushButton(self.tr("Report upward"), objectName="recordReports")
        self.reports_button.clicked.connect(self.open_reports)
        self.export_bar = ExportBar(tools=pdf) if pdf else None
        # "Handling finished" and "Close the incident" are far apart, each keeps its place
        # when hidden, and both ask: a double press never finishes and closes a case.
        for button in (self.resolve_button, self.close_button):
            keep_place = button.sizePolicy()
            keep_place.setRetainSizeWhenHidden(True)
            button.setSizePolicy(keep_place)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.prefill_button, self.resolve_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        if reports is not None:
            buttons.addWidget(self.reports_button)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.close_button)
        if pdf:
            buttons.addWidget(self.export_button)
            buttons.addWidget(self.print_button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        plan_line = QHBoxLayout()
        plan_line.addWidget(self.plan_label)
        plan_line.addWidget(self.plan_button)
        plan_line.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(plan_line)
        layout.addWidget(self.integrity)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        if self.export_bar:
            layout.addWidget(self.export_bar)
        self.load()
        operations.changed.connect(self._on_changed)

    # -- building --------------------------------------------------------------------------
    def _field_labels(self) -> list[tuple[str, str]]:
        return field_labels(self._catalog.general.aftercare)

    def _add_field(self, grid: QGridLayout, row: int, key: str, label: str) -> None:
        if key in LINE_FIELDS:
            editor = QLineEdit(objectName=f"field_{key}")
            editor.setMaxLength(TEXT_MAX_CHARS + 1)
            editor.textChanged.connect(self._changed)
            if key in TIME_FIELDS:
                editor.setPlaceholderText("YYYY-MM-DD HH:MM")
            elif key in DATE_FIELDS:
                editor.setPlaceholderText("YYYY-MM-DD")
        else:
            editor = QPlainTextEdit(objectName=f"field_{key}")  # pasted rich text arrives plain
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(72)
            editor.textChanged.connect(self._changed)
        editor.setProperty("fieldKey", key)
        self.editors[key] = editor
        name = QLabel(label, objectName="fieldLabel")
        name.setWordWrap(True)
        error = QLabel(objectName="fieldError")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        line = QHBoxLayout()
        line.addWidget(editor, 1)
        if key in TIME_FIELDS:
            now = QPushButton(self.tr("Now"), objectName="nowButton")
            now.clicked.connect(lambda _=False, e=editor: e.setText(
                local_time(self._service.now(), self._service.zone, "%Y-%m-%d %H:%M")))
            self.now_buttons.append(now)
            line.addWidget(now)
        grid.addWidget(name, row * 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(line, row * 2, 1)
        grid.addWidget(error, row * 2 + 1, 1)

    def show_plan_used(self) -> None:
        """The plan text this incident followed, from the version it stored."""
        situation = self._service.state(self.incident_id).summary.situation_key
        catalog = self._service.plan_catalog(self._plan_id)
        self.plan_dialog = PlanVersionDialog(catalog=catalog, label=self._plan_label,
                                             situation=situation, parent=self)
        one_at_a_time(self.plan_dialog)
        show_over_screen(self.plan_dialog, self)  # not modal: the alarm and the bar stay usable

    # -- loading ---------------------------------------------------------------------------
    def show_record(self, incident_id: int) -> None:
        """Show another incident's record in this same form: refilled, not rebuilt (building
        the form's widgets was most of the time it took to open a record). What was typed for
        the one shown before is saved to it first; its windows close."""
        self.flush()
        for window in (self.amend_dialog, self.plan_dialog):
            if window is not None:
                window.close()
        self.incident_id = incident_id
        self.load()
        self.scroll.verticalScrollBar().setValue(0)

    def load(self) -> None:
        state = self._service.state(self.incident_id)
        s = state.summary
        self._plan_id, self._plan_label = self._service.plan_used(self.incident_id)
        level = self._service.names(self._plan_id).level(s.level)  # as the incident ran
        drill = self.tr("[DRILL] ") if s.is_drill else ""
        self.title.setText(f"{drill}{s.situation_name} · {level.name}（{level.short}）")
        self.status.setText(status_text(s.status))
        self.plan_label.setText(self.tr("Plan version {0}").format(self._plan_label))
        raw, from_draft = self._service.form(self.incident_id)
        self._fill(raw, another=self.incident_id != self._filled_for)
        self._filled_for = self.incident_id
        show_message(self.message, self.tr("Unsaved text from before was restored.")
                     if from_draft else "", ok=True)
        self._show_integrity()
        self._show_required(level)
        self._fill_timeline(state)
        closed = s.status == Status.CLOSED
        for editor in self.editors.values():
            editor.setReadOnly(closed)
        for button in self.now_buttons:
            button.setVisible(not closed)
        self.save_button.setVisible(not closed)
        self.prefill_button.setVisible(not closed)
        self.resolve_button.setVisible(s.status in OPEN_STATUSES)
        self.close_button.setVisible(s.status == Status.RESOLVED)
        self.amend_button.setVisible(closed)
        self._show_loss_advice()

    def _fill(self, raw: dict[str, str], *, another: bool = False) -> None:
        """`another`: the form now shows another record — every field is set again, so no
        undo history of the record before can bring its text into this one."""
        for key, editor in self.editors.items():
            text = raw.get(key, "")
            line = isinstance(editor, QLineEdit)
            if not another and text == (editor.text() if line else editor.toPlainText()):
                continue  # most fields are empty in both: a refill leaves them be
            editor.blockSignals(True)
            if line:
                editor.setText(text)
            else:
                editor.setPlainText(text)
            editor.blockSignals(False)
        for error in self.errors.values():
            error.hide()

    def _show_integrity(self) -> None:
        findings = self._service.integrity(self.incident_id)
        ok = not findings
        self.integrity.setText(self.tr("Timeline intact: every entry checks out.") if ok else
                               self.tr("⚠ The record or its timeline was changed outside the "
                                       "program ({0} problem(s)). Keep this file as evidence.")
                               .format(len(findings)))
        self.integrity.setProperty("ok", ok)
        self.integrity.style().unpolish(self.integrity)
        self.integrity.style().polish(self.integrity)

    def _show_required(self, level) -> None:
        for item in self._catalog.general.aftercare:
            editor = self.editors[AFTERCARE_PREFIX + item]
            editor.setProperty("required", item in level.aftercare_required)
            editor.setPlaceholderText(self.tr("Required to close at this level")
                                      if item in level.aftercare_required else "")

    # -- editing ---------------------------------------------------------------------------
    def raw(self) -> dict[str, str]:
        return {key: (e.text() if isinstance(e, QLineEdit) else e.toPlainText())
                for key, e in self.editors.items()}

    def _changed(self) -> None:
        self._autosave.start()
        if self.sender() is self.editors["loss_amount"]:
            self._show_loss_advice()

    def save_draft(self) -> None:
        if self._ops.run(self._service.save_draft, self.incident_id, self.raw()) is None:
            return  # failed: the error path said so
        self.status.setText(self.tr("Draft saved {0}").format(local_time(self._service.now(),
                                                                         self._service.zone)))
        self.draft_saved.emit()

    def flush(self) -> None:
        """Save a pending draft now (before the form closes)."""
        if self._autosave.isActive():
            self._autosave.stop()
            self.save_draft()

    def _show_loss_advice(self) -> None:
        advice = self._service.loss_advice(self.editors["loss_amount"].text())
        label = self.errors["loss_amount"]
        if advice is not None:  # not an amount: the save says so
            label.setText("\n".join(advice))
            label.setVisible(bool(advice))

    def _on_changed(self, changes: Changes) -> None:
        """Whoever acted (this form, the guided view, a deadline), the timeline shows it."""
        if changes.timeline and changes.concerns(self.incident_id) and self.isVisible():
            self._fill_timeline()
            self._show_integrity()

    def _fill_timeline(self, state=None) -> None:
        state = state or self._service.state(self.incident_id)
        self.timeline.clear()
        zone = self._service.zone
        for entry in state.entries:
            self.timeline.addItem(f"{local_time(entry.at, zone, '%m-%d %H:%M:%S')}  {entry.actor}  "
                                  f"{entry_text(entry)}")

    def save(self) -> bool:
        self._autosave.stop()
        problems: dict[str, str] = {}
        try:
            if self._ops.run(self._service.save, self.incident_id, self.raw()) is None:
                return False  # failed: the error path said so
        except RecordRefused:
            show_message(self.message, self.tr("This record is closed; use a correction."),
                         ok=False)
            return False
        except RecordNotSaved as not_saved:
            problems = not_saved.problems
        for key, error in self.errors.items():
            error.setVisible(key in problems)
            if key in problems:
                error.setText(self.problem_text(problems[key]))
        self._show_loss_advice()  # the advice to call 110 stays, whatever else is wrong
        if problems:
            show_message(self.message, self.tr("Not saved: {0} field(s) need attention. What "
                                               "you typed is kept.").format(len(problems)),
                         ok=False)
            return False
        show_message(self.message, self.tr("Saved."), ok=True)
        return True

    def problem_text(self, code: str) -> str:
        texts = {
            "bad_datetime": self.tr("Not a time: write it as 2026-11-20 14:05."),
            "bad_date": self.tr("Not a date: write it as 2026-11-20."),
            "bad_amount": self.tr("Not an amount: write a number of yuan, e.g. 5200."),
            "too_long": self.tr("Longer than {0} characters: shorten it.").format(
                TEXT_MAX_CHARS),
            "before_happened": self.tr("Earlier than the time it happened: check both."),
        }
        return texts.get(code, code)

    def prefill_actions(self) -> None:
        state = self._service.state(self.incident_id)
        zone = self._service.zone
        lines = [f"{local_time(e.at, zone, '%H:%M')} {entry_text(e)}"
                 for e in state.actions_taken()]
        self.editors["actions"].setPlainText("\n".join(lines))

    def open_reports(self) -> None:
        """The formal reports upward of this incident, from what is saved: the form is saved
        first (a field with a problem keeps the typing as a draft and says so)."""
        if self._reports is None:
            return
        if self.save_button.isVisible() and not self.save():
            return
        self._reports.open(self.incident_id, self)

    def make_pdf(self, *, printing: bool) -> bool:
        """The record as a PDF: what is on screen is saved first, so the PDF shows it."""
        if self._pdf is None or self.export_bar is None:
            return False
        if self.save_button.isVisible() and not self.save():
            show_message(self.message, self.tr("Not exported: correct the marked fields "
                                               "first. What you typed is kept."), ok=False)
            return False
        job = incident_record_job(self._service.document(self.incident_id), self._pdf)
        return self.export_bar.print(job) if printing else self.export_bar.save(job)

    # -- lifecycle -------------------------------------------------------------------------
    def resolve(self) -> None:
        """Saved first; then asked (as the guided view asks)."""
        if not self.save():
            return
        incident_id = self.incident_id
        self._confirm(self, self.tr("Handling finished?"),
                      self.tr("The incident leaves the running list. Clocks for repairs and "
                              "arrivals stop; reports still owed stay owed; deadlines that run "
                              "from the end of handling start now."),
                      lambda: self._resolve_now(incident_id))

    def _resolve_now(self, incident_id: int) -> None:
        if incident_id != self.incident_id:
            return  # the form shows another record now
        with contextlib.suppress(ActionRefused):  # finished elsewhere: the form shows it
            self._ops.run(self._service.resolve, self.incident_id)
        self.load()

    def close_incident(self) -> None:
        """Closing is final (later changes are amendments): saved first, then asked."""
        if not self.save():
            return
        incident_id = self.incident_id
        self._confirm(self, self.tr("Close the incident for good?"),
                      self.tr("A closed record cannot be edited; later changes are added as "
                              "corrections with your name, the time and why."),
                      lambda: self._close_now(incident_id))

    def _close_now(self, incident_id: int) -> None:
        if incident_id != self.incident_id or not self.save():
            return
        try:
            closed = self._ops.run(self._service.close, self.incident_id)
        except RecordRefused as refused:
            show_message(self.message, self.refusal_text(refused), ok=False)
            return
        self.load()
        if closed is not None:
            show_message(self.message, self.tr("Closed. Later corrections are added as "
                                               "amendments."), ok=True)

    def refusal_text(self, refused: RecordRefused) -> str:
        items = "、".join(refused.items)
        texts = {
            "not_resolved": self.tr("Mark the handling as finished first."),
            "aftercare_missing": self.tr("Cannot close yet: fill in the aftercare this level "
                                         "requires: {0}").format(items),
            "deadlines_pending": self.tr("Cannot close yet: these deadlines are still open: "
                                         "{0}").format(items),
        }
        return texts.get(refused.code, str(refused))

    def open_amend(self) -> None:
        self.amend_dialog = AmendDialog(fields=self._field_labels(), parent=self)
        self.amend_dialog.amended.connect(self._amend)
        one_at_a_time(self.amend_dialog)
        show_over_screen(self.amend_dialog, self)  # not modal: the alarm and the bar stay usable

    def _amend(self, field: str, text: str, reason: str) -> None:
        try:
            amended = self._ops.run(self._service.amend, self.incident_id, field, text, reason)
        except RecordRefused as refused:
            show_message(self.message, self.tr("Not recorded: {0}").format(
                self.problem_text(refused.items[0])) if refused.code == "bad_value" else
                self.tr("Not recorded: a correction needs the new text and the reason."),
                ok=False)
            return
        if amended is not None:
            show_message(self.message, self.tr("Correction recorded."), ok=True)
