"""RecordDialog: the record form in its own window, from the guided view or the history."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from models.services.records import RecordService
from ui.common.ask import Confirm, ask_yes_no
from ui.common.operations import Operations
from ui.common.over_screen import show_over_screen
from ui.common.pdf_export import PdfTools
from ui.records.record_form import RecordForm
from ui.reporting.report_opener import ReportOpener


class RecordDialog(QDialog):
    """Not modal: while the form is open the alarm can be acknowledged, 110 / 119 / 120 and
    the timer cards pressed; `show_over` lays it over one screen area, not over those bars."""

    def __init__(self, *, service: RecordService, operations: Operations, incident_id: int,
                 pdf: PdfTools | None = None, confirm: Confirm = ask_yes_no,
                 reports: ReportOpener | None = None, parent: QWidget | None = None) -> None:
        """`confirm`: how the form asks before finishing handling or closing the record (the
        desk's, so a desk or a test that injects one gets its answers here too); `reports`:
        the formal reports upward, offered by the form when given."""
        super().__init__(parent)
        self.setObjectName("recordDialog")
        self.form = RecordForm(service=service, operations=operations, incident_id=incident_id,
                               pdf=pdf, confirm=confirm, reports=reports)
        self.setWindowTitle(self.form.title.text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form)
        self.resize(1100, 700)
        self.finished.connect(lambda _result: self.form.flush())

    def show_record(self, incident_id: int) -> None:
        """The same window and form, refilled with another incident's record (or the same
        one reloaded, if the window was closed: it may have changed since)."""
        if incident_id != self.form.incident_id or not self.isVisible():
            self.form.show_record(incident_id)
            self.setWindowTitle(self.form.title.text())

    def show_over(self, area: QWidget) -> None:
        """Cover the screen `area` is on (the guided view, the history), leaving the header,
        the alarm, the timers and 110 / 119 / 120 around it in sight."""
        show_over_screen(self, area, fill=True)
