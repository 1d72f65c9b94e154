"""What every PDF of the desk shares: CJK paragraph styles, the page frame ("page X of Y",
generated-at, a DRILL watermark on drill documents) and writing the file so that a failure
never leaves half a PDF behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors, textsplit
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus import paragraph as _paragraph

from models.store.files import replacing
from reports.fonts import PdfFonts, register_fonts

MARGIN = 15 * mm
FRAME_PADDING = 6  # points: reportlab's default padding inside the page frame

# reportlab's CJK line breaking knows the Japanese marks that may not begin a line but not
# the Chinese full-width ones, so a line could begin with "，". Both of its splitters read a
# module-level string on every split, so extending those once is enough.
CHINESE_CANNOT_START = "，；：！？、。”’）》〉」』】…％"
for _module in (textsplit, _paragraph):
    _module.ALL_CANNOT_START = "".join(dict.fromkeys(_module.ALL_CANNOT_START
                                                     + CHINESE_CANNOT_START))


class ReportError(Exception):
    """The PDF could not be written; the message says what is wrong and what to do.

    `problem` names it for a UI that words it in its own language: "no_folder",
    "folder_not_writable" or "file_not_writable", about `where`, because of `reason`.
    """

    def __init__(self, message: str, *, problem: str = "", where: Path | str = "",
                 reason: str = "") -> None:
        super().__init__(message)
        self.problem, self.where, self.reason = problem, str(where), reason


@dataclass(frozen=True)
class Page:
    """What is printed around the content of every page."""

    title: str  # top left, e.g. "事件记录 20261120-003"
    footer: str  # bottom left, e.g. "城东营业厅 · 生成于 2026-11-20 18:00"
    page_words: str = "{0} / {1}"  # e.g. Words("Page {0} of {1}")
    watermark: str = ""  # e.g. "演练" on every page of a drill document
    wide: bool = False  # landscape A4
    paper: tuple[float, float] | None = None  # another page size (A5, A6): width, height
    margin: float = MARGIN


def page_size(page: Page) -> tuple[float, float]:
    return page.paper or (landscape(A4) if page.wide else A4)


@dataclass(frozen=True)
class Styles:
    fonts: PdfFonts
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    marker: ParagraphStyle  # the DRILL marker in a header


def make_styles(fonts: PdfFonts) -> Styles:
    def style(name: str, size: float, *, bold: bool = False, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=fonts.bold if bold else fonts.regular,
                              fontSize=size, leading=size * 1.4, wordWrap="CJK", **extra)

    return Styles(
        fonts=fonts,
        title=style("title", 16, bold=True, spaceAfter=3 * mm),
        heading=style("heading", 12, bold=True, spaceBefore=4 * mm, spaceAfter=2 * mm),
        body=style("body", 10),
        small=style("small", 8.5, textColor=colors.HexColor("#444444")),
        cell=style("cell", 9),
        cell_bold=style("cell_bold", 9, bold=True),
        marker=style("marker", 14, bold=True, textColor=colors.HexColor("#b71c1c")),
    )


def _numbered_canvas(page: Page, fonts: PdfFonts) -> type[Canvas]:
    """A canvas that holds every page until the end, so each can say "page X of Y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin, size = page.margin, 8.5 if width > A4[0] * 0.6 else 6.5  # A6: smaller
            self.saveState()
            if page.watermark:
                self.setFillColor(colors.HexColor("#c62828"), alpha=0.10)
                self.setFont(fonts.bold, 110)
                self.translate(width / 2, height / 2)
                self.rotate(35)
                self.drawCentredString(0, -40, page.watermark)
                self.rotate(-35)
                self.translate(-width / 2, -height / 2)
            self.setFillColor(colors.HexColor("#444444"))
            self.setFont(fonts.regular, size)
            foot = margin - (8 if size > 7 else 5) * mm
            self.drawString(margin, height - margin + 4 * mm, page.title)
            self.drawString(margin, foot, page.footer)
            self.drawRightString(width - margin, foot,
                                 page.page_words.format(self._pageNumber, total))
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            rule = height - margin + 2.5 * mm
            self.line(margin, rule, width - margin, rule)
            self.restoreState()

    return NumberedCanvas


