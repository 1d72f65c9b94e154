"""--self-test: check that the whole desk came up, and say what was checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

CHINESE_SAMPLE = "应急处置台"


@dataclass
class SelfTestReport:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, passed: str, failed: str) -> None:
        (self.lines if ok else self.failures).append(passed if ok else failed)


def check_window(report: SelfTestReport, app: QApplication, window: QWidget,
                 font_family: str | None, language: str) -> None:
    metrics = QFontMetrics(app.font())
    has_glyphs = all(metrics.inFontUcs4(ord(ch)) for ch in CHINESE_SAMPLE)
    report.check(bool(font_family) and has_glyphs,
                 f"font: {font_family} (Chinese glyphs present)",
                 "no font with Chinese glyphs: install one (Linux: fonts-wqy-microhei)")
    title = QCoreApplication.translate("MainWindow", "Emergency Desk")
    translated = language == "en" or title != "Emergency Desk"
    report.check(translated, f"translations: {language} (window title: {title})",
                 f"translations for {language} not loaded (resources/i18n)")
    size = window.size()
    report.check(window.isVisible(), f"window: shown and painted at {size.width()}x"
                 f"{size.height()}", "window was not shown")


def check_pdf(report: SelfTestReport, catalog, now) -> None:
    """Write the contact sheet to a temporary folder: reportlab, the CJK font and the
    directory all work in this installation. Nothing is left behind."""
    import tempfile
    import time
    from pathlib import Path

    from models.clock.clocks import FakeClock
    from models.services.contacts import ContactService
    from reports.contact_sheet import write_contact_sheet
    from reports.document import ReportError
    from reports.fonts import register_fonts

    began = time.perf_counter()
    contacts = ContactService(catalog=catalog, clock=FakeClock(now))  # printed at `now`
    sheet = contacts.sheet(contacts.contacts(), hall="")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contact-sheet.pdf"
        try:
            write_contact_sheet(path, sheet=sheet)
            ok = path.read_bytes()[:5] == b"%PDF-"
        except (ReportError, OSError) as e:
            ok, reason = False, str(e)
        else:
            reason = "the file written is not a PDF"
        pages = preview_pages(path) if ok else 0
    fonts = register_fonts()
    font = fonts.source if fonts.embedded else f"{fonts.source} (built-in, not embedded)"
    report.check(ok, f"pdf: contact sheet written in {(time.perf_counter() - began) * 1000:.0f}"
                 f" ms, font {font}", f"pdf: cannot write a PDF: {reason}")
    check_printing(report, pages, fonts)


def preview_pages(path) -> int:
    """The pages the print preview's renderer (PDFium) reads in `path`; 0 if it cannot."""
    from ui.common.pdf_pages import PdfPages, UnreadablePdf

    try:
        pages = PdfPages(path)
    except (UnreadablePdf, ImportError, OSError):
        return 0
    count = len(pages)
    pages.close()
    return count


def check_printing(report: SelfTestReport, pages: int, fonts) -> None:
    """The print preview can read PDFs, the fallback fonts are installed, reportlab's C
    accelerator is in (a bundle that lost any of them still prints, worse: say so)."""
    from reports.fonts import FALLBACKS, c_accelerated

    report.check(pages > 0, f"print preview: PDFium reads the sheet ({pages} pages)",
                 "print preview: PDFium (pypdfium2) cannot read a PDF")
    report.check(len(fonts.fallbacks) == len(FALLBACKS) or not fonts.embedded,
                 f"pdf: {len(fonts.fallbacks)} fallback fonts (emoji, other scripts)",
                 f"pdf: only {len(fonts.fallbacks)} of {len(FALLBACKS)} fallback fonts found")
    report.lines.append("pdf: reportlab's C accelerator " +
                        ("in use" if c_accelerated() else "missing (PDFs ~30 % slower)"))


def check_pinyin(report: SelfTestReport) -> None:
    """The directory's search by pinyin initials has its tables (pypinyin's data files)."""
    from models.contacts.search import initials, initials_match

    ok = initials_match(initials("张三"), "zs")
    report.check(ok, "contact search: pinyin initials (张三 = zs)",
                 "contact search: pinyin tables missing (pypinyin data not installed)")
