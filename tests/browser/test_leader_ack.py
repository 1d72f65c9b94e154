"""The leader's "收到" end to end, with every part real: a hub process on a SQLite file, a
desk on its own file enrolled at it (the guided view offscreen, the sync engine as the desk
runs it), and a phone's browser. The clerk shares the read-out; the phone opens the address
the desk shows, the leader types a name and taps 收到; the desk pulls it, records who and
when, and its report deadline is met; the phone then says 已记入处置台.

A screenshot of the phone's page is kept for a person to look at:
SCREENSHOT_DIR (default /tmp/ed-screens) / leader_page_*.png."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.services.sync import SyncService
from models.store.tables import Deadline, TimelineEntry
from tests.helpers.hub_process import ROOT, start_hub
from tests.helpers.wiring import incident_controller

WHO = Who("城东营业厅", "1号台", "张三")
WAIT = 30  # seconds any one step may take on a loaded machine before the test fails
SCREENS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/ed-screens"))


@pytest.fixture
def chinese(qapp):
    """The desk's language for this test only (the read-out is worded in it)."""
    from ui.common.i18n import install_translations

    before = set(qapp.findChildren(QTranslator))
    assert install_translations(qapp, "zh_CN")
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)


@pytest.fixture
def clock():
    """The desk's clock: its own time, far from the hub's (the offset carries it over)."""
    return FakeClock(datetime(2026, 11, 20, 4, 0, tzinfo=UTC))


@pytest.fixture
def hub(tmp_path):
    running = start_hub(tmp_path / "hub.db")
    yield running
    running.stop()


def enrolment_code(hub_db: Path) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "code", "--db",
                           str(hub_db)], cwd=ROOT, capture_output=True, text=True, timeout=WAIT)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def until(check, what: str):
    """Poll `check` until it returns something true; fail naming `what` after WAIT s."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if found := check():
            return found
    raise AssertionError(f"not within {WAIT} s: {what}")


def test_a_leader_acknowledges_on_a_phone(qtbot, chinese, hub, phone, desk_db,
                                          shipped_catalog, clock, tmp_path):
    from selenium.webdriver.common.by import By

    from ui.emergency.guided_response import GuidedResponse

    controller = incident_controller(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                                     who=lambda: WHO)
    sync = SyncService(database=desk_db[0].database, now=clock.now,
                       incidents=controller.service)
    sync.enrol(hub.url, enrolment_code(tmp_path / "hub.db"), desk_name="1号台")

    def sync_round(wait: float = 0):
        """One round as the desk's controller runs it: push, pull, keep, apply."""
        engine = sync.engine()
        try:
            report = engine.round(wait=wait)
        finally:
            engine.close()
        assert not report.error, report.error
        sync.keep(report.progress, now=True)
        sync.apply(report.events, report.offset)
        return report

    # the clerk: a fire, its read-out shared from the dialog, the desk's record pushed
    guided = GuidedResponse(controller=controller)
    qtbot.addWidget(guided)
    incident = controller.start("fire")
    guided.show_incident(incident)
    guided.open_readout()
    assert guided.readout_dialog.phone_button.isVisible()
    qtbot.mouseClick(guided.readout_dialog.phone_button, Qt.MouseButton.LeftButton)
    url = guided.readout_qr.url
    assert url.startswith(hub.url + "/r/")
    sync_round()

    # the leader's phone: the read-out, a name, 收到
    phone.get(url)
    assert phone.execute_script("return [window.innerWidth, window.innerHeight]") == [390, 844]
    assert "应急报告" in phone.title or "确认收到" in phone.title
    readout = phone.find_element(By.ID, "readout").text
    assert "营业场所" in readout and "一级" in readout
    SCREENS.mkdir(parents=True, exist_ok=True)
    phone.save_screenshot(str(SCREENS / "leader_page_1_readout.png"))
    name = phone.find_element(By.ID, "by")
    name.clear()
    name.send_keys("王经理")
    phone.find_element(By.ID, "ack").click()
    status = until(lambda: phone.find_elements(By.ID, "status"), "the page says it is received")
    assert "已收到" in status[0].text and "等待处置台记录" in status[0].text
    phone.save_screenshot(str(SCREENS / "leader_page_2_received.png"))

    # the desk pulls it, records it and meets the report; its record goes back to the hub
    until(lambda: sync_round().events and TimelineEntry.select().where(
        TimelineEntry.kind == "leader_received").exists(), "the desk records the receipt")
    received = TimelineEntry.get(TimelineEntry.kind == "leader_received")
    data = json.loads(received.data)
    assert (data["by"], data["role"]) == ("王经理", "group_leader")
    report = Deadline.get(Deadline.incident == incident, Deadline.key == "level_report")
    assert report.status == "met"
    met = json.loads(TimelineEntry.get(TimelineEntry.kind == "deadline_met").data)
    assert met["proof"]["ack"] == data["ack"] and met["late_seconds"] == 0
    assert sync_round().backlog == 0

    # the phone: recorded at the desk
    until(lambda: "已记入处置台" in phone.find_element(By.ID, "status").text,
          "the phone says the desk recorded it")
    phone.save_screenshot(str(SCREENS / "leader_page_3_recorded.png"))
    assert hub.errors().count("Traceback") == 0, hub.errors()
