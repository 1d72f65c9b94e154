"""Nothing lost: a desk process killed right after a press keeps every press it made."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers.hall import HALL

HELPER = Path(__file__).resolve().parents[1] / "helpers" / "press_then_wait.py"
EXPECTED = ["started", "step_checked", "called", "note", "step_unchecked"]


@pytest.mark.parametrize("kill_after", [1, 2, 3, 4, 5])
def test_kill_right_after_a_press_loses_nothing(tmp_path, kill_after):
    db = tmp_path / "desk.db"
    child = subprocess.Popen([sys.executable, str(HELPER), str(db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for number in range(1, kill_after + 1):
            line = child.stdout.readline()
            assert line.strip() == f"pressed {number}", child.stderr.read()
            if number < kill_after:
                child.stdin.write("\n")
                child.stdin.flush()
        child.kill()  # SIGKILL: no clean shutdown, no chance to flush anything
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stdin.close()
        child.stderr.close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT kind, actor FROM timeline_entry WHERE kind NOT LIKE 'deadline%' "
                        "ORDER BY id").fetchall()
    assert [kind for kind, _ in rows] == EXPECTED[:kill_after]
    assert {actor for _, actor in rows} == {"张三"}
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    started = conn.execute("SELECT count(*) FROM deadline").fetchone()[0]
    assert started == 1  # the fire's 5-minute report clock was stored with the start
    conn.close()


TYPER = Path(__file__).resolve().parents[1] / "helpers" / "type_then_wait.py"


def test_kill_mid_typing_reopens_with_what_was_typed(qtbot, tmp_path, shipped_catalog):
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents.records import load_form
    from models.store.schema import open_database
    from models.store.tables import RecordData, RecordDraft, TimelineEntry
    from tests.helpers.wiring import record_form

    db = tmp_path / "desk.db"
    text = "保险柜旁现金短少约五千元，监控显示14:05有人靠近😟"
    child = subprocess.Popen([sys.executable, str(TYPER), str(db), text], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    child.kill()
    child.wait(timeout=30)
    errors = child.stderr.read()
    for stream in (child.stdin, child.stdout, child.stderr):
        stream.close()
    assert line.startswith("typed "), errors
    incident = int(line.split()[1])
    open_database(db)
    assert load_form(incident, HALL) == ({**load_form(incident, HALL)[0], "description": text},
                                         True)
    def stored():
        return (TimelineEntry.select().count(), RecordData.select().count(),
                [d.saved_at for d in RecordDraft.select()])

    before = stored()
    # The form asks the act for the hall's zone (to show times); it writes nothing.
    form = record_form(catalog=shipped_catalog, incident_id=incident,
                       act=lambda: Act(Who("", "", ""), datetime.now(UTC), HolidayCalendar()))
    qtbot.addWidget(form)
    assert form.editors["description"].toPlainText() == text
    assert form.message.text() == "已恢复上次未保存的内容。"
    assert stored() == before  # nothing is written when only reopening


NOTER = Path(__file__).resolve().parents[1] / "helpers" / "note_then_wait.py"


def test_kill_mid_quick_note_shows_it_again(qtbot, tmp_path, shipped_catalog):
    from models.clock.clocks import SystemClock
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database
    from tests.helpers.wiring import incident_controller
    from ui.emergency.guided_response import GuidedResponse

    db = tmp_path / "desk.db"
    text = "二楼东侧冒烟 已疏散"
    child = subprocess.Popen([sys.executable, str(NOTER), str(db), text], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline().strip()
    child.kill()  # Enter was never pressed
    child.wait(timeout=30)
    errors = child.stderr.read()
    for stream in (child.stdin, child.stdout, child.stderr):
        stream.close()
    assert line.startswith("typed "), errors
    open_database(db)
    clock = SystemClock()
    controller = incident_controller(catalog=shipped_catalog,
                                     plan=record_plan_version(shipped_catalog, clock.now()),
                                     clock=clock, who=lambda: None)
    guided = GuidedResponse(controller=controller)
    qtbot.addWidget(guided)
    guided.show_incident(int(line.split()[1]))
    assert guided.note.text() == text
