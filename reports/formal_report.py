"""A formal report upward as a PDF (A4 portrait): 突发事件信息报告（初报 / 续报一 / 终报）, the
unit and the incident, the report's items as a form, the signers with their names and the
time filed, and a footer with the incident number and the report's SHA-256. A draft not
yet filed says so; a drill's report is marked 演练 on every page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from models.clock import hall_time
from models.reporting.assemble import FormalReportDocument
from models.reporting.stages import FINAL, INITIAL, Slot
from reports.document import Page, Progress, Styles, content_width, write_pdf
from reports.fonts import PdfFonts
from reports.parts import ALARM, grid, labelled, labelled_pairs, local, para
from reports.words import Words

ENGLISH_NAMES = {INITIAL: "Initial report", FINAL: "Final report"}


def report_name(slot: Slot, name: str, w: Words) -> str:
    """初报 / 续报一 / 终报 as the law's words name them; in English, its English name."""
    if w.language != "en":
        return name
    return ENGLISH_NAMES.get(slot.stage) or f"Follow-up report {slot.number}"


def render_formal_report(report: FormalReportDocument, path: Path, *, generated_at: datetime,
                         generated_by: str = "", words: Words | None = None,
                         progress: Progress | None = None, fonts: PdfFonts | None = None,
                         zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Path:
    w = words or Words()
    head = report.header
    name = report_name(report.slot, report.name, w)
    title = w("Emergency information report ({0})").format(name)
    drill = w("DRILL") if head.is_drill else ""
    page = Page(title=f"{title} · {head.number}" + (f" · {drill}" if drill else ""),
                footer=_footer(report, name, w, generated_at, generated_by, zone),
                page_words=w("Page {0} of {1}"), watermark=drill)
    width = content_width(page)

    def story(styles: Styles) -> list:
        parts = [Paragraph(escape(title), styles.title)]
        parts += _markers(report, w, styles)
        parts += [_header(report, name, w, styles, width, zone), Spacer(0, 3 * mm),
                  labelled([(w(label), text) for label, text in report.fields], width, styles,
                           label_width=48 * mm),
                  Spacer(0, 4 * mm), _signers(report, w, styles, width, zone)]
        return parts

    return write_pdf(path, page, story, fonts=fonts, progress=progress)


def _markers(report: FormalReportDocument, w: Words, styles: Styles) -> list:
    marks = []
    if report.header.is_drill:
        marks.append(w("DRILL — a training exercise, not a real incident; kept out of the "
                       "real statistics."))
    if report.is_draft:
        marks.append(w("DRAFT — not filed, not signed: not to be sent."))
    elif not report.intact:
        marks.append(w("This report no longer matches what was filed (its hash or the "
                       "incident's timeline was changed outside the program)."))
    return [Paragraph(escape(m), styles.marker) for m in marks]


def _header(report: FormalReportDocument, name: str, w: Words, styles: Styles, width: float,
            zone: ZoneInfo):
    head = report.header
    rows = [(w("Reporting unit"), head.hall, w("Desk"), head.desk),
            (w("Incident number"), head.number, w("Report"), name),
            (w("Situation"), head.situation, w("Level"), head.level),
            (w("Started"), local(head.started_at, zone), w("Clerk on duty"), head.clerk)]
    return labelled_pairs(rows, width, styles)


def _signers(report: FormalReportDocument, w: Words, styles: Styles, width: float,
             zone: ZoneInfo):
    """Both names as filed, a line for each hand signature, and the time filed."""
    sign = "_" * 18
    filed = local(report.filed_at, zone) if report.filed_at else ""
    rows = [(w("Reporter"), report.reporter, w("(signature)") + sign),
            (w("Approver"), report.approver, w("(signature)") + sign),
            (w("Filed at"), filed, "")]
    table = grid([[para(a, styles.cell_bold), para(b, styles.cell), para(c, styles.cell)]
                  for a, b, c in rows], (30 * mm, width * 0.4, width * 0.6 - 30 * mm),
                 styles, header=False, label_column=True)
    parts = [table]
    if report.sha256:
        parts.append(Paragraph(escape(w("SHA-256 of the report as filed: {0}").format(
            report.sha256)), styles.small))
    if not report.intact:
        parts.append(Paragraph(escape(w("Integrity check: FAILED")),
                               styles.body.clone("failed", textColor=ALARM)))
    return KeepTogether(parts)


def _footer(report: FormalReportDocument, name: str, w: Words, generated_at: datetime,
            generated_by: str, zone: ZoneInfo) -> str:
    """"20261120-003 · 初报 · SHA-256 1a2b…(16) · 生成于 … · 生成人 …"."""
    parts = [report.header.number, name]
    parts.append(w("SHA-256 {0}").format(report.sha256[:16]) if report.sha256
                 else w("Not filed"))
    parts.append(w("Generated {0}").format(local(generated_at, zone)))
    if generated_by:
        parts.append(w("by {0}").format(generated_by))
    return " · ".join(parts)
