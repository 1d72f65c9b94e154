"""The drill report for the trainer: the scenario, the injects and when the clerk saw them,
each expected action and its outcome, time to first action, the score, what to practise,
and lines to sign. Every page carries the 演练 watermark."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from models.clock import hall_time
from models.drills.results import DRILL_TIMES, DrillReport, ScoreItem, duration
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.parts import footer, grid, heading, signatures
from reports.words import Words

KIND_WORDS = {"plan": "Plan chosen", "step": "Step", "call": "Call",
              "deadline": "Deadline"}
OUTCOME_WORDS = {"on_time": "on time", "late": "done late", "missed": "not done"}
OUTCOME_COLOURS = {"on_time": "#1b5e20", "late": "#e65100", "missed": "#b71c1c"}
TIME_BASE = {
    DRILL_TIMES: "All times are drill time from the start of the drill: when each action was "
                 "done, and by when it was due.",
    "": "Times as scored by an earlier version: steps and calls from the start of their "
        "incident, deadlines from the start of their clock, plans from their inject; the "
        "first action from the start of the drill.",
}


def write_drill_report(path: Path, report: DrillReport, *, generated_at: datetime,
                       generated_by: str = "", words: Words | None = None,
                       progress: Progress | None = None,
                       zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """`zone`: the hall's, whose clock the times are printed on."""
    w = words or Words()
    page = Page(title=w("Drill report · {0}").format(report.title),
                footer=footer(w, (report.hall, report.desk), generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"), watermark=w("DRILL"))
    return write_pdf(path, page, lambda styles: story(report, styles, w, content_width(page), zone),
                     progress=progress)


def story(r: DrillReport, s: Styles, w: Words, width: float,
          zone: ZoneInfo) -> Sequence[Flowable]:
    parts: list[Flowable] = [
        Paragraph(escape(w("DRILL")) + " · " + escape(w("Drill report")), s.marker),
        Paragraph(escape(r.title), s.title),
        _facts(r, s, w, width, zone),
    ]
    if r.description:
        parts += [Spacer(0, 2 * mm), Paragraph(escape(r.description), s.body)]
    parts += _result(r, s, w)
    parts += _practise(r, s, w)
    parts += _injects(r, s, w, width)
    drill_times = r.score.times_from == DRILL_TIMES
    parts += _items(r.score.items, w("Expected actions and outcomes"), s, w, width,
                    drill_times=drill_times)
    if r.score.not_scored:
        parts += _items(r.score.not_scored,
                        w("Not scored: depends on the situation, or done after the event"),
                        s, w, width, drill_times=drill_times, scored=False)
    if r.score.not_due:
        parts += _items(r.score.not_due, w("Not scored: not yet due when the drill ended"),
                        s, w, width, drill_times=drill_times, scored=False)
    rules = w("How it is scored: on time 1 point, late half a point, missed none; the score "
              "is the share of points out of 100. Calls to outside services (110, 119, 120) "
              "count as on time within the plans' “at once” limit from the start of the "
              "incident; what was not yet due when the drill ended (a later inject's plan, a "
              "deadline) is not scored. A step that applies only under a condition, or only "
              "after the event, and a call only such steps name, count when they were done "
              "and are otherwise listed as not scored.")
    parts += [Spacer(0, 2 * mm), Paragraph(escape(rules), s.small)]
    parts.append(signatures([w("Trainer"), w("Participants"), w("Reviewed by")], w, s, width))
    return parts


def _facts(r: DrillReport, s: Styles, w: Words, width: float, zone: ZoneInfo) -> Table:
    speed = (w("×{0} (drill time {1}, real time {2})").format(
        r.rate, duration(round(r.drill_minutes * 60)), duration(round(r.drill_minutes * 60
                                                                     / r.rate)))
             if r.rate > 1 else w("normal speed (drill time {0})").format(
                 duration(round(r.drill_minutes * 60))))
    rows = [
        (w("Trainer"), r.trainer or "—", w("Clerk on duty"), r.clerk or "—"),
        (w("Started"), hall_time.local_text(r.started_at, zone), w("Speed"), speed),
        (w("Plan"), r.situation or "—", w("Plan version"), r.plan_version or "—"),
        (w("Hall and desk"), f"{r.hall} · {r.desk}".strip(" ·") or "—",
         w("Drill incidents"), "、".join(r.incidents) or w("none started")),
    ]
    if r.holiday:
        rows.append((w("Calendar"), w("played as a holiday (holiday deadlines apply)"), "", ""))
    return grid(rows, [width * 0.14, width * 0.36, width * 0.14, width * 0.36], s,
                header=False)


def _injects(r: DrillReport, s: Styles, w: Words, width: float) -> list[Flowable]:
    rows: list[list] = [[w("Planned"), w("What happens"), w("Shown to the clerk")]]
    for i in r.injects:
        shown = (w("+{0}").format(duration(i.shown_after)) if i.shown_after is not None
                 else w("not shown (the drill ended before)"))
        rows.append([w("+{0} min").format(i.at_minutes), i.text, shown])
    return [*heading(w("Injects and when they were shown"), s),
            grid(rows, [width * 0.12, width * 0.63, width * 0.25], s)]


def _result(r: DrillReport, s: Styles, w: Words) -> list[Flowable]:
    items = r.score.items
    counts = {k: sum(1 for i in items if i.outcome == k) for k in OUTCOME_WORDS}
    return [
        *heading(w("Drill result"), s),
        Paragraph(escape(w("Score {0} / 100").format(r.score.score)), s.title),
        Paragraph(escape(w("Time to first action: {0} (drill time from the start to the first "
                           "step ticked, call, report or note)").format(
            duration(r.score.first_action_seconds))), s.body),
        Paragraph(escape(w(TIME_BASE.get(r.score.times_from, TIME_BASE[""]))), s.body),
        Paragraph(escape(w("{0} expected actions: {1} on time, {2} late, {3} missed").format(
            len(items), counts["on_time"], counts["late"], counts["missed"])), s.body),
    ]


def _items(items: Sequence[ScoreItem], title: str, s: Styles, w: Words, width: float,
           *, drill_times: bool, scored: bool = True) -> list[Flowable]:
    rows: list[list] = [[w("Incident"), w("Kind of action"), w("Expected action"),
                         w("Outcome"), w("Done at / due") if drill_times else w("Done after")]]
    for i in items:
        what = escape(i.what)
        if i.condition:
            what += "<br/>" + escape(w("(only if: {0})").format(i.condition))
        if i.after:
            what += "<br/>" + escape(w("(after the event)"))
        timing = duration(i.done_after)
        if i.allowed is not None:
            limit = w("due {0}") if drill_times else w("limit {0}")
            timing += " / " + limit.format(duration(i.allowed))
        rows.append([i.incident, w(KIND_WORDS[i.kind]), Paragraph(what, s.cell),
                     Paragraph(_outcome(i, w, scored), s.cell_bold), timing])
    widths = [width * 0.15, width * 0.1, width * 0.47, width * 0.1, width * 0.18]
    return [*heading(title, s), grid(rows, widths, s)]


def _outcome(item: ScoreItem, w: Words, scored: bool) -> str:
    if scored:
        return (f"<font color='{OUTCOME_COLOURS[item.outcome]}'>"
                f"{escape(w(OUTCOME_WORDS[item.outcome]))}</font>")
    if item.after:
        return escape(w("after the event"))
    if item.condition:
        return escape(w("depends on the situation"))
    return escape(w("not yet due"))


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
