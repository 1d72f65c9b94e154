"""StatsScreen (统计): a month's or a quarter's numbers for the supervisor — by category,
level, desk and month, time to first action, deadlines met, missed and late, drills against
due — each as a chart with the table of its numbers beside it, and the same figures as a PDF
(Ctrl+E to save, Ctrl+P to print). The numbers are read in a worker thread (StatsLoader);
the PDF prints the very figures on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.stats.figures import NO_RULES, Distribution, Statistics
from models.stats.period import MONTH, QUARTER, Period, containing
from ui.common.export_bar import ExportBar
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import PdfJob, safe_name
from ui.common.simple_table import fill_table, setup_table
from ui.stats.bar_chart import BarChart, Series
from ui.stats.stats_loader import Read, StatsLoader

BARS, MISSED, LATE = "#1565c0", "#b71c1c", "#ef6c00"
translate = QCoreApplication.translate


def statistics_job(stats: Statistics, tools: PdfTools) -> PdfJob:
    kind = (translate("Pdf", "quarterly-statistics") if stats.period.kind == QUARTER
            else translate("Pdf", "monthly-statistics"))
    stamp = tools.stamp()

    def render(path, progress):
        from reports.statistics import render_statistics

        return render_statistics(stats, path, progress=progress, **stamp)

    return PdfJob(safe_name(f"{kind}-{stats.period.label}") + ".pdf",
                  translate("Pdf", "Save the statistics as PDF"), render)


class StatsScreen(QWidget):
    export_requested = Signal(object)  # the Statistics on screen
    print_requested = Signal(object)

    def __init__(self, *, read: Read, hall: Callable[[], str], today: Callable[[], date],
                 pdf: PdfTools | None = None, parent: QWidget | None = None) -> None:
        """`read(period, hall)`: the figures, run in a worker thread
        (models.stats.queries.statistics_apart); `today`: the hall's day."""
        super().__init__(parent)
        self.setObjectName("statsScreen")
        self._hall = hall
        self.period = containing(MONTH, today())
        self.stats: Statistics | None = None
        self.loader = StatsLoader(read=read, parent=self)
        self.loader.loaded.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.export_bar = ExportBar(tools=pdf) if pdf else None
        self.kind = QComboBox(objectName="statsKind")
        self.kind.addItem(self.tr("Month"), MONTH)
        self.kind.addItem(self.tr("Quarter"), QUARTER)
        self.kind.currentIndexChanged.connect(
            lambda: self.show_period(self.period.as_kind(self.kind.currentData())))
        self.previous = QPushButton(self.tr("◀ Previous"), objectName="statsPrevious")
        self.previous.clicked.connect(lambda: self.show_period(self.period.previous()))
        self.label = QLabel(objectName="statsPeriod")
        self.next = QPushButton(self.tr("Next ▶"), objectName="statsNext")
        self.next.clicked.connect(lambda: self.show_period(self.period.next()))
        self.current = QPushButton(self.tr("This period"), objectName="statsCurrent")
        self.current.clicked.connect(
            lambda: self.show_period(containing(self.period.kind, today())))
        self.export_button = QPushButton(self.tr("Export PDF"), objectName="exportStats")
        self.export_button.setShortcut("Ctrl+E")
        self.export_button.clicked.connect(lambda: self._request(self.export_requested))
        self.print_button = QPushButton(self.tr("Print"), objectName="printStats")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self._request(self.print_requested))
        if self.export_bar and pdf:
            self.export_requested.connect(
                lambda stats: self.export_bar.save(statistics_job(stats, pdf)))
            self.print_requested.connect(
                lambda stats: self.export_bar.print(statistics_job(stats, pdf)))
        self.summary = QLabel(objectName="statsSummary")
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.kind, self.previous, self.label, self.next, self.current):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        if self.export_bar:
            layout.addWidget(self.export_bar)
        layout.addWidget(self.summary)
        layout.addWidget(self._sections(), 1)
        self._enable_printing()

    # -- layout ----------------------------------------------------------------------------
    def _sections(self) -> QScrollArea:
        self.charts: dict[str, BarChart] = {}
        self.tables: dict[str, QTableWidget] = {}
        grid = QGridLayout()
        sections = (("category", self.tr("Incidents by category")),
                    ("level", self.tr("Incidents by level")),
                    ("desk", self.tr("Incidents by desk")),
                    ("months", self.tr("Incidents month by month")),
                    ("problems", self.tr("Missed and late deadlines month by month")),
                    ("first", self.tr("Time to first action")),
                    ("met", self.tr("Deadlines met within")),
                    ("drills", self.tr("Drills and training against what is due")))
        for row, (key, title) in enumerate(sections):
            grid.addWidget(QLabel(title, objectName="sectionLabel"), 2 * row, 0, 1, 2)
            table = QTableWidget(0, 0, objectName=f"stats_{key}_table")
            setup_table(table)
            table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            table.setAccessibleName(title)
            self.tables[key] = table
            if key == "drills":  # a table alone: two rows, no chart needed
                grid.addWidget(table, 2 * row + 1, 0, 1, 2)
                continue
            chart = BarChart(object_name=f"stats_{key}_chart")
            chart.setAccessibleName(title)
            self.charts[key] = chart
            grid.addWidget(chart, 2 * row + 1, 0)
            grid.addWidget(table, 2 * row + 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        inner = QWidget(objectName="statsSections")
        inner.setLayout(grid)
        scroll = _Scroll(objectName="statsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    # -- the period ------------------------------------------------------------------------
    def show_period(self, period: Period) -> None:
        self.period = period
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(period.kind))
        self.kind.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.label.setText(self.period_text(self.period))
        if not self.isVisible():
            return
        self.stats = None  # nothing to print until the new period's numbers are in
        self._enable_printing()
        self.summary.setText(self.tr("Counting…"))
        self.loader.load(self.period, self._hall())

    def period_text(self, period: Period) -> str:
        if period.kind == QUARTER:
            return self.tr("{0} Q{1}").format(period.first.year,
                                                (period.first.month - 1) // 3 + 1)
        return f"{period.first.year}-{period.first.month:02d}"

    def showEvent(self, event) -> None:
        self.refresh()  # incidents recorded since it was last shown are counted
        super().showEvent(event)

    # -- the figures -----------------------------------------------------------------------
    def _show(self, stats: Statistics) -> None:
        self.stats = stats
        self._enable_printing()
        period = stats.period_months
        self.summary.setText(self.tr(
            "{0} incidents (drills and presses cancelled as made by mistake not counted); "
            "{1} deadlines missed and {2} met late; first action: median {3}.").format(
            stats.total, sum(m.missed for m in period), sum(m.late for m in period),
            self.median_text(stats.first_action.median_seconds)) + (self.tr(
            " Integrity check FAILED: {0} incidents changed outside the program ({1}); these "
            "figures cannot be trusted.").format(len(stats.altered), "、".join(stats.altered))
            if stats.altered else ""))
        for key, pairs, title in (("category", stats.by_category, self.tr("Category")),
                                  ("level", stats.by_level, self.tr("Level")),
                                  ("desk", stats.by_desk, self.tr("Desk"))):
            names = [name or self.tr("(no desk name)") for name, _ in pairs]
            self._bars(key, names, [Series("", tuple(n for _, n in pairs), BARS)])
            self._table(key, [title, self.tr("Count"), self.tr("Share")],
                        [(name, str(n), share(n, stats.total))
                         for name, (_, n) in zip(names, pairs, strict=True)]
                        + [(self.tr("Total"), str(stats.total), share(stats.total, stats.total))])
        self._months(stats)
        self._distribution("first", stats.first_action)
        self._distribution("met", stats.reports)
        self._drills(stats)

    def _months(self, stats: Statistics) -> None:
        months = [f"{m.month:%Y-%m}" for m in stats.months]
        marked = [i for i, m in enumerate(stats.months)
                  if stats.period.first <= m.month < stats.period.after]
        self._bars("months", months, [Series(self.tr("Number of incidents"),
                                             tuple(m.incidents for m in stats.months), BARS)],
                   marked)
        self._bars("problems", months, [
            Series(self.tr("Missed"), tuple(m.missed for m in stats.months), MISSED),
            Series(self.tr("Late"), tuple(m.late for m in stats.months), LATE)], marked)
        rows = [(month + (" ◀" if i in marked else ""), str(m.incidents), str(m.missed),
                 str(m.late)) for i, (month, m) in enumerate(zip(months, stats.months,
                                                                 strict=True))]
        headers = [self.tr("Month"), self.tr("Number of incidents"), self.tr("Deadlines missed"),
                   self.tr("Met late")]
        self._table("months", headers, rows)
        self._table("problems", headers, rows)

    def _distribution(self, key: str, figures: Distribution) -> None:
        names = [self.bucket_text(k) for k, _ in figures.counts]
        self._bars(key, names, [Series("", tuple(n for _, n in figures.counts), BARS)])
        rows, done = [], 0
        for (bucket, n), name in zip(figures.counts, names, strict=True):
            done += n
            rows.append((name, str(n), share(n, figures.total),
                         share(done, figures.total) if bucket != "never" else "—"))
        rows.append((self.tr("Median"), self.median_text(figures.median_seconds), "", ""))
        self._table(key, [self.tr("Time taken"), self.tr("Count"), self.tr("Share"),
                          self.tr("Cumulative")], rows)

    def _drills(self, stats: Statistics) -> None:
        headers = [self.tr("Rule"), self.tr("Every (months)"), self.tr("Due in 12 months"),
                   self.tr("Done"), self.tr("Overdue"), self.tr("Due in the period"),
                   self.tr("Done in the period")]
        if stats.drills_source.startswith(NO_RULES):
            rows = [(self.tr("The drill rules could not be read: {0}").format(
                stats.drills_source.removeprefix(NO_RULES)), *[""] * 6)]
        else:
            rows = [(d.title, str(d.every_months), str(d.due), str(d.done), str(d.overdue),
                     str(d.due_in_period), str(d.done_in_period)) for d in stats.drills]
        self._table("drills", headers, rows)

    def _bars(self, key: str, names: list[str], series: list[Series], marked=()) -> None:
        self.charts[key].set_bars(names, series, marked=marked,
                                  empty_text=self.tr("No incidents in this period."))

    def _table(self, key: str, headers: list[str], rows: list[tuple[str, ...]]) -> None:
        table = self.tables[key]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        fill_table(table, rows)
        height = table.horizontalHeader().height() + 2 * table.frameWidth() + sum(
            table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)  # every row in sight: the page scrolls, not the table

    def _failed(self, error: str) -> None:
        self.summary.setText(self.tr("The numbers could not be read: {0}. Nothing was "
                                     "changed; try again, or run verify on the database.")
                             .format(error))

    # -- words -----------------------------------------------------------------------------
    def bucket_text(self, key: str) -> str:
        return {"le1": self.tr("Within 1 min"), "le5": self.tr("1 to 5 min"),
                "le10": self.tr("5 to 10 min"), "le60": self.tr("10 to 60 min"),
                "gt60": self.tr("Over 60 min"), "never": self.tr("Not done")}[key]

    def median_text(self, seconds: float | None) -> str:
        if seconds is None:
            return self.tr("none done")
        minutes, rest = divmod(round(seconds), 60)
        return (self.tr("{0} min {1} s").format(minutes, rest) if minutes
                else self.tr("{0} s").format(rest))

    # -- printing --------------------------------------------------------------------------
    def _request(self, signal) -> None:
        if self.stats is not None:
            signal.emit(self.stats)

    def _enable_printing(self) -> None:
        for button in (self.export_button, self.print_button):
            button.setEnabled(self.stats is not None)


class _Scroll(QScrollArea):
    """The sections' scroll area, asking for little height: the main window's page lays the
    screen out by its word-wrapped summary's height-for-width, which counts every child's
    size hint — the sections' whole height would make the page scroll away the period bar
    and the Print button instead of scrolling the sections under them."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 12 * self.fontMetrics().height())


def share(part: int, total: int) -> str:
    return f"{100 * part / total:.1f}%" if total else "—"
