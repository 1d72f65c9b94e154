"""The hall's draft: every change checked by the loader and recorded; nothing broken saved."""

import json
import sqlite3
from datetime import date, datetime

import peewee as pw
import pytest

from models.plans import drafts, publishing
from models.plans.drafts import DraftRefused
from models.plans.loader import load_catalog
from models.store.paths import default_plans_dir
from models.store.tables import PlanChange, PlanDraft
from tests.models.plans.plan_drafting import EDITOR, FIRST_STEP, T0, edited_draft, running


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


def stored() -> tuple[str, int]:
    """What is saved: the draft's texts and how many changes are recorded."""
    return PlanDraft.get().texts, PlanChange.select().count()


def test_a_draft_starts_as_the_running_plans_and_is_opened_again_not_twice():
    draft = drafts.open_draft(running(), EDITOR, T0)
    assert drafts.draft_catalog(draft) == load_catalog(default_plans_dir())
    assert drafts.draft_catalog(draft).digest == running().catalog.digest
    assert drafts.open_draft(running(), "别人", T0).id == draft.id
    assert PlanDraft.select().count() == 1 and draft.started_by == EDITOR


def test_a_change_is_saved_and_recorded_with_who_when_where_old_and_new():
    draft = drafts.open_draft(running(), EDITOR, T0)
    old = drafts.read(draft, FIRST_STEP)
    change = drafts.change(draft, "situation.fire.step.0.text", "立即拨打119。", EDITOR, T0)
    assert (change.by, change.at, change.where, change.old, change.new) == (
        EDITOR, T0, FIRST_STEP, old, "立即拨打119。")
    assert drafts.read(draft, ("situation", "fire", "step", 0, "text")) == "立即拨打119。"
    assert drafts.draft_catalog(draft).situation("fire").steps[0].text == "立即拨打119。"
    assert drafts.changes(draft) == [change]
    # the draft's own text keeps the plan file's comments and layout elsewhere
    text = drafts.get_draft(draft).texts["fire_safety.toml"]
    original = (default_plans_dir() / "fire_safety.toml").read_text(encoding="utf-8")
    assert text.replace("立即拨打119。", old) == original


@pytest.mark.parametrize(("where", "value", "field_path"), [
    ("level.1.report_within_minutes", -5, "level.1.report_within_minutes"),
    ("situation.fire.step.0.role", "nobody", "situation.fire.step.0.role"),
    ("situation.fire.short", "一二三四五六七八九", "situation.fire.short"),  # 9 > 8 characters
    ("situation.fire.default_level", 4, "situation.fire.default_level"),
    ("situation.fire.step.0.text", "", "situation.fire.step.0.text"),
    ("role.clerk.number", 110, "role.clerk.number"),
])
def test_a_change_that_breaks_a_rule_is_refused_with_its_field_and_nothing_saved(
        where, value, field_path):
    drafts.open_draft(running(), EDITOR, T0)
    before = stored()
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, where, value, EDITOR, T0)
    assert refused.value.code == "broken"
    assert [p.where for p in refused.value.problems] == [field_path]
    assert ".toml:" in str(refused.value.problems[0].problem)  # FILE:LINE of the draft's text
    assert stored() == before


def test_a_short_label_at_its_limit_is_accepted():
    drafts.open_draft(running(), EDITOR, T0)
    assert drafts.change(1, "situation.fire.short", "一二三四五六七八", EDITOR, T0)


def test_removing_a_role_still_named_elsewhere_names_every_field_that_needs_it():
    drafts.open_draft(running(), EDITOR, T0)
    before = stored()
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, "role.property", None, EDITOR, T0)
    wheres = {p.where for p in refused.value.problems}
    assert "situation.fire.step.0.call" in wheres and len(wheres) > 3
    assert stored() == before


def test_removing_a_situation_another_switches_to_is_refused():
    drafts.open_draft(running(), EDITOR, T0)
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, "situation.fire", None, EDITOR, T0)
    assert any(p.where.startswith("situation.explosion.step.") and p.where.endswith("switch_to")
               for p in refused.value.problems)


def test_the_same_value_again_records_nothing():
    draft = drafts.open_draft(running(), EDITOR, T0)
    assert drafts.change(draft, "catalog.version", "2026.1", EDITOR, T0) is None
    assert drafts.changes(draft) == []


def test_steps_added_and_removed_and_an_optional_field_back_to_its_default():
    draft = drafts.open_draft(running(), EDITOR, T0)
    steps = len(drafts.read(draft, "situation.fire.step"))
    drafts.change(draft, f"situation.fire.step.{steps}", {"text": "清点人数。", "after": True},
                  EDITOR, T0)
    assert drafts.draft_catalog(draft).situation("fire").steps[-1].text == "清点人数。"
    drafts.change(draft, f"situation.fire.step.{steps}.after", None, EDITOR, T0)
    assert drafts.draft_catalog(draft).situation("fire").steps[-1].after is False
    drafts.change(draft, "situation.fire.step.0", None, EDITOR, T0)
    assert len(drafts.draft_catalog(draft).situation("fire").steps) == steps
    assert [c.new for c in drafts.changes(draft)] == [{"text": "清点人数。", "after": True},
                                                     None, None]


def test_a_new_situation_goes_beside_those_of_its_category():
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.gas_smell", {
        "key": "gas_smell", "category": "fire_safety", "name": "闻到燃气味", "short": "燃气味",
        "default_level": 2, "step": [{"text": "开窗通风，不开关电器。"}]}, EDITOR, T0)
    assert 'key = "gas_smell"' in drafts.get_draft(draft).texts["fire_safety.toml"]
    assert drafts.draft_catalog(draft).situation("gas_smell").name == "闻到燃气味"


