"""IncidentsScreen: the history of every incident, and the daily view for supervisors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models.clock.clocks import Clock
from models.services.records import RecordService
from ui.common.operations import Operations
from ui.common.pdf_export import PdfTools
from ui.history.daily_view import DailyView
from ui.history.history_screen import HistoryScreen
from ui.reporting.report_opener import ReportOpener


class IncidentsScreen(QWidget):
    def __init__(self, *, records: RecordService, operations: Operations,
                 hall: Callable[[], str], clock: Clock, pdf: PdfTools | None = None,
                 reports: ReportOpener | None = None, parent: QWidget | None = None) -> None:
        """`reports`: the formal reports upward, offered by each record opened here."""
        super().__init__(parent)
        self.setObjectName("incidentsScreen")
        self.history = HistoryScreen(records=records, operations=operations, pdf=pdf,
                                     reports=reports)
        self.daily = DailyView(records=records, hall=hall, clock=clock, pdf=pdf)
        self.tabs = QTabWidget(objectName="incidentsTabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.daily, self.tr("Daily view"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
