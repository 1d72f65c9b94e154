"""A program update ships a newer library: a draft started before it is not published over
it (stale_base), and the hall's recorded changes are carried into a draft opened from the new
library where they still apply, the others listed (models.plans.updating)."""

from datetime import date, timedelta

import pytest

from models.plans import drafts, publishing, updating
from models.plans.drafts import DraftRefused
from models.plans.publishing import PublishRefused
from models.plans.running import running_plan
from models.plans.updating import Library
from models.store.tables import PlanChange
from tests.models.plans.plan_drafting import EDITOR, FIRST_STEP, MANAGER, T0
from tests.models.plans.plan_updating import NEW_STEP_3, STEP_3, installed, publish, ship


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


@pytest.fixture
def folder(tmp_path):
    return installed(tmp_path)


def refused(call, *args) -> tuple[str, str]:
    with pytest.raises(DraftRefused) as e:
        call(*args)
    return e.value.code, e.value.detail


# ---- stale_base ------------------------------------------------------------------------------

def test_a_draft_started_before_a_program_update_is_not_submitted_over_it(folder):
    draft = drafts.open_draft(running_plan(folder), EDITOR, T0)
    drafts.change(draft, FIRST_STEP, "立即拨打119报警。", EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    assert updating.stale_reason(draft, running_plan(folder)) == ""
    ship(folder, "2027.1")
    assert refused(publishing.submit, draft, EDITOR, T0, running_plan(folder)) == (
        "stale_base", "2026.1")
    assert [a.act for a in publishing.acts(draft)] == []


def test_a_draft_approved_before_a_program_update_is_not_published_over_it(folder):
    draft = drafts.open_draft(running_plan(folder), EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    drafts.change(draft, FIRST_STEP, "立即拨打119报警。", EDITOR, T0)
    publishing.submit(draft, EDITOR, T0, running_plan(folder))
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, T0 + timedelta(minutes=1))
    ship(folder, "2027.1")
    assert refused(publishing.publish, draft, EDITOR, T0 + timedelta(minutes=2),
                   running_plan(folder)) == ("stale_base", "2026.1")
    assert not running_plan(folder).published


# ---- what the hall runs and what the program ships -------------------------------------------

def test_the_shipped_library_newer_than_the_base_of_the_halls_plans_is_said(folder):
    assert updating.library_news(running_plan(folder)) is None  # it runs the shipped plans
    shipped_then = running_plan(folder).catalog.digest
    publish(folder, {FIRST_STEP: "立即拨打119报警。", "catalog.version": "2026.2"})
    assert updating.library_news(running_plan(folder)) is None  # built on what is shipped
    ship(folder, "2027.1")
    base, shipped = updating.library_news(running_plan(folder))
    assert base == Library("2026.1", shipped_then)
    assert shipped.version == "2027.1" and shipped.digest != shipped_then


def test_an_update_replays_the_halls_changes_where_they_apply_and_lists_the_others(folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", STEP_3: "拨打119。",
                     "role.clerk.number": "8001", "catalog.revised": date(2026, 12, 1),
                     "catalog.version": "2026.2"})
    ship(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    draft = done.draft
    assert (done.carried, done.library.version) == (3, "2027.1")
    assert drafts.read(draft, "catalog.revised") == date(2026, 12, 1)  # a date again
    assert drafts.read(draft, FIRST_STEP) == "立即拨打119报警。"
    assert drafts.read(draft, "role.clerk.number") == "8001"
    assert drafts.read(draft, STEP_3) == NEW_STEP_3  # the program's, not silently the hall's
    assert [(x.where, x.reason, x.now, x.new) for x in done.leftovers] == [
        (STEP_3, "changed", NEW_STEP_3, "拨打119。"),
        ("catalog.version", "changed", "2027.1", "2026.2")]
    assert updating.leftovers(draft) == list(done.leftovers)  # kept with the act
    assert [c.where for c in drafts.changes(draft)] == [FIRST_STEP, "role.clerk.number",
                                                        "catalog.revised"]
    assert [a.act for a in publishing.acts(draft)] == ["updated"]
    assert refused(updating.update, running_plan(folder), EDITOR, T0 + timedelta(days=1)) == (
        "up_to_date", "2027.1")  # the draft brought up to date is open: not replaced again


def test_the_updated_draft_is_published_under_a_label_of_its_own(folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", "catalog.version": "2026.2"})
    ship(folder, "2027.1")
    draft = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1)).draft
    later = T0 + timedelta(days=1, hours=1)
    assert refused(publishing.submit, draft, EDITOR, later, running_plan(folder)) == (
        "same_version", "2027.1")  # the program's label names the program's text
    drafts.change(draft, "catalog.version", "2027.1-1", EDITOR, later)
    publishing.submit(draft, EDITOR, later, running_plan(folder))
    publishing.approve(draft, MANAGER, date(2026, 12, 2), EDITOR, later)
    publishing.publish(draft, EDITOR, later, running_plan(folder))
    plan = running_plan(folder).catalog
    assert plan.situation("fire").steps[0].text == "立即拨打119报警。"
    assert plan.situation("fire").steps[3].text == NEW_STEP_3
    assert updating.library_news(running_plan(folder)) is None
    assert refused(updating.update, running_plan(folder), EDITOR, later)[0] == "up_to_date"


def test_an_update_replays_every_published_draft_in_order(folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", "catalog.version": "2026.2"})
    publish(folder, {FIRST_STEP: "立即拨打119火警电话。", "catalog.version": "2026.3"},
            now=T0 + timedelta(hours=1))
    ship(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    assert drafts.read(done.draft, FIRST_STEP) == "立即拨打119火警电话。"
    assert done.carried == 2


def test_an_update_carries_the_open_stale_draft_and_discards_it(folder):
    stale = drafts.open_draft(running_plan(folder), EDITOR, T0)
    drafts.change(stale, FIRST_STEP, "立即拨打119报警。", EDITOR, T0)
    ship(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    assert done.replaced == stale.id
    assert drafts.get_draft(stale).status == "discarded"
    assert drafts.read(done.draft, FIRST_STEP) == "立即拨打119报警。"
    assert drafts.open_draft_now().id == done.draft.id
    assert updating.stale_reason(done.draft, running_plan(folder)) == ""


def test_an_up_to_date_hall_is_told_so_and_nothing_is_written(folder):
    drafts.open_draft(running_plan(folder), EDITOR, T0)  # fresh, not stale
    changes = PlanChange.select().count()
    assert refused(updating.update, running_plan(folder), EDITOR, T0)[0] == "up_to_date"
    assert PlanChange.select().count() == changes and drafts.open_draft_now().status == "editing"


def test_an_updated_draft_is_stale_once_the_program_ships_again(folder):
    publish(folder, {FIRST_STEP: "立即拨打119报警。", "catalog.version": "2026.2"})
    ship(folder, "2027.1")
    draft = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1)).draft
    drafts.change(draft, "catalog.version", "2027.1-1", EDITOR, T0 + timedelta(days=1))
    ship(folder, "2027.2", step_3="立即拨打119。")
    assert refused(publishing.submit, draft, EDITOR, T0 + timedelta(days=2),
                   running_plan(folder)) == ("stale_base", "2027.1")


def test_publish_refusals_are_publish_refusals(folder):
    draft = drafts.open_draft(running_plan(folder), EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    ship(folder, "2027.1")
    with pytest.raises(PublishRefused):
        publishing.submit(draft, EDITOR, T0, running_plan(folder))
