"""The print preview on the whole desk: it opens over the screen area only (the header, the
alarm banner and 110 / 119 / 120 stay in sight), an alarm arriving while it is open rings and
shows, F9–F12 reach it from the preview, and the bar's buttons take a click (not modal)."""

import json
from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from models.store.tables import TimelineEntry
from tests.helpers.hall import HALL
from ui.common.print_preview import show_print_preview
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


@pytest.fixture
def clock():
    return FakeClock(WORKDAY)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db, clock, async_loop):
    """The desk with a fire running (its first report due in 5 minutes, no alarm yet) and
    the daily log's print preview open, a printer installed."""
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock)
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    assert not desk.deadlines.alarming()
    desk.pdf.print_dir = lambda: tmp_path / "print"
    desk.pdf.preview = lambda parent, path, viewer: show_print_preview(
        parent, path, open_in_viewer=viewer, printers=lambda: ["Front desk printer"])
    desk.window.show_screen("incidents")
    daily = desk.incidents_screen.daily
    desk.incidents_screen.tabs.setCurrentWidget(daily)
    daily.show_days(date(2026, 11, 20), date(2026, 11, 20))
    with qtbot.waitSignal(desk.pdf.exporter.finished, timeout=20000):
        qtbot.mouseClick(daily.print_button, Qt.MouseButton.LeftButton)
    desk.preview = daily.export_bar.preview
    with qtbot.waitSignal(desk.preview.pages_ready, timeout=20000):
        pass
    yield desk
    qtbot.waitUntil(lambda: not desk.pdf.exporter.busy)


def calls(incident_id):
    return [json.loads(e.data)["number"] for e in
            TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                         TimelineEntry.kind == "called")]


def global_rect(widget):
    return widget.rect().translated(widget.mapToGlobal(QPoint(0, 0)))


def test_the_preview_covers_the_screen_area_only(desk):
    preview = desk.preview
    assert preview.isVisible() and preview.isWindow() and not preview.isModal()
    assert preview.view.pageCount() >= 1
    area = global_rect(preview)
    for kept in (desk.header, desk.emergency.numbers):  # the header and the 110/119/120 bar
        assert not area.intersects(global_rect(kept)), kept.objectName()


def test_an_alarm_while_the_preview_is_open_rings_shows_and_the_keys_reach(qtbot, desk,
                                                                          clock):
    preview = desk.preview
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    clock.advance(minutes=5, seconds=1)  # the report to the group leader is missed
    desk.deadlines.tick()
    assert desk.deadlines.alarming() and desk.sound.playing
    assert desk.alarm_banner.isVisible()
    assert not global_rect(preview).intersects(global_rect(desk.alarm_banner))
    assert preview.isVisible()  # the alarm does not close the clerk's preview
    incident_id = desk.emergency.guided.incident_id
    before = calls(incident_id)
    field = preview.view
    for key in (Qt.Key.Key_F10, Qt.Key.Key_F11, Qt.Key.Key_F12):
        qtbot.keyClick(field, key)
    assert calls(incident_id) == [*before, "110", "119", "120"]
    with qtbot.waitSignal(desk.alarm_banner.acknowledge):
        qtbot.keyClick(field, Qt.Key.Key_F9)
    assert not desk.deadlines.alarming() and not desk.sound.playing


def test_the_bar_takes_a_click_while_the_preview_is_open(qtbot, desk):
    assert QApplication.activeModalWidget() is None
    incident_id = desk.emergency.guided.incident_id
    before = calls(incident_id)
    qtbot.mouseClick(desk.emergency.numbers.buttons["119"], Qt.MouseButton.LeftButton)
    assert calls(incident_id) == [*before, "119"]
    assert desk.preview.isVisible()


def test_the_print_dialog_blocks_the_preview_only(qtbot, desk):
    """Qt's print dialog is modal to the preview, not to the desk: 110/119/120 still take a
    click while the clerk chooses the printer."""
    from PySide6.QtPrintSupport import QPrintDialog

    desk.preview.ask_printer()
    dialog = desk.preview.findChild(QPrintDialog, "previewPrintDialog")
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    incident_id = desk.emergency.guided.incident_id
    before = calls(incident_id)
    qtbot.mouseClick(desk.emergency.numbers.buttons["120"], Qt.MouseButton.LeftButton)
    assert calls(incident_id) == [*before, "120"]
    dialog.reject()
    assert not desk.preview.printing  # cancelled: nothing printed
