"""The plan editor adds and removes: a situation of the hall's own (a form; its key made),
a situation nothing uses (asked first; refused with words when a drill or a step uses it),
a role, a situation's deadlines and thresholds — each a recorded change through the draft's
checks. For a hall that runs an edition it shows only the deadlines and thresholds the hall
runs, and its levels tab the hall's own reporting chain, read-only."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from models.plans.editions import edition_catalog
from models.plans.running import running_plan
from models.services.contacts import Person
from models.services.plan_drafts import PlanDraftService
from models.store.paths import default_plans_dir
from ui.common.operations import Operations
from ui.plans.plan_editor import KEY_ROLE, PlanEditor

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BANK = "bank_outlet"


def make_editor(qtbot, edition, people=lambda key: [], answer="yes"):
    service = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                               now=lambda: T0, edition=edition,
                               drills=(default_plans_dir() / "drills",))
    asked = []

    def confirm(parent, title, text, then):
        asked.append((title, text))
        if answer == "yes":
            then()

    page = PlanEditor(service=service, operations=Operations(report=lambda parent, e: None),
                      clerk=lambda: "李主管", people=people, confirm=confirm)
    qtbot.addWidget(page)
    page.resize(1230, 600)
    page.show()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    page.asked = asked
    return page


def keys(editor):
    return [editor.situations.item(i).data(KEY_ROLE) for i in range(editor.situations.count())]


def shown_fields(form, kind):
    return sorted(p for p in form.fields if p.startswith(kind + "."))


@pytest.fixture
def bank(shipped_editions):
    return shipped_editions.get(BANK)


# ---- what the hall runs ----------------------------------------------------------------------

def test_a_banks_power_cut_shows_none_of_the_gas_halls_deadline_and_threshold(
        qtbot, desk_db, shipped_editions, shipped_catalog):
    library = shipped_catalog.situation("power_cut")
    assert len(library.timers) == 1 and len(library.thresholds) == 1
    editor = make_editor(qtbot, shipped_editions.get(BANK))
    editor.show_situation("power_cut")
    assert shown_fields(editor.situation_form, "timer") == []
    assert shown_fields(editor.situation_form, "threshold") == []
    gas = make_editor(qtbot, shipped_editions.get("gas_hall"))
    gas.show_situation("power_cut")
    assert "timer.0.minutes" in gas.situation_form.fields
    assert "threshold.0.value" in gas.situation_form.fields


def test_a_banks_fire_form_shows_what_its_own_documents_say_and_edits_it(
        qtbot, desk_db, bank, shipped_catalog):
    library = shipped_catalog.situation("fire")
    bank_says = [i for i, a in enumerate(library.about) if a.source.split(":")[0] in
                 bank.sources]
    assert bank_says and len(bank_says) < len(library.about)  # other halls' words too
    editor = make_editor(qtbot, bank)
    editor.show_situation("fire")
    form = editor.situation_form
    assert shown_fields(form, "about") == sorted(
        f"about.{i}.{part}" for i in bank_says for part in ("supplies", "text"))
    first = form.fields[f"about.{bank_says[0]}.text"]
    title = next(s.title for s in shipped_catalog.sources if s.key == "bank")
    assert any(f"《{title}》" in label.text() for label in form.findChildren(QLabel))
    assert first.text() == library.about[bank_says[0]].text
    first.editor.setPlainText("突发火灾事件（含配电间）。")
    first.commit()
    assert editor.session.read(f"situation.fire.about.{bank_says[0]}.text") == \
        "突发火灾事件（含配电间）。"
    cut = edition_catalog(editor.session.catalog(), bank)
    assert "突发火灾事件（含配电间）。" in cut.situation("fire").described
    whole = make_editor(qtbot, None)  # the whole library: every document's words
    whole.show_situation("fire")
    assert len(shown_fields(whole.situation_form, "about")) == 2 * len(library.about)


def test_a_bank_sees_and_keeps_its_own_name_for_a_role(qtbot, desk_db, bank,
                                                       shipped_catalog):
    """editions.toml names the bank's emergency_command 突发事件应急领导小组: a name edited in
    the draft would never show at its desk, so it is shown and not edited."""
    hall_name = dict(bank.role_names)["emergency_command"]
    library_name = next(r.name for r in shipped_catalog.roles if r.key == "emergency_command")
    assert hall_name != library_name
    editor = make_editor(qtbot, bank)
    editor.show_situation("fire")
    assert editor.steps.roles["emergency_command"] == hall_name
    editor.show_page("roles")
    editor.roles.choose("emergency_command")
    assert editor.roles.list.currentItem().text().startswith(hall_name)
    name = editor.roles.fields["name"].editor
    assert name.isReadOnly() and name.text() == hall_name
    editor.roles.choose("clerk")  # a name the bank does not give: edited as before
    assert not editor.roles.fields["name"].editor.isReadOnly()


def test_a_banks_levels_tab_shows_its_own_chain_read_only(qtbot, desk_db, bank,
                                                          shipped_catalog):
    editor = make_editor(qtbot, bank)
    editor.resize(1230, 900)  # room to spare below the form
    editor.show_page("levels")
    editor.levels.list.setCurrentRow(0)
    chain = next(c for c in bank.chain if c.level == 1)
    cut = edition_catalog(shipped_catalog, bank)
    to = next(r.name for r in cut.roles if r.key == chain.report_to)
    words = editor.levels.chain_text.text()
    assert chain.minutes == 0  # the bank reports a first-level incident at once
    levels = editor.levels
    at_once = levels.tr("Report to {0} at once ({1}).").format(to, levels.tr("from the start"))
    assert words.startswith(at_once)  # not "within 0 minutes"
    assert "report_within_minutes" not in editor.levels.fields  # the library's: no effect
    assert not any(p.startswith("timer.") for p in editor.levels.fields)
    assert {"name", "short", "criteria"} <= set(editor.levels.fields)
    assert ("handled_by" in editor.levels.fields) == (not chain.handled_by)
    criteria = editor.levels.fields["criteria"].box  # beside its title, not spread down
    title = editor.levels.form.labelForField(criteria)
    assert abs(criteria.y() - title.y()) < title.height()


def test_without_an_edition_the_levels_tab_edits_the_librarys_chain(qtbot, desk_db):
    editor = make_editor(qtbot, None)
    editor.show_page("levels")
    assert editor.levels.chain_text is None
    assert "report_within_minutes" in editor.levels.fields


def test_a_level_name_edited_at_a_bank_shows_in_its_edition(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.show_page("levels")
    editor.levels.list.setCurrentRow(2)
    field = editor.levels.fields["short"]
    field.editor.setText("轻微")
    assert field.commit() and field.problem == ""
    assert edition_catalog(editor.session.catalog(), bank).level(3).short == "轻微"


# ---- situations ------------------------------------------------------------------------------

def test_a_situation_of_the_halls_own_is_added_and_is_in_its_edition(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    qtbot.mouseClick(editor.add_situation_button, Qt.MouseButton.LeftButton)
    form = editor.new_situation
    assert form.key == "hall_1"
    assert not form.add()  # nothing written yet: said, nothing saved
    assert form.message.text() and editor.session.changes() == []
    form.name.setText("营业厅门禁失灵")
    form.short.setText("门禁失灵")
    form.first_step.setText("通知网点负责人，安排人员值守门口。")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert "hall_1" in keys(editor) and editor.current_situation() == "hall_1"
    assert editor.situation_form.fields["name"].text() == "营业厅门禁失灵"
    assert [st.get("text") for st in editor.steps.steps] == ["通知网点负责人，安排人员值守门口。"]
    assert [c.where for c in editor.session.changes()] == ["situation.hall_1"]
    cut = edition_catalog(editor.session.catalog(), bank)
    assert cut.situation("hall_1").name == "营业厅门禁失灵"


def test_a_bank_adopts_the_robbery_another_halls_documents_describe(qtbot, desk_db, bank,
                                                                    shipped_catalog):
    editor = make_editor(qtbot, bank)
    qtbot.mouseClick(editor.add_situation_button, Qt.MouseButton.LeftButton)
    form = editor.new_situation
    models = [form.model.itemData(i) for i in range(form.model.count())]
    assert "robbery" in models and "fire" not in models  # the bank's own fire is no model
    assert models[0] == "" and not form.model_summary.isVisibleTo(form)
    form.model.setCurrentIndex(models.index("robbery"))
    robbery = shipped_catalog.situation("robbery")
    assert (form.name.text(), form.short.text()) == (robbery.name, robbery.short)
    assert form.level.currentData() == robbery.default_level
    assert form.model_summary.isVisibleTo(form) and not form.first_step.isVisibleTo(form)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert editor.current_situation() == "hall_1"
    assert [st.get("text") for st in editor.steps.steps] == [st.text for st in robbery.steps]
    cut = edition_catalog(editor.session.catalog(), bank)
    assert [st.text for st in cut.situation("hall_1").steps] == [st.text for st in robbery.steps]
    editor.ask_new_situation()  # a model chosen, then none again: the own first step is back
    form = editor.new_situation
    form.model.setCurrentIndex(1)
    form.model.setCurrentIndex(0)
    assert form.first_step.isVisibleTo(form) and form.adopted is None



def test_a_model_none_of_whose_steps_the_hall_can_take_asks_for_its_first_step(
        qtbot, desk_db, bank):
    """A bank's model 办事群众突增引起秩序骚乱: every step is another hall's body's. The form
    asked for a first step while the field for it was hidden; the supervisor was stuck."""
    editor = make_editor(qtbot, bank)
    editor.ask_new_situation()
    form = editor.new_situation
    form.model.setCurrentIndex(form.model.findData("crowd_disorder"))
    assert form.adopted.value["step"] == [] and form.adopted.left_out
    assert form.first_step.isVisibleTo(form)
    form.first_step.setText("安排人员疏导办事群众，维持秩序。")
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    assert editor.current_situation() == "hall_1"
    assert [st.get("text") for st in editor.steps.steps] == ["安排人员疏导办事群众，维持秩序。"]


def test_the_step_buttons_rest_while_a_new_situations_form_is_shown(qtbot, desk_db, bank):
    """They acted on no situation ("situation..step.0" said as missing); back on one, they
    work again."""
    editor = make_editor(qtbot, bank)
    editor.ask_new_situation()
    steps = editor.steps
    assert not any(b.isEnabled() for b in (steps.up_button, steps.down_button,
                                           steps.add_button, steps.remove_button))
    qtbot.mouseClick(editor.new_situation.cancel_button, Qt.MouseButton.LeftButton)
    assert steps.add_button.isEnabled() and steps.remove_button.isEnabled()
    assert steps.down_button.isEnabled()

def test_a_new_situation_takes_no_name_or_label_the_halls_desk_shows(qtbot, desk_db,
                                                                      shipped_editions):
    """Two 火灾 buttons on one home screen: the gas hall runs the library's fire."""
    editor = make_editor(qtbot, shipped_editions.get("gas_hall"))
    qtbot.mouseClick(editor.add_situation_button, Qt.MouseButton.LeftButton)
    form = editor.new_situation
    form.first_step.setText("通知值班经理。")
    for name, short in (("营业场所发生火灾", "配电火灾"), ("配电间起火", "火灾")):
        form.name.setText(name)
        form.short.setText(short)
        assert not form.add() and form.message.isVisibleTo(form)
        assert editor.session.changes() == []
    form.name.setText("配电间起火")
    form.short.setText("配电起火")
    assert form.add() and [c.where for c in editor.session.changes()] == ["situation.hall_1"]


