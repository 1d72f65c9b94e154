"""ReportDialog: one incident's formal reports upward — the reports filed so far, and the next
one (初报, then 续报一、续报二…, or 终报) prefilled from the record for the reporter to edit,
sign with both names and file (签发); any of them saved or printed as a PDF.

Not modal: the alarm, the timer cards and 110 / 119 / 120 stay usable, and F9–F12 reach it
(ui.window.emergency_keys gives every window of the desk those keys). A filed report is
shown read-only: a correction is the next 续报. What is typed for the next report is kept
while the window lives, also when a filed one is looked at meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.services.changes import Changes
from models.services.reporting import (
    FiledReport,
    ReportingService,
    ReportRefused,
    Slot,
)
from ui.common.ask import Confirm, ask_yes_no
from ui.common.export_bar import ExportBar
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.over_screen import show_over_screen
from ui.common.pdf_export import PdfTools
from ui.common.time_text import local_time
from ui.common.timeline_text import entry_text
from ui.reporting.report_job import formal_report_job
from ui.reporting.report_words import field_label, refusal_text, slot_name

EDITOR_LINES = 4
NEXT = "next"  # the list row of the report to write next (its data; filed rows hold theirs)


class ReportDialog(QDialog):
    filed = Signal(object)  # the FiledReport just filed

    def __init__(self, *, service: ReportingService, operations: Operations, incident_id: int,
                 pdf: PdfTools | None = None, confirm: Confirm = ask_yes_no,
                 clerk: Callable[[], str] = lambda: "",
                 parent: QWidget | None = None) -> None:
        """`clerk`: the clerk on duty, offered as the reporter."""
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self._service = service
        self._ops = operations
        self._pdf = pdf
        self._confirm = confirm
        self._clerk = clerk
        self.incident_id = incident_id
        self._drafts: dict[Slot, dict[str, str]] = {}  # typed, per report not yet filed
        # Other incidents' drafts and signers, while this window shows another's reports.
        self._elsewhere: dict[int, tuple[dict[Slot, dict[str, str]], tuple[str, str]]] = {}
        self._signers = ("", "")  # typed for the next report
        self.viewing: FiledReport | None = None  # the filed report shown, None: the next
        self._shown_slot: Slot | None = None  # the next report the editors hold now

        self.title = QLabel(objectName="reportTitle")
        self.reports = QListWidget(objectName="reportList")
        self.reports.currentItemChanged.connect(self._chosen)
        self.stage = QComboBox(objectName="reportStage")
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.state = QLabel(objectName="reportState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, field in enumerate(service.fields()):
            label = QLabel(field_label(field), objectName="fieldLabel")
            label.setWordWrap(True)
            editor = QPlainTextEdit() if field.multiline else QLineEdit()
            editor.setObjectName(f"report_{field.key}")
            if isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                # four lines each, the form scrolls: every item is in sight in turn
                editor.setFixedHeight(editor.fontMetrics().lineSpacing() * EDITOR_LINES + 14)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, row, 1)
            self.editors[field.key] = editor
        grid.setRowStretch(len(self.editors), 1)  # the items stay together at the top
        body = QWidget(objectName="reportBody")
        body.setLayout(grid)
        scroll = QScrollArea(objectName="reportScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.reporter = QLineEdit(objectName="reportReporter")
        self.approver = QLineEdit(objectName="reportApprover")
        for editor in (self.reporter, self.approver):
            editor.setMaxLength(100)
        signers = QHBoxLayout()
        signers.addWidget(QLabel(self.tr("Reporter"), objectName="fieldLabel"))
        signers.addWidget(self.reporter, 1)
        signers.addWidget(QLabel(self.tr("Approver"), objectName="fieldLabel"))
        signers.addWidget(self.approver, 1)
        self.message = QLabel(objectName="reportMessage")
        self.message.setWordWrap(True)

        self.file_button = QPushButton(self.tr("File (sign and send)"), objectName="fileReport")
        self.file_button.clicked.connect(self.ask_to_file)
        self.export_button = QPushButton(self.tr("Save PDF") + "  Ctrl+E",
                                         objectName="exportReport")
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.clicked.connect(lambda: self.make_pdf(printing=False))
        self.print_button = QPushButton(self.tr("Print") + "  Ctrl+P", objectName="printReport")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.make_pdf(printing=True))
        self.close_button = QPushButton(self.tr("Close"), objectName="closeReports")
        self.close_button.clicked.connect(self.close)
        self.export_bar = ExportBar(tools=pdf) if pdf else None
        buttons = QHBoxLayout()
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        if pdf:
            buttons.addWidget(self.export_button)
            buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        stage_row = QHBoxLayout()
        stage_row.addWidget(QLabel(self.tr("Report to write"), objectName="fieldLabel"))
        stage_row.addWidget(self.stage)
        stage_row.addStretch(1)
        right_layout.addLayout(stage_row)
        right_layout.addWidget(self.state)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(signers)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Reports"), objectName="sectionLabel"))
        left_layout.addWidget(self.reports, 1)
        self.reports.setMinimumWidth(self.reports.fontMetrics().horizontalAdvance("M") * 13)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="reportSplit")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        if self.export_bar:
            layout.addWidget(self.export_bar)
        self.resize(1100, 700)
        self.load()
        operations.changed.connect(self._on_changed)

    # -- showing ---------------------------------------------------------------------------
    def show_incident(self, incident_id: int) -> None:
        """The same window, for another incident: what was typed for this one is kept for
        when its reports are shown again (a report filed meanwhile: carried as in `load`)."""
        if incident_id != self.incident_id:
            self._keep_typed()
            self._elsewhere[self.incident_id] = (self._drafts, self._signers)
            self.incident_id = incident_id
            self._drafts, self._signers = self._elsewhere.pop(incident_id, ({}, ("", "")))
            self._shown_slot = None
            self.message.clear()
        self.load()

    def show_over(self, area: QWidget) -> None:
        show_over_screen(self, area, fill=True)

    def load(self, select: int | None = None) -> None:
        """The list drawn again from what is stored; `select`: a filed report's entry id to
        show (else the next report, or the last filed when none is left to file)."""
        self._keep_typed()
        header = self._service.header(self.incident_id)
        title = self.tr("Reports upward · {0} · {1}").format(header.number, header.situation)
        if header.is_drill:
            title += " · " + self.tr("DRILL")
        self.title.setText(title)
        self.setWindowTitle(title)
        slots = self._service.next_slots(self.incident_id)
        self._carry_drafts(slots)
        self._shown_slot = None  # kept above; the editors are filled again below
        self._filed = self._service.filed(self.incident_id)
        self.reports.blockSignals(True)
        self.reports.clear()
        for report in self._filed:
            item = QListWidgetItem(self.tr("{0} · {1} · {2} / {3}").format(
                slot_name(report.slot), local_time(report.filed_at, self._service.zone,
                                                   "%m-%d %H:%M"),
                report.reporter, report.approver))
            item.setData(Qt.ItemDataRole.UserRole, report.entry_id)
            self.reports.addItem(item)
        if slots:
            item = QListWidgetItem(self.tr("＋ Next: {0}").format(
                self.tr(" or ").join(slot_name(s) for s in slots)))
            item.setData(Qt.ItemDataRole.UserRole, NEXT)
            self.reports.addItem(item)
        self.stage.blockSignals(True)
        self.stage.clear()
        for slot in slots:
            self.stage.addItem(slot_name(slot), slot)
        self.stage.blockSignals(False)
        self.reports.blockSignals(False)
        rows = [self.reports.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.reports.count())]
        wanted = select if select in rows else (NEXT if slots else None)
        row = rows.index(wanted) if wanted in rows else len(rows) - 1
        self.reports.setCurrentRow(row)
        self._chosen(self.reports.currentItem())

    def _carry_drafts(self, slots: list[Slot]) -> None:
        """Text typed for a report another window filed meanwhile moves to the report now
        offered of its stage (else the first offered): nothing typed is lost."""
        for old in [slot for slot in self._drafts if slot not in slots]:
            text = self._drafts.pop(old)
            target = next((s for s in slots if s.stage == old.stage), slots[0] if slots else None)
            if target is not None and target not in self._drafts:
                self._drafts[target] = text

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self._keep_typed()
        value = item.data(Qt.ItemDataRole.UserRole)
        if value == NEXT:
            self._show_next()
        else:
            self._show_filed(next(r for r in self._filed if r.entry_id == value))

    def _show_next(self) -> None:
        self.viewing = None
        slot = self._shown_slot = self.slot()
        if slot is None:
            return
        text = self._drafts.get(slot) or self._service.prefill(self.incident_id, slot,
                                                               entry_text)
        self._fill(text, editable=True)
        reporter, approver = self._signers
        self.reporter.setText(reporter or self._clerk())
        self.approver.setText(approver)
        self.state.setText(self.tr("Prefilled from the record: check every field, then file. "
                                   "Once filed it cannot be changed; a correction is the next "
                                   "follow-up report."))
        self.stage.setEnabled(True)
        self.file_button.setVisible(True)
        self.file_button.setEnabled(True)

    def _show_filed(self, report: FiledReport) -> None:
        self.viewing = report
        self._shown_slot = None
        self._fill(report.fields, editable=False)
        self.reporter.setText(report.reporter)
        self.approver.setText(report.approver)
        state = self.tr("{0}, filed {1} by {2}. SHA-256 {3}").format(
            slot_name(report.slot), local_time(report.filed_at, self._service.zone),
            report.filed_by, report.sha256)
        if not self._service.document(self.incident_id, report).intact:  # and its timeline
            state += "\n" + self.tr("It no longer matches what was filed: it was changed "
                                    "outside the program.")
        self.state.setText(state)
        self.stage.setEnabled(False)
        self.file_button.setVisible(False)

    def _fill(self, text: dict[str, str], *, editable: bool) -> None:
        for key, editor in self.editors.items():
            value = text.get(key, "")
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)
                editor.setCursorPosition(0)
            editor.setReadOnly(not editable)
        for editor in (self.reporter, self.approver):
            editor.setReadOnly(not editable)

    # -- the next report -------------------------------------------------------------------
    def slot(self) -> Slot | None:
        return self.stage.currentData()

    def typed(self) -> dict[str, str]:
        return {key: editor.toPlainText() if isinstance(editor, QPlainTextEdit)
                else editor.text() for key, editor in self.editors.items()}

    def _keep_typed(self) -> None:
        """What is typed for the next report survives looking at a filed one, choosing the
        other stage, or a redraw."""
        if self._shown_slot is not None:
            self._drafts[self._shown_slot] = self.typed()
            self._signers = (self.reporter.text(), self.approver.text())

    def _stage_changed(self, _index: int) -> None:
        if self.viewing is None:
            self._keep_typed()
            self._show_next()

    def ask_to_file(self) -> None:
        slot = self.slot()
        if self.viewing is not None or slot is None:
            return
        if not (self.reporter.text().strip() and self.approver.text().strip()):
            show_message(self.message, refusal_text(ReportRefused("signer_missing")), ok=False)
            return
        self.file_button.setEnabled(False)  # one press files once (the store checks too)
        fields, reporter, approver = self.typed(), self.reporter.text(), self.approver.text()
        self._confirm(self, self.tr("File the {0}?").format(slot_name(slot)),
                      self.tr("Reporter {0}, approver {1}. A filed report is never changed: a "
                              "correction is the next follow-up report.").format(reporter,
                                                                                 approver),
                      lambda: self.file_now(slot, fields, reporter, approver))
        self.file_button.setEnabled(self.viewing is None)

    def file_now(self, slot: Slot, fields: dict[str, str], reporter: str,
                 approver: str) -> FiledReport | None:
        try:
            outcome = self._ops.run(self._service.file, self.incident_id, slot, fields,
                                    reporter=reporter, approver=approver)
        except ReportRefused as refused:
            show_message(self.message, refusal_text(refused), ok=False)
            if refused.code in ("not_next", "final_filed", "initial_filed"):
                self.load()
            return None
        if outcome is None:
            return None  # the one error path said why
        report = outcome.value
        self._drafts.pop(slot, None)
        self._signers = ("", "")
        self._shown_slot = None  # nothing typed to keep: it is filed
        self.load(select=report.entry_id)
        show_message(self.message, self.tr("{0} filed at {1}.").format(
            slot_name(slot), local_time(report.filed_at, self._service.zone, "%H:%M")), ok=True)
        self.filed.emit(report)
        return report

    def _on_changed(self, changes: Changes) -> None:
        """Drawn again only when the reports filed changed (another window filed one): any
        other entry of the incident (a note, a deadline missed) leaves the typing alone."""
        if not (changes.timeline and changes.concerns(self.incident_id) and self.isVisible()):
            return
        filed = [r.entry_id for r in self._service.filed(self.incident_id)]
        if filed != [r.entry_id for r in self._filed]:
            self.load(select=self.viewing.entry_id if self.viewing else None)

    # -- PDF -------------------------------------------------------------------------------
    def make_pdf(self, *, printing: bool) -> bool:
        """The filed report shown, or the next one as typed (marked as a draft)."""
        if self._pdf is None or self.export_bar is None:
            return False
        if self.viewing is not None:
            document = self._service.document(self.incident_id, self.viewing)
        elif (slot := self.slot()) is not None:
            document = self._service.draft_document(self.incident_id, slot, self.typed(),
                                                    self.reporter.text(), self.approver.text())
        else:
            return False
        job = formal_report_job(document, self._pdf)
        return self.export_bar.print(job) if printing else self.export_bar.save(job)
