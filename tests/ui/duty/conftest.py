"""The whole desk with the clerk on duty, a fire running and its first report missed (the
alarm on), for the duty phone log's and the handover's windows."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore, put_on_duty
from tests.helpers.hall import HALL
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


@pytest.fixture
def clock():
    return FakeClock(WORKDAY)


@pytest.fixture
def store(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    put_on_duty(store, "李四")
    put_on_duty(store, "张三")
    return store


@pytest.fixture
def desk(qtbot, shipped_catalog, desk_db, clock, store):
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock)
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
    clock.advance(minutes=5, seconds=1)
    desk.deadlines.tick()
    assert desk.alarm_banner.isVisible() and desk.deadlines.alarming()
    return desk
