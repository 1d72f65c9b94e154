"""The plan editor of a hall that runs an edition: it lists the edition's situations, steps
and roles only, and writes each step at its position in the library's situation (the draft
is the whole library's files); with no edition, or 'all', everything as the library has it."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from models.clock.clocks import FakeClock
from models.plans.editions import edition_catalog, in_edition
from models.plans.running import running_plan
from models.services.plan_drafts import PlanDraftService
from models.store.paths import default_plans_dir
from models.store.settings import SettingsStore
from tests.helpers.hall import HALL
from ui.common.operations import Operations
from ui.plans.plan_editor import KEY_ROLE, PlanEditor
from ui.plans.plan_editor_roles import KEY_ROLE as ROLE_KEY
from ui.window.desk import build_desk

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BANK = "bank_outlet"
GAS_ONLY = "gas_accident_report"  # a situation of the gas hall's documents alone
NEW_TEXT = "发现火灾后立即拨打119,报告网点负责人。"


def make_editor(qtbot, edition):
    service = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                               now=lambda: T0, edition=edition)
    page = PlanEditor(service=service, operations=Operations(report=lambda parent, e: None),
                      clerk=lambda: "李主管", confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(page)
    page.resize(1230, 480)
    page.show()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.session.draft() is not None
    return page


def situation_keys(editor):
    return [editor.situations.item(i).data(KEY_ROLE) for i in range(editor.situations.count())]


def role_names(editor):
    editor.show_page("roles")
    return [editor.roles.list.item(i).data(ROLE_KEY) for i in range(editor.roles.list.count())]


def step_texts(editor):
    return [step.get("text") for step in editor.steps.steps]


def test_the_editions_own_cut_has_the_gas_situation_and_role_the_bank_lacks(
        shipped_catalog, shipped_editions):
    """The boundary the bank's editor tests stand on: these are the library's, not the bank's."""
    bank = in_edition(shipped_catalog, shipped_editions, BANK)
    gas = in_edition(shipped_catalog, shipped_editions, "gas_hall")
    assert GAS_ONLY in {s.key for s in gas.situations} - {s.key for s in bank.situations}
    assert "line_head" in {r.key for r in gas.roles} - {r.key for r in bank.roles}
    assert shipped_catalog.role("line_head").name == "职能线负责人"


def test_a_banks_editor_lists_its_editions_situations_and_roles_only(
        qtbot, desk_db, shipped_catalog, shipped_editions):
    editor = make_editor(qtbot, shipped_editions.get(BANK))
    bank = in_edition(shipped_catalog, shipped_editions, BANK)
    keys = situation_keys(editor)
    assert GAS_ONLY not in keys and "fire" in keys
    assert sorted(keys) == sorted(s.key for s in bank.situations)
    roles = role_names(editor)
    assert "line_head" not in roles and "clerk" in roles
    assert sorted(roles) == sorted(r.key for r in bank.roles)
    editor.show_situation("fire")  # the bank's three fire steps, not the library's thirty
    assert step_texts(editor) == [st.text for st in bank.situation("fire").steps]
    assert len(shipped_catalog.situation("fire").steps) > len(editor.steps.steps) == 3


def test_editing_the_banks_second_fire_step_changes_that_library_step(
        qtbot, desk_db, shipped_catalog, shipped_editions):
    editor = make_editor(qtbot, shipped_editions.get(BANK))
    editor.show_situation("fire")
    library = shipped_catalog.situation("fire").steps
    second = in_edition(shipped_catalog, shipped_editions, BANK).situation("fire").steps[1]
    at = next(i for i, st in enumerate(library) if st.text == second.text)
    assert at != 1  # the bank's 2nd is not the library's 2nd: the mapping matters
    editor.steps.list.setCurrentRow(1)
    field = editor.steps.form.fields["text"]
    assert field.where == f"situation.fire.step.{at}.text"
    field.editor.setFocus()
    field.editor.setPlainText(NEW_TEXT)
    field.commit()
    assert field.problem == ""
    drafted = editor.session.catalog()
    assert drafted.situation("fire").steps[at].text == NEW_TEXT
    assert [st.text for i, st in enumerate(drafted.situation("fire").steps) if i != at] == \
        [st.text for i, st in enumerate(library) if i != at]  # no other step changed
    bank = edition_catalog(drafted, shipped_editions.get(BANK))
    assert bank.situation("fire").steps[1].text == NEW_TEXT  # the bank's cut shows it 2nd
    assert editor.steps.list.item(1).text().startswith("2. 发现火灾后立即拨打119")