Progress = Callable[[int], None]  # told the number of each page as it is laid out


def write_pdf(path: Path, page: Page, build_story: Callable[[Styles], Sequence[Flowable]],
              *, fonts: PdfFonts | None = None, progress: Progress | None = None,
              template: type[SimpleDocTemplate] = SimpleDocTemplate) -> Path:
    """Render to a temporary file beside `path`, then rename it into place (atomic).

    On any failure the temporary file is removed and `path` keeps what it had. A `template`
    with `passes = True` is built until its page references settle (a table of contents).
    """
    path = Path(path)
    fonts = fonts or register_fonts()
    styles = make_styles(fonts)
    size, margin = page_size(page), page.margin
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"The folder {folder} does not exist. Choose an existing folder.",
                          problem="no_folder", where=folder)
    refuse_to_replace_data(path)
    created = False
    try:
        with replacing(path) as temp:  # replaces `path` only once the whole PDF is written
            created = True
            doc = template(str(temp), pagesize=size, leftMargin=margin, rightMargin=margin,
                           topMargin=margin + 2 * mm, bottomMargin=margin, title=page.title,
                           author="Emergency Desk", creator="Emergency Desk",
                           initialFontName=fonts.regular)  # no stray Helvetica
            if progress is not None:
                doc.setProgressCallBack(
                    lambda kind, value: progress(value) if kind == "PAGE" else None)
            build = doc.multiBuild if getattr(doc, "passes", False) else doc.build
            build(list(build_story(styles)), canvasmaker=_numbered_canvas(page, fonts))
    except OSError as e:
        reason = e.strerror or str(e)
        if not created:
            raise ReportError(f"Cannot write in {folder} ({reason}). Choose a folder you can "
                              "write to.", problem="folder_not_writable", where=folder,
                              reason=reason) from e
        raise ReportError(f"Cannot write {path} ({reason}). Check that the file is not open in "
                          "another program and that the folder is writable.",
                          problem="file_not_writable", where=path, reason=reason) from e
    return path


PDF_MAGIC = b"%PDF-"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")  # what SQLite keeps beside a database


def refuse_to_replace_data(path: Path) -> None:
    """A PDF replaces only a PDF (or an empty file): never the database, a backup, SQLite's
    files beside them or anything else, named directly or through a link. Raises ReportError
    ("not_a_pdf" or "beside_database") and leaves everything as it was."""
    target = path.resolve()
    if target.is_file():
        with target.open("rb") as f:
            head = f.read(len(PDF_MAGIC))
        if head and head != PDF_MAGIC:
            raise ReportError(f"{path} exists and is not a PDF (it may be the database, a "
                              "backup or other data). It was left untouched. Choose another "
                              "file name for the PDF.", problem="not_a_pdf", where=path)
    for suffix in SQLITE_SIDE_FILES:
        database = target.with_name(target.name.removesuffix(suffix))
        if target.name.endswith(suffix) and database.exists():
            raise ReportError(f"{path} is a name SQLite uses beside the database {database}. "
                              "Nothing was written. Choose another file name for the PDF.",
                              problem="beside_database", where=path)


def content_width(page: Page) -> float:
    """The width a flowable may take: the page between the margins, less the frame's own
    padding (6 pt each side), so a full-width table lines up with the header rule."""
    return page_size(page)[0] - 2 * page.margin - 2 * FRAME_PADDING


def content_height(page: Page) -> float:
    """The height the frame holds on one page (between the margins, less its padding)."""
    return page_size(page)[1] - 2 * page.margin - 2 * mm - 2 * FRAME_PADDING
