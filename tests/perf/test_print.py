"""Printing benchmarks (issue 17): the busy day's daily log with and without reportlab's C
accelerator (rl_accel), with and without the font fallback, and the print preview of a
46-page log — each against its floor, measured turn about in the same run, reported, never
asserted against a time.

Run: uv run pytest tests/perf/test_print.py -m perf -s -p no:cacheprovider
"""

import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from models.demo import generate
from models.incidents import history
from reports.daily_log import render_daily_log
from reports.fonts import PdfFonts, register_fonts
from tests.helpers import pdf
from tests.helpers.hall import HALL
from tests.perf.timing import interleaved, pair_line, timed

DAY = date(2026, 11, 20)
END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)
ROOT = Path(__file__).resolve().parents[2]
FOREIGN = ("😀", "🔥⚠️", "བོད་ཡིག", "ئۇيغۇرچە", "ภาษาไทย", "हिन्दी")


@pytest.fixture
def busy_day(desk_db, shipped_catalog):
    """300 incidents on DAY (15 landscape pages), as test_pdf.py's log."""
    generate(shipped_catalog, desk_db[1], incidents=300, days=1, end=END)
    return history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")


def child_runs(tmp_path, mode: str, runs: int) -> list[float]:
    """Render times in ms from a fresh process with rl_accel on ("accel") or off ("plain")."""
    line = subprocess.run([sys.executable, "-m", "tests.perf.daily_log_child",
                           str(tmp_path / "desk.db"), str(tmp_path), mode, str(runs)],
                          cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [float(t) for t in line.split()]


@pytest.mark.perf
def test_daily_log_with_and_without_rl_accel(tmp_path, busy_day, repeat):
    """Processes started turn about (accel, plain, plain, accel...), 3 renders in each."""
    accel, plain = [], []
    for index in range(repeat):
        order = (("plain", plain), ("accel", accel)) if index % 2 else \
            (("accel", accel), ("plain", plain))
        for mode, times in order:
            times += child_runs(tmp_path, mode, 3)
    pages = len(pdf.page_texts(tmp_path / "log-accel.pdf"))
    assert pages == len(pdf.page_texts(tmp_path / "log-plain.pdf"))
    print("\n" + pair_line(f"daily log, 300 incidents ({pages} pages), rl_accel", accel,
                           "without rl_accel", plain, digits=0))
    saved = 1 - statistics.median(accel) / statistics.median(plain)
    print(f"rl_accel saves {saved:.0%} of the render")


def plain_fonts(fonts: PdfFonts) -> PdfFonts:
    """The same CJK font registered as a plain TrueType font: no fallback at all."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "PlainSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PlainSans", fonts.source))
    return PdfFonts("PlainSans", "PlainSans", True, fonts.source)


@pytest.mark.perf
def test_font_fallback_on_the_daily_log(tmp_path, busy_day, repeat):
    """The common all-CJK log with the fallback font against the plain TrueType font; then
    a log where one row in ten has emoji or another script in its place."""
    fonts = register_fonts()
    plain = plain_fonts(fonts)
    out = tmp_path / "log.pdf"

    def render(log, with_fonts):
        return timed(lambda: render_daily_log(log, out, generated_at=END, fonts=with_fonts))

    render_daily_log(busy_day, out, generated_at=END, fonts=fonts)
    ours, floor = interleaved(render(busy_day, fonts), render(busy_day, plain), repeat)
    print("\n" + pair_line("daily log, 300 incidents, all CJK, with the fallback", ours,
                           "plain TrueType font", floor, digits=0))
    mixed = replace(busy_day, rows=tuple(
        replace(row, place=row.place + " " + FOREIGN[n % len(FOREIGN)]) if n % 10 == 0 else row
        for n, row in enumerate(busy_day.rows)))
    ours, floor = interleaved(render(mixed, fonts), render(busy_day, plain), repeat)
    print(pair_line("daily log, 300 incidents, 1 row in 10 with emoji/other scripts", ours,
                    "all-CJK log, plain TrueType font", floor, digits=0))


@pytest.mark.perf
def test_print_preview_of_a_46_page_log(tmp_path, desk_db, shipped_catalog, qtbot):
    """1,000 incidents (46 pages): the preview's window shown, its first page, every page;
    the longest the GUI thread went without a 5 ms timer tick meanwhile; then printing every
    page at 300 dpi to a PDF file (in the worker) with the same watch."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrinter

    from ui.common.pdf_pages import PdfPages
    from ui.common.print_preview import PrintPreview

    generate(shipped_catalog, desk_db[1], incidents=1000, days=1, end=END)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    source = tmp_path / "log.pdf"
    render_daily_log(log, source, generated_at=END)
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    started = time.perf_counter()
    preview = PrintPreview(PdfPages(source), path=source, open_in_viewer=print)
    qtbot.addWidget(preview)
    preview.resize(1366, 728)
    preview.show()
    shown = time.perf_counter() - started
    first = []
    preview.view.previewChanged.connect(lambda: first or first.append(time.perf_counter()))
    with qtbot.waitSignal(preview.pages_ready, timeout=60000):
        pass
    ready = time.perf_counter() - started
    gap = max((b - a for a, b in pairwise(ticks)), default=0)
    print(f"\nprint preview, {preview.view.pageCount()} pages: window shown "
          f"{shown * 1000:.0f} ms, first page {(first[0] - started) * 1000:.0f} ms, every page "
          f"{ready * 1000:.0f} ms; longest GUI pause {gap * 1000:.0f} ms")
    out = tmp_path / "printed.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    ticks[:] = [time.perf_counter()]
    started = time.perf_counter()
    with qtbot.waitSignal(preview.printed, timeout=300000):
        preview.print_now()
    printed = time.perf_counter() - started
    gap = max((b - a for a, b in pairwise(ticks)), default=0)
    timer.stop()
    print(f"printed {len(pdf.page_texts(out))} pages at 300 dpi to a PDF file: "
          f"{printed * 1000:.0f} ms ({out.stat().st_size / 1e6:.0f} MB); longest GUI pause "
          f"{gap * 1000:.0f} ms")
