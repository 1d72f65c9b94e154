"""The approval panel after a program update: it says the program ships newer plans than the
hall's were built on and brings them up to date (what was not carried over listed); a draft
started before the update says it cannot be published, and submitting it says why."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from models.plans import drafts
from models.plans.running import running_plan
from models.services.plan_drafts import PlanDraftService
from tests.models.plans.plan_drafting import EDITOR, FIRST_STEP, T0
from tests.models.plans.plan_updating import STEP_3, installed, publish, ship
from ui.common.operations import Operations
from ui.plans.plan_editor_approval import ApprovalPanel
from ui.plans.plan_editor_session import DraftSession
from ui.plans.plan_editor_words import place_text


@pytest.fixture
def folder(tmp_path):
    return installed(tmp_path)


@pytest.fixture
def panel(qtbot, desk_db, folder):
    service = PlanDraftService(running=lambda: running_plan(folder),
                               now=lambda: T0 + timedelta(days=1))
    session = DraftSession(service=service, operations=Operations(report=lambda *a: None),
                           who=lambda: EDITOR)
    widget = ApprovalPanel(session=session, confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(widget)
    widget.resize(1230, 600)
    widget.show()
    return widget


def test_newer_shipped_plans_are_said_and_the_halls_brought_up_to_date(qtbot, panel, folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", STEP_3: "拨打119。",
                     "catalog.version": "2026.2"})
    panel.refresh()
    assert not panel.news.isVisible() and not panel.update_button.isVisible()
    ship(folder, "2027.1")
    panel.refresh()
    assert panel.news.isVisible() and panel.update_button.isVisible()
    assert "2027.1" in panel.news.text() and "2026.1" in panel.news.text()
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    draft = panel._session.draft()
    assert draft is not None and drafts.read(draft, FIRST_STEP) == "立即拨打119报警。"
    assert panel.message.property("tone") == "ok" and "2" in panel.message.text()
    assert panel.leftovers.isVisible()
    place = place_text(STEP_3, panel._session.names())  # the place in words
    assert "营业场所发生火灾" in place and place in panel.leftovers.text()
    assert "拨打119。" in panel.leftovers.text()
    assert not panel.update_button.isVisible()  # the draft open is the update: not again
    assert panel.submit_button.isEnabled()


def test_a_stale_draft_says_it_cannot_be_published_and_why(qtbot, panel, folder):
    draft = drafts.open_draft(running_plan(folder), EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    panel.refresh()
    assert not panel.news.isVisible()
    ship(folder, "2027.1")
    panel.refresh()
    assert panel.news.isVisible() and panel.news.property("tone") == "problem"
    assert "2026.1" in panel.news.text() and panel.update_button.isVisible()
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert panel.message.property("tone") == "problem" and "2026.1" in panel.message.text()
    assert drafts.get_draft(draft).status == "editing"


def test_a_plan_folder_changed_under_the_running_desk_does_not_break_the_panel(
        qtbot, panel, folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", "catalog.version": "2026.2"})
    fire = folder / "fire_safety.toml"
    fire.write_text(fire.read_text(encoding="utf-8")[:200], encoding="utf-8")  # cut short
    panel.refresh()  # the desk refuses that folder at its next start; here nothing is said
    assert not panel.news.isVisible() and not panel.update_button.isVisible()
