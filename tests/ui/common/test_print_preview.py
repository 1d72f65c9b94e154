"""The print preview: a PDF's pages shown by PDFium in Qt's preview with the PDF's own paper,
printed for real (Qt's PDF printer to a file, read back with pdftotext), and the ways it
cannot open (no printer, not a PDF) said in words for the fallback."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from reports.fonts import register_fonts
from ui.common.pdf_export import PreviewUnavailable
from ui.common.pdf_pages import PdfPages
from ui.common.print_preview import PrintPreview, show_print_preview

PRINTERS = lambda: ["Front desk printer"]  # noqa: E731


def write_pdf(path, pages: int, size=A4) -> list[str]:
    """`pages` pages, each with one line of its own; returns the lines."""
    fonts = register_fonts()
    canvas = Canvas(str(path), pagesize=size)
    lines = [f"第{n}页 火警处置 page {n}" for n in range(1, pages + 1)]
    for line in lines:
        canvas.setFont(fonts.regular, 14)
        canvas.drawString(72, size[1] - 100, line)
        canvas.showPage()
    canvas.save()
    return lines


def opened(qtbot, path, viewer=None) -> PrintPreview:
    preview = show_print_preview(None, path, open_in_viewer=viewer or (lambda p: True),
                                 printers=PRINTERS)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.pages_ready, timeout=20000):
        pass
    return preview


def pdftotext(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]  # one form feed after each page


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) not installed")


def test_the_preview_shows_every_page_on_the_pdfs_paper(qtbot, tmp_path):
    write_pdf(tmp_path / "log.pdf", 7, landscape(A4))
    preview = opened(qtbot, tmp_path / "log.pdf")
    assert preview.view.pageCount() == 7 and len(preview.images) == 7
    layout = preview.printer.pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
    assert preview.status.text() == ""  # no "preparing" left over
    assert preview.page_label.text() == "第 1 / 7 页"


def test_a_portrait_pdf_is_previewed_portrait(qtbot, tmp_path):
    write_pdf(tmp_path / "record.pdf", 1)
    preview = opened(qtbot, tmp_path / "record.pdf")
    assert preview.printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    image = preview.images[0]
    assert image.height() > image.width()  # the page drawn as it is, not turned


@needs_poppler
def test_printing_to_a_pdf_file_gives_every_page_and_its_text(qtbot, tmp_path):
    lines = write_pdf(tmp_path / "log.pdf", 3, landscape(A4))
    preview = opened(qtbot, tmp_path / "log.pdf")
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    with qtbot.waitSignal(preview.printed, timeout=30000) as sent:
        preview.print_now()
    assert sent.args == [str(out)]
    pages = pdftotext(out)
    assert len(pages) == 3
    for page, line in zip(pages, lines, strict=True):
        assert line in " ".join(page.split())  # each page's own text, in order
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "842 x 595 pts (A4)" in info  # landscape paper, as the PDF's
    assert preview.status.text() == f"已发送到 {out}。" and preview.print_button.isEnabled()


def test_printing_twice_at_once_prints_once(qtbot, tmp_path):
    """A double press on Print while the pages go out: one job, not two."""
    write_pdf(tmp_path / "log.pdf", 2)
    preview = opened(qtbot, tmp_path / "log.pdf")
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sent = []
    preview.printed.connect(sent.append)
    preview.print_now()
    assert preview.printing and not preview.print_button.isEnabled()
    preview.print_now()
    qtbot.waitUntil(lambda: not preview.printing, timeout=30000)
    assert len(sent) == 1


@pytest.mark.qt_log_ignore("QPdfWriter|QPainter::begin|QPrinter")
def test_a_printer_that_refuses_is_a_message_and_the_preview_stays(qtbot, tmp_path):
    write_pdf(tmp_path / "log.pdf", 2)
    preview = opened(qtbot, tmp_path / "log.pdf")
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(tmp_path / "no-such-folder" / "printed.pdf"))
    with qtbot.waitSignal(preview.print_failed, timeout=30000):
        preview.print_now()
    assert preview.status.text().startswith("未能打印到")
    assert "用系统阅读器打开" in preview.status.text() and preview.isVisible()
    assert preview.print_button.isEnabled()  # try again


def test_the_system_viewer_is_one_button_away(qtbot, tmp_path):
    write_pdf(tmp_path / "log.pdf", 1)
    asked = []
    preview = opened(qtbot, tmp_path / "log.pdf", viewer=asked.append)
    assert preview.viewer_button.text() == "用系统阅读器打开"
    preview.viewer_button.click()
    assert asked == [tmp_path / "log.pdf"]


def test_no_printer_is_said_and_nothing_opens(qtbot, tmp_path):
    write_pdf(tmp_path / "log.pdf", 1)
    with pytest.raises(PreviewUnavailable, match="这台电脑没有安装打印机"):
        show_print_preview(None, tmp_path / "log.pdf", open_in_viewer=print,
                           printers=lambda: [])


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4 cut short", b"PK\x03\x04 a zip"])
def test_a_file_pdfium_cannot_read_is_said(qtbot, tmp_path, content):
    (tmp_path / "bad.pdf").write_bytes(content)
    with pytest.raises(PreviewUnavailable, match="无法显示此 PDF 以供打印"):
        show_print_preview(None, tmp_path / "bad.pdf", open_in_viewer=print,
                           printers=PRINTERS)


def test_closing_while_pages_are_drawn_stops_the_drawing(qtbot, tmp_path, monkeypatch):
    """Closed at once: the worker stops after the page it is on and the file is let go."""
    write_pdf(tmp_path / "log.pdf", 40)
    drawn = []
    real = PdfPages.image
    monkeypatch.setattr(PdfPages, "image", lambda self, *a: drawn.append(1) or real(self, *a))
    preview = show_print_preview(None, tmp_path / "log.pdf", open_in_viewer=print,
                                 printers=PRINTERS)
    qtbot.addWidget(preview)
    preview.close()
    qtbot.waitUntil(preview._rendering.done, timeout=20000)
    assert len(drawn) < 40
    qtbot.waitUntil(lambda: preview.pages.closed)


def test_the_preview_keeps_no_handle_on_the_file(qtbot, tmp_path):
    """The next print of the same document writes the same file while this preview is still
    open: the preview read it whole, so the file can be replaced (Windows would refuse)."""
    write_pdf(tmp_path / "log.pdf", 2)
    preview = opened(qtbot, tmp_path / "log.pdf")


    fds = Path("/proc/self/fd")
    if fds.is_dir():
        held = {os.path.realpath(fds / fd) for fd in os.listdir(fds)}
        assert str(tmp_path / "log.pdf") not in held
    write_pdf(tmp_path / "new.pdf", 3)
    os.replace(tmp_path / "new.pdf", tmp_path / "log.pdf")
    assert preview.view.pageCount() == 2  # what was shown stays shown


def test_closing_while_printing_stops_the_job(qtbot, tmp_path):
    write_pdf(tmp_path / "log.pdf", 20)
    preview = opened(qtbot, tmp_path / "log.pdf")
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    told = []
    preview.printed.connect(told.append)
    preview.print_failed.connect(told.append)
    sent = []
    preview._relay.printing.connect(sent.append)
    preview.print_now()
    preview.close()
    qtbot.waitUntil(lambda: preview.pages.closed, timeout=60000)
    assert len(sent) < 20 and told == []  # stopped between pages; nothing claimed


def test_print_asks_the_printer_then_prints(qtbot, tmp_path):
    """The Print button opens Qt's print dialog (modal to the preview only); accepted, the
    pages go to the printer chosen there."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog

    write_pdf(tmp_path / "log.pdf", 2)
    preview = opened(qtbot, tmp_path / "log.pdf")
    out = tmp_path / "chosen.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    preview.print_button.click()
    dialog = preview.findChild(QPrintDialog, "previewPrintDialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    with qtbot.waitSignal(preview.printed, timeout=30000):
        dialog.accept()
    assert out.is_file() and out.read_bytes()[:5] == b"%PDF-"
