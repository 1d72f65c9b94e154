"""The contact sheet for the wall: outside numbers first, then the plan's roles with their
people, numbers printed large, 24-hour reachability marked, the print date on every page.
A number still to be filled in prints as a line to write it on by hand.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from models.clock import hall_time
from models.documents import ContactLine, ContactSheet
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.words import Words

BIG = 28  # pt: the public emergency numbers in the boxes at the top
NUMBER = 15  # pt: every other number
BLANK = "＿" * 7
GRID = colors.HexColor("#90a4ae")
SHADE = colors.HexColor("#eceff1")
OUTSIDE_SHADE = colors.HexColor("#ffebee")


def write_contact_sheet(path: Path, progress: Progress | None = None, *, sheet: ContactSheet,
                        words: Words | None = None,
                        zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """`zone`: the hall's, whose clock the print date is read on."""
    words = words or Words()
    printed = hall_time.local_text(sheet.printed_at, zone)
    title = words("Emergency contact sheet")
    page = Page(title=f"{title} · {sheet.hall}" if sheet.hall else title,
                footer=words("Printed {0}").format(printed) + (f" · {sheet.hall}"
                                                               if sheet.hall else ""),
                page_words=words("Page {0} of {1}"))
    return write_pdf(path, page, lambda styles: _story(sheet, styles, words, printed, page),
                     progress=progress)


def _story(sheet: ContactSheet, styles: Styles, words: Words, printed: str,
           page: Page) -> list[Flowable]:
    heading = f"{escape(sheet.hall)} " if sheet.hall else ""
    story: list[Flowable] = [
        Paragraph(heading + escape(words("Emergency contact sheet")), styles.title),
        Paragraph(escape(words("Printed {0}. Update the numbers when they change, and print "
                               "the sheet again.").format(printed)), styles.small),
        Spacer(1, 4 * mm),
    ]
    width = content_width(page)
    public = [line for _, outside, lines in sheet.groups if outside for line in lines
              if _public_number(line)]
    if public:
        story += [_public_boxes(public, styles, width), Spacer(1, 5 * mm)]
    for outside in (True, False):
        groups = [(name, lines) for name, out, lines in sheet.groups if out == outside]
        rows = [(name, [ln for ln in lines if not _public_number(ln)]) for name, lines in groups]
        rows = [(name, lines) for name, lines in rows if lines]
        if not rows:
            continue
        story.append(Paragraph(escape(words("Outside numbers" if outside else
                                            "Our emergency contacts")), styles.heading))
        story.append(_table(rows, styles, words, width, outside))
    if len(story) == 3:
        story.append(Paragraph(escape(words("The directory is empty.")), styles.body))
    return story


def _public_number(line: ContactLine) -> str:
    """110, 119, 120...: printed in the big boxes at the top."""
    numbers = [n for _, n in line.phones]
    if line.outside and len(numbers) == 1 and numbers[0].isdigit() and len(numbers[0]) == 3:
        return numbers[0]
    return ""


def _public_boxes(lines: list[ContactLine], styles: Styles, width: float) -> Table:
    big = ParagraphStyle("big", parent=styles.title, fontSize=BIG, leading=BIG * 1.15,
                         alignment=1, textColor=colors.HexColor("#b71c1c"), spaceAfter=0)
    name = ParagraphStyle("boxName", parent=styles.body, fontSize=12, leading=15, alignment=1)
    cells = [[Paragraph(_public_number(ln), big), Paragraph(escape(ln.name), name)]
             for ln in lines]
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.HexColor("#b71c1c")),
        ("INNERGRID", (0, 0), (-1, -1), 1.2, colors.HexColor("#b71c1c")),
        ("BACKGROUND", (0, 0), (-1, -1), OUTSIDE_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _table(groups: list[tuple[str, list[ContactLine]]], styles: Styles, words: Words,
           width: float, outside: bool) -> Flowable:
    number = ParagraphStyle("number", parent=styles.cell_bold, fontSize=NUMBER,
                            leading=NUMBER * 1.25)
    name = ParagraphStyle("name", parent=styles.cell_bold, fontSize=11, leading=14)
    header = [Paragraph(escape(words(t)), styles.cell_bold)
              for t in ("Role", "Name / organisation", "Phone", "Reachable")]
    data: list[list] = [header]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),  # empty cells too: no Helvetica
        ("BOX", (0, 0), (-1, -1), 0.5, GRID),
        ("GRID", (1, 0), (-1, -1), 0.5, GRID),  # the role column is ruled only between roles
        ("LINEBELOW", (0, 0), (0, 0), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
    ]
    for role, lines in groups:
        first = len(data)
        for index, line in enumerate(lines):
            role_cell = Paragraph(escape(role or words("Other")), styles.cell_bold) \
                if index == 0 else ""
            who = escape(line.name) + (f"<br/><font size=8 name={styles.fonts.regular}>"
                                       f"{escape(line.organisation)}</font>"
                                       if line.organisation else "")
            phones = [Paragraph(f"{escape(n)} <font size=8>{escape(label)}</font>", number)
                      for label, n in line.phones] or [Paragraph(
                          f"{BLANK} <font size=8>{escape(words('to fill in'))}</font>", number)]
            reach = [words("24 hours")] if line.available_24h else []
            if line.on_duty:
                reach.append(line.on_duty)
            data.append([role_cell, Paragraph(who, name), phones,
                         Paragraph(escape("；".join(reach)), styles.cell)])
        style.append(("LINEABOVE", (0, first), (0, first), 0.5, GRID))  # no SPAN: it could
        if outside:  # not break across pages
            style.append(("BACKGROUND", (0, first), (0, len(data) - 1), OUTSIDE_SHADE))
    table = Table(data, colWidths=[width * f for f in (0.18, 0.22, 0.4, 0.2)], repeatRows=1)
    table.setStyle(TableStyle(style))
    return KeepTogether(table) if len(data) < 8 else table
