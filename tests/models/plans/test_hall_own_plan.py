"""The hall's own plan in its edition: a situation the hall adds in its draft (of no
document: no `sources`) and a step it adds to a library situation reach the desk of every
edition once published; the edition's scope says which deadlines and thresholds the hall
runs, by their library positions."""

from datetime import date, timedelta

from models.plans import drafts, publishing
from models.plans.editions import edition_catalog, edition_scope, in_edition
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0, running

BANK = "bank_outlet"
OWN = {"key": "hall_1", "category": "property", "name": "营业厅门禁失灵", "short": "门禁失灵",
       "default_level": 3, "step": [{"text": "通知网点负责人，安排人员值守门口。"}]}
OWN_STEP = {"text": "清点现场客户，做好登记。"}


def test_a_situation_of_no_document_is_every_editions(shipped_catalog, shipped_editions):
    """The boundary: the same situation citing a document the bank does not follow is cut."""
    own = shipped_catalog.situation("power_cut")
    hall = type(own)(**{**own.__dict__, "key": "hall_1", "sources": ()})
    library = type(shipped_catalog)(**{**shipped_catalog.__dict__,
                                       "situations": (*shipped_catalog.situations, hall),
                                       "_index": {}})
    for edition in shipped_editions.editions:
        assert "hall_1" in {s.key for s in edition_catalog(library, edition).situations}
    cited = type(own)(**{**hall.__dict__, "sources": ("gas:二",)})
    library = type(shipped_catalog)(**{**library.__dict__, "situations": (
        *shipped_catalog.situations, cited), "_index": {}})
    assert "hall_1" not in {s.key for s in in_edition(library, shipped_editions, BANK)
                            .situations}


def test_a_hall_adds_a_situation_and_a_step_publishes_and_its_desk_has_them(
        desk_db, shipped_editions):
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.hall_1", OWN, EDITOR, T0)
    steps = drafts.read(draft, "situation.fire.step")
    drafts.change(draft, f"situation.fire.step.{len(steps)}", OWN_STEP, EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    publishing.submit(draft, EDITOR, T0, running())
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, T0 + timedelta(hours=1))
    publishing.publish(draft, EDITOR, T0 + timedelta(hours=2), running())
    desk = in_edition(running().catalog, shipped_editions, BANK)
    assert desk.situation("hall_1").name == OWN["name"]
    assert [st.text for st in desk.situation("hall_1").steps] == [OWN["step"][0]["text"]]
    assert desk.situation("fire").steps[-1].text == OWN_STEP["text"]


def test_the_scope_keeps_the_deadlines_and_thresholds_the_bank_runs(shipped_catalog,
                                                                    shipped_editions):
    bank = shipped_editions.get(BANK)
    scope = edition_scope(shipped_catalog, bank)
    cut = edition_catalog(shipped_catalog, bank)
    library = shipped_catalog.situation("power_cut")
    assert library.timers and library.thresholds  # the gas hall's: not the bank's
    assert scope.timers["power_cut"] == () and scope.thresholds["power_cut"] == ()
    gas = edition_scope(shipped_catalog, shipped_editions.get("gas_hall"))
    assert gas.timers["power_cut"] == (0,) and gas.thresholds["power_cut"] == (0,)
    for sit in cut.situations:
        own = shipped_catalog.situation(sit.key)
        assert [own.timers[i].key for i in scope.timers[sit.key]] == [t.key for t in sit.timers]
        assert [own.thresholds[i].key for i in scope.thresholds[sit.key]] == \
            [t.key for t in sit.thresholds]


def test_every_shipped_situation_cites_a_document(shipped_catalog):
    """Else it would be taken for the hall's own and shown in every kind of hall."""
    assert all(sit.sources for sit in shipped_catalog.situations)
