"""The statistics screen: numbers read in a worker thread (the desk answers meanwhile), shown
as charts with their tables, period by period; the PDF prints the very figures on screen."""

import subprocess
import threading
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.services.stats import StatsService
from models.stats.period import parse_period
from tests.helpers.hall import HALL
from ui.common.pdf_export import PdfExport, PdfTools
from ui.stats.stats_screen import StatsScreen, statistics_job

TODAY = date(2026, 11, 20)


@pytest.fixture
def incidents(desk_db, shipped_catalog):
    """A fire and a robbery in November (hall time), a power cut on December 1st at 00:00,
    a drill in November."""
    def start(key, at, drill=False, desk="1号台"):
        act = Act(Who("城东营业厅", desk, "张三"), at, HolidayCalendar())
        return response.start_incident(shipped_catalog, desk_db[1], key, act, is_drill=drill)

    november = datetime(2026, 11, 20, 9, 30, tzinfo=HALL)
    start("fire", november)
    start("robbery", november + timedelta(hours=1), desk="2号台")
    start("fire", november + timedelta(hours=2), drill=True)
    start("power_cut", datetime(2026, 12, 1, tzinfo=HALL))
    return shipped_catalog


def make_screen(qtbot, read, pdf=None):
    screen = StatsScreen(read=read, hall=lambda: "城东营业厅", today=lambda: TODAY, pdf=pdf)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    return screen


def reader(catalog):
    return StatsService(catalog=catalog, zone=HALL, today=lambda: TODAY).read_apart


def cells(table, column=None):
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def shown(qtbot, screen):
    with qtbot.waitSignal(screen.loader.loaded, timeout=10000):
        screen.show()
    return screen.stats


def test_the_months_numbers_in_charts_and_tables(qtbot, incidents):
    screen = make_screen(qtbot, reader(incidents))
    stats = shown(qtbot, screen)
    assert screen.label.text() == "2026-11" and stats.total == 2
    assert "共 2 起事件" in screen.summary.text()
    assert cells(screen.tables["category"]) == [
        ["火灾与安全事故", "1", "50.0%"], ["财物与治安", "1", "50.0%"], ["合计", "2", "100.0%"]]
    assert sorted(r[0] for r in cells(screen.tables["desk"])[:-1]) == ["1号台", "2号台"]
    chart = screen.charts["category"]
    assert chart.accessibleDescription() == "火灾与安全事故: 1; 财物与治安: 1"
    months = cells(screen.tables["months"])
    assert (len(months), months[-1][:2]) == (12, ["2026-11 ◀", "2"])
    assert screen.export_button.isEnabled() and screen.print_button.isEnabled()


def test_previous_next_and_the_quarter(qtbot, incidents):
    screen = make_screen(qtbot, reader(incidents))
    shown(qtbot, screen)
    with qtbot.waitSignal(screen.loader.loaded):
        qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert (screen.label.text(), screen.stats.total) == ("2026-12", 1)  # 00:00 of December 1
    with qtbot.waitSignal(screen.loader.loaded):
        screen.kind.setCurrentIndex(screen.kind.findData("quarter"))
    assert (screen.label.text(), screen.stats.total) == ("2026年第4季度", 3)
    with qtbot.waitSignal(screen.loader.loaded):
        qtbot.mouseClick(screen.previous, Qt.MouseButton.LeftButton)
    assert (screen.stats.period, screen.stats.total) == (parse_period("2026Q3"), 0)
    assert screen.charts["category"].accessibleDescription() == "本期无事件。"
    with qtbot.waitSignal(screen.loader.loaded):
        qtbot.mouseClick(screen.current, Qt.MouseButton.LeftButton)
    assert screen.stats.period == parse_period("2026Q4")


def test_the_desk_answers_while_the_numbers_are_read(qtbot, incidents):
    """The read held in the worker: the screen says it is counting, nothing can be printed,
    and the GUI thread keeps running events; released, the numbers come."""
    release = threading.Event()
    read = reader(incidents)

    def slow(period, hall):
        assert threading.current_thread() is not threading.main_thread()
        release.wait(10)
        return read(period, hall)

    screen = make_screen(qtbot, slow)
    screen.show()
    assert screen.summary.text() == "正在统计…" and not screen.export_button.isEnabled()
    ticks = []
    qtbot.waitUntil(lambda: ticks.append(1) or len(ticks) > 3)  # the event loop runs
    assert screen.loader.busy and screen.stats is None
    with qtbot.waitSignal(screen.loader.loaded):
        release.set()
    assert screen.stats.total == 2 and screen.export_button.isEnabled()


def test_a_period_clicked_past_is_never_shown(qtbot, incidents):
    gates = {label: threading.Event() for label in ("2026-11", "2026-12")}
    read = reader(incidents)

    def gated(period, hall):
        gates[period.label].wait(10)
        return read(period, hall)

    screen = make_screen(qtbot, gated)
    screen.show()  # November asked
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)  # December asked
    got = []
    screen.loader.loaded.connect(got.append)
    gates["2026-11"].set()
    with qtbot.waitSignal(screen.loader.loaded):
        gates["2026-12"].set()
    assert [s.period.label for s in got] == ["2026-12"] and screen.stats.total == 1


def test_a_failed_read_is_said_and_nothing_printed(qtbot, incidents):
    def broken(period, hall):
        raise OSError("database disk image is malformed")

    screen = make_screen(qtbot, broken)
    with qtbot.waitSignal(screen.loader.failed):
        screen.show()
    assert "未能读取统计数据：database disk image is malformed" in screen.summary.text()
    assert not screen.export_button.isEnabled() and screen.stats is None


def test_the_pdf_prints_the_numbers_on_screen(qtbot, incidents, tmp_path):
    asked = []
    tools = PdfTools(exporter=PdfExport(), generated_by=lambda: "李主管",
                     now=lambda: datetime(2026, 11, 20, 18, 0, tzinfo=HALL), zone=HALL,
                     ask_path=lambda parent, title, name, then: asked.append(name))
    screen = make_screen(qtbot, reader(incidents), pdf=tools)
    stats = shown(qtbot, screen)
    assert [b.shortcut().toString() for b in (screen.export_button, screen.print_button)] == [
        "Ctrl+E", "Ctrl+P"]
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert asked == ["统计月报-2026-11.pdf"]  # the save dialog, for the figures on screen
    job = statistics_job(stats, tools)
    assert job.name == "统计月报-2026-11.pdf"
    job.render(tmp_path / job.name, lambda pages: None)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / job.name), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert screen.summary.text() in text.replace("\n", "")
    for name, count, share in cells(screen.tables["category"])[:-1]:
        assert any(name in line and f" {count} " in line and share in line
                   for line in text.splitlines())


def test_an_incident_changed_outside_the_program_is_said_on_screen(qtbot, incidents, desk_db):
    desk_db[0].execute_sql("UPDATE incident SET is_drill = 1 WHERE number = '20261120-002'")
    screen = make_screen(qtbot, reader(incidents))
    stats = shown(qtbot, screen)
    assert stats.total == 1 and stats.altered == ("20261120-002",)
    assert "完整性校验：未通过" in screen.summary.text()
    assert "20261120-002" in screen.summary.text()
