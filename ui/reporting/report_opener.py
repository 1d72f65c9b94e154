"""ReportOpener: the one door to an incident's formal reports, for every screen that offers
it (the guided response, the record form): one window, built on first use and refilled."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from models.services.reporting import ReportingService
from ui.common.ask import Confirm, ask_yes_no
from ui.common.operations import Operations
from ui.common.pdf_export import PdfTools
from ui.reporting.report_dialog import ReportDialog


def main_window(area: QWidget) -> QWidget:
    """The desk's window under `area` (through the record window, if opened from there): the
    reports window outlives the window it was first opened from."""
    window = area.window()
    while window.parentWidget() is not None:
        window = window.parentWidget().window()
    return window


class ReportOpener:
    def __init__(self, *, service: ReportingService, operations: Operations,
                 pdf: PdfTools | None = None, confirm: Confirm = ask_yes_no,
                 clerk: Callable[[], str] = lambda: "") -> None:
        self.service = service
        self._ops = operations
        self._pdf = pdf
        self._confirm = confirm
        self._clerk = clerk
        self.dialog: ReportDialog | None = None

    def open(self, incident_id: int, area: QWidget) -> ReportDialog:
        """Show the incident's reports over the screen `area` is on."""
        if self.dialog is None:
            self.dialog = ReportDialog(service=self.service, operations=self._ops,
                                       incident_id=incident_id, pdf=self._pdf,
                                       confirm=self._confirm, clerk=self._clerk,
                                       parent=main_window(area))
        else:
            self.dialog.show_incident(incident_id)
        self.dialog.show_over(area)
        return self.dialog
