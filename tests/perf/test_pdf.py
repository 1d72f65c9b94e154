"""PDF benchmarks: a busy day's log (300 incidents) and a record with a 200-entry timeline,
each against its floor, measured turn about in the same run: a bare reportlab canvas (same
font, embedded) drawing the same full text, every word our PDF holds (read back from it),
packed line after line; the ratio is what the layout (tables, wrapping, headers, page X of Y)
costs.

Run: uv run pytest tests/perf/test_pdf.py -m perf -s
"""

from datetime import date, datetime, timedelta

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.demo import generate
from models.incidents import history, response
from models.incidents.record_document import build_record
from reports.daily_log import render_daily_log
from reports.fonts import register_fonts
from reports.incident_record import render_incident_record
from tests.helpers import pdf
from tests.helpers.hall import HALL
from tests.perf.timing import interleaved, median_ms, pair_line, timed

DAY = date(2026, 11, 20)
END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)


def bare_canvas(path, text: str, pagesize) -> None:
    """`text` drawn as tightly as it goes: lines of as many characters as surely fit (a
    character is at most 1 em wide; no measuring, no wrapping rules), pages filled to the
    bottom, nothing cut: the floor for writing it."""
    fonts = register_fonts()
    size = 9
    width, height = pagesize
    per_line = int((width - 80) / size)
    canvas = Canvas(str(path), pagesize=pagesize)
    y = height - 50
    canvas.setFont(fonts.regular, size)
    for start in range(0, len(text), per_line):
        if y < 50:
            canvas.showPage()
            canvas.setFont(fonts.regular, size)
            y = height - 50
        canvas.drawString(40, y, text[start:start + per_line])
        y -= size + 4
    canvas.showPage()
    canvas.save()


def same_text(ours, bare, pagesize) -> str:
    """Every word our PDF holds (read back from it), checked to be on the bare canvas too."""
    text = " ".join(" ".join(pdf.page_texts(ours)).split())
    bare_canvas(bare, text, pagesize)
    assert "".join(text.split()) == "".join("".join(pdf.page_texts(bare)).split())
    return text


def report(what: str, ours: list[float], bare: list[float], pages: int,
           bare_pages: int) -> None:
    print("\n" + pair_line(f"{what} ({pages} pages)", ours,
                           f"bare canvas, same text ({bare_pages} pages)", bare, digits=0))


@pytest.mark.perf
def test_daily_log_of_300_incidents(tmp_path, desk_db, shipped_catalog, repeat):
    generate(shipped_catalog, desk_db[1], incidents=300, days=1, end=END)
    query = median_ms(lambda: history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅"),
                      repeat)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert len(log.rows) == 300
    render_daily_log(log, tmp_path / "log.pdf", generated_at=END)  # fonts loaded, text known
    text = same_text(tmp_path / "log.pdf", tmp_path / "bare.pdf", landscape(A4))
    ours, bare = interleaved(
        timed(lambda: render_daily_log(log, tmp_path / "log.pdf", generated_at=END)),
        timed(lambda: bare_canvas(tmp_path / "bare.pdf", text, landscape(A4))), repeat)
    print(f"\ndaily log data for 300 incidents from the database: {query:.0f} ms")
    report("daily log, 300 incidents", ours, bare, len(pdf.page_texts(tmp_path / "log.pdf")),
           len(pdf.page_texts(tmp_path / "bare.pdf")))


@pytest.mark.perf
def test_record_with_200_timeline_entries(tmp_path, desk_db, shipped_catalog, repeat):
    start = datetime(2026, 11, 20, 10, 0, tzinfo=HALL)

    def act(seconds: int) -> Act:
        return Act(Who("城东营业厅", "1号台", "张三"), start + timedelta(seconds=seconds),
                   HolidayCalendar())

    incident = response.start_incident(shipped_catalog, desk_db[1], "agitated_customer", act(0))
    while True:
        record = build_record(shipped_catalog, incident)
        if len(record.timeline) >= 200:
            break
        n = len(record.timeline)
        response.add_note(incident, f"第{n}条：客户情绪仍不稳定，已请值班经理到场协助安抚", act(n))
    query = median_ms(lambda: build_record(shipped_catalog, incident), repeat)
    render_incident_record(record, tmp_path / "record.pdf", generated_at=END)
    text = same_text(tmp_path / "record.pdf", tmp_path / "bare.pdf", A4)
    ours, bare = interleaved(
        timed(lambda: render_incident_record(record, tmp_path / "record.pdf",
                                             generated_at=END)),
        timed(lambda: bare_canvas(tmp_path / "bare.pdf", text, A4)), repeat)
    print(f"\nrecord data with {len(record.timeline)} entries from the database (with the "
          f"integrity check): {query:.0f} ms")
    report(f"incident record, {len(record.timeline)} timeline entries", ours, bare,
           len(pdf.page_texts(tmp_path / "record.pdf")),
           len(pdf.page_texts(tmp_path / "bare.pdf")))
