"""One incident's record as a PDF (A4 portrait): header, every field, the deadlines met, late
or missed, amendments, the full timeline, the timeline's integrity check and signature lines.
A drill says so in its header and carries a watermark on every page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from models.clock import hall_time
from models.documents import IncidentRecord, RecordFields, TimelineLine
from models.incidents.verify import PROBLEM_WORDS
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.fonts import PdfFonts
from reports.parts import (
    ALARM,
    GOOD,
    STATUS_WORDS,
    deadline_outcome,
    footer,
    grid,
    heading,
    labelled,
    labelled_pairs,
    local,
    signatures,
    time_format,
)
from reports.words import Words

# The record's fields in the order of the form, with their printed names.
FIELD_WORDS = (
    ("happened_at", "Happened at"), ("discovered_at", "Discovered at"),
    ("reported_at", "Reported at"), ("handled_at", "Handled at"), ("place", "Place"),
    ("reporter", "Reported by"), ("handler", "Handler"), ("description", "What happened"),
    ("people", "People involved"), ("injuries", "Injuries"), ("loss_amount", "Loss (yuan)"),
    ("loss_items", "Items lost or damaged"), ("evidence", "Evidence kept"),
    ("evidence_keep_until", "Evidence kept until"), ("actions", "Actions taken"),
    ("result", "Result"), ("follow_up_on", "Follow up on"),
)
ENTRY_WORDS = {
    "started": "Started: {0}", "step_checked": "Step done: {0}",
    "step_unchecked": "Step undone: {0}", "called": "Called {0}", "reported": "Reported to {0}",
    "no_number": "No number on file, not called: {0}",
    "note": "Note: {0}", "level_changed": "Level changed: {0}",
    "situation_changed": "Plan switched to {0}", "cancelled": "Cancelled: {0}",
    "resolved": "Handling finished", "closed": "Closed", "record_saved": "Record saved: {0}",
    "amended": "Amended: {0}", "deadline_started": "Clock started: {0}",
    "deadline_met": "Done in time: {0}", "deadline_missed": "Deadline missed: {0}",
    "decision_prompted": "Decision point reached: {0}", "decision_taken": "Decided: {0}",
    "deadline_superseded": "No longer due: {0}", "alarm_acknowledged": "Alarm acknowledged: {0}",
    "clock_jumped": "The PC's clock was changed; the desk kept its own time",
    "readout_shared": "Report shared for confirmation by phone: {0}",
    "duty_call": "Incoming call: {0}",  # a call of the duty phone log about this incident
    "leader_received": "{0} confirmed receipt (phone) {1}",
    "formal_report": "Report filed upward: {0}",
}
SIGNERS = ("Handler", "Supervisor")


def render_incident_record(record: IncidentRecord, path: Path, *, generated_at: datetime,
                           generated_by: str = "", words: Words | None = None,
                           progress: Progress | None = None, fonts: PdfFonts | None = None,
                           zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    """`zone`: the hall's, whose clock the times are printed on."""
    w = words or Words()
    drill = w("DRILL") if record.is_drill else ""
    title = w("Incident record {0}").format(record.number)
    page = Page(title=f"{title} · {record.situation}" + (f" · {drill}" if drill else ""),
                footer=footer(w, (record.hall, record.desk), generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"), watermark=drill)
    width = content_width(page)

    def story(styles: Styles) -> list:
        parts = [Paragraph(escape(title), styles.title)]
        if record.is_drill:
            parts.append(Paragraph(escape(w("DRILL — a training exercise, not a real incident; "
                                            "kept out of the real statistics.")),
                                   styles.marker))
        parts += [_header(record, w, styles, width, zone), Spacer(0, 2 * mm),
                  _integrity(record, w, styles),
                  *heading(w("The record"), styles),
                  labelled(_field_rows(record.fields, w, zone), width, styles),
                  *heading(w("Aftercare"), styles),
                  labelled([(item, record.fields.aftercare.get(item, ""))
                            for item in record.aftercare_items], width, styles),
                  *heading(w("Reporting deadlines"), styles),
                  _deadlines(record, w, styles, width, zone)]
        if record.amendments:
            parts += [*heading(w("Corrections after closing"), styles),
                      _amendments(record, w, styles, width, zone)]
        parts += [*heading(w("Timeline ({0} entries)").format(len(record.timeline)), styles),
                  _timeline(record, w, styles, width, zone),
                  signatures([w(s) for s in SIGNERS], w, styles, width)]
        return parts

    return write_pdf(path, page, story, fonts=fonts, progress=progress)


def _header(record: IncidentRecord, w: Words, styles: Styles, width: float, zone: ZoneInfo):
    status = w(STATUS_WORDS.get(record.status, record.status))
    rows = [(w("Hall"), record.hall, w("Desk"), record.desk),
            (w("Incident number"), record.number, w("Status"), status),
            (w("Situation"), record.situation, w("Category"), record.category),
            (w("Level"), record.level, w("Clerk on duty"), record.clerk),
            (w("Started"), local(record.started_at, zone), w("Closed at"),
             local(record.closed_at, zone)),
            (w("Plan version"), record.plan_version, w("Kind"),
             w("Drill") if record.is_drill else w("Real incident"))]
    return labelled_pairs(rows, width, styles)


def _integrity(record: IncidentRecord, w: Words, styles: Styles) -> Paragraph:
    if record.integrity_ok:
        text = w("Timeline integrity check: passed — all {0} entries check out.").format(
            len(record.timeline))
        return Paragraph(escape(text), styles.body.clone("ok", textColor=GOOD))
    problems = "；".join(
        (w("entry {0}: {1}").format(entry, w(PROBLEM_WORDS.get(code, code))) if entry
         else w(PROBLEM_WORDS.get(code, code))) for entry, code in record.integrity_problems)
    text = w("Timeline integrity check: FAILED — the record or its timeline was changed outside "
             "the program ({0}). Keep this record and the database as evidence.").format(problems)
    return Paragraph(escape(text), styles.body.clone("failed", textColor=ALARM))


def _field_rows(fields: RecordFields, w: Words, zone: ZoneInfo) -> list[tuple[str, str]]:
    rows = []
    for key, label in FIELD_WORDS:
        value = getattr(fields, key)
        if isinstance(value, datetime):
            value = local(value, zone)
        elif value is not None and not isinstance(value, str):
            value = value.isoformat()  # a date
        rows.append((w(label), value or ""))
    return rows


def _deadlines(record: IncidentRecord, w: Words, styles: Styles, width: float,
               zone: ZoneInfo):
    if not record.deadlines:
        return Paragraph(escape(w("No reporting deadline applied.")), styles.body)
    fmt = time_format([record.started_at, *(d.due_at for d in record.deadlines)], "%H:%M",
                      zone)
    rows = [(w("Deadline"), w("By → to"), w("Started"), w("Due"), w("Outcome"))]
    for d in record.deadlines:
        rows.append((d.label, f"{d.by} → {d.to}" if d.to else d.by, local(d.started_at, zone, fmt),
                     local(d.due_at, zone, fmt), deadline_outcome(d, w, zone)))
    clock = (16 if fmt == "%H:%M" else 22) * mm
    by_to, outcome = 56 * mm, 46 * mm
    label = width - (by_to + 2 * clock + outcome)
    return grid(rows, (label, by_to, clock, clock, outcome), styles)


def _amendments(record: IncidentRecord, w: Words, styles: Styles, width: float,
                zone: ZoneInfo):
    rows = [(w("When"), w("By"), w("Field"), w("New text"), w("Reason"))]
    rows += [(local(a.at, zone, "%m-%d %H:%M"), a.by, field_words(a.field, w), a.text, a.reason)
             for a in record.amendments]
    fixed = (22 * mm, 20 * mm, 28 * mm)
    rest = width - sum(fixed)
    return grid(rows, (*fixed, rest * 0.6, rest * 0.4), styles)


def entry_words(line: TimelineLine, w: Words) -> str:
    if line.kind == "deadline_met" and line.late_seconds:
        minutes, seconds = divmod(line.late_seconds, 60)
        return w("Done {0} min {1} s late: {2}").format(minutes, seconds, line.text)
    text = line.text
    if line.kind == "leader_received" and line.received:
        return w(ENTRY_WORDS[line.kind]).format(*line.received)
    if line.kind == "level_changed" and line.levels:
        return w("Level {0} → {1}: {2}").format(*line.levels, line.text)
    if line.kind == "record_saved":  # the names of the fields saved, e.g. "place、description"
        text = "、".join(field_words(key, w) for key in text.split("、"))
    return w(ENTRY_WORDS.get(line.kind, "{0}")).format(text)


def field_words(key: str, w: Words) -> str:
    """A record field's printed name; an aftercare item is its own name."""
    if key.startswith("aftercare:"):
        return key.split(":", 1)[1]
    if key == "aftercare":
        return w("Aftercare")
    return w(dict(FIELD_WORDS).get(key, key))


def _timeline(record: IncidentRecord, w: Words, styles: Styles, width: float,
              zone: ZoneInfo):
    fmt = time_format([t.at for t in record.timeline], "%H:%M:%S", zone)
    rows = [(w("Time"), w("By"), w("What"))]
    rows += [(local(t.at, zone, fmt), t.actor, entry_words(t, w)) for t in record.timeline]
    fixed = (16 * mm if fmt == "%H:%M:%S" else 24 * mm, 20 * mm)
    return grid(rows, (*fixed, width - sum(fixed)), styles)
