"""The daily log's sections from the desk's journal: the duty phone log (值班电话记录簿) and
the shift handovers (交接班), as tables in the width of the landscape log."""

from __future__ import annotations

from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from models.documents import ALTERED_MARK, CallLine, HandoverLine
from reports.document import Styles
from reports.parts import grid, local
from reports.words import Words

OUTCOME_WORDS = {"accepted": "Accepted", "refused": "Refused", "open": "Not answered"}


def calls_table(calls: tuple[CallLine, ...], w: Words, styles: Styles, width: float,
                zone: ZoneInfo, time_format: str) -> Flowable:
    if not calls:
        return Paragraph(escape(w("No calls recorded in this period.")), styles.body)
    rows = [(w("Time"), w("Caller (unit, name, post, phone)"), w("Content"),
             w("Also told (when)"), w("Recorder"), w("Incident"))]
    rows += [(_mark(c.intact) + local(c.at, zone, time_format), _caller(c), _content(c, w),
              "；".join(f"{name} {local(at, zone, '%H:%M')}" for name, at in c.told),
              c.recorder, c.incident) for c in calls]
    at, recorder, incident = (22 if "%m" in time_format else 13) * mm, 20 * mm, 28 * mm
    rest = width - (at + recorder + incident)
    return grid(rows, (at, rest * 0.3, rest * 0.45, rest * 0.25, recorder, incident), styles)


def _mark(intact: bool) -> str:
    """A line whose journal entries were changed outside the program is not to be trusted."""
    return "" if intact else ALTERED_MARK


def _content(c: CallLine, w: Words) -> str:
    return f"{c.content}\n{w('Handling: {0}').format(c.handling)}" if c.handling else c.content


def _caller(c: CallLine) -> str:
    return "　".join(p for p in (c.unit, c.name, c.post, c.phone) if p)


def handovers_table(lines: tuple[HandoverLine, ...], w: Words, styles: Styles, width: float,
                    zone: ZoneInfo, time_format: str) -> Flowable:
    if not lines:
        return Paragraph(escape(w("No shift handovers in this period.")), styles.body)
    rows = [(w("Time"), w("Handed over by"), w("Taken over by"), w("Answer"),
             w("Reason refused"), w("Open items"))]
    rows += [(_mark(h.intact) + local(h.at, zone, time_format), h.outgoing, h.incoming or "—",
              _answer(h, w, zone), h.reason, str(h.open_items)) for h in lines]
    at, person, answer, items = (22 if "%m" in time_format else 13) * mm, 30 * mm, 34 * mm, 22 * mm
    reason = width - (at + 2 * person + answer + items)
    return grid(rows, (at, person, person, answer, reason, items), styles)


def _answer(h: HandoverLine, w: Words, zone: ZoneInfo) -> str:
    word = w(OUTCOME_WORDS.get(h.outcome, h.outcome))
    return f"{word} {local(h.answered_at, zone, '%H:%M')}" if h.answered_at else word
