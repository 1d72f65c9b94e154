"""The statistics report of a month or a quarter (A4 portrait): every figure as a chart drawn
with reportlab's own graphics and, beside it, the table of its numbers (a reader, a screen
reader, pdftotext, all get the numbers, not only the bars); the hall, the period, generated
at/by, the seal of the records and signature lines.

Every label in a chart is set in the document's CJK font: reportlab's charts default to
Helvetica, which prints Chinese as boxes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph

from models.clock import hall_time
from models.stats.figures import NO_RULES, Distribution, Statistics
from models.stats.period import QUARTER
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.fonts import PdfFonts
from reports.parts import ALARM, footer, grid, heading, plain_table, signatures
from reports.stats_words import (
    BUCKET_WORDS,
    median_text,
    month_label,
    period_title,
    share,
)
from reports.words import Words

SIGNERS = ("Prepared by", "Supervisor")
BARS = colors.HexColor("#1565c0")
LATE = colors.HexColor("#ef6c00")
SLICES = ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#00838f", "#c62828", "#9e9d24",
          "#5d4037", "#546e7a", "#ad1457")
CHART_FONT_SIZE = 7.5
DRILLS_SOURCE = ("Due: each rule's periods of the drill calendar (the drills screen) ending "
                 "in the twelve months to the period's end; done: a training or drill recorded "
                 "within the period; overdue: ended and never met.")


def render_statistics(stats: Statistics, path: Path, *, generated_at: datetime,
                      generated_by: str = "", words: Words | None = None,
                      progress: Progress | None = None, fonts: PdfFonts | None = None,
                      zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """`zone`: the hall's, whose months the figures count and whose clock prints the time."""
    w = words or Words()
    title = period_title(stats.period, w)
    page = Page(title=f"{title} · {stats.hall}" if stats.hall else title,
                footer=footer(w, (stats.hall,), generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"))

    def story(styles: Styles) -> list:
        sheet = _Sheet(w, styles, content_width(page))
        first, last = stats.period.first.isoformat(), stats.period.last.isoformat()
        place = w("{0}, all desks; {1} to {2} (hall time).").format(
            stats.hall or w("This desk"), first, last)
        return [Paragraph(escape(title), styles.title), Paragraph(escape(place), styles.body),
                Paragraph(escape(summary(stats, w)), styles.body),
                *sheet.section(w("Incidents by category"), sheet.bars(stats.by_category),
                               sheet.counts(w("Category"), stats.by_category, stats.total)),
                *sheet.section(w("Incidents by level"), sheet.pie(stats.by_level),
                               sheet.counts(w("Level"), stats.by_level, stats.total)),
                *sheet.section(w("Incidents by desk"), sheet.bars(stats.by_desk, desks=True),
                               sheet.counts(w("Desk"), stats.by_desk, stats.total, desks=True)),
                *sheet.months(stats),
                *sheet.section(w("Time to first action"), sheet.bars(
                    _buckets(stats.first_action, w)), sheet.distribution(
                    stats.first_action, w("From the press to the clerk's first step, call, "
                                          "report or note."))),
                *sheet.section(w("Deadlines met within"), sheet.bars(
                    _buckets(stats.reports, w)), sheet.distribution(
                    stats.reports, w("Reports, notices and the other deadlines (decision "
                                     "points not counted), from their clock's start."))),
                *sheet.drills(stats),
                *_integrity(stats, w, styles),
                *_seal(stats, w, styles),
                signatures([w(s) for s in SIGNERS], w, styles, sheet.width)]

    return write_pdf(path, page, story, fonts=fonts, progress=progress)


def summary(stats: Statistics, w: Words) -> str:
    """One sentence of the period's numbers (the screen shows the same)."""
    period = stats.period_months
    missed, late = sum(m.missed for m in period), sum(m.late for m in period)
    return w("{0} incidents (drills and presses cancelled as made by mistake not counted); "
             "{1} deadlines missed and {2} met late; first action: median {3}.").format(
        stats.total, missed, late, median_text(stats.first_action.median_seconds, w)) + (w(
        " Integrity check FAILED: {0} incidents changed outside the program ({1}); these "
        "figures cannot be trusted.").format(len(stats.altered), "、".join(stats.altered))
        if stats.altered else "")


def _buckets(figures: Distribution, w: Words) -> tuple[tuple[str, int], ...]:
    return tuple((w(BUCKET_WORDS[key]), n) for key, n in figures.counts)


class _Sheet:
    def __init__(self, w: Words, styles: Styles, width: float) -> None:
        self.w, self.styles, self.width = w, styles, width
        self.font = styles.fonts.regular
        self.chart_width = width * 0.55
        self.table_width = width - self.chart_width - 6 * mm

    def section(self, title: str, chart, table) -> list:
        """A heading, then the chart with its table of numbers beside it, on one page."""
        side = plain_table([[chart, table]], (self.chart_width + 6 * mm, self.table_width),
                           self.styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0))
        return _kept(heading(title, self.styles), side)

    def note(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.body)

    # -- charts ----------------------------------------------------------------------------
    def drawing(self, width: float, height: float) -> Drawing:
        """A drawing whose text starts in the document's font (reportlab's default state
        is Helvetica: a label left unset would print as boxes)."""
        drawing = Drawing(width, height)
        drawing.initialFontName = self.font
        return drawing

    def bars(self, pairs: tuple[tuple[str, int], ...], *, desks: bool = False):
        if not pairs or not any(n for _, n in pairs):
            return self.note(self.w("No incidents in this period."))
        names = [name or self.w("(no desk name)") if desks else name for name, _ in pairs]
        drawing = self.drawing(self.chart_width, 52 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y = 10 * mm, 16 * mm
        chart.width, chart.height = self.chart_width - 14 * mm, 32 * mm
        chart.data = [[n for _, n in pairs]]
        chart.bars[0].fillColor = BARS
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = self.font
        chart.barLabels.fontSize = CHART_FONT_SIZE
        chart.barLabels.nudge = 5
        self._axes(chart, names)
        chart.categoryAxis.labels.angle = 30 if len(names) > 4 else 0
        chart.categoryAxis.labels.boxAnchor = "ne" if len(names) > 4 else "n"
        drawing.add(chart)
        return drawing

    def pie(self, pairs: tuple[tuple[str, int], ...]):
        if not pairs:
            return self.note(self.w("No incidents in this period."))
        drawing = self.drawing(self.chart_width, 46 * mm)
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 4 * mm, 4 * mm, 38 * mm, 38 * mm
        pie.data = [n for _, n in pairs]
        pie.labels = [str(n) for _, n in pairs]
        pie.slices.fontName = self.font
        pie.slices.fontSize = CHART_FONT_SIZE
        pie.slices.strokeColor = colors.white
        for index in range(len(pairs)):
            pie.slices[index].fillColor = colors.HexColor(SLICES[index % len(SLICES)])
        legend = Legend()
        legend.x, legend.y = 48 * mm, 40 * mm
        legend.fontName, legend.fontSize = self.font, CHART_FONT_SIZE + 0.5
        legend.alignment = "right"
        legend.colorNamePairs = [(pie.slices[i].fillColor, name)
                                 for i, (name, _) in enumerate(pairs)]
        drawing.add(pie)
        drawing.add(legend)
        return drawing

    def lines(self, stats: Statistics):
        """Missed and late deadlines, month by month."""
        drawing = self.drawing(self.width, 50 * mm)
        chart = HorizontalLineChart()
        chart.x, chart.y = 12 * mm, 12 * mm
        chart.width, chart.height = self.width - 50 * mm, 34 * mm
        chart.data = [[m.missed for m in stats.months], [m.late for m in stats.months]]
        chart.lines[0].strokeColor, chart.lines[1].strokeColor = ALARM, LATE
        for line in (chart.lines[0], chart.lines[1]):
            line.strokeWidth = 1.5
        self._axes(chart, [month_label(m.month) for m in stats.months])
        legend = Legend()
        legend.x, legend.y = self.width - 34 * mm, 44 * mm
        legend.fontName, legend.fontSize = self.font, CHART_FONT_SIZE + 0.5
        legend.alignment = "right"
        legend.colorNamePairs = [(ALARM, self.w("Missed")), (LATE, self.w("Late"))]
        drawing.add(chart)
        drawing.add(legend)
        return drawing

    def month_bars(self, stats: Statistics):
        drawing = self.drawing(self.width, 50 * mm)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 12 * mm
        chart.width, chart.height = self.width - 50 * mm, 34 * mm
        chart.data = [[m.incidents for m in stats.months]]
        chart.bars[0].fillColor = BARS
        for index, line in enumerate(stats.months):  # the period's own months stand out
            if stats.period.first <= line.month < stats.period.after:
                chart.bars[(0, index)].fillColor = colors.HexColor("#0d47a1")
                chart.bars[(0, index)].strokeColor = colors.black
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = self.font
        chart.barLabels.fontSize = CHART_FONT_SIZE - 1
        chart.barLabels.nudge = 5
        self._axes(chart, [month_label(m.month) for m in stats.months])
        drawing.add(chart)
        return drawing

    def _axes(self, chart, names: list[str]) -> None:
        chart.categoryAxis.categoryNames = names
        for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
            labels.fontName = self.font
            labels.fontSize = CHART_FONT_SIZE
        chart.valueAxis.valueMin = 0
        chart.valueAxis.forceZero = True
        top = max((max(series) for series in chart.data if series), default=0)
        if top < 5:  # no 0.5 steps for counts
            chart.valueAxis.valueMax, chart.valueAxis.valueStep = 5, 1

    # -- tables ----------------------------------------------------------------------------
    def counts(self, title: str, pairs: tuple[tuple[str, int], ...], total: int, *,
               desks: bool = False):
        w = self.w
        rows = [(title, w("Count"), w("Share"))]
        rows += [(name or w("(no desk name)") if desks else name, str(n), share(n, total))
                 for name, n in pairs]
        rows.append((w("Total"), str(total), share(total, total) if total else "—"))
        width = self.table_width
        return grid(rows, (width - 34 * mm, 16 * mm, 18 * mm), self.styles)

    def distribution(self, figures: Distribution, what: str):
        w = self.w
        rows = [(w("Time taken"), w("Count"), w("Share"), w("Cumulative"))]
        done = 0
        for key, n in figures.counts:
            done += n
            cumulative = share(done, figures.total) if key != "never" else "—"
            rows.append((w(BUCKET_WORDS[key]), str(n), share(n, figures.total), cumulative))
        rows.append((w("Total"), str(figures.total), "", ""))
        width = self.table_width
        table = grid(rows, (width - 52 * mm, 14 * mm, 16 * mm, 22 * mm), self.styles)
        median = w("Median: {0}.").format(median_text(figures.median_seconds, w))
        return [table, Paragraph(escape(f"{median} {what}"), self.styles.small)]

    def months(self, stats: Statistics) -> list:
        w = self.w
        rows = [(w("Month"), w("Incidents"), w("Deadlines missed"), w("Met late"))]
        rows += [(month_label(m.month) + (" ◀" if stats.period.first <= m.month
                                          < stats.period.after else ""),
                  str(m.incidents), str(m.missed), str(m.late)) for m in stats.months]
        column = (self.width - 40 * mm) / 3
        table = grid(rows, (40 * mm, column, column, column), self.styles)
        explained = self.note(w("The twelve months to the end of the period (◀ marks its "
                                "months). Deadlines are counted in the month their incident "
                                "started; one missed and then met late counts once, as late."))
        return [*_kept(heading(w("Incidents month by month"), self.styles),
                       self.month_bars(stats)),
                *_kept(heading(w("Missed and late deadlines month by month"), self.styles),
                       self.lines(stats)), explained, table]

    def drills(self, stats: Statistics) -> list:
        w = self.w
        title = heading(w("Drills and training against what is due"), self.styles)
        if stats.drills_source.startswith(NO_RULES):
            return [*title, self.note(w("The drill rules could not be read: {0}").format(
                stats.drills_source.removeprefix(NO_RULES)))]
        if not stats.drills:
            return [*title, self.note(w("No drill or training fell due in these months."))]
        rows = [(w("Rule"), w("Every (months)"), w("Due in 12 months"), w("Done"),
                 w("Overdue"), w("Due in the period"), w("Done in the period"))]
        rows += [(d.title, str(d.every_months), str(d.due), str(d.done), str(d.overdue),
                  str(d.due_in_period), str(d.done_in_period)) for d in stats.drills]
        rest = (self.width - 58 * mm) / 6
        sources = "; ".join(dict.fromkeys(d.source for d in stats.drills if d.source))
        return [*title, grid(rows, (58 * mm, *(rest,) * 6), self.styles),
                Paragraph(escape(w(DRILLS_SOURCE)), self.styles.small),
                Paragraph(escape(sources), self.styles.small)]


def _kept(heading: list, body) -> list:
    """A heading kept on the page of the chart under it."""
    *breaks, title = heading
    return [*breaks, KeepTogether([title, body])]


def _integrity(stats: Statistics, w: Words, styles: Styles) -> list:
    """Incidents of the period changed outside the program: these figures cannot be trusted."""
    if not stats.altered:
        return []
    text = w("Integrity check: FAILED — {0} incidents of the period were changed outside the "
             "program and the figures counting them cannot be trusted: {1}. Run `main.py "
             "verify` and keep the database as evidence.").format(len(stats.altered),
                                                                 "、".join(stats.altered))
    return [*heading(w("Integrity check"), styles), Paragraph(f"<b>{escape(text)}</b>",
                                                              styles.body)]


def _seal(stats: Statistics, w: Words, styles: Styles) -> list:
    """The seal code, as the daily log prints it: signed on paper, it proves later that the
    database still holds what it held when these numbers were read."""
    if not stats.seal:
        return []
    return [*heading(w("Seal of the records"), styles),
            Paragraph(f"<b>{escape(stats.seal)}</b>", styles.body),
            Paragraph(escape(w("Keep this page. `main.py verify --seal CODE` proves the "
                               "database still holds exactly what it held when these "
                               "statistics were printed.")), styles.small)]


def file_stem(stats: Statistics, w: Words) -> str:
    kind = w("quarterly-statistics") if stats.period.kind == QUARTER else w("monthly-statistics")
    return f"{kind}-{stats.period.label}"
