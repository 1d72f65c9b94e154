"""The drill report for the trainer: the scenario, the injects and when the clerk saw them,
each expected action and its outcome, time to first action, the score, what to practise,
and lines to sign. Every page carries the 演练 watermark."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from models.drill_result import DrillReport, ScoreItem, duration
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.words import Words

KIND_WORDS = {"plan": "Plan chosen", "step": "Step", "call": "Call",
              "deadline": "Deadline"}
OUTCOME_WORDS = {"on_time": "on time", "late": "done late", "missed": "not done"}
OUTCOME_COLOURS = {"on_time": "#1b5e20", "late": "#e65100", "missed": "#b71c1c"}
GRID = [
    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def table(rows: list, widths: Sequence[float], s: Styles, style: Sequence[tuple] = GRID,
          **options) -> Table:
    """A table of paragraphs; the font is set so an empty cell never pulls in Helvetica."""
    t = Table(rows, colWidths=list(widths), **options)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), *style]))
    return t


def heading(text: str, s: Styles) -> list[Flowable]:
    """A heading never left alone at the foot of a page."""
    return [CondPageBreak(35 * mm), Paragraph(escape(text), s.heading)]


def write_drill_report(path: Path, report: DrillReport, *, generated_at: datetime,
                       words: Words | None = None, progress: Progress | None = None) -> Path:
    w = words or Words()
    page = Page(title=w("Drill report · {0}").format(report.title),
                footer=w("{0} · {1} · made {2}").format(
                    report.hall or "—", report.desk or "—",
                    generated_at.astimezone().strftime("%Y-%m-%d %H:%M")),
                page_words=w("Page {0} of {1}"), watermark=w("DRILL"))
    return write_pdf(path, page, lambda styles: story(report, styles, w, content_width(page)),
                     progress=progress)


def story(r: DrillReport, s: Styles, w: Words, width: float) -> Sequence[Flowable]:
    parts: list[Flowable] = [
        Paragraph(escape(w("DRILL")) + " · " + escape(w("Drill report")), s.marker),
        Paragraph(escape(r.title), s.title),
        _facts(r, s, w, width),
    ]
    if r.description:
        parts += [Spacer(0, 2 * mm), Paragraph(escape(r.description), s.body)]
    parts += _result(r, s, w)
    parts += _practise(r, s, w)
    parts += _injects(r, s, w, width)
    parts += _items(r.score.items, w("Expected actions and outcomes"), s, w, width)
    if r.score.not_due:
        parts += _items(r.score.not_due, w("Not scored: not yet due when the drill ended"),
                        s, w, width, scored=False)
    rules = w("How it is scored: on time 1 point, late half a point, missed none; the score "
              "is the share of points out of 100. Calls to outside services (110, 119, 120) "
              "count as on time within the plans' “at once” limit from the start of the "
              "incident; what was not yet due when the drill ended (a later inject's plan, a "
              "deadline) is not scored.")
    parts += [Spacer(0, 2 * mm), Paragraph(escape(rules), s.small)]
    parts.append(_signatures(s, w, width))
    return parts


def _facts(r: DrillReport, s: Styles, w: Words, width: float) -> Table:
    speed = (w("×{0} (drill time {1}, real time {2})").format(
        r.rate, duration(round(r.drill_minutes * 60)), duration(round(r.drill_minutes * 60
                                                                     / r.rate)))
             if r.rate > 1 else w("normal speed (drill time {0})").format(
                 duration(round(r.drill_minutes * 60))))
    rows = [
        (w("Trainer"), r.trainer or "—", w("Clerk on duty"), r.clerk or "—"),
        (w("Started"), r.started_at.astimezone().strftime("%Y-%m-%d %H:%M"), w("Speed"), speed),
        (w("Plan"), r.situation or "—", w("Plan version"), r.plan_version or "—"),
        (w("Hall and desk"), f"{r.hall} · {r.desk}".strip(" ·") or "—",
         w("Drill incidents"), "、".join(r.incidents) or w("none started")),
    ]
    if r.holiday:
        rows.append((w("Calendar"), w("played as a holiday (holiday deadlines apply)"), "", ""))
    cell = [[Paragraph(escape(v), s.cell_bold if i % 2 == 0 else s.cell)
             for i, v in enumerate(row)] for row in rows]
    return table(cell, [width * 0.14, width * 0.36, width * 0.14, width * 0.36], s,
                 [("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc"))])


def _injects(r: DrillReport, s: Styles, w: Words, width: float) -> list[Flowable]:
    rows = [[Paragraph(escape(h), s.cell_bold) for h in
             (w("Planned"), w("What happens"), w("Shown to the clerk"))]]
    for i in r.injects:
        shown = (w("+{0}").format(duration(i.shown_after)) if i.shown_after is not None
                 else w("not shown (the drill ended before)"))
        rows.append([Paragraph(escape(w("+{0} min").format(i.at_minutes)), s.cell),
                     Paragraph(escape(i.text), s.cell), Paragraph(escape(shown), s.cell)])
    return [*heading(w("Injects and when they were shown"), s),
            table(rows, [width * 0.12, width * 0.63, width * 0.25], s, repeatRows=1)]


def _result(r: DrillReport, s: Styles, w: Words) -> list[Flowable]:
    items = r.score.items
    counts = {k: sum(1 for i in items if i.outcome == k) for k in OUTCOME_WORDS}
    return [
        *heading(w("Result"), s),
        Paragraph(escape(w("Score {0} / 100").format(r.score.score)), s.title),
        Paragraph(escape(w("Time to first action: {0} (drill time from the start to the first "
                           "step ticked, call, report or note)").format(
            duration(r.score.first_action_seconds))), s.body),
        Paragraph(escape(w("{0} expected actions: {1} on time, {2} late, {3} missed").format(
            len(items), counts["on_time"], counts["late"], counts["missed"])), s.body),
    ]


def _items(items: Sequence[ScoreItem], title: str, s: Styles, w: Words, width: float,
           *, scored: bool = True) -> list[Flowable]:
    rows = [[Paragraph(escape(h), s.cell_bold) for h in
             (w("No."), w("Kind"), w("Expected action"), w("Outcome"), w("Done after"))]]
    for i in items:
        what = escape(i.what)
        if i.condition:
            what += "<br/>" + escape(w("(only if: {0})").format(i.condition))
        timing = duration(i.done_after)
        if i.allowed is not None:
            timing += " / " + w("limit {0}").format(duration(i.allowed))
        outcome = (f"<font color='{OUTCOME_COLOURS[i.outcome]}'>"
                   f"{escape(w(OUTCOME_WORDS[i.outcome]))}</font>" if scored
                   else escape(w("not yet due")))
        rows.append([Paragraph(escape(i.incident or "—"), s.cell),
                     Paragraph(escape(w(KIND_WORDS[i.kind])), s.cell),
                     Paragraph(what, s.cell), Paragraph(outcome, s.cell_bold),
                     Paragraph(escape(timing), s.cell)])
    widths = [width * 0.15, width * 0.1, width * 0.47, width * 0.1, width * 0.18]
    return [*heading(title, s), table(rows, widths, s, repeatRows=1)]


def _practise(r: DrillReport, s: Styles, w: Words) -> list[Flowable]:
    """One short line per action not done on time, grouped by kind (the table has them
    in full)."""
    parts: list[Flowable] = heading(w("What to practise"), s)
    practise = r.score.practise
    bullet = ParagraphStyle("bullet", parent=s.body, bulletFontName=s.fonts.regular,
                            leftIndent=5 * mm, bulletIndent=1 * mm)
    if not practise:
        return [*parts, Paragraph(escape(w("Everything expected was done on time.")), s.body)]
    for kind, word in KIND_WORDS.items():
        chosen = [i for i in practise if i.kind == kind]
        if not chosen:
            continue
        parts.append(Paragraph(f"<b>{escape(w(word))}</b>（{len(chosen)}）", s.body))
        for i in chosen:
            line = f"{shorten(i.what)}（{w(OUTCOME_WORDS[i.outcome])}）"
            parts.append(Paragraph(escape(line), bullet, bulletText="•"))
    return parts


def shorten(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _signatures(s: Styles, w: Words, width: float) -> Flowable:
    line = "_" * 18
    rows = [[Paragraph(escape(w("Trainer (signature)")), s.body), Paragraph(line, s.body),
             Paragraph(escape(w("Date")), s.body), Paragraph(line, s.body)],
            [Paragraph(escape(w("Participants (signature)")), s.body), Paragraph(line, s.body),
             Paragraph(escape(w("Date")), s.body), Paragraph(line, s.body)],
            [Paragraph(escape(w("Reviewed by (signature)")), s.body), Paragraph(line, s.body),
             Paragraph(escape(w("Date")), s.body), Paragraph(line, s.body)]]
    lines = table(rows, [width * 0.25, width * 0.35, width * 0.1, width * 0.3], s,
                  [("VALIGN", (0, 0), (-1, -1), "BOTTOM")], rowHeights=[12 * mm] * 3)
    return KeepTogether([Spacer(0, 6 * mm), lines])
