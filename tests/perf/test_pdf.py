"""PDF benchmarks: a busy day's log (300 incidents) and a record with a 200-entry timeline,
each against writing the same text with a bare reportlab canvas (same font, embedded) in the
same run; the ratio is what the layout (tables, wrapping, headers, page X of Y) costs.

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
from tests.perf.timing import median_ms

DAY = date(2026, 11, 20)
END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)


def bare_canvas(path, lines: list[str], pagesize) -> None:
    """The same text, one line after another, no layout: the floor for writing it."""
    fonts = register_fonts()
    canvas = Canvas(str(path), pagesize=pagesize)
    height = pagesize[1]
    y = height - 50
    canvas.setFont(fonts.regular, 9)
    for line in lines:
        if y < 50:
            canvas.showPage()
            canvas.setFont(fonts.regular, 9)
            y = height - 50
        canvas.drawString(40, y, line[:120])
        y -= 13
    canvas.showPage()
    canvas.save()


def report(what: str, ours: float, bare: float, pages: int, bare_pages: int) -> None:
    print(f"\n{what}: {ours:.0f} ms ({pages} pages) vs bare canvas {bare:.0f} ms "
          f"({bare_pages} pages): ratio {ours / bare:.1f}")


@pytest.mark.perf
def test_daily_log_of_300_incidents(tmp_path, desk_db, shipped_catalog, repeat):
    generate(shipped_catalog, desk_db[1], incidents=300, days=1, end=END)
    query = median_ms(lambda: history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅"),
                      repeat)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert len(log.rows) == 300
    lines = ["  ".join((r.number, f"{r.started_at:%H:%M}", r.situation, r.category, r.level,
                        r.place, r.status, r.reporting)) for r in log.rows]
    lines += [f"{row.number}  {line.label}  {line.by}  {line.status}"
              for row, line in log.missed_or_late]
    ours = median_ms(lambda: render_daily_log(log, tmp_path / "log.pdf", generated_at=END),
                     repeat)
    bare = median_ms(lambda: bare_canvas(tmp_path / "bare.pdf", lines, landscape(A4)), repeat)
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
    lines = [f"{t.at:%H:%M:%S}  {t.actor}  {t.text}" for t in record.timeline]
    ours = median_ms(lambda: render_incident_record(record, tmp_path / "record.pdf",
                                                    generated_at=END), repeat)
    bare = median_ms(lambda: bare_canvas(tmp_path / "bare.pdf", lines, A4), repeat)
    print(f"\nrecord data with {len(record.timeline)} entries from the database (with the "
          f"integrity check): {query:.0f} ms")
    report(f"incident record, {len(record.timeline)} timeline entries", ours, bare,
           len(pdf.page_texts(tmp_path / "record.pdf")),
           len(pdf.page_texts(tmp_path / "bare.pdf")))
