"""Pieces the printed plan shares (wall board, pocket card, booklet): the coloured title band,
the emergency numbers, numbered steps, the words to say, whom to call with their numbers,
the reporting deadlines and the stamp (version, signer, sign date); and fitting a story to a
page by trying smaller type.

Every piece takes `size`, the body text's size in points; headings and numbers scale with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from models.documents import CardCall, CardDeadline, CardStep, PlanStamp
from reports.document import Styles
from reports.words import Words

# Tables split inside a row (splitInRow): one step longer than a page runs over pages
# rather than failing the PDF.
ALARM = colors.HexColor("#b71c1c")
PUBLIC_FILL = colors.HexColor("#ffebee")
SAY_FILL = colors.HexColor("#e3f2fd")
SAY_RULE = colors.HexColor("#1565c0")
RULE = colors.HexColor("#9e9e9e")
SHADE = colors.HexColor("#eceff1")
CONDITION = "#bf360c"  # the colour of "only if…"
BLANK = "＿" * 5  # a number to write in by hand

START_WORDS = {"start": "from the start", "resolved": "after handling is finished",
               "manual": "when marked: {0}", "met": "after “{0}” is done",
               "missed": "if “{0}” is not done in time"}


def style(styles: Styles, name: str, size: float, *, bold: bool = False, **extra) -> ParagraphStyle:
    return ParagraphStyle(name, parent=styles.body, fontName=styles.fonts.bold if bold
                          else styles.fonts.regular, fontSize=size, leading=size * 1.3, **extra)


def stamp_text(stamp: PlanStamp, w: Words) -> str:
    """"预案版本 2026.1（2026-11-22） · 签发人 王经理 · 签发日期 2026-11-25", or 未签发."""
    parts = [w("Plan version {0}").format(f"{stamp.version}（{stamp.revised.isoformat()}）")]
    if stamp.signer:
        parts.append(w("Signed by {0}").format(stamp.signer))
        if stamp.signed_on:
            parts.append(w("Signed on {0}").format(stamp.signed_on.isoformat()))
    else:
        parts.append(w("Not signed yet"))
    return " · ".join(parts)


def minutes_text(minutes: int, w: Words) -> str:
    if minutes == 0:
        return w("at once")
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return w("{0} h {1} min").format(hours, rest)
    return w("{0} h").format(hours) if hours else w("{0} min").format(minutes)


def readable(hex_colour: str) -> colors.Color:
    """White on a dark band, near-black on a light one (the yellow of level 3)."""
    c = colors.HexColor(hex_colour)
    light = 0.299 * c.red + 0.587 * c.green + 0.114 * c.blue > 0.6
    return colors.HexColor("#212121") if light else colors.white


def title_band(name: str, level_name: str, colour: str, styles: Styles, width: float,
               size: float) -> Table:
    """The situation in large type on its level's colour, the level at the right."""
    ink = readable(colour)
    name_style = style(styles, "bandName", size * 2, bold=True, textColor=ink)
    level_style = style(styles, "bandLevel", size * 0.9, bold=True, textColor=ink, alignment=2)
    table = Table([[Paragraph(escape(name), name_style), Paragraph(escape(level_name),
                                                                   level_style)]],
                  colWidths=[width * 0.56, width * 0.44])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(colour)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1),
                                                       size * 0.7),
        ("LEFTPADDING", (0, 0), (-1, -1), size * 0.6), ("RIGHTPADDING", (0, 0), (-1, -1),
                                                        size * 0.6)]))
    return table


def heading(text: str, styles: Styles, size: float) -> list[Flowable]:
    """A heading never left alone at a page's foot. (keepWithNext would carry a long table
    whole to the next page, leaving this one nearly empty.)"""
    return [CondPageBreak(size * 6), Paragraph(escape(text), style(
        styles, "cardHeading", size * 1.2, bold=True, spaceBefore=size * 0.7,
        spaceAfter=size * 0.3))]


