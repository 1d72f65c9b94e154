"""IncidentsScreen: the history of every incident, and the daily view for supervisors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models.act import Act
from models.catalog import Catalog
from ui.daily_view import DailyView
from ui.history_screen import HistoryScreen
from ui.pdf_export import PdfTools


class IncidentsScreen(QWidget):
    def __init__(self, *, catalog: Catalog, act: Callable[[], Act], hall: Callable[[], str],
                 pdf: PdfTools | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentsScreen")
        self.history = HistoryScreen(catalog=catalog, act=act, pdf=pdf)
        self.daily = DailyView(catalog=catalog, hall=hall, pdf=pdf)
        self.tabs = QTabWidget(objectName="incidentsTabs")
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.daily, self.tr("Daily view"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
