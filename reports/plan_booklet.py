"""The whole plan as an A5 booklet (预案手册), kept at the desk for when the PC does not work:
a cover with title, hall, version, signer and sign date; the contents with page numbers;
the levels and their reporting deadlines; the general first steps; then every category and
its situations in order, each situation from a new page (as on its wall board); last, every
number to call. The stamp is at the foot of every page; the PDF's outline follows the
contents.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from models.documents import BookletLevel, PlanBooklet, PlanCard
from reports import plan_parts as pp
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.plan_cards import situation_body
from reports.words import Words

SIZE = 9.0  # body type of the booklet's pages
MARGIN = 12 * mm


class TocMark(Flowable):
    """Takes no room; marks where a contents entry (and a PDF outline entry) points."""

    def __init__(self, level: int, text: str, key: str) -> None:
        super().__init__()
        self.level, self.text, self.key = level, text, key

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.text, self.key, level=self.level, closed=False)


class BookletTemplate(SimpleDocTemplate):
    passes = True  # built again until the contents' page numbers settle

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, TocMark):
            self.notify("TOCEntry", (flowable.level, escape(flowable.text), self.page,
                                     flowable.key))


def write_plan_booklet(path: Path, booklet: PlanBooklet, *, words: Words | None = None,
                       progress: Progress | None = None) -> Path:
    w = words or Words()
    title = " · ".join(p for p in (w("Emergency plan booklet"), booklet.hall) if p)
    page = Page(title=title, footer=pp.stamp_text(booklet.stamp, w),
                page_words=w("Page {0} of {1}"), paper=A5, margin=MARGIN)
    return write_pdf(path, page, lambda styles: story(booklet, styles, w, content_width(page)),
                     progress=progress, template=BookletTemplate)


def story(b: PlanBooklet, styles: Styles, w: Words, width: float) -> list[Flowable]:
    parts = [*cover(b, styles, w, width), PageBreak(), *contents(styles, w), PageBreak()]
    parts += levels(b.levels, styles, w, width)
    parts += general(b, styles, w)
    marks = 0
    for name, colour, cards in b.categories:
        for index, card in enumerate(cards):
            marks += 1
            parts.append(PageBreak())
            if index == 0:
                parts += [TocMark(0, name, f"c{marks}"), category_bar(name, colour, styles,
                                                                    width)]
            parts += situation(card, styles, w, width, f"s{marks}")
    parts += [PageBreak(), TocMark(0, w("Numbers to call"), "numbers"),
              *pp.heading(w("Numbers to call"), styles, SIZE * 1.3),
              pp.call_grid(b.numbers, styles, w, width, SIZE, 2)] if b.numbers else []
    return parts


def cover(b: PlanBooklet, styles: Styles, w: Words, width: float) -> list[Flowable]:
    big = pp.style(styles, "coverTitle", 24, bold=True, alignment=1, spaceAfter=4 * mm)
    middle = pp.style(styles, "coverHall", 14, alignment=1, spaceAfter=12 * mm)
    label = pp.style(styles, "coverLabel", 11, bold=True)
    value = pp.style(styles, "coverValue", 11)
    stamp = b.stamp
    signer = stamp.signer or w("Not signed yet") + "　" + "＿" * 8
    signed_on = stamp.signed_on.isoformat() if stamp.signed_on else "＿" * 8
    rows = [(w("Plan version"), f"{stamp.version}（{stamp.revised.isoformat()}）"),
            (w("Signer"), signer), (w("Date signed"), signed_on)]
    table = Table([[Paragraph(escape(k), label), Paragraph(escape(v), value)] for k, v in rows],
                  colWidths=[width * 0.3, width * 0.7])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, pp.RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    note = pp.style(styles, "coverNote", 10, alignment=1, spaceBefore=14 * mm)
    return [Spacer(1, 30 * mm), Paragraph(escape(w("Emergency plan booklet")), big),
            Paragraph(escape(b.title), middle),
            *([Paragraph(escape(b.hall), middle)] if b.hall else []), table,
            Paragraph(escape(w("Keep this booklet at the desk: when the computer does not "
                               "work, follow it.")), note)]


def contents(styles: Styles, w: Words) -> list[Flowable]:
    table = TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),  # not Helvetica
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    toc = TableOfContents(dotsMinLevel=0, tableStyle=table, levelStyles=[
        pp.style(styles, "toc0", 10.5, bold=True, spaceBefore=4),
        pp.style(styles, "toc1", 9.5, leftIndent=5 * mm)])
    return [*pp.heading(w("Contents"), styles, SIZE * 1.3), toc]


def levels(items: tuple[BookletLevel, ...], styles: Styles, w: Words,
           width: float) -> list[Flowable]:
    title = w("Levels and reporting deadlines")
    parts: list[Flowable] = [TocMark(0, title, "levels"), *pp.heading(title, styles, SIZE * 1.3)]
    for level in items:
        parts += [Spacer(1, 2 * mm), pp.title_band(level.name, "", level.color, styles, width,
                                                   SIZE * 0.6),
                  pp.small_line(escape(w("Criteria: {0}").format("；".join(level.criteria))),
                                styles, SIZE * 1.1),
                  pp.small_line(escape(w("Handled by: {0}").format(level.handled_by)), styles,
                                SIZE * 1.1)]
        if level.deadlines:
            parts.append(pp.deadline_table(level.deadlines, styles, w, width, SIZE))
    return parts


def general(b: PlanBooklet, styles: Styles, w: Words) -> list[Flowable]:
    text = pp.style(styles, "generalItem", SIZE, leftIndent=5 * mm, bulletIndent=0,
                    spaceAfter=1.5, bulletFontName=styles.fonts.regular)  # not Helvetica
    parts: list[Flowable] = []
    if b.first_steps:
        parts += [PageBreak(), TocMark(0, w("General first steps"), "general"),
                  *pp.heading(w("General first steps"), styles, SIZE * 1.3)]
        parts += [Paragraph(escape(s), text, bulletText=f"{i}.")
                  for i, s in enumerate(b.first_steps, start=1)]
    if b.reporting:
        parts += [*pp.heading(w("A report tells"), styles, SIZE),
                  Paragraph(escape("；".join(b.reporting)), text)]
    return parts


def category_bar(name: str, colour: str, styles: Styles, width: float) -> Table:
    bar = Table([[Paragraph(escape(name), pp.style(styles, "category", SIZE * 1.2, bold=True,
                                                   textColor=pp.readable(colour)))]],
                colWidths=[width])
    bar.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(colour)),
                             ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular)]))
    return bar


def situation(card: PlanCard, styles: Styles, w: Words, width: float,
              key: str) -> list[Flowable]:
    facts = escape(w("Default level: {0}").format(card.level_name))
    if card.description:
        facts += "。" + escape(card.description)
    parts: list[Flowable] = [TocMark(1, card.name, key), Spacer(1, 2 * mm),
                             pp.title_band(card.name, card.level_name, card.level_color, styles,
                                           width, SIZE * 0.75),
                             pp.small_line(facts, styles, SIZE)]
    numbers = pp.public_numbers(card.calls, styles, w, width, SIZE * 0.7)
    if numbers is not None:
        parts += [pp.spacer(SIZE), numbers]
    return parts + situation_body(card, styles, w, width, SIZE, 2)
