"""Published from the editor, the desk offers (without blocking) to start again with the new
version; a restart while an incident runs keeps that incident on the version it ran, while a
new incident runs the new one."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from models.clock.clocks import FakeClock
from models.incidents.response import keeping_running
from models.plans.running import running_plan
from models.plans.versions import record_plan_version
from models.store.paths import default_plans_dir
from models.store.settings import SettingsStore
from models.store.tables import Incident
from tests.models.plans.plan_drafting import approved_draft
from ui.window.desk import build_desk

WITH_INCIDENTS = ("Version {0} is published. Start the desk again now to run it? It takes a few "
                  "seconds; new incidents then follow version {0}. The {1} incident(s) running "
                  "keep the version they ran; their deadlines carry on and ring in the new desk.")
AFTER_APPROVAL = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # approved_draft: T0 + 1 h


translate = QCoreApplication.translate


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def start_desk(qtbot, tmp_path):
    """Builds a desk as main.py does at each start: the plans it runs, their stored version,
    the situations incidents still follow. Returns (desk, its plan version, questions asked,
    restarts asked for)."""
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")

    def start(clock=None):
        clock = clock or FakeClock(AFTER_APPROVAL)
        catalog = running_plan(default_plans_dir()).catalog
        plan = record_plan_version(catalog, clock.now())
        asked, restarts = [], []

        def confirm(parent, title, text, then):
            asked.append((title, text))
            then()

        desk = build_desk(catalog=keeping_running(catalog), plan=plan, store=store,
                          clock=clock, confirm=confirm, restart=lambda: restarts.append(1),
                          running=lambda: running_plan(default_plans_dir()))
        qtbot.addWidget(desk.window)
        desk.window.resize(1366, 768)
        desk.window.show()
        desk.start()
        return desk, plan, asked, restarts

    return start


def publish_from_the_editor(qtbot, desk):
    desk.window.show_screen("plans")
    screen = desk.window.screen("plans")
    click(qtbot, screen.browser.edit_button)
    screen.editor.show_page("approval")
    with qtbot.waitSignal(screen.editor.approval.published):
        click(qtbot, screen.editor.approval.publish_button)


def test_publishing_offers_to_run_it_now_and_running_incidents_keep_their_version(
        qtbot, desk_db, start_desk):
    approved_draft()
    desk, old_plan, asked, restarts = start_desk()
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])  # an incident runs
    (running_incident,) = Incident.select()
    publish_from_the_editor(qtbot, desk)
    title, text = asked[-1]
    assert title == translate("Desk", "Run the new plans now?") and restarts == [1]
    assert text == translate("Desk", WITH_INCIDENTS).format("2026.2", 1)
    assert desk.window.findChild(QMessageBox, "closeQuestion") is None  # not "close the desk?"
    assert desk.window.close()  # the restart's close is not held by the incident running

    new_desk, new_plan, _, _ = start_desk()  # the desk as it starts again
    assert (new_plan.version, old_plan.version) == ("2026.2", "2026.1")
    click(qtbot, new_desk.emergency.home.urgent_buttons["robbery"])
    started = Incident.select().order_by(Incident.id.desc()).first()
    assert started.plan_id == new_plan.id
    assert Incident.get_by_id(running_incident.id).plan_id == old_plan.id
    assert any(v.incident_id == running_incident.id for v in new_desk.deadlines.views)


def test_no_restart_is_offered_while_a_drill_runs(qtbot, desk_db, start_desk):
    approved_draft()
    from models.drills.scenarios import load_library

    desk, _, asked, restarts = start_desk()
    library = running_plan(default_plans_dir()).catalog
    scenarios, _ = load_library(default_plans_dir() / "drills", None, library)
    assert desk.drills.start(scenarios[0], 1, "李四")  # a restart would end the drill
    publish_from_the_editor(qtbot, desk)
    assert restarts == [] and translate("Desk", "Run the new plans now?") not in dict(asked)
    desk.drills.stop()


def test_a_yes_given_after_a_drill_started_does_not_end_the_drill(qtbot, desk_db, tmp_path):
    """The offer does not block: it may still be open when a drill starts; its "yes" then
    must not start the desk again (the drill's run would end)."""
    from models.drills.scenarios import load_library

    approved_draft()
    store = SettingsStore(tmp_path / "settings.json")
    store.set("clerk_on_duty", "张三")
    clock = FakeClock(AFTER_APPROVAL)
    catalog = running_plan(default_plans_dir()).catalog
    questions, restarts = [], []
    offer = translate("Desk", "Run the new plans now?")

    def confirm(parent, title, text, then):  # the offer stays open; the others answered
        questions.append((title, then)) if title == offer else then()

    desk = build_desk(catalog=keeping_running(catalog),
                      plan=record_plan_version(catalog, clock.now()), store=store,
                      clock=clock, restart=lambda: restarts.append(1),
                      confirm=confirm,
                      running=lambda: running_plan(default_plans_dir()))
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.start()
    publish_from_the_editor(qtbot, desk)
    ((_, yes),) = questions
    scenarios, _ = load_library(default_plans_dir() / "drills", None, catalog)
    assert desk.drills.start(scenarios[0], 1, "李四")  # started while the offer is open
    yes()
    assert restarts == [] and desk.drills.running
    desk.drills.stop()
