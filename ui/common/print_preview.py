"""PrintPreview: Qt's print preview of a PDF the desk wrote, printed to the printer chosen in
Qt's print dialog; the system's PDF viewer stays one button away.

Not modal and placed over the screen area (over_screen): the emergency bar, the alarm and
F9–F12 stay usable while it is open. The print dialog it opens is modal to the preview only.
The pages are drawn by PDFium (pdf_pages.py) in a worker thread, one after the other, and the
preview shows each as it comes: a 50-page daily log never freezes the window. Printing draws
each page at the printer's resolution (at most PRINT_DPI); printed to a PDF file, the page's
text goes under the picture, invisible, so the copy stays searchable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.over_screen import show_over_screen
from ui.common.pdf_pages import PdfPages, UnreadablePdf
from ui.common.preview_errors import PreviewUnavailable

PREVIEW_DPI = 96  # a page on screen; ~2.7 MB per A4 page held while the preview is open
PRINT_DPI = 300  # enough for text on paper; a printer's 600/1200 would cost 4-16x the pixels

translate = QCoreApplication.translate


def available_printers() -> list[str]:
    return QPrinterInfo.availablePrinterNames()


__all__ = ["PREVIEW_DPI", "PRINT_DPI", "PreviewUnavailable", "PrintPreview", "show_print_preview"]


def show_print_preview(parent: QWidget | None, path: Path, *,
                       open_in_viewer: Callable[[Path], object],
                       printers: Callable[[], list[str]] = available_printers) -> PrintPreview:
    """Open the preview of `path` over the screen area `parent` is in (a window of its own,
    owned by `parent`'s window), or raise PreviewUnavailable."""
    if not printers():
        raise PreviewUnavailable(translate(
            "PrintPreview", "No printer is installed on this computer."))
    try:
        pages = PdfPages(path)
    except UnreadablePdf as e:
        raise PreviewUnavailable(translate(
            "PrintPreview", "The PDF cannot be shown for printing ({0}).").format(str(e))) from e
    preview = PrintPreview(pages, path=path, open_in_viewer=open_in_viewer,
                           parent=parent.window() if parent is not None else None)
    if parent is not None:
        show_over_screen(preview, parent, fill=True)
    else:
        preview.show()
    return preview


def page_layout(size_points) -> QPageLayout:
    """The PDF page's own paper (A4 portrait or landscape...), no margins: the PDF has its
    own."""
    portrait = QPageSize(size_points.transposed() if size_points.width() > size_points.height()
                         else size_points, QPageSize.Unit.Point)
    orientation = (QPageLayout.Orientation.Landscape if size_points.width() > size_points.height()
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(portrait, orientation, QMarginsF(0, 0, 0, 0))


def fitted(size_points, paper: QRectF) -> QRectF:
    """Where a page of `size_points` goes on `paper`: as large as it fits, centred (the same
    as the paper when the PDF's page is the paper, as it is unless pages differ in size)."""
    scale = min(paper.width() / size_points.width(), paper.height() / size_points.height())
    rect = QRectF(0, 0, size_points.width() * scale, size_points.height() * scale)
    rect.moveCenter(paper.center())
    return rect


class _Relay(QObject):
    """Carries pages from the worker thread to the GUI thread (a queued signal)."""

    rendered = Signal(int, QImage)
    printing = Signal(int)  # pages sent so far
    print_done = Signal(str)  # where
    print_failed = Signal(str, str)  # where, why


class PrintPreview(QWidget):
    pages_ready = Signal(int)  # every page is drawn in the preview (the count)
    printed = Signal(str)  # sent to this printer (or file)
    print_failed = Signal(str)  # why

    def __init__(self, pages: PdfPages, *, path: Path, open_in_viewer: Callable[[Path], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("printPreview")
        self.setWindowTitle(self.tr("Print preview — {0}").format(path.name))
        self.pages, self.path = pages, path
        self.images: dict[int, QImage] = {}
        self.printing = False  # the pages are going to the printer (in the worker)
        self._stale = False  # pages came while printing: redraw the preview after
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setFullPage(True)
        self.printer.setDocName(path.stem)
        self.printer.setPageLayout(page_layout(pages.sizes[0]))
        self.view = QPrintPreviewWidget(self.printer, self, objectName="previewPages")
        self.view.paintRequested.connect(self._paint)
        self.view.previewChanged.connect(self._show_page_number)
        self.status = QLabel(objectName="previewStatus")
        self.page_label = QLabel(objectName="previewPage")
        self.print_button = QPushButton(self.tr("Print…"), objectName="previewPrint")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.clicked.connect(self.ask_printer)
        self.viewer_button = QPushButton(self.tr("Open in the system viewer"),
                                         objectName="previewViewer")
        self.viewer_button.clicked.connect(lambda: open_in_viewer(self.path))
        self.close_button = QPushButton(self.tr("Close"), objectName="previewClose")
        self.close_button.setShortcut(QKeySequence("Esc"))
        self.close_button.clicked.connect(self.close)
        self._layout(self._zoom_buttons())
        self._refresh = QTimer(self, singleShot=True, interval=150)
        self._refresh.timeout.connect(self._refresh_preview)
        self._cancel = threading.Event()
        self._relay = _Relay()
        self._relay.rendered.connect(self._page_rendered)
        self._relay.printing.connect(self._show_printing)
        self._relay.print_done.connect(self._printed)
        self._relay.print_failed.connect(self._print_failed)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="preview")
        self._rendering = self._worker.submit(self._render_all, self._relay, self._cancel)
        self._last_job = self._rendering  # the pages are let go when the last job ends
        self._show_progress()

    def _zoom_buttons(self) -> list[QPushButton]:
        fit = QPushButton(self.tr("Whole page"), objectName="previewFitPage")
        fit.clicked.connect(self.view.fitInView)
        width = QPushButton(self.tr("Page width"), objectName="previewFitWidth")
        width.clicked.connect(self.view.fitToWidth)
        bigger = QPushButton("+", objectName="previewZoomIn")
        bigger.clicked.connect(lambda: self.view.zoomIn())
        smaller = QPushButton("−", objectName="previewZoomOut")
        smaller.clicked.connect(lambda: self.view.zoomOut())
        return [fit, width, smaller, bigger]

    def _layout(self, zoom: list[QPushButton]) -> None:
        bar = QHBoxLayout()
        for button in zoom:
            bar.addWidget(button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.status, 1)
        for button in (self.viewer_button, self.print_button, self.close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # -- drawing the pages in the worker ---------------------------------------------------
    def _render_all(self, relay: _Relay, cancel: threading.Event) -> None:
        for index in range(len(self.pages)):
            if cancel.is_set():
                return
            relay.rendered.emit(index, self.pages.image(index, PREVIEW_DPI))

    def _page_rendered(self, index: int, image: QImage) -> None:
        self.images[index] = image
        if len(self.images) == 1 or len(self.images) == len(self.pages):
            self._refresh_preview()  # the first page at once, the last to finish
        elif not self._refresh.isActive():
            self._refresh.start()  # between: a few redraws, not one per page
        self._show_progress()

    def _refresh_preview(self) -> None:
        self._refresh.stop()
        self._stale = self.printing
        if self.printing:  # the worker paints on the printer: the preview waits
            return
        self.view.updatePreview()
        if len(self.images) == len(self.pages):
            self.pages_ready.emit(len(self.pages))

    def _show_progress(self) -> None:
        if self.printing:
            return
        done, total = len(self.images), len(self.pages)
        self.status.setText("" if done == total else self.tr(
            "Preparing the preview… page {0} of {1}").format(done, total))

    def _show_page_number(self) -> None:
        self.page_label.setText(self.tr("Page {0} of {1}").format(
            self.view.currentPage(), self.view.pageCount()))

    # -- painting (the preview, or the printer) --------------------------------------------
    def _paint(self, printer: QPrinter, *, printing: bool = False,
               cancel: threading.Event | None = None,
               progress: Callable[[int], object] | None = None) -> bool:
        """Every page onto `printer`: for the preview, the pictures drawn so far; when
        printing, each page drawn again at the printer's resolution. False: not printed."""
        painter = QPainter(printer)
        if not painter.isActive():
            return False
        for index in range(len(self.pages)):
            if cancel is not None and cancel.is_set():
                printer.abort()
                break
            if index:
                printer.newPage()
            if printing:
                self._print_page(painter, printer, index)
                progress and progress(index + 1)
            else:
                self._preview_page(painter, printer, index)
        return painter.end() and not (cancel is not None and cancel.is_set())

    def _page_rect(self, printer: QPrinter, index: int) -> QRectF:
        return fitted(self.pages.sizes[index],
                      QRectF(printer.pageLayout().fullRectPixels(printer.resolution())))

    def _preview_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        target = self._page_rect(printer, index)
        image = self.images.get(index)
        if image is None:  # not drawn yet: a blank page holds its place
            painter.fillRect(target, Qt.GlobalColor.white)
        else:
            painter.drawImage(target, image)

    def _print_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        target = self._page_rect(printer, index)
        painter.drawImage(target, self.pages.image(index, min(printer.resolution(), PRINT_DPI)))
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            self._paint_text(painter, target, self.pages.sizes[index].width(), index)

    def _paint_text(self, painter: QPainter, target: QRectF, width: float, index: int) -> None:
        """The page's text, invisible, where it stands on the picture: a PDF printed to a
        file can still be searched and copied from."""
        scale = target.width() / width
        painter.save()
        painter.translate(target.topLeft())
        painter.setPen(QColor(0, 0, 0, 0))
        font = QFont()
        for line in self.pages.text_lines(index):
            font.setPixelSize(max(1, round(line.rect.height() * scale * 0.8)))
            painter.setFont(font)
            descent = QFontMetricsF(font).descent()
            painter.drawText(QPointF(line.rect.left() * scale,
                                     line.rect.bottom() * scale - descent), line.text)
        painter.restore()

    # -- printing --------------------------------------------------------------------------
    def ask_printer(self) -> None:
        """Qt's print dialog, modal to this preview only; printing starts when accepted."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("previewPrintDialog")
        dialog.accepted.connect(self.print_now)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # QDialog.open(), which PySide's QPrintDialog hides behind an overload

    def print_now(self) -> None:
        """Print every page to the printer as set (by the dialog, or by a test), in the
        worker: QPainter may paint on a QPrinter outside the GUI thread, and 50 pages at
        300 dpi take seconds."""
        if self.printing:
            return
        self.printing = True
        self.print_button.setEnabled(False)
        where = self.printer.outputFileName() or self.printer.printerName()
        self._last_job = self._worker.submit(self._print_all, self._relay, self._cancel, where)

    def _print_all(self, relay: _Relay, cancel: threading.Event, where: str) -> None:
        try:
            done = self._paint(self.printer, printing=True, cancel=cancel,
                               progress=relay.printing.emit)
        except Exception as e:  # a broken printer driver: say it, keep the preview
            relay.print_failed.emit(where, str(e) or type(e).__name__)
            return
        if done:
            relay.print_done.emit(where)
        elif not cancel.is_set():
            relay.print_failed.emit(where, "")  # the printer did not take the pages

    def _show_printing(self, pages: int) -> None:
        self.status.setText(self.tr("Printing… page {0} of {1}").format(pages, len(self.pages)))

    def _printed(self, where: str) -> None:
        self._print_ended()
        self.status.setText(self.tr("Sent to {0}.").format(where))
        self.printed.emit(where)

    def _print_failed(self, where: str, why: str) -> None:
        self._print_ended()
        why = why or self.tr("the printer did not accept the pages")
        self.status.setText(self.tr("Not printed to {0}: {1}. Try again, or open the PDF in "
                                    "the system viewer and print from there.").format(where, why))
        self.print_failed.emit(why)

    def _print_ended(self) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        if self._stale:
            self._refresh_preview()

    def closeEvent(self, event) -> None:
        self._cancel.set()
        self._worker.shutdown(wait=False)
        pages = self.pages
        self._last_job.add_done_callback(lambda _: pages.close())
        super().closeEvent(event)
