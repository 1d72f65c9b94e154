"""HistoryScreen: every incident, filtered and searched, opened in one press.

Filters: dates, category, situation, level, status, real or drill, desk, and text.
The table loads a page at a time (HistoryModel), so it stays instant at 200,000 incidents.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.services.changes import Changes
from models.services.incidents import Status
from models.services.records import HistoryFilter, RecordService
from ui.common.export_bar import PRINT_KEY, ExportBar
from ui.common.operations import Operations
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import incident_record_job
from ui.common.status_text import status_text
from ui.history.history_model import ID_ROLE, HistoryModel
from ui.records.record_dialog import RecordDialog
from ui.reporting.report_opener import ReportOpener

SEARCH_DELAY_MS = 300


class HistoryScreen(QWidget):
    applied = Signal()  # the table shows the current filter

    def __init__(self, *, records: RecordService, operations: Operations,
                 pdf: PdfTools | None = None, reports: ReportOpener | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyScreen")
        self._reports = reports  # the formal reports upward, offered by each record
        catalog = records.catalog
        self._catalog = catalog
        self._records = records
        self._ops = operations
        self._pdf = pdf
        self.record_dialog: RecordDialog | None = None
        self.model = HistoryModel(catalog=catalog, count=records.history_count,
                                  fetch=records.history_page, parent=self)
        self.first_day = self._date_edit("firstDay")
        self.last_day = self._date_edit("lastDay")
        self.all_dates = QPushButton(self.tr("All dates"), objectName="allDates")
        self.all_dates.setCheckable(True)
        self.all_dates.setChecked(True)
        self.category = QComboBox(objectName="categoryFilter")
        self.category.addItem(self.tr("All categories"), "")
        for cat in catalog.ordered_categories():
            self.category.addItem(cat.name, cat.key)
        self.situation = QComboBox(objectName="situationFilter")
        self.level = QComboBox(objectName="levelFilter")
        self.level.addItem(self.tr("All levels"), None)
        for level in catalog.levels:
            self.level.addItem(f"{level.name}（{level.short}）", level.level)
        self.status = QComboBox(objectName="statusFilter")
        self.status.addItem(self.tr("All statuses"), "")
        for key in Status:
            self.status.addItem(status_text(key), key.value)
        self.kind = QComboBox(objectName="kindFilter")
        for text, value in ((self.tr("Real incidents"), False), (self.tr("Drills"), True),
                            (self.tr("Real and drills"), None)):
            self.kind.addItem(text, value)
        self.desk = QComboBox(objectName="deskFilter")
        self.search = QLineEdit(objectName="historySearch")
        self.search.setPlaceholderText(self.tr("Search: number, place, description, notes…"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(objectName="countLabel")
        self.table = QTableView(objectName="historyTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 150, 260, 90, 90, 120)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self.open_row)
        self.open_button = QPushButton(self.tr("Open the record"), objectName="openRecord")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex()))
        self.export_button = QPushButton(self.tr("Record as PDF"), objectName="historyExport")
        self.export_button.clicked.connect(lambda: self.make_pdf(printing=False))
        self.print_button = QPushButton(self.tr("Print the record"), objectName="historyPrint")
        self.print_button.clicked.connect(lambda: self.make_pdf(printing=True))
        self.print_button.setShortcut(PRINT_KEY)
        self.export_bar = ExportBar(tools=pdf) if pdf else None

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("From")), 0, 0)
        filters.addWidget(self.first_day, 0, 1)
        filters.addWidget(QLabel(self.tr("to")), 0, 2)
        filters.addWidget(self.last_day, 0, 3)
        filters.addWidget(self.all_dates, 0, 4)
        filters.addWidget(self.kind, 0, 5)
        filters.addWidget(self.desk, 0, 6)
        filters.addWidget(self.category, 1, 0, 1, 2)
        filters.addWidget(self.situation, 1, 2, 1, 2)
        filters.addWidget(self.level, 1, 4)
        filters.addWidget(self.status, 1, 5)
        filters.addWidget(self.search, 2, 0, 1, 6)
        filters.addWidget(self.open_button, 2, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        if self.export_bar:
            actions = QHBoxLayout()
            actions.addStretch(1)
            actions.addWidget(self.export_button)
            actions.addWidget(self.print_button)
            layout.addLayout(actions)
            layout.addWidget(self.export_bar)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)
        self.search.textChanged.connect(self._search_timer.start)
        # Several controls changed at once (a date range, a category and its situations)
        # make one query, on the next turn of the event loop.
        self._apply_soon = QTimer(self)
        self._apply_soon.setSingleShot(True)
        self._apply_soon.setInterval(0)
        self._apply_soon.timeout.connect(self.apply)
        self.category.currentIndexChanged.connect(self._fill_situations)
        for box in (self.situation, self.level, self.status, self.kind, self.desk):
            box.currentIndexChanged.connect(self._apply_soon.start)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(lambda _d: self.all_dates.setChecked(False))
            edit.dateChanged.connect(self._apply_soon.start)
        self.all_dates.toggled.connect(self._apply_soon.start)
        self.all_dates.toggled.connect(self._show_dates_in_use)
        self._show_dates_in_use(True)
        self._fill_situations()
        self.refresh_desks()
        operations.changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        """Rows show status, level, situation and place: a change to those reloads them."""
        if (changes.incidents or changes.record) and self.isVisible():
            self.model.reload()

    def _show_dates_in_use(self, all_dates: bool) -> None:
        """Greyed while every date counts; still editable: picking a date filters by it."""
        for edit in (self.first_day, self.last_day):
            edit.setProperty("unused", all_dates)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate(self._today()))
        return edit

    def _today(self) -> date:
        """The hall's date (its zone), not the machine's."""
        return hall_time.day_of(self._records.now(), self._records.zone)

    def _fill_situations(self) -> None:
        self.situation.blockSignals(True)
        self.situation.clear()
        self.situation.addItem(self.tr("All situations"), "")
        key = self.category.currentData()
        situations = (self._catalog.situations_in(key) if key else self._catalog.situations)
        for sit in situations:
            self.situation.addItem(sit.name, sit.key)
        self.situation.blockSignals(False)
        self._apply_soon.start()

    def refresh_desks(self) -> None:
        current = self.desk.currentData()
        self.desk.blockSignals(True)
        self.desk.clear()
        self.desk.addItem(self.tr("All desks"), "")
        for desk in self._records.desks():
            self.desk.addItem(desk, desk)
        self.desk.setCurrentIndex(max(0, self.desk.findData(current)))
        self.desk.blockSignals(False)

    # -- querying --------------------------------------------------------------------------
    def current_filter(self) -> HistoryFilter:
        dates = {}
        if not self.all_dates.isChecked():
            dates = {"first_day": self.first_day.date().toPython(),
                     "last_day": self.last_day.date().toPython()}
        return HistoryFilter(category=self.category.currentData() or "",
                             situation=self.situation.currentData() or "",
                             level=self.level.currentData(), status=self.status.currentData(),
                             drill=self.kind.currentData(), desk=self.desk.currentData() or "",
                             text=self.search.text(), zone=self._records.zone, **dates)

    def apply(self) -> None:
        self._search_timer.stop()
        self._apply_soon.stop()
        if not self.isVisible():
            return  # queried when shown: nothing is loaded at start-up
        self.model.set_filter(self.current_filter())
        self.count_label.setText(
            self.tr("{0} incidents").format(self.locale().toString(self.model.total)))
        self.applied.emit()

    def show_days(self, first: date, last: date) -> None:
        self.first_day.setDate(QDate(first))
        self.last_day.setDate(QDate(last))
        self.all_dates.setChecked(False)
        self.apply()  # at once: called by code that wants the result now

    def show_last_days(self, days: int) -> None:
        today = self._today()
        self.show_days(today - timedelta(days=days - 1), today)

    # -- opening ---------------------------------------------------------------------------
    def open_row(self, index) -> None:
        if not index.isValid():
            return
        incident_id = self.model.data(index, ID_ROLE)
        if self.record_dialog is None:  # built once, then refilled: one record at a time
            self.record_dialog = RecordDialog(service=self._records, operations=self._ops,
                                              incident_id=incident_id, pdf=self._pdf,
                                              reports=self._reports, parent=self)
        else:
            self.record_dialog.show_record(incident_id)  # the draft of the one before is kept
        self.record_dialog.show_over(self)

    def make_pdf(self, *, printing: bool) -> bool:
        """The selected incident's record as a PDF (as stored: no form is open to save)."""
        index = self.table.currentIndex()
        if self._pdf is None or self.export_bar is None or not index.isValid():
            return False
        job = incident_record_job(self._records.document(self.model.data(index, ID_ROLE)),
                                  self._pdf)
        return self.export_bar.print(job) if printing else self.export_bar.save(job)

    def showEvent(self, event) -> None:
        self.refresh_desks()
        self.apply()  # what happened since the screen was last shown
        super().showEvent(event)
