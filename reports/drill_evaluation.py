"""The drill evaluation report (应急演练评估报告), laid out as GB/T 46792-2025 附录E: a cover
(title, unit, drill, date, evaluators, date of the report) and a body — overview (演练概况),
execution (演练执行情况), problems (存在问题), lessons and suggestions (经验教训/改进建议),
the score sheet with its total, the corrective actions with owner, due date and state, the
attachments with their SHA-256 and whether the file is still as hashed, and signatures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from models.clock import hall_time
from models.drills.evaluation_report import EvaluationReport, check_files
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.parts import footer, grid, heading, labelled, local, signatures
from reports.words import Words

FORM_WORDS = {"tabletop": "Tabletop drill", "live": "Live drill"}
ACTION_WORDS = {"done": "done", "overdue": "overdue", "open": "open"}
FILE_WORDS = {"ok": "unchanged", "changed": "CHANGED since it was attached",
              "missing": "MISSING", "": "not checked"}
FILE_KINDS = {"photo": "Photo", "video": "Video", "file": "File"}


def write_drill_evaluation(path: Path, report: EvaluationReport, *, generated_at: datetime,
                           generated_by: str = "", words: Words | None = None,
                           progress: Progress | None = None,
                           zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """Checks the attached files again first (in the worker thread that calls this)."""
    w = words or Words()
    report = check_files(report)
    name = report.evaluation.draft.name
    page = Page(title=w("Drill evaluation report · {0}").format(name),
                footer=footer(w, (report.unit, report.desk), generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"), watermark=w("DRILL"))
    width = content_width(page)
    return write_pdf(path, page, lambda s: [*cover(report, s, w), PageBreak(),
                                            *body(report, s, w, width, zone)],
                     progress=progress)


def cover(r: EvaluationReport, s: Styles, w: Words) -> list[Flowable]:
    d = r.evaluation.draft
    big = ParagraphStyle("cover_title", parent=s.title, fontSize=26, leading=36,
                         alignment=1, spaceAfter=18 * mm)
    line = ParagraphStyle("cover_line", parent=s.body, fontSize=13, leading=22, alignment=1)
    rows = [(w("Unit"), r.unit or "—"), (w("Drill name"), d.name),
            (w("Form of drill"), w(FORM_WORDS[d.form])),
            (w("Held"), d.held_at or "—"),
            (w("Evaluators"), "、".join(d.evaluators)),
            (w("Date of the report"), r.reported_on.isoformat())]
    parts: list[Flowable] = [Spacer(0, 45 * mm),
                             Paragraph(escape(w("Emergency drill evaluation report")), big)]
    parts += [Paragraph(f"{escape(label)}：{escape(value)}", line) for label, value in rows]
    revision = r.evaluation.revision
    if revision:
        parts.append(Paragraph(escape(w("Revision {0}").format(revision)), line))
    return parts


def body(r: EvaluationReport, s: Styles, w: Words, width: float,
         zone: ZoneInfo) -> Sequence[Flowable]:
    e, d = r.evaluation, r.evaluation.draft
    parts: list[Flowable] = [*heading(w("1. Overview of the drill"), s), labelled([
        (w("Drill name"), d.name), (w("Form of drill"), w(FORM_WORDS[d.form]) + (
            w(" · fire and evacuation") if d.fire else "")),
        (w("Time"), d.held_at or "—"), (w("Place"), d.place or "—"),
        (w("Participants"), d.participants or "—"), (w("Scenario"), d.scenario or "—"),
        (w("Drill number"), _drill_ref(d.drill, w))], width, s)]
    for title, text in ((w("2. Execution of the drill"), d.execution),
                        (w("3. Problems found"), d.problems),
                        (w("4. Lessons and suggestions for improvement"), d.lessons)):
        parts += [*heading(title, s), *_paragraphs(text or w("(none written)"), s)]
    parts += _scores(r, s, w, width)
    parts += _actions(r, s, w, width)
    parts += _files(r, s, w, width, zone)
    if r.altered:  # what `verify` finds: the state printed above cannot be trusted
        parts += [*heading(w("Integrity check"), s), Paragraph("<b>" + escape(w(
            "Integrity check: FAILED — {0} entries of this evaluation were changed outside "
            "the program and what this report says cannot be trusted. Run `main.py verify` "
            "and keep the database as evidence.").format(r.altered)) + "</b>", s.body)]
    parts += [*heading(w("8. Signatures"), s),
              Paragraph(escape(w("Evaluated by {0}; written at the desk by {1} on {2}.").format(
                  "、".join(d.evaluators), e.by or "—", local(e.at, zone))), s.body),
              signatures([w("Evaluator") + f" {name}" for name in d.evaluators]
                         + [w("Head of the unit")], w, s, width)]
    return parts


def _drill_ref(drill: str, w: Words) -> str:
    kind, _, number = drill.partition(":")
    return (w("Drill run {0} at the desk") if kind == "run" else
            w("Training log entry {0}")).format(number)


def _paragraphs(text: str, s: Styles) -> list[Flowable]:
    return [Paragraph(escape(line), s.body) for line in text.splitlines() if line.strip()]


def _scores(r: EvaluationReport, s: Styles, w: Words, width: float) -> list[Flowable]:
    e = r.evaluation
    rows: list[list] = [[w("No."), w("Item evaluated"), w("Full marks"), w("Score")]]
    for n, item in enumerate(e.sheet.items, 1):
        score = e.draft.scores.get(item.key)
        rows.append([str(n), item.title, str(item.max),
                     str(score) if score is not None else w("not scored")])
    rows.append(["", w("Total"), str(e.sheet.max_total), str(e.total)])
    return [*heading(w("5. Score sheet: {0}").format(e.sheet.title), s),
            grid(rows, [width * 0.08, width * 0.62, width * 0.15, width * 0.15], s),
            Spacer(0, 1 * mm),
            Paragraph(escape(w("Sheet after {0}").format(e.sheet.source)), s.small)]


def _actions(r: EvaluationReport, s: Styles, w: Words, width: float) -> list[Flowable]:
    parts = heading(w("6. Corrective actions"), s)
    if not r.actions:
        return [*parts, Paragraph(escape(w("(none)")), s.body)]
    rows: list[list] = [[w("Action"), w("Owner"), w("Due"), w("State")]]
    for a in r.actions:
        state = w(ACTION_WORDS[a.status(r.today)])
        if a.done is not None:
            state += " " + w("{0} by {1}").format(a.done.done_on.isoformat(), a.done.by)
            if a.done.evidence:
                state += "\n" + w("Evidence: {0}").format(a.done.evidence)
        rows.append([a.what, a.owner, a.due_on.isoformat(), state])
    return [*parts, grid(rows, [width * 0.42, width * 0.16, width * 0.14, width * 0.28], s)]


def _files(r: EvaluationReport, s: Styles, w: Words, width: float,
           zone: ZoneInfo) -> list[Flowable]:
    parts = heading(w("7. Photos, video and files (kept by reference)"), s)
    if not r.files:
        return [*parts, Paragraph(escape(w("(none)")), s.body)]
    rows: list[list] = [[w("File"), w("Size"), w("SHA-256"), w("File now")]]
    for f in r.files:
        a = f.attachment
        name = f"{w(FILE_KINDS[a.kind])}：{a.path}" + (f"\n{a.note}" if a.note else "")
        state = w(FILE_WORDS[f.state])
        if f.state in ("changed", "missing"):
            state = f"<font color='#b71c1c'><b>{escape(state)}</b></font>"
            state_cell = Paragraph(state, s.cell)
        else:
            state_cell = state
        rows.append([name, _size(a.size), a.sha256, state_cell])
    return [*parts, grid(rows, [width * 0.34, width * 0.1, width * 0.38, width * 0.18], s),
            Spacer(0, 1 * mm),
            Paragraph(escape(w("Attached files are not copied into the desk's database: "
                               "the path, size and SHA-256 recorded when attached are "
                               "compared with the file when this report was made.")), s.small)]


def _size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size} {unit}"
        size //= 1024
    return f"{size} GB"
