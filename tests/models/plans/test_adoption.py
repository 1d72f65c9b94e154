"""A situation another kind of hall's documents describe, adopted by a hall whose own
documents do not (a bank's have no robbery): its steps keep their citations, the steps and
calls of roles the hall lacks are left out and named, and once published the hall's desk
runs every step it adopted."""

from dataclasses import replace
from datetime import date, timedelta

from models.plans import drafts, publishing
from models.plans.adoption import adopt
from models.plans.editions import edition_scope, in_edition
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0, running

BANK = "bank_outlet"


def _bank(shipped_catalog, shipped_editions):
    return edition_scope(shipped_catalog, shipped_editions.get(BANK))


def test_a_bank_adopts_the_robbery_whole_with_its_citations(shipped_catalog,
                                                             shipped_editions):
    scope = _bank(shipped_catalog, shipped_editions)
    robbery = shipped_catalog.situation("robbery")
    assert "robbery" not in scope.situations  # the bank's documents have none
    adopted = adopt(robbery, "hall_1", scope.roles, scope.situations)
    assert adopted.left_out == ()
    assert [st["text"] for st in adopted.value["step"]] == [st.text for st in robbery.steps]
    assert [st["source"] for st in adopted.value["step"]] == [st.source for st in robbery.steps]
    assert adopted.value["step"][0]["call"] == ["police", "superior"]
    assert (adopted.value["key"], adopted.value["default_level"]) == ("hall_1",
                                                                      robbery.default_level)


def test_steps_and_calls_of_roles_the_hall_lacks_are_left_out_and_named(shipped_catalog,
                                                                         shipped_editions):
    scope = _bank(shipped_catalog, shipped_editions)
    assaulted = shipped_catalog.situation("staff_assaulted")
    adopted = adopt(assaulted, "hall_1", scope.roles, scope.situations)
    kept = [st["text"] for st in adopted.value["step"]]
    for step in assaulted.steps:
        taken = step.role in scope.roles
        assert (step.text in kept) == taken and (step.text in adopted.left_out) != taken
    for step in adopted.value["step"]:
        assert set(step.get("call", ())) <= set(scope.roles)
        assert step.get("role", "clerk") in scope.roles
    assert adopted.left_out  # the colleague's and the line head's steps
    assert adopted.value["about"][0] == {"source": "gas:三", "text": assaulted.about[0].text,
                                         "supplies": ["保险柜"]}
    assert len(adopted.value["about"]) == len(assaulted.about)


def test_the_hall_keeps_what_the_adopted_situations_document_says_of_it(shipped_catalog,
                                                                        shipped_editions):
    """An edition keeps a hall's own situation's `about` whole, whichever document it cites."""
    bank = shipped_editions.get(BANK)
    scope = edition_scope(shipped_catalog, bank)
    assaulted = shipped_catalog.situation("staff_assaulted")
    own = type(assaulted)(**{**assaulted.__dict__, "key": "hall_1", "sources": ()})
    library = type(shipped_catalog)(**{**shipped_catalog.__dict__, "_index": {},
                                       "situations": (*shipped_catalog.situations, own)})
    assert "staff_assaulted" not in scope.situations
    assert in_edition(library, shipped_editions, BANK).situation("hall_1").about == \
        assaulted.about


def test_a_step_switching_to_a_situation_the_hall_lacks_is_left_out(shipped_catalog):
    sit = next(s for s in shipped_catalog.situations if any(st.switch_to for st in s.steps))
    switch = next(st for st in sit.steps if st.switch_to)
    roles = {r.key for r in shipped_catalog.roles}
    others = {s.key for s in shipped_catalog.situations}
    assert switch.text not in adopt(sit, "hall_1", roles, others).left_out
    assert switch.text in adopt(sit, "hall_1", roles, others - {switch.switch_to}).left_out


def test_published_the_bank_desk_runs_every_adopted_step(desk_db, shipped_catalog,
                                                        shipped_editions):
    scope = _bank(shipped_catalog, shipped_editions)
    adopted = adopt(shipped_catalog.situation("robbery"), "hall_1", scope.roles,
                    scope.situations)
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.hall_1", adopted.value, EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    publishing.submit(draft, EDITOR, T0, running())
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, T0 + timedelta(hours=1))
    publishing.publish(draft, EDITOR, T0 + timedelta(hours=2), running())
    desk = in_edition(running().catalog, shipped_editions, BANK)
    sit = desk.situation("hall_1")
    assert [st.text for st in sit.steps] == [st["text"] for st in adopted.value["step"]]
    assert sit.steps[0].call == ("police", "superior")
    assert "robbery" not in {s.key for s in desk.situations}  # the library's own stays out
    assert {r.key for r in desk.roles} == set(scope.roles)  # no role of another hall


def test_every_library_situation_adopted_whole_loads_back_as_it_was(desk_db, shipped_catalog):
    """With every role and situation at hand nothing is left out: each situation's copy,
    through the draft's own checks, has the library's steps (who, calls, words, conditions,
    switches, sources, after-marks), words to say and documents' words — under its new key
    and citing no document of its own."""
    roles = {r.key for r in shipped_catalog.roles}
    situations = {s.key for s in shipped_catalog.situations}
    draft = drafts.open_draft(running(), EDITOR, T0)
    for n, sit in enumerate(shipped_catalog.situations, start=1):
        adopted = adopt(sit, f"hall_{n}", roles, situations)
        assert adopted.left_out == ()
        drafts.change(draft, f"situation.hall_{n}", adopted.value, EDITOR, T0)
    copies = drafts.draft_catalog(draft)
    for n, sit in enumerate(shipped_catalog.situations, start=1):
        copy = copies.situation(f"hall_{n}")
        assert copy.steps == sit.steps, sit.key
        assert (copy.scripts, copy.about, copy.sources) == (sit.scripts, sit.about, ())
        assert (copy.name, copy.short, copy.category, copy.default_level) == (
            sit.name, sit.short, sit.category, sit.default_level)
    assert any(st.role != "clerk" for s in shipped_catalog.situations for st in s.steps)
    with_words = replace(shipped_catalog.situation("robbery"), scripts=("请您不要惊慌。",))
    assert adopt(with_words, "hall_1", roles, situations).value["scripts"] == ["请您不要惊慌。"]
