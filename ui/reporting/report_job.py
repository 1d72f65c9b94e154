"""The formal report's PDF job: read on the GUI thread, rendered in the desk's PDF worker."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.reporting import FormalReportDocument
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import PdfJob, safe_name
from ui.reporting.report_words import slot_name

translate = QCoreApplication.translate


def formal_report_job(document: FormalReportDocument, tools: PdfTools) -> PdfJob:
    parts = [translate("Pdf", "report"), document.header.number, slot_name(document.slot)]
    if document.is_draft:
        parts.append(translate("Pdf", "draft"))
    stamp = tools.stamp()

    def render(path, progress):
        from reports.formal_report import render_formal_report

        return render_formal_report(document, path, progress=progress, **stamp)

    return PdfJob(safe_name("-".join(parts)) + ".pdf",
                  translate("Pdf", "Save the formal report as PDF"), render)
