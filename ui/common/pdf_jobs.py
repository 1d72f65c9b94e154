"""The PDFs the desk makes, one small function per kind: each reads what it needs on the GUI
thread (plain data from models/) and returns the job — a file name to suggest and a render
function for the worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.clock import hall_time
from models.documents import ContactSheet, DailyLog, IncidentRecord, PlanBooklet, PlanCard
from models.drills.results import DrillReport
from ui.common.pdf_export import PdfTools, Render

# The render functions import reports/ (reportlab, ~0.4 s) inside: not at start-up.

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PdfJob:
    name: str  # the file name to suggest, e.g. "事件记录-20261120-003.pdf"
    title: str  # the save dialog's title
    render: Render


def safe_name(text: str) -> str:
    """A file name Windows accepts: no \\ / : * ? " < > | and no trailing dot or space."""
    cleaned = "".join("-" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in text)
    return cleaned.strip(" .") or "document"


def daily_log_job(log: DailyLog, tools: PdfTools) -> PdfJob:
    days = log.first_day.isoformat()
    if log.last_day != log.first_day:
        days += "_" + log.last_day.isoformat()
    name = "-".join(p for p in (translate("Pdf", "daily-log"), days, log.desk) if p)
    stamp = tools.stamp()

    def render(path, progress):
        from reports.daily_log import render_daily_log

        return render_daily_log(log, path, progress=progress, **stamp)

    return PdfJob(safe_name(name) + ".pdf", translate("Pdf", "Save the daily log as PDF"),
                  render)


def incident_record_job(record: IncidentRecord, tools: PdfTools) -> PdfJob:
    name = translate("Pdf", "incident-record") + "-" + record.number
    stamp = tools.stamp()

    def render(path, progress):
        from reports.incident_record import render_incident_record

        return render_incident_record(record, path, progress=progress, **stamp)

    return PdfJob(safe_name(name) + ".pdf", translate("Pdf", "Save the incident record as PDF"),
                  render)


def drill_report_job(report: DrillReport, tools: PdfTools) -> PdfJob:
    day = hall_time.local_text(report.started_at, tools.zone, "%Y%m%d")
    name = "-".join((translate("Pdf", "drill-report"), day, str(report.run_id)))
    stamp = tools.stamp()

    def render(path, progress):
        from reports.drill_report import write_drill_report

        return write_drill_report(path, report, progress=progress, **stamp)

    return PdfJob(safe_name(name) + ".pdf", translate("Pdf", "Save the drill report as PDF"),
                  render)


def contact_sheet_job(sheet: ContactSheet, tools: PdfTools) -> PdfJob:
    stamp = tools.stamp()

    def render(path, progress):
        from reports.contact_sheet import write_contact_sheet

        return write_contact_sheet(path, progress, sheet=sheet, words=stamp["words"],
                                   zone=stamp["zone"])

    return PdfJob(safe_name(translate("Pdf", "contact-sheet")) + ".pdf",
                  translate("Pdf", "Save the contact sheet as PDF"), render)


def plan_card_job(card: PlanCard, paper: str, tools: PdfTools) -> PdfJob:
    """`paper`: "a4" (the wall board) or "a6" (the pocket card)."""
    words = tools.stamp()["words"]
    name = "-".join((translate("Pdf", "response-card"), card.name, paper.upper()))

    def render(path, progress):
        from reports.plan_cards import write_plan_card

        return write_plan_card(path, card, paper=paper, words=words, progress=progress)

    return PdfJob(safe_name(name) + ".pdf", translate("Pdf", "Save the response card as PDF"),
                  render)


def plan_booklet_job(booklet: PlanBooklet, tools: PdfTools) -> PdfJob:
    words = tools.stamp()["words"]
    name = "-".join((translate("Pdf", "plan-booklet"), booklet.stamp.version))

    def render(path, progress):
        from reports.plan_booklet import write_plan_booklet

        return write_plan_booklet(path, booklet, words=words, progress=progress)

    return PdfJob(safe_name(name) + ".pdf", translate("Pdf", "Save the plan booklet as PDF"),
                  render)


def drill_evaluation_job(report, tools: PdfTools) -> PdfJob:
    """`report`: a models.drills.evaluation_report.EvaluationReport (the attached files are
    checked again in the worker, as the PDF is made)."""
    d = report.evaluation.draft
    name = "-".join((translate("Pdf", "drill-evaluation"), d.name, str(report.evaluation.id)))
    stamp = tools.stamp()

    def render(path, progress):
        from reports.drill_evaluation import write_drill_evaluation

        return write_drill_evaluation(path, report, progress=progress, **stamp)

    return PdfJob(safe_name(name) + ".pdf",
                  translate("Pdf", "Save the drill evaluation report as PDF"), render)