def test_a_banks_steps_moved_added_and_removed_at_their_library_positions(
        qtbot, desk_db, shipped_catalog, shipped_editions):
    editor = make_editor(qtbot, shipped_editions.get(BANK))
    editor.show_situation("fire")
    first, second, third = step_texts(editor)
    library = [st.text for st in shipped_catalog.situation("fire").steps]
    editor.steps.list.setCurrentRow(1)
    editor.steps.move(1)  # the bank's 2nd and 3rd swap, in their library places
    assert step_texts(editor) == [first, third, second]
    drafted = [st.text for st in editor.session.catalog().situation("fire").steps]
    i, j = library.index(second), library.index(third)
    assert drafted[i] == third and drafted[j] == second and len(drafted) == len(library)
    editor.steps.add()  # the hall's own step: of no document, so in its edition
    assert len(editor.steps.steps) == 4 and editor.steps.list.currentRow() == 3
    assert editor.steps.positions[3] == len(library)
    editor.steps.remove(0)  # the bank's first leaves the library, no other step
    drafted = [st.text for st in editor.session.catalog().situation("fire").steps]
    assert first not in drafted and len(drafted) == len(library)
    assert step_texts(editor)[:2] == [third, second]


@pytest.mark.parametrize("setting", ["", "all"])
def test_no_edition_or_all_lists_every_situation_and_step(qtbot, desk_db, shipped_catalog,
                                                          shipped_editions, setting):
    editor = make_editor(qtbot, shipped_editions.get(setting))  # as the desk asks
    assert len(situation_keys(editor)) == len(shipped_catalog.situations) == 31
    assert len(role_names(editor)) == len(shipped_catalog.roles)
    editor.show_situation("fire")
    assert step_texts(editor) == [st.text for st in shipped_catalog.situation("fire").steps]


@pytest.mark.parametrize(("edition", "situations"), [(BANK, 18), ("all", 31)])
def test_the_desk_gives_its_editor_the_edition_it_runs(qtbot, tmp_path, desk_db,
                                                       shipped_catalog, shipped_editions,
                                                       edition, situations):
    store = SettingsStore(tmp_path / "settings.json")
    store.set("edition", edition)
    store.set("clerk_on_duty", "李主管")
    desk = build_desk(catalog=in_edition(shipped_catalog, shipped_editions, edition),
                      plan=desk_db[1], store=store,
                      clock=FakeClock(datetime(2026, 11, 20, 12, 0, tzinfo=HALL)),
                      confirm=lambda parent, title, text, then: then(),
                      editions=shipped_editions, edition=edition,
                      running=lambda: running_plan(default_plans_dir()))
    qtbot.addWidget(desk.window)
    desk.window.resize(1366, 768)
    desk.window.show()
    desk.window.show_screen("plans")
    screen = desk.window.screen("plans")
    qtbot.mouseClick(screen.browser.edit_button, Qt.MouseButton.LeftButton)
    editor = screen.editor
    qtbot.mouseClick(editor.start_button, Qt.MouseButton.LeftButton)
    keys = situation_keys(editor)
    assert len(keys) == situations and (GAS_ONLY in keys) == (edition == "all")


def test_a_step_added_where_the_bank_borrows_steps_joins_them(qtbot, desk_db, shipped_catalog,
                                                              shipped_editions):
    """The bank's documents give a quarrel no step of their own: it takes the steps anyone
    may take. The hall's added step (of no document) joins those, it does not replace them."""
    editor = make_editor(qtbot, shipped_editions.get(BANK))
    editor.show_situation("quarrel_fight")
    borrowed = step_texts(editor)
    assert borrowed and not any(st.source.startswith("bank:") for st in
                                shipped_catalog.situation("quarrel_fight").steps)
    editor.steps.add()
    assert step_texts(editor)[:-1] == borrowed and len(editor.steps.steps) == len(borrowed) + 1
    assert editor.steps.list.currentRow() == len(borrowed)
    bank = edition_catalog(editor.session.catalog(), shipped_editions.get(BANK))
    assert len(bank.situation("quarrel_fight").steps) == len(borrowed) + 1
