"""The whole desk lives in its clock's zone (main.py gives it the `timezone` setting's): the
day, the numbers, every time on screen and the PDFs' — none left on the default."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from models.store.tables import Incident
from tests.helpers.drawn import drawn
from ui.history.history_model import COLUMNS
from ui.window.desk import build_desk

NEW_YORK = ZoneInfo("America/New_York")
# Friday 20 November 22:30 in New York (a workday) is already Saturday the 21st, 11:30, in
# Shanghai (a holiday): a piece still reading the default zone shows the wrong day.
MOMENT = datetime(2026, 11, 21, 3, 30, tzinfo=UTC)


def test_a_desk_in_another_zone_shows_and_numbers_by_it(qtbot, tmp_path, shipped_catalog,
                                                         desk_db):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(MOMENT, zone=NEW_YORK),
                      confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(desk.window)
    desk.window.show()
    desk.start()
    desk.header.tick()
    assert desk.header.time.text() == "2026-11-20 22:30:00"
    assert not desk.timer_panel.day.property("holiday")  # Friday: a workday
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    drawn(qtbot, desk.window)  # the strip, just after the guided view's paint
    incident = Incident.get()
    assert incident.number == "20261120-001"
    assert desk.emergency.strip.buttons[incident.id].text().endswith("22:30")
    assert desk.emergency.guided.timeline.item(0).text().startswith("22:30:00")
    assert desk.incidents_screen.daily.first_day.date().toPython() == date(2026, 11, 20)
    history = desk.incidents_screen.history
    assert history.first_day.date().toPython() == date(2026, 11, 20)
    history.model.set_filter(history.current_filter())
    time_shown = history.model.data(history.model.index(0, COLUMNS.index("time")))
    assert time_shown == "2026-11-20 22:30"
    assert desk.drill_screen.today() == date(2026, 11, 20)
    assert desk.pdf.stamp()["zone"] == NEW_YORK
    desk.timer_panel.day_change.trigger()  # "today counts as a holiday"
    assert store.get("holiday_date") == "2026-11-20"