def public_numbers(calls: Sequence[CardCall], styles: Styles, w: Words, width: float,
                   size: float) -> Table | None:
    """110, 119, 120 side by side in the largest type, each with its name (and the plan's
    condition, when it calls it only then)."""
    public = [c for c in calls if c.public and c.numbers]
    if not public:
        return None
    big = style(styles, "publicNumber", size * 2.4, bold=True, textColor=ALARM, alignment=1)
    name = style(styles, "publicName", size, alignment=1)
    note = style(styles, "publicNote", size * 0.8, alignment=1, textColor=colors.HexColor(
        CONDITION))
    cells = []
    for call in public:
        cell = [Paragraph(escape(call.numbers[0][1]), big), Paragraph(escape(call.role), name)]
        if call.condition:
            cell.append(Paragraph(escape(w("Only if: {0}").format(call.condition)), note))
        cells.append(cell)
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, ALARM), ("INNERGRID", (0, 0), (-1, -1), 1.2, ALARM),
        ("BACKGROUND", (0, 0), (-1, -1), PUBLIC_FILL), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5)]))
    return table


def step_table(steps: Sequence[CardStep], first: int, styles: Styles, w: Words, width: float,
               size: float, *, calls: bool = True) -> Table:
    """Numbered from `first`: each step's text, its condition before it, who does it when not
    the desk, whom it calls and the plan it switches to."""
    number = style(styles, "stepNumber", size * 1.25, bold=True, alignment=1)
    text = style(styles, "stepText", size)
    rows = [[Paragraph(str(first + i), number), Paragraph(step_markup(s, w, calls), text)]
            for i, s in enumerate(steps)]
    table = Table(rows, colWidths=[size * 2.6, width - size * 2.6], splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.3),
        ("LEFTPADDING", (0, 0), (-1, -1), size * 0.3),
        ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 0)]))
    return table


def step_markup(step: CardStep, w: Words, calls: bool = True) -> str:
    parts = []
    if step.condition:
        condition = escape(w("Only if: {0}").format(step.condition))
        parts.append(f"<font color='{CONDITION}'><b>【{condition}】</b></font>")
    parts.append(escape(step.text))
    extra = []
    if step.role:
        extra.append(escape(w("Done by: {0}").format(step.role)))
    if calls and step.calls:
        extra.append("☎ " + escape("、".join(step.calls)))
    if step.switch_to:
        extra.append("→ " + escape(w("Switch to the plan: {0}").format(step.switch_to)))
    if extra:  # on the same line, after the text: a wall board has no room to spare
        parts.append(f"　<font color='#37474f'>{'　'.join(extra)}</font>")
    return "".join(parts)


def say_box(says: Sequence[str], styles: Styles, w: Words, width: float, size: float) -> Table:
    """The words to say, apart from the steps: a framed, shaded box."""
    text = style(styles, "say", size * 1.05)
    rows = [[Paragraph(escape(w("What to say")), style(styles, "sayHead", size, bold=True,
                                                       textColor=SAY_RULE))]]
    rows += [[Paragraph(f"“{escape(s)}”", text)] for s in says]
    table = Table(rows, colWidths=[width], splitInRow=1)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, SAY_RULE), ("BACKGROUND", (0, 0), (-1, -1), SAY_FILL),
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.15),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.25)]))
    return table


def call_cells(calls: Sequence[CardCall], styles: Styles, w: Words, size: float) -> list[list]:
    """One cell per role: its name, why or when, and its numbers in large type (or a line to
    write one on)."""
    name = style(styles, "callName", size, bold=True)
    number = style(styles, "callNumber", size * 1.4, bold=True)
    cells = []
    for call in calls:
        tags = call_tags(call, w)
        title = escape(call.role) + (f" <font size={size * 0.8:.1f} color='#37474f' "
                                     f"name='{styles.fonts.regular}'>{escape(tags)}</font>"
                                     if tags else "")
        cell: list = [Paragraph(title, name)]
        small = f"{size * 0.8:.1f}"
        lines = [f"{escape(n)} <font size={small}>{escape(who)}</font>"
                 for who, n in call.numbers] or [  # a line in body type, to write on
            f"<font size={size:.1f}>{BLANK}</font> <font size={small}>"
            f"{escape(w('to fill in'))}</font>"]
        cell += [Paragraph(line, number) for line in lines]
        cells.append(cell)
    return cells


