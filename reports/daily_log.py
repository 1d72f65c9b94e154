"""The supervisor's daily log as a PDF (A4 landscape): every incident of a day or a range as a
table row (header repeated on every page), totals by category and level, the missed and late
reports, the drills in a section of their own (never in the totals), the duty phone log and the
shift handovers (reports.daily_log_journal), and signature lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from models.clock import hall_time
from models.documents import ALTERED_MARK, DailyLog, DailyRow
from reports.daily_log_journal import calls_table, handovers_table
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.fonts import PdfFonts
from reports.parts import (
    REPORTING_WORDS,
    STATUS_WORDS,
    deadline_outcome,
    footer,
    grid,
    heading,
    local,
    plain_table,
    signatures,
)
from reports.words import Words

SIGNERS = ("Supervisor on duty", "Reviewed by")


def render_daily_log(log: DailyLog, path: Path, *, generated_at: datetime,
                     generated_by: str = "", words: Words | None = None,
                     progress: Progress | None = None, fonts: PdfFonts | None = None,
                     zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """`zone`: the hall's, whose clock the times are printed on."""
    w = words or Words()
    days = log.first_day.isoformat()
    if log.last_day != log.first_day:
        days = w("{0} to {1}").format(days, log.last_day.isoformat())
    place = " · ".join(p for p in (log.hall, log.desk or w("all desks")) if p)
    title = w("Daily log {0}").format(days)
    page = Page(title=f"{title} · {place}",
                footer=footer(w, (log.hall, log.desk), generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"), wide=True)

    def story(styles: Styles) -> list:
        sheet = _Sheet(w, styles, content_width(page), log.last_day != log.first_day, zone,
                       bool(log.seals))
        real, drills = log.real_rows, log.drill_rows
        summary = w("{0} incidents; {1} drills (listed apart, not counted); {2} reports missed "
                    "or late.").format(len(log.counted_rows), len(drills),
                                       len(log.missed_or_late))
        cancelled = len(real) - len(log.counted_rows)
        if cancelled:
            summary += w("{0} cancelled as pressed by mistake (listed, not counted).").format(
                cancelled)
        return [Paragraph(escape(title), styles.title), Paragraph(escape(place), styles.body),
                Paragraph(escape(summary), styles.body),
                *heading(w("Incidents"), styles),
                sheet.rows(real, w("No incidents in this period.")),
                *heading(w("Totals (real incidents only)"), styles),
                sheet.totals(log),
                *heading(w("Missed and late reports"), styles),
                sheet.problems(log),
                *heading(w("Drills (not counted in the totals above)"), styles),
                sheet.rows(drills, w("No drills in this period.")),
                *heading(w("Duty phone log"), styles),
                calls_table(log.calls, w, styles, sheet.width, zone, sheet.time_format),
                *heading(w("Shift handovers"), styles),
                handovers_table(log.handovers, w, styles, sheet.width, zone,
                                sheet.time_format),
                *_integrity(log, w, styles),
                *_seal(log, w, styles),
                signatures([w(s) for s in SIGNERS], w, styles, sheet.width, per_row=2)]

    return write_pdf(path, page, story, fonts=fonts, progress=progress)


@dataclass(frozen=True)
class _Sheet:
    w: Words
    styles: Styles
    width: float
    many_days: bool  # times show their date
    zone: ZoneInfo  # the hall's
    desks: bool = False  # several desks' logs merged (from a hub): each row names its desk

    @property
    def time_format(self) -> str:
        return "%m-%d %H:%M" if self.many_days else "%H:%M"

    def note(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.body)

    def rows(self, rows: tuple[DailyRow, ...], empty: str):
        if not rows:
            return self.note(empty)
        w = self.w
        table = [(w("No."), w("Time"), w("Situation"), w("Category"), w("Level"), w("Place"),
                  w("Status"), w("Reported in time?"))]
        table += [(("" if r.intact else ALTERED_MARK) + r.number,
                   local(r.started_at, self.zone, self.time_format), r.situation, r.category,
                   r.level, r.place, w(STATUS_WORDS.get(r.status, r.status)),
                   w(REPORTING_WORDS.get(r.reporting, r.reporting))) for r in rows]
        number, at, category, level, status, reporting = (
            28 * mm, (22 if self.many_days else 13) * mm, 32 * mm, 36 * mm, 16 * mm, 22 * mm)
        rest = self.width - (number + at + category + level + status + reporting)
        widths = [number, at, rest * 0.55, category, level, rest * 0.45, status, reporting]
        if self.desks:  # the desk after the number, taken from the situation and the place
            table = [(*line[:1], desk, *line[1:]) for line, desk in
                     zip(table, [w("Desk"), *(r.desk for r in rows)], strict=True)]
            widths = [number, 34 * mm, at, rest * 0.55 - 20 * mm, category, level,
                      rest * 0.45 - 14 * mm, status, reporting]
        return grid(table, tuple(widths), self.styles)

    def totals(self, log: DailyLog):
        if not log.counted_rows:
            return self.note(self.w("No incidents in this period."))
        w, styles = self.w, self.styles
        column = self.width * 0.3
        total = [Paragraph(escape(w("Total")), styles.cell_bold),
                 Paragraph(str(len(log.counted_rows)), styles.cell_bold)]

        def counts(title: str, pairs: tuple[tuple[str, int], ...]):
            return grid([(title, w("Count")), *((n, str(c)) for n, c in pairs), total],
                        (column - 18 * mm, 18 * mm), styles)

        side = plain_table([[counts(w("Category"), log.by_category),
                             counts(w("Level"), log.by_level)]], (column + 8 * mm, column),
                           styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0))
        return side

    def problems(self, log: DailyLog):
        w = self.w
        if not log.missed_or_late:
            return self.note(w("None: every report was made in time."))
        rows = [(w("No."), w("Situation"), w("Deadline"), w("By → to"), w("Due"), w("Outcome"))]
        rows += [(f"{row.number} {row.desk}" if self.desks else row.number, row.situation,
                  line.label,
                  f"{line.by} → {line.to}" if line.to else line.by,
                  local(line.due_at, self.zone, self.time_format),
                  deadline_outcome(line, w, self.zone))
                 for row, line in log.missed_or_late]
        number, situation, by_to, due, outcome = 28 * mm, 50 * mm, 66 * mm, 22 * mm, 46 * mm
        label = self.width - (number + situation + by_to + due + outcome)
        return grid(rows, (number, situation, label, by_to, due, outcome), self.styles)


def _integrity(log: DailyLog, w: Words, styles: Styles) -> list:
    """Every listed incident checked against its timeline: passed, or which were changed."""
    journal = log.altered_journal
    if journal:  # a call or a handover changed outside the program
        text = w("Integrity check: FAILED — {0} calls or handovers listed (marked {1}) were "
                 "changed outside the program and cannot be trusted. Run `main.py verify` and "
                 "keep the database as evidence.").format(len(journal), ALTERED_MARK)
        journal_note = [Paragraph(f"<b>{escape(text)}</b>", styles.body)]
    else:
        journal_note = []
    if not log.rows:
        return [*heading(w("Integrity check"), styles), *journal_note] if journal_note else []
    altered = log.altered_rows
    if not altered and journal_note:
        return [*heading(w("Integrity check"), styles), *journal_note]
    if not altered:
        text = w("Integrity check: every incident and drill listed matches its timeline ({0})."
                 ).format(len(log.rows))
        return [*heading(w("Integrity check"), styles), Paragraph(escape(text), styles.body)]
    text = w("Integrity check: FAILED — {0} listed (marked {1}) were changed outside the program "
             "and what this log says of them cannot be trusted: {2}. Run `main.py verify` and "
             "keep the database as evidence.").format(len(altered), ALTERED_MARK,
                                                      "、".join(r.number for r in altered))
    return [*heading(w("Integrity check"), styles), Paragraph(f"<b>{escape(text)}</b>",
                                                              styles.body), *journal_note]


def _seal(log: DailyLog, w: Words, styles: Styles) -> list:
    """The seal code under the signatures' heading: signed on paper, it proves later that the
    database still holds what it held when this log was printed."""
    if log.seals:
        return [*heading(w("Seals of the desks' records, as the hub holds them"), styles),
                *(Paragraph(f"{escape(desk)}　<b>{escape(seal or '-')}</b>", styles.body)
                  for desk, seal in log.seals),
                Paragraph(escape(w("Each desk's file is checked against the hub with "
                                   "`main.py verify --db FILE --hub URL`.")), styles.small)]
    if not log.seal:
        return []
    return [*heading(w("Seal of the records"), styles),
            Paragraph(f"<b>{escape(log.seal)}</b>", styles.body),
            Paragraph(escape(w("Keep this page. `main.py verify --seal CODE` proves the "
                               "database still holds exactly what it held when this log was "
                               "printed.")), styles.small)]
