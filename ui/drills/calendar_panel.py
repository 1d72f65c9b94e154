"""CalendarPanel: what the hall's rules ask for this year and next — each quarter's training,
each half-year's and year's drills, the fire drills — with the day each was met, or that it
is due soon or overdue; and the corrective actions past their date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget

from models.services.drills import DrillService, DueItem
from ui.common.simple_table import fill_table, setup_table

STATUS_COLOURS = {"done": "#1b5e20", "overdue": "#b71c1c", "due": "#e65100",
                  "upcoming": "#37474f"}


class CalendarPanel(QWidget):
    def __init__(self, *, service: DrillService, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPanel")
        self._service = service
        self._today = today
        self.items: list[DueItem] = []
        self.summary = QLabel(objectName="calendarSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, objectName="calendarTable")
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("Period"),
                                              self.tr("Due by"), self.tr("Met on"),
                                              self.tr("State")])
        setup_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_source(row))
        self.source = QLabel(objectName="calendarSource")
        self.source.setWordWrap(True)
        self.actions = QLabel(objectName="overdueActions")
        self.actions.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)

    def status_text(self, status: str) -> str:
        return {"done": self.tr("met"), "overdue": self.tr("overdue"),
                "due": self.tr("due soon"), "upcoming": self.tr("later")}[status]

    def refresh(self) -> None:
        today = self._today()
        first, last = date(today.year, 1, 1), date(today.year + 1, 12, 31)
        self.items = self._service.calendar(first, last, today)
        remind = self._service.rules.remind_days
        rows = []
        for i in self.items:
            rows.append((i.title, f"{i.period_start.isoformat()} – {i.due_on.isoformat()}",
                         i.due_on.isoformat(), i.done_on.isoformat() if i.done_on else "—",
                         self.status_text(i.status(today, remind))))
        fill_table(self.table, rows)
        for r, i in enumerate(self.items):
            self.table.item(r, 4).setForeground(QColor(STATUS_COLOURS[i.status(today, remind)]))
        due = self._service.due_now(today)
        edition = self._service.edition_name or self.tr("no kind of hall chosen")
        self.summary.setText(
            self.tr("Rules of this hall ({0}). Due now: {1}").format(
                edition, "；".join(f"{i.title}（{i.due_on.isoformat()}）" for i in due))
            if due else self.tr("Rules of this hall ({0}): nothing due now.").format(edition))
        late = self._service.overdue_actions(today)
        self.actions.setText(self.tr("Corrective actions past their date: {0}").format(
            "；".join(f"{a.what}（{a.owner}，{a.due_on.isoformat()}）" for a in late))
            if late else "")
        self.actions.setVisible(bool(late))

    def _show_source(self, row: int) -> None:
        self.source.setText(self.items[row].rule if 0 <= row < len(self.items) else "")
