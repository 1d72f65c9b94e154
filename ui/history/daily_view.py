"""DailyView: a day's (or a range's) incidents per desk — counts by category and level, the
missed or late reports — what a supervisor reviews before printing the daily log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.clock.clocks import Clock
from models.documents import ALTERED_MARK, DailyLog
from models.services.records import RecordService
from ui.common.export_bar import ExportBar
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import daily_log_job
from ui.common.simple_table import fill_table, setup_table
from ui.common.status_text import status_text


class DailyView(QWidget):
    export_requested = Signal(object)  # the DailyLog on screen
    print_requested = Signal(object)

    def __init__(self, *, records: RecordService, hall: Callable[[], str], clock: Clock,
                 pdf: PdfTools | None = None, parent: QWidget | None = None) -> None:
        """`clock`: the hall's, whose days the view shows (today, its midnights, its times)."""
        super().__init__(parent)
        self.setObjectName("dailyView")
        self._records = records
        self._hall = hall
        self._clock = clock
        self.log: DailyLog | None = None
        self.export_bar = ExportBar(tools=pdf) if pdf else None
        self.first_day = self._date_edit("dailyFirst")
        self.last_day = self._date_edit("dailyLast")
        self.desk = QComboBox(objectName="dailyDesk")
        self.today = QPushButton(self.tr("Today"), objectName="todayButton")
        self.today.clicked.connect(self.show_today)
        self.yesterday = QPushButton(self.tr("Yesterday"), objectName="yesterdayButton")
        self.yesterday.clicked.connect(
            lambda: self.show_days(*(2 * [self._clock.today() - timedelta(days=1)])))
        self.export_button = QPushButton(self.tr("Export PDF"), objectName="exportDaily")
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.clicked.connect(lambda: self._request(self.export_requested))
        self.print_button = QPushButton(self.tr("Print"), objectName="printDaily")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self._request(self.print_requested))
        if self.export_bar:
            self.export_requested.connect(
                lambda log: self.export_bar.save(daily_log_job(log, pdf)))
            self.print_requested.connect(
                lambda log: self.export_bar.print(daily_log_job(log, pdf)))
        self.summary = QLabel(objectName="dailySummary")
        self.summary.setWordWrap(True)
        self.rows = self._table("dailyRows", 8)
        self.problems = self._table("dailyProblems", 4)
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.first_day, QLabel(self.tr("to")),
                       self.last_day, self.today, self.yesterday, self.desk):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Incidents (drills marked)"), objectName="sectionLabel"),
                       0, 0)
        grid.addWidget(self.rows, 1, 0)
        grid.addWidget(QLabel(self.tr("Missed or late reports"), objectName="sectionLabel"), 2, 0)
        grid.addWidget(self.problems, 3, 0)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        if self.export_bar:  # right under its buttons: in sight without scrolling
            layout.addWidget(self.export_bar)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self.refresh)
        self.desk.currentIndexChanged.connect(self.refresh)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate(self._clock.today()))
        return edit

    def _table(self, name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, objectName=name)
        setup_table(table)
        table.setWordWrap(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return table

    def show_today(self) -> None:
        self.first_day.setDate(QDate(self._clock.today()))
        self.last_day.setDate(QDate(self._clock.today()))

    def show_days(self, first, last) -> None:
        self.first_day.blockSignals(True)
        self.first_day.setDate(QDate(first))
        self.first_day.blockSignals(False)
        self.last_day.setDate(QDate(last))
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        if last < first:
            self.log = None  # nothing to print until the range is right
            self.summary.setText(self.tr("The end date is before the start date."))
            self._enable_printing()
            return
        self.log = self._records.daily_log(first, last, hall=self._hall(),
                                           desk=self.desk.currentData() or "")
        self._show(self.log)
        self._enable_printing()

    def _request(self, signal) -> None:
        if self.log is not None:
            signal.emit(self.log)

    def _enable_printing(self) -> None:
        for button in (self.export_button, self.print_button):
            button.setEnabled(self.log is not None)

    def _show(self, log: DailyLog) -> None:
        categories = "、".join(f"{name} {n}" for name, n in log.by_category) or "—"
        levels = "、".join(f"{name} {n}" for name, n in log.by_level) or "—"
        self.summary.setText(self.tr("{0} incidents, {1} drills. By category: {2}. By level: "
                                     "{3}. Missed or late reports: {4}.").format(
            len(log.counted_rows), len(log.drill_rows), categories, levels,
            len(log.missed_or_late)) + self._journal_text(log) + self._altered_text(log))
        self.rows.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("No."), self.tr("Situation"), self.tr("Level"),
            self.tr("Desk"), self.tr("Place"), self.tr("Status"), self.tr("Reported in time?")])
        fill_table(self.rows, [
            (hall_time.local_text(row.started_at, self._clock.zone, "%m-%d %H:%M"),
             ("" if row.intact else ALTERED_MARK) + (self.tr("[DRILL] ") if row.is_drill else "")
             + row.number, row.situation,
             row.level, row.desk, row.place, status_text(row.status),
             self.reporting_text(row.reporting)) for row in log.rows])
        self.problems.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Deadline"), self.tr("Due"), self.tr("Outcome")])
        fill_table(self.problems, [
            (row.number, line.label,
             hall_time.local_text(line.due_at, self._clock.zone, "%m-%d %H:%M"),
             self.reporting_text(line.status if line.status != "met" else "in time"))
            for row, line in log.missed_or_late])

    def _journal_text(self, log: DailyLog) -> str:
        """The duty phone log and the handovers: counted here, listed in the printed log."""
        refused = sum(h.outcome == "refused" for h in log.handovers)
        altered = len(log.altered_journal)
        return " " + self.tr("Calls logged: {0}. Shift handovers: {1} ({2} refused); both "
                             "are listed in the printed log.").format(
            len(log.calls), len(log.handovers), refused) + (" " + self.tr(
                "{0} {1} of them changed outside the program: cannot be trusted.").format(
                altered, ALTERED_MARK) if altered else "")

    def _altered_text(self, log: DailyLog) -> str:
        altered = log.altered_rows
        if not altered:
            return ""
        return "\n" + self.tr("{0} {1} changed outside the program: what is shown of them "
                              "cannot be trusted. Run verify and keep the database as "
                              "evidence.").format(ALTERED_MARK,
                                                  "、".join(r.number for r in altered))

    def reporting_text(self, reporting: str) -> str:
        texts = {"in time": self.tr("in time"), "late": self.tr("late"),
                 "missed": self.tr("missed"), "pending": self.tr("pending"), "": "—"}
        return texts.get(reporting, reporting)

    def refresh_desks(self) -> None:
        current = self.desk.currentData()
        self.desk.blockSignals(True)
        self.desk.clear()
        self.desk.addItem(self.tr("All desks"), "")
        for desk in self._records.desks():
            self.desk.addItem(desk, desk)
        self.desk.setCurrentIndex(max(0, self.desk.findData(current)))
        self.desk.blockSignals(False)

    def showEvent(self, event) -> None:
        self.refresh_desks()
        self.refresh()
        super().showEvent(event)