def test_a_too_long_button_label_is_refused_by_the_drafts_checks(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.ask_new_situation()
    form = editor.new_situation
    form.short.setMaxLength(20)
    form.name.setText("门禁")
    form.short.setText("营业厅门禁系统全部失灵")
    form.first_step.setText("通知网点负责人。")
    assert not form.add()
    assert "8" in form.message.text() and editor.session.changes() == []


def test_removing_a_situation_asks_and_records(qtbot, desk_db, bank):
    editor = make_editor(qtbot, None)
    editor.show_situation("power_cut")
    qtbot.mouseClick(editor.remove_situation_button, Qt.MouseButton.LeftButton)
    assert editor.asked and "power_cut" not in keys(editor)
    assert [c.where for c in editor.session.changes()] == ["situation.power_cut"]


def test_no_answer_removes_nothing(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank, answer="no")
    editor.show_situation("power_cut")
    editor.ask_remove_situation()
    assert editor.asked and "power_cut" in keys(editor) and editor.session.changes() == []


@pytest.mark.parametrize(("key", "words"), [("robbery", "营业厅抢劫应对"),
                                            ("quarrel_fight", "第三方人员滋扰")])
def test_a_situation_a_drill_or_a_step_uses_is_kept_with_words(qtbot, desk_db, key, words):
    editor = make_editor(qtbot, None)
    editor.show_situation(key)
    editor.ask_remove_situation()
    assert key in keys(editor) and editor.session.changes() == []
    assert editor.message.isVisibleTo(editor) and words in editor.message.text()
    editor.show_situation("fire" if key != "fire" else "robbery")
    assert not editor.message.isVisibleTo(editor)  # said until another situation is shown


# ---- deadlines and thresholds ----------------------------------------------------------------

def test_a_deadline_and_a_threshold_added_and_removed_at_a_bank(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.resize(1230, 400)  # a form taller than its column: the new row is scrolled to
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.show_situation("power_cut")
    qtbot.mouseClick(editor.situation_form.add_timer_button, Qt.MouseButton.LeftButton)
    # the library's gas-hall deadline is position 0: the bank's own is 1, shown first
    assert shown_fields(editor.situation_form, "timer") == [
        "timer.1.holiday_minutes", "timer.1.label", "timer.1.minutes"]
    label = editor.situation_form.fields["timer.1.label"].editor
    assert label.hasFocus() and label.selectedText()  # written over next, in sight:
    assert editor.situation_scroll.verticalScrollBar().value() > 0  # the form is taller
    qtbot.waitUntil(lambda: not label.visibleRegion().isEmpty())
    cut = edition_catalog(editor.session.catalog(), bank).situation("power_cut")
    assert [t.key for t in cut.timers] == ["hall_1"]
    qtbot.mouseClick(editor.situation_form.add_threshold_button, Qt.MouseButton.LeftButton)
    assert "threshold.1.value" in editor.situation_form.fields
    remove = editor.situation_form.findChild(type(editor.situation_form.add_timer_button),
                                             "removeTimer")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert shown_fields(editor.situation_form, "timer") == []
    cut = edition_catalog(editor.session.catalog(), bank).situation("power_cut")
    assert cut.timers == () and [t.key for t in cut.thresholds] == ["hall_1"]
    assert len(editor.session.catalog().situation("power_cut").timers) == 1  # the gas hall's


def test_a_deadline_another_starts_from_is_kept_with_words(qtbot, desk_db, shipped_catalog):
    sit = next(s for s in shipped_catalog.situations
               if any(":" in st for t in s.timers for st in t.starts))
    started = next(t for t in sit.timers for st in t.starts if ":" in st).starts
    target = next(st.partition(":")[2] for st in started if ":" in st)
    position = [t.key for t in sit.timers].index(target)
    editor = make_editor(qtbot, None)
    editor.show_situation(sit.key)
    editor.situation_form.ask_remove_timer(position)
    assert editor.situation_form.message.text() and editor.session.changes() == []
    assert len(editor.session.catalog().situation(sit.key).timers) == len(sit.timers)


# ---- roles -----------------------------------------------------------------------------------

def role_keys(editor):
    return [r.key for r in editor.roles.roles]


def test_a_role_of_the_halls_own_is_added_shown_and_removed(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.show_page("roles")
    qtbot.mouseClick(editor.roles.add_button, Qt.MouseButton.LeftButton)
    assert "hall_1" in role_keys(editor)  # no step names it yet: shown all the same
    assert editor.roles.current().key == "hall_1"
    name = editor.roles.fields["name"]
    name.editor.setText("大堂经理")
    assert name.commit()
    assert editor.session.catalog().role("hall_1").name == "大堂经理"
    qtbot.mouseClick(editor.roles.remove_button, Qt.MouseButton.LeftButton)
    assert "大堂经理" in editor.asked[-1][0]  # the name just written, not "New role"
    assert "hall_1" not in role_keys(editor)
    assert [c.where for c in editor.session.changes()][-1] == "role.hall_1"


def test_a_role_a_step_names_is_kept_with_words(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.show_page("roles")
    editor.roles.choose("superior")  # steps name it; no kind of hall's own chain does
    editor.roles.ask_remove()
    assert "superior" in role_keys(editor) and editor.session.changes() == []
    lines = editor.roles.message.text().splitlines()
    said = QCoreApplication.translate
    assert lines[0] == said("PlanEditor", "Not removed: the plans still use it. Change these "
                            "first:")
    assert lines[1].endswith(said("PlanEditor", "{0} names it.").format(""))
    assert not any("superior" in line for line in lines)  # names, never keys
    assert len(lines) <= 8  # at most six places, then how many more


def test_a_role_a_kind_of_halls_chain_names_is_kept_with_words(qtbot, desk_db, bank):
    editor = make_editor(qtbot, bank)
    editor.show_page("roles")
    editor.roles.choose("emergency_command")  # the bank reports to it (editions.toml)
    editor.roles.ask_remove()
    assert "emergency_command" in role_keys(editor) and editor.session.changes() == []
    assert bank.name in editor.roles.message.text()


def test_a_role_contacts_hold_is_not_removed(qtbot, desk_db, bank):
    person = Person(contact_id=1, name="张三", role_key="hall_1", label="", number="13800000000",
                    available_24h=False)
    editor = make_editor(qtbot, bank, people=lambda key: [person] if key == "hall_1" else [])
    editor.show_page("roles")
    editor.roles.add()
    editor.roles.ask_remove()
    assert "hall_1" in role_keys(editor) and "张三" in editor.roles.message.text()