def call_tags(call: CardCall, w: Words) -> str:
    tags = []
    if call.report:
        tags.append(w("report to"))
    if call.condition:
        tags.append(w("Only if: {0}").format(call.condition))
    if call.after:
        tags.append(w("after the event"))
    return "；".join(tags)


def call_grid(calls: Sequence[CardCall], styles: Styles, w: Words, width: float, size: float,
              columns: int) -> Table:
    cells = call_cells(calls, styles, w, size)
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width / columns] * columns, splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.35)]))
    return table


def deadline_words(d: CardDeadline, w: Words) -> tuple[str, str, str]:
    """(within, what: by → to, when the clock starts)."""
    within = minutes_text(d.minutes, w)
    if d.holiday_minutes is not None:
        within = w("workdays {0}, holidays {1}").format(within, minutes_text(d.holiday_minutes, w))
    who = f"{d.by} → {d.to}" if d.to else d.by
    starts = w(" or ").join(w(START_WORDS.get(kind, kind)).format(detail)
                            for kind, detail in d.starts)
    return within, f"{d.label}（{who}）", starts


def deadline_table(deadlines: Sequence[CardDeadline], styles: Styles, w: Words, width: float,
                   size: float, *, compact: bool = False) -> Table:
    """Within how long, what (by → to), from when; `compact` (a pocket card): when the clock
    starts under what, in two columns."""
    time = style(styles, "dlTime", size * 1.15, bold=True, textColor=ALARM)
    text = style(styles, "dlText", size)
    small = style(styles, "dlSmall", size * 0.85)
    rows = []
    for d in deadlines:
        within, what, starts = deadline_words(d, w)
        what = escape(what)
        if d.on_missed:
            missed = escape(w("If missed: {0}").format(d.on_missed))
            what += f"<br/><font color='{CONDITION}'>{missed}</font>"
        if compact:
            rows.append([Paragraph(escape(within), time), [Paragraph(what, text),
                                                           Paragraph(escape(starts), small)]])
        else:
            rows.append([Paragraph(escape(within), time), Paragraph(what, text),
                         Paragraph(escape(starts), small)])
    shares = (0.26, 0.74) if compact else (0.18, 0.52, 0.3)
    table = Table(rows, colWidths=[width * f for f in shares], splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.35)]))
    return table


def small_line(text: str, styles: Styles, size: float) -> Paragraph:
    return Paragraph(text, style(styles, "cardSmall", size * 0.85,
                                 textColor=colors.HexColor("#444444")))


def story_height(story: Sequence[Flowable], width: float, room: float) -> float:
    """How tall `story` is laid out at `width`, spaces between flowables as a frame collapses
    them."""
    total, after = 0.0, 0.0
    for index, flowable in enumerate(story):
        _, height = flowable.wrap(width, room)
        before = flowable.getSpaceBefore() if index else 0.0
        total += height + max(before - after, 0.0)
        after = flowable.getSpaceAfter()
        total += after
    return total


def fitted(build: Callable[[float], list[Flowable]], sizes: Sequence[float], width: float,
           room: float) -> tuple[list[Flowable], bool]:
    """The story at the largest of `sizes` that fits `room`, and whether one did (if none, the
    smallest: it runs over pages)."""
    story: list[Flowable] = []
    for size in sizes:
        story = build(size)
        if story_height(story, width, room) <= room:
            return story, True
    return story, False


def spacer(size: float) -> Spacer:
    return Spacer(1, size * 0.5)

