"""Pieces the desk's documents share: text cells that wrap (and split across pages), ruled
tables with a header repeated on every page, signature lines, times and the words for
statuses and deadline outcomes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from models.clock import hall_time
from models.documents import DeadlineLine
from models.incidents.lifecycle import Status
from reports.document import Styles
from reports.words import Words

EMPTY = "—"
RULE = colors.HexColor("#9e9e9e")
HEADER_FILL = colors.HexColor("#e8eaed")
LABEL_FILL = colors.HexColor("#f3f4f6")
ALARM = colors.HexColor("#b71c1c")
GOOD = colors.HexColor("#1b5e20")
CELL_PADDING = 3  # points around a table cell
HEADING_ROOM = 30 * mm  # a heading starts a new page unless this much room is left

# Incident statuses and reporting outcomes, in English: the words table gives the language.
STATUS_WORDS = {Status.OPEN: "Open", Status.IN_HAND: "In hand", Status.RESOLVED: "Resolved",
                Status.CLOSED: "Closed", Status.CANCELLED: "Cancelled"}
REPORTING_WORDS = {"in time": "In time", "late": "Late", "missed": "Missed",
                   "pending": "Pending", "": EMPTY}
DEADLINE_WORDS = {"pending": "Still running", "met": "In time", "late": "Late",
                  "missed": "Missed", "superseded": "No longer due", "cancelled": "Cancelled",
                  "prompted": "Decision point reached at {0}", "decided": "Decided"}


def para(text: str, style) -> Paragraph:
    """User text as a paragraph: markup characters kept literally, line breaks kept,
    an empty value shown as a dash."""
    text = text.strip() if text else ""
    if not text:
        return Paragraph(EMPTY, style)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def local(moment: datetime | None, zone: ZoneInfo, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """`moment` on the hall's clock (`zone`), "" for none."""
    return hall_time.local_text(moment, zone, fmt)


def time_format(moments: Sequence[datetime], clock: str, zone: ZoneInfo) -> str:
    """`clock` when all the moments fall on one of the hall's days, else with the date before
    it."""
    days = {local(m, zone, "%Y-%m-%d") for m in moments}
    return clock if len(days) <= 1 else "%m-%d " + clock


def grid(rows: Sequence[Sequence[object]], widths: Sequence[float], styles: Styles, *,
         header: bool = True, label_column: bool = False) -> Table:
    """A ruled table; strings become wrapping paragraphs (or stay plain strings when they fit
    on one line, which lays out ten times faster). With `header` the first row is bold,
    shaded and repeated on every page; rows taller than a page split inside."""
    cells = [[_cell(c, styles.cell_bold if header and r == 0 else styles.cell, width)
              for c, width in zip(row, widths, strict=True)] for r, row in enumerate(rows)]
    table = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0,
                  splitInRow=1, hAlign="LEFT")
    cell = styles.cell
    commands = [("FONTNAME", (0, 0), (-1, -1), cell.fontName),  # else Helvetica is set
                ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
                ("LEADING", (0, 0), (-1, -1), cell.leading),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING - 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING)]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                     ("FONTNAME", (0, 0), (-1, 0), styles.cell_bold.fontName)]
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), LABEL_FILL))
    table.setStyle(TableStyle(commands))
    return table


def _cell(value: object, style, width: float) -> object:
    """A string that fits the column on one line stays a string; anything else wraps."""
    if not isinstance(value, str):
        return value
    text = value.strip() or EMPTY
    if "\n" not in text and (stringWidth(text, style.fontName, style.fontSize)
                             <= width - 2 * CELL_PADDING):
        return text
    return para(text, style)


def labelled(pairs: Sequence[tuple[str, str]], width: float, styles: Styles, *,
             label_width: float = 32 * mm) -> Table:
    """Label / value rows (a form printed): labels shaded on the left."""
    rows = [[para(label, styles.cell_bold), para(value, styles.cell)] for label, value in pairs]
    return grid(rows, (label_width, width - label_width), styles, header=False,
                label_column=True)


def labelled_pairs(rows: Sequence[tuple[str, str, str, str]], width: float,
                   styles: Styles) -> Table:
    """Two label / value pairs a row (a document's header block): labels shaded."""
    label, value = 26 * mm, width / 2 - 26 * mm
    cells = [[para(a, styles.cell_bold), para(b, styles.cell), para(c, styles.cell_bold),
              para(d, styles.cell)] for a, b, c, d in rows]
    table = grid(cells, (label, value, label, value), styles, header=False, label_column=True)
    table.setStyle([("BACKGROUND", (2, 0), (2, -1), LABEL_FILL)])
    return table


def signatures(labels: Sequence[str], w: Words, styles: Styles, width: float, *,
               per_row: int = 1) -> Flowable:
    """"<who> (signature): ____   Date: ____" for each signer, `per_row` signers side by
    side (a landscape page takes two), with room above each line to write."""
    cells = [[Paragraph(f"{escape(label)}{w('(signature)')}：{'_' * 24}", styles.body),
              Paragraph(f"{w('Date')}：{'_' * 14}", styles.body)] for label in labels]
    rows = [[c for pair in cells[i:i + per_row] for c in pair]
            for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (2 * per_row - len(rows[-1]))
    share = width / per_row
    table = plain_table(rows, [share * 0.6, share * 0.4] * per_row, styles,
                        ("TOPPADDING", (0, 0), (-1, -1), 8 * mm),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0))
    return KeepTogether([table])  # signers sign on one page


def plain_table(rows, widths: Sequence[float], styles: Styles, *commands) -> Table:
    """A table without rules, for layout; its cells in the document's font (not Helvetica)."""
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                               *commands]))
    return table


def deadline_outcome(line: DeadlineLine, w: Words, zone: ZoneInfo) -> str:
    """"In time (done 10:03)", "Late by 3 min 20 s (done 10:08)", "Missed"...; a decision
    point is never missed: "Decision point reached at 10:30", "Decided (done 10:42)"."""
    word = w(DEADLINE_WORDS.get(line.status, line.status))
    if line.status in ("prompted", "decided") and (line.status == "prompted" or (
            line.met_at and line.met_at > line.due_at)):
        clock = time_format([line.due_at, line.started_at], "%H:%M", zone)
        reached = w(DEADLINE_WORDS["prompted"]).format(local(line.due_at, zone, clock))
        word = reached if line.status == "prompted" else w("{0}; {1}").format(reached, word)
    if line.status == "late" and line.late_seconds:
        minutes, seconds = divmod(line.late_seconds, 60)
        word = w("Late by {0} min {1} s").format(minutes, seconds)
    if line.met_at:  # with the date when done on another day than it was due
        clock = time_format([line.met_at, line.due_at], "%H:%M", zone)
        word += w(" (done {0})").format(local(line.met_at, zone, clock))
    return word


def heading(text: str, styles: Styles) -> list[Flowable]:
    """A section heading that is never left alone at the foot of a page. (keepWithNext would
    push a long table's first rows, and its heading, to the next page.)"""
    return [CondPageBreak(HEADING_ROOM), Paragraph(escape(text), styles.heading)]


def footer(w: Words, place: tuple[str, ...], generated_at: datetime, generated_by: str,
           zone: ZoneInfo) -> str:
    """"城东营业厅 · 1号台 · 生成于 2026-11-20 18:00 · 生成人 李主管"."""
    parts = [p for p in place if p]
    parts.append(w("Generated {0}").format(local(generated_at, zone)))
    if generated_by:
        parts.append(w("by {0}").format(generated_by))
    return " · ".join(parts)
