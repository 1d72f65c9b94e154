"""A hall's change to a field of a step (or deadline, threshold) is carried by what the step
is, not by its position: a program update that adds a step before it must not move the hall's
mark onto the step now standing there (models.plans.updating)."""

from datetime import timedelta

import pytest

from models.plans import drafts, updating
from models.plans.running import running_plan
from tests.models.plans.plan_drafting import EDITOR, T0
from tests.models.plans.plan_updating import NEW_STEP_3, installed, labelled, publish, ship


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


def ship_with_inserted_step(folder, version):
    fire = folder / "fire_safety.toml"
    text = fire.read_text(encoding="utf-8")
    first = text.index("[[situation.step]]")
    text = (text[:first] + '[[situation.step]]\ntext = "新增的第一步。"\n'
            'source = "' + _source(text, first) + '"\n\n' + text[first:])
    fire.write_text(text, encoding="utf-8")
    labelled(folder, version)


def _source(text, first):
    at = text.index("source = ", first)
    return text[at:].split('"')[1]


def test_a_hall_mark_follows_its_step_when_the_program_adds_one_before_it(tmp_path):
    folder = installed(tmp_path)
    marked = running_plan(folder).catalog.situation("fire").steps[8].text
    publish(folder, {"situation.fire.step.8.after": True, "catalog.version": "2026.2"})
    ship_with_inserted_step(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    steps = drafts.draft_catalog(done.draft).situation("fire").steps
    assert steps[0].text == "新增的第一步。" and steps[9].text == marked
    assert not steps[8].after  # before: the hall's mark landed on this step (初期扑救)
    assert steps[9].after
    assert [c.where for c in drafts.changes(done.draft)] == ["situation.fire.step.9.after"]


def test_a_mark_on_a_step_the_program_changed_is_listed_not_put_elsewhere(tmp_path):
    folder = installed(tmp_path)
    publish(folder, {"situation.fire.step.8.after": True, "catalog.version": "2026.2"})
    fire = folder / "fire_safety.toml"
    fire.write_text(fire.read_text(encoding="utf-8").replace(
        '"启动消防栓和灭火器。"', '"启动消防栓和灭火器扑救。"', 1), encoding="utf-8")
    ship_with_inserted_step(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    steps = drafts.draft_catalog(done.draft).situation("fire").steps
    assert not any(step.after for step in steps[:12])
    assert ("situation.fire.step.8.after", "changed") in {
        (left.where, left.reason) for left in done.leftovers}


def test_a_mark_follows_its_step_when_the_program_changed_another_field_of_it(tmp_path):
    folder = installed(tmp_path)
    publish(folder, {"situation.fire.step.8.after": True, "catalog.version": "2026.2"})
    fire = folder / "fire_safety.toml"
    fire.write_text(fire.read_text(encoding="utf-8").replace(
        'text = "启动消防栓和灭火器。"', 'text = "启动消防栓和灭火器。"\ncall = ["security"]', 1),
        encoding="utf-8")
    ship_with_inserted_step(folder, "2027.1")
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    step = drafts.draft_catalog(done.draft).situation("fire").steps[9]
    assert (step.text, step.call, step.after) == ("启动消防栓和灭火器。", ("security",), True)


def test_a_mark_follows_its_step_through_two_program_updates_before_publishing(tmp_path):
    """The draft of the first update still open (stale) when a second program update comes:
    the hall's published changes and the draft's own each follow the steps they were made on."""
    folder = installed(tmp_path)
    marked = running_plan(folder).catalog.situation("fire").steps[8].text
    publish(folder, {"situation.fire.step.8.after": True, "catalog.version": "2026.2"})
    ship_with_inserted_step(folder, "2027.1")
    first = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    drafts.change(first.draft, "situation.fire.step.3.condition", "火势较小", EDITOR,
                  T0 + timedelta(days=1))  # the hall's own, on the first update's draft
    on_3 = drafts.draft_catalog(first.draft).situation("fire").steps[3].text
    ship_with_inserted_step(folder, "2027.2")  # one more step before them all
    second = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=2))
    steps = drafts.draft_catalog(second.draft).situation("fire").steps
    assert [s.text for s in steps if s.after and s.text in (marked,)] == [marked]
    assert [s.text for s in steps[:12] if s.after] == [marked]
    assert [s.text for s in steps if s.condition == "火势较小"] == [on_3]


def test_a_field_of_a_step_the_program_only_reworded_is_carried_onto_it(tmp_path):
    """Every other step stands as it stood: the reworded one is the same step."""
    folder = installed(tmp_path)
    publish(folder, {"situation.fire.step.3.condition": "火势较大", "catalog.version": "2026.2"})
    ship(folder, "2027.1")  # step 3 reworded (立即拨打119火警电话报警...)
    done = updating.update(running_plan(folder), EDITOR, T0 + timedelta(days=1))
    step = drafts.draft_catalog(done.draft).situation("fire").steps[3]
    assert (step.text, step.condition) == (NEW_STEP_3, "火势较大")