def test_supplies_and_dates_are_plain_data_in_the_record():
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.fire.supplies", ["灭火器", "防烟面罩"], EDITOR, T0)
    drafts.change(draft, "catalog.revised", date(2026, 12, 1), EDITOR, T0)
    assert [c.new for c in drafts.changes(draft)] == [["灭火器", "防烟面罩"], "2026-12-01"]
    assert drafts.draft_catalog(draft).info.revised == date(2026, 12, 1)


@pytest.mark.parametrize("where", ["situation.no_such.name", "situation.fire.step.99.text",
                                   "situation.fire.nothing.0.text", "weather.today",
                                   "catalog", "", "situation..name", "situation.fire.name.x"])
def test_a_path_that_names_nothing_is_refused(where):
    drafts.open_draft(running(), EDITOR, T0)
    before = stored()
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, where, "x", EDITOR, T0)
    assert refused.value.code == "bad_where"
    assert stored() == before


@pytest.mark.parametrize("value", [datetime(2026, 1, 1), object(), {1: "a"}, "字" * 20_001,
                                   float("nan"), [[[[[[[[[["deep"]]]]]]]]]]])
def test_a_value_that_is_not_plan_data_is_refused(value):
    drafts.open_draft(running(), EDITOR, T0)
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, "situation.fire.note", value, EDITOR, T0)
    assert refused.value.code == "bad_value"


@pytest.mark.parametrize("who", ["", "   ", None])
def test_a_change_names_who_makes_it(who):
    drafts.open_draft(running(), EDITOR, T0)
    with pytest.raises(DraftRefused) as refused:
        drafts.change(1, FIRST_STEP, "x", who, T0)
    assert refused.value.code == "who_required"


def test_a_submitted_draft_is_not_changed_until_withdrawn():
    draft = edited_draft()
    publishing.submit(draft, EDITOR, T0, running())
    with pytest.raises(DraftRefused) as refused:
        drafts.change(draft, FIRST_STEP, "再改", EDITOR, T0)
    assert refused.value.code == "not_editing"
    publishing.withdraw(draft, EDITOR, T0)
    assert drafts.change(draft, FIRST_STEP, "再改", EDITOR, T0)


def test_a_discarded_draft_is_closed_recorded_and_a_new_one_can_start():
    draft = edited_draft()
    drafts.discard(draft, EDITOR, T0)
    assert drafts.get_draft(draft).status == "discarded"
    assert drafts.open_draft_now() is None
    with pytest.raises(DraftRefused) as refused:
        drafts.change(draft, FIRST_STEP, "x", EDITOR, T0)
    assert refused.value.code == "closed"
    assert [a.act for a in publishing.acts(draft)] == ["discarded"]
    assert drafts.open_draft(running(), EDITOR, T0).id != draft.id


def test_a_draft_is_never_what_the_desk_runs():
    edited_draft()
    assert running().catalog == load_catalog(default_plans_dir())
    assert not running().published


def test_only_one_draft_is_open_even_when_written_in_by_hand(tmp_path):
    drafts.open_draft(running(), EDITOR, T0)
    with pytest.raises(pw.IntegrityError):
        PlanDraft.create(started_at=T0, started_by="x", base_version="", base_digest="",
                         texts="{}", open_slot=1, updated_at=T0)


def test_changes_are_append_only(tmp_path):
    edited_draft()
    conn = sqlite3.connect(tmp_path / "desk.db")
    for statement in ("UPDATE plan_change SET new = '\"x\"'", "DELETE FROM plan_change"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()
    assert json.loads(PlanChange.get_by_id(1).new) == "立即拨打119报警。"


def test_a_documents_description_is_edited_where_it_is_and_an_empty_one_refused():
    """Descriptions and supplies are each document's ([[situation.about]]): a hall edits
    the bank's words by their path; one saying nothing is refused, nothing saved."""
    draft = drafts.open_draft(running(), EDITOR, T0)
    fire = drafts.draft_catalog(draft).situation("fire")
    bank = next(i for i, a in enumerate(fire.about) if a.source == "bank:四.3")
    drafts.change(draft, f"situation.fire.about.{bank}.text", "营业网点突发火灾", EDITOR, T0)
    assert drafts.draft_catalog(draft).situation("fire").about[bank].text == "营业网点突发火灾"
    with pytest.raises(drafts.DraftRefused) as refused:
        drafts.change(draft, f"situation.fire.about.{bank}.text", "", EDITOR, T0)
    assert refused.value.code == "broken" and any(
        "about needs a 'text' or 'supplies'" in str(p) for p in refused.value.problems)
    assert drafts.draft_catalog(draft).situation("fire").about[bank].text == "营业网点突发火灾"


def test_a_step_longer_than_a_glance_is_refused_at_its_boundary(desk_db):
    """A 19,000-character step was published once and made a 6-page "one-page" wall board."""
    from models.plans.loader import STEP_TEXT_MAX

    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.fire.step.0.text", "火" * STEP_TEXT_MAX, EDITOR, T0)
    with pytest.raises(DraftRefused) as refused:
        drafts.change(draft, "situation.fire.step.0.text", "火" * (STEP_TEXT_MAX + 1), EDITOR, T0)
    assert refused.value.code == "broken"
    assert "split it into several steps" in str(refused.value.problems[0])
    assert drafts.read(draft, "situation.fire.step.0.text") == "火" * STEP_TEXT_MAX
