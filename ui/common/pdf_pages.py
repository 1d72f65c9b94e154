"""PdfPages: a written PDF read back through pypdfium2 for the print preview — each page's
size in points, the page drawn into a QImage at a given resolution, and the lines of text on
it with where they stand (for a searchable copy when printing to a PDF file).

PDFium is not thread-safe, not even across different documents: every call into it, from
any thread, holds PDFIUM. That lock is process-wide because the library is.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage

PDFIUM = threading.Lock()


class UnreadablePdf(Exception):
    """The file is missing or not a PDF PDFium can open."""


@dataclass(frozen=True)
class TextLine:
    rect: QRectF  # in points from the page's top left
    text: str


class PdfPages:
    def __init__(self, path: Path) -> None:
        import pypdfium2  # ~30 ms: loaded with the first preview, not at start-up

        try:
            # Read whole: no handle left open on the file, which the next print of the same
            # document replaces (Windows refuses to replace a file open elsewhere).
            data = Path(path).read_bytes()
            with PDFIUM:
                self._doc = pypdfium2.PdfDocument(data)
                self.sizes = [QSizeF(*self._doc.get_page_size(i)) for i in range(len(self._doc))]
        except (pypdfium2.PdfiumError, OSError) as e:
            raise UnreadablePdf(str(e)) from e
        if not self.sizes:
            raise UnreadablePdf("no pages")

    def __len__(self) -> int:
        return len(self.sizes)

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` drawn on white at `dpi` (a QImage owning its pixels)."""
        with PDFIUM:
            page = self._doc[index]
            try:
                bitmap = page.render(scale=dpi / 72, prefer_bgrx=True, may_draw_forms=False)
                # BGRx bytes are QImage's RGB32 on the little-endian machines the desk runs on
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGB32).copy()
                bitmap.close()
            finally:
                page.close()
        return image

    def text_lines(self, index: int) -> list[TextLine]:
        """The runs of text PDFium finds on the page, each with its box."""
        height = self.sizes[index].height()
        lines = []
        with PDFIUM:
            page = self._doc[index]
            text_page = page.get_textpage()
            try:
                for i in range(text_page.count_rects()):
                    left, bottom, right, top = text_page.get_rect(i)
                    text = text_page.get_text_bounded(left, bottom, right, top).strip()
                    if text:
                        lines.append(TextLine(QRectF(left, height - top, right - left,
                                                     top - bottom), text))
            finally:
                text_page.close()
                page.close()
        return lines

    @property
    def closed(self) -> bool:
        return self._doc.raw is None

    def close(self) -> None:
        with PDFIUM:
            self._doc.close()
