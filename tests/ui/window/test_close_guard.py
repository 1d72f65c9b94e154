"""Closing the desk while something runs asks and offers to minimise; with nothing running
it quits at once (once it quit at once whatever ran, and nothing rang until reopened)."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from models.clock.clocks import FakeClock
from models.store.settings import SettingsStore
from tests.helpers.hall import HALL
from ui.window.desk import build_desk

WORKDAY = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


@pytest.fixture
def desk(qtbot, tmp_path, shipped_catalog, desk_db):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store,
                      clock=FakeClock(WORKDAY))
    qtbot.addWidget(desk.window)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.start()
    return desk


def question(desk) -> QMessageBox:
    box = desk.window.findChild(QMessageBox, "closeQuestion")
    assert box is not None and box.isVisible()
    assert not box.isModal() and QApplication.activeModalWidget() is None
    return box


def test_nothing_running_quits_at_once(desk):
    assert desk.window.close()
    assert not desk.window.isVisible()
    assert desk.window.findChild(QMessageBox, "closeQuestion") is None


def test_a_running_incident_asks_and_minimises(qtbot, desk):
    desk.emergency.start("fire")
    assert not desk.window.close()  # refused: asked instead
    assert desk.window.isVisible()
    box = question(desk)
    assert box.text().startswith("1 起事件正在处置")
    assert box.defaultButton().objectName() == "minimiseButton"
    box.findChild(QPushButton, "minimiseButton").click()
    assert desk.window.isVisible() and desk.window.isMinimized()


def test_keep_open_then_quit_all_the_same(qtbot, desk):
    desk.emergency.start("fire")
    desk.window.close()
    question(desk).findChild(QPushButton, "keepOpenButton").click()
    assert desk.window.isVisible() and not desk.window.isMinimized()
    desk.window.close()
    question(desk).findChild(QPushButton, "quitButton").click()
    assert not desk.window.isVisible()


def test_an_open_deadline_alone_asks_too(qtbot, desk):
    """A resolved incident owing a report keeps the desk's clock running."""
    desk.emergency.start("agitated_customer")  # reported once handling is finished
    desk.incidents.resolve(desk.emergency.guided.incident_id)
    assert desk.incidents.open_incidents() == [] and desk.deadlines.views
    assert not desk.window.close()
    qtbot.keyClick(question(desk), Qt.Key.Key_Escape)  # Esc keeps it open
    assert desk.window.isVisible()


def test_an_alarm_brings_the_minimised_desk_back(qtbot, tmp_path, shipped_catalog, desk_db):
    """"Minimise (keep watching)": a deadline missed while minimised shows the desk again
    (seen under openbox: the alarm rang — a beep where no sound device — behind an icon)."""
    from datetime import timedelta

    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(WORKDAY)
    desk = build_desk(catalog=shipped_catalog, plan=desk_db[1], store=store, clock=clock)
    qtbot.addWidget(desk.window)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    desk.start()
    desk.emergency.start("fire")
    desk.window.close()
    question(desk).findChild(QPushButton, "minimiseButton").click()
    assert desk.window.isMinimized()
    desk.deadlines.tick()  # nothing missed yet: it stays minimised
    assert desk.window.isMinimized()
    clock.advance(timedelta(minutes=30))
    desk.deadlines.tick()
    assert desk.deadlines.alarming()
    assert not desk.window.isMinimized()
