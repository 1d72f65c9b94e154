"""Hall editions (plans/editions.toml): each kind of hall gets its documents' situations, steps
and roles, and one reporting chain; every edition runs end to end."""

import itertools
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given

from models.plans.editions import EditionsError, edition_catalog, load_editions
from tests.models.test_loaders_fuzzed import FUZZ, mutated, press_every_situation

ROOT = Path(__file__).resolve().parents[3]
# Every body an edition's levels 1 and 2 report to: a step telling the clerk to call one of
# them in another hall's edition is the "report to both" of two chains.
CHAIN_BODIES = {"group_leader", "liaison", "emergency_command", "admin_office", "line_head"}
# A chain body of one hall that is another hall's own department, called by its own document.
OWN_DEPARTMENTS = {"gas_hall": {"admin_office"}}


@pytest.fixture(scope="module")
def library():
    from models.plans.loader import load_catalog

    return load_catalog(ROOT / "plans")


@pytest.fixture(scope="module")
def editions(library):
    return load_editions(ROOT / "plans", library)


@pytest.fixture(scope="module")
def cut(library, editions):
    return {e.key: edition_catalog(library, e) for e in editions.editions}


def role_names(catalog) -> set[str]:
    return {r.name for r in catalog.roles}


def calls(catalog) -> set[str]:
    return {k for s in catalog.situations for st in s.steps for k in (st.role, *st.call)}


def test_the_seven_kinds_of_hall_the_issue_names(editions):
    assert editions.keys() == ("bank_outlet", "gov_hall", "gas_hall", "mall_desk", "cinema",
                               "conference", "other")


@pytest.mark.parametrize("key", ["bank_outlet", "gov_hall", "gas_hall", "mall_desk", "cinema",
                                 "conference", "other"])
def test_every_edition_loads_and_every_situation_presses(cut, key, tmp_path):
    catalog = cut[key]
    assert catalog.situations and all(s.steps for s in catalog.situations)
    press_every_situation(catalog, [s.key for s in catalog.situations], tmp_path / "e.db")


def test_a_bank_outlet_meets_no_gas_hotel_or_cinema_body(cut, library):
    bank = cut["bank_outlet"]
    for name in ("燃气抢修", "接待部", "职能线负责人", "热线中心", "热线中心主管", "店长",
                 "应急管理小组组长", "应急管理小组联络员", "中心综合科", "综合科"):
        assert name not in role_names(bank)
    assert "热线中心" in role_names(library)  # the library still has them all
    keys = {s.key for s in bank.situations}
    assert {"hotline_failure", "self_service_failure", "gas_accident_report",
            "conference_emergency"}.isdisjoint(keys)
    assert {"fire", "customer_ill_injured", "power_cut", "network_attack"} <= keys


def test_a_bank_outlet_reports_to_its_leading_group_at_once(cut):
    bank = cut["bank_outlet"]
    chain = [(lv.level, bank.role(lv.report_to).name, lv.report_within_minutes,
              lv.report_starts) for lv in bank.levels]
    assert chain == [(1, "突发事件应急领导小组", 0, "start"),
                     (2, "突发事件应急领导小组", 0, "start"), (3, "部门经理", 1440, "resolved")]
    assert bank.levels[0].timers[0].label == "报告突发事件应急领导小组"


def test_a_bank_fire_still_calls_119_and_the_bank_reports_nowhere_else(cut):
    fire = cut["bank_outlet"].situation("fire")
    assert any("fire" in st.call for st in fire.steps)  # gov_hall's words, a step anyone takes
    assert {k for st in fire.steps for k in st.call} <= {"fire", "emergency_command"}


def test_a_cinemas_chain_is_the_group_leader_then_the_general_manager(cut):
    cinema = cut["cinema"]
    one, two, three = cinema.levels
    assert (one.report_to, one.report_within_minutes) == ("group_leader", 5)
    assert [(t.by, t.to, t.starts) for t in one.timers[1:]] == [
        ("group_leader", "general_manager", ("met:level_report",))]
    assert (two.report_to, two.report_within_minutes) == ("liaison", 10)
    assert [(t.by, t.to) for t in two.timers[1:]] == [("liaison", "group_members")]
    assert (three.report_to, three.report_within_minutes, three.report_starts) == (
        "dept_manager", 1440, "resolved")
    assert "emergency_command" not in {r.key for r in cinema.roles}


def test_a_gas_hall_has_the_gas_situations_and_its_line_head_chain(cut):
    gas = cut["gas_hall"]
    keys = {s.key for s in gas.situations}
    assert {"hotline_failure", "self_service_failure", "threatening_call", "robbery",
            "theft_in_progress", "staff_injured", "gas_accident_report"} <= keys
    assert {"network_attack", "conference_emergency", "crowd_disorder"}.isdisjoint(keys)
    assert [gas.role(lv.report_to).name for lv in gas.levels] == ["职能线负责人", "职能线负责人",
                                                                  "部门经理"]
    assert [(t.by, t.to) for t in gas.levels[0].timers[1:]] == [("line_head",
                                                                  "leader_in_charge")]
    assert gas.situation("hotline_failure").timers  # the gas document's own deadlines stay


@pytest.mark.parametrize("key", ["bank_outlet", "gov_hall", "gas_hall", "mall_desk", "cinema",
                                 "conference", "other"])
def test_one_reporting_chain_per_hall(cut, key):
    """No step sends the clerk to another hall's command body. One body of the chains is
    also a hall's own department outside its chain: the gas document's 综合管理部 (gas:五.2,
    "营业厅紧急停电时,应立即通知综合管理部,要求协助解决"), asked for help in a power cut, not
    reported to; the library holds it as admin_office (aliases 中心综合科, 综合管理部)."""
    catalog = cut[key]
    own = {lv.report_to for lv in catalog.levels} | {
        t.to for lv in catalog.levels for t in lv.timers if t.to}
    assert calls(catalog) & CHAIN_BODIES <= own | OWN_DEPARTMENTS.get(key, set())


def test_the_gas_halls_general_department_is_its_own_documents_only(cut):
    """The exception above at its boundary: only the gas document's own step calls it, and the
    gas hall's card names it as its document does."""
    gas = cut["gas_hall"]
    callers = [(s.key, st.source) for s in gas.situations for st in s.steps
               if "admin_office" in (st.role, *st.call)]
    assert callers == [("power_cut", "gas:五.2")]
    assert gas.role("admin_office").name == "综合管理部"


def test_the_hotels_reception_desk_is_in_no_edition(cut, library):
    assert "reception" in {r.key for r in library.roles}
    for catalog in cut.values():
        assert "reception" not in {r.key for r in catalog.roles}


def test_a_situation_the_regulation_names_keeps_its_first_steps(library, editions):
    """A situation the regulation names (第五条: 极端天气) with no step a cinema may take left
    has the regulation's first on-site steps (第十一条) as its plan. Built here: since each step
    cites one document, the shipped natural_disaster keeps steps anyone may take (next test),
    so the shipped data no longer reaches this rule."""
    disaster = library.situation("natural_disaster")
    bank_only = tuple(st for st in disaster.steps if st.source == "bank:四.4(1)")
    assert [st.call for st in bank_only] == [("emergency_command",)]  # the bank's chain
    plans = replace(library, situations=tuple(
        replace(s, steps=bank_only) if s.key == "natural_disaster" else s
        for s in library.situations), _index={})
    cinema = edition_catalog(plans, editions.get("cinema"))
    assert cinema.situation("natural_disaster").steps == editions.get("cinema").first_steps
    assert [st.source for st in editions.get("cinema").first_steps] == ["cinema:第十一条"] * 3


def test_a_cinemas_natural_disaster_takes_only_the_steps_anyone_may(cut, library):
    """The regulation names 极端天气 (第五条) but gives it no steps; the other documents'
    evacuation steps name nobody but the clerk, so a cinema takes them (editions.toml,
    `everyone`), each citing its own document; the bank's steps that name a body outside
    `everyone` (its leading group; the government it helps rebuild) stay out."""
    steps = cut["cinema"].situation("natural_disaster").steps
    everyone = {"clerk", "colleague", "customer_family", "police", "fire", "ambulance"}
    assert steps and all({st.role, *st.call} <= everyone for st in steps)
    assert all(st.source.split(":")[0] in {"mall", "bank", "service_industry"} for st in steps)
    assert "组织人员进行疏散,确保人员安全。" in [st.text for st in steps]
    left_out = {st.source for st in library.situation("natural_disaster").steps} - {
        st.source for st in steps}
    # and the mall's "遇到极端天气,加强巡逻,确保商场设施安全": it names the mall (round 3)
    assert left_out == {"bank:四.4(1)", "bank:四.4(3)", "mall:四.1(2)2.4"}


def test_each_edition_is_its_own_text(cut, library):
    digests = {c.digest for c in cut.values()} | {library.digest}
    assert len(digests) == len(cut) + 1
    assert cut["gas_hall"].info.title == "服务应急处置预案库（燃气/公用事业客户服务厅）"
    assert cut["gas_hall"].info.version == library.info.version


def test_the_hall_names_its_own_bodies(cut, library):
    role = cut["gov_hall"].role("leader_in_charge")
    assert role.name == "中心领导" and library.role("leader_in_charge").name in role.aliases


def test_an_incident_of_a_situation_the_new_edition_lacks_still_opens(cut, library):
    bank = cut["bank_outlet"].keeping(["hotline_failure"], cut["gas_hall"])
    assert bank.situation("hotline_failure").key == "hotline_failure"
    assert "hotline_failure" not in {s.key for s in bank.situations}
    assert bank.role("line_head").name == "职能线负责人"


def test_a_timer_started_by_a_timer_the_edition_drops_goes_too(library, editions):
    """The gas hotline's backup phones start when fix_10 is missed: without fix_10 (its
    source taken out of the edition) there is nothing to start them."""
    gas = editions.get("gas_hall")
    cut = edition_catalog(library, replace(gas, exclude=("gas:五.3(6)",)))
    keys = [t.key for t in cut.situation("hotline_failure").timers]
    assert "fix_10" not in keys and "backup_phones" not in keys and "it_arrive" in keys


def test_a_folder_without_editions_has_none(catalog_dir):
    assert load_editions(catalog_dir).editions == ()


@pytest.fixture
def plans_with(real_plans_dir):
    def write(old: str, new: str) -> Path:
        path = real_plans_dir / "editions.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return real_plans_dir
    return write


def line_of(folder: Path, text: str) -> int:
    """The last line holding `text` (a duplicate key is reported where it is repeated)."""
    lines = (folder / "editions.toml").read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if text in line][-1]


@pytest.mark.parametrize(("old", "new", "said"), [
    ('sources = ["bank", "outlet"]', 'sources = ["bank", "outlett"]', "unknown source 'outlett'"),
    ('report_to = "line_head"', 'report_to = "line_heed"', "unknown role 'line_heed'"),
    ('minutes = 1440', 'minutes = -5', "whole number of minutes"),
    ('starts = "met:level_report"', 'starts = "met:nothing"', "'met:nothing' is not a start"),
    ('key = "cinema"', 'key = "gas_hall"', "duplicate edition 'gas_hall'"),
    ('name = "会务服务"', 'name = "会务服务"\ncolour = "red"', "unknown field 'colour'"),
    ('role_names = { emergency_command = "应急办公室" }',
     'role_names = { emergency_commend = "应急办公室" }', "unknown role 'emergency_commend'"),
])
def test_a_mistake_is_named_at_its_line(plans_with, library, old, new, said):
    folder = plans_with(old, new)
    with pytest.raises(EditionsError) as caught:
        load_editions(folder, library)
    (problem,) = caught.value.problems
    assert said in problem.message
    assert problem.line == line_of(folder, new.split("\n")[-1])
    assert str(problem).startswith(f"{folder / 'editions.toml'}:{problem.line}: ")


def test_a_chain_missing_a_level_is_refused(plans_with, library):
    folder = plans_with('level = 3\nreport_to = "dept_manager"',
                        'level = 2\nreport_to = "dept_manager"')  # the bank's: 1, 2, 2
    with pytest.raises(EditionsError) as caught:
        load_editions(folder, library)
    messages = [p.message for p in caught.value.problems]
    assert "level 2 is given twice" in messages
    assert any("the chain gives levels [1, 2]; the plans have levels [1, 2, 3]" in m
               for m in messages)


def test_an_edition_with_no_situation_is_refused(plans_with, library):
    """Without the regulation's articles, a source section that exists nowhere leaves the
    mall with nothing."""
    plans_with('general = ["第一条", "第二条", "第三条", "第五条", "第六条", "第七条", "第八条", '
               '"第九条", "第十一条"]', 'general = []')
    folder = plans_with('sources = ["mall"]', 'sources = ["mall:九"]')  # no such section
    with pytest.raises(EditionsError) as caught:
        load_editions(folder, library)
    (problem,) = caught.value.problems
    assert problem.message == "edition 'mall_desk' has no situation: its sources describe none"
    assert problem.line == line_of(folder, 'key = "mall_desk"') - 1  # its [[edition]]


def test_a_mutated_editions_file_is_refused_or_every_edition_builds(real_plans_dir, library):
    """What the editions loader accepts, edition_catalog can cut: never another exception."""
    path = real_plans_dir / "editions.toml"
    original = path.read_bytes()
    counter = itertools.count()

    @FUZZ
    @given(data=mutated(original))
    def check(data):
        path.write_bytes(data)
        next(counter)
        try:
            found = load_editions(real_plans_dir, library)
        except EditionsError as e:
            assert e.problems and all(str(p) for p in e.problems)
            return
        for edition in found.editions:
            catalog = edition_catalog(library, edition)
            for sit in catalog.situations:
                for step in sit.steps:
                    catalog.role(step.role)
                    for key in step.call:
                        catalog.role(key)

    try:
        check()
    finally:
        shutil.copyfile(ROOT / "plans" / "editions.toml", path)
    assert next(counter) > 100


# ---- descriptions and supplies: each hall its own documents' (round 3) ----------------------

def test_a_hall_reads_only_its_own_documents_description_and_supplies(cut, library):
    """The library's fire: six documents' descriptions, gov_hall's and gas's supplies. A bank
    reads the bank's words only (no 影院), no supplies (its fire names none)."""
    fire = cut["bank_outlet"].situation("fire")
    assert [a.source for a in fire.about] == ["bank:四.3"]
    assert fire.described == "突发火灾事件。" and fire.all_supplies == ()
    gas = cut["gas_hall"].situation("fire")
    assert {a.source.partition(":")[0] for a in gas.about} == {"gas"}
    assert "消防水带" in gas.all_supplies and "消防栓" not in gas.all_supplies
    assert "消防栓" in library.situation("fire").all_supplies


def test_where_its_documents_say_nothing_the_regulation_speaks(cut):
    """The mall's documents name 火灾 but describe nothing: the regulation's words (第五条),
    which every hall reads and so name no cinema."""
    fire = cut["mall_desk"].situation("fire")
    assert [(a.source, a.text) for a in fire.about] == [("cinema:第五条", "发生火灾")]


def test_the_regulation_fills_only_what_the_halls_documents_leave_out(cut):
    """A cinema's equipment failure: 第十三条 (the cinema's own) names 备用设备 but describes
    nothing, so the description is the regulation's and the supplies the cinema's own."""
    failure = cut["cinema"].situation("equipment_failure")
    assert failure.all_supplies == ("备用设备",)
    assert failure.described.startswith("核心设备突发故障")
    bank = cut["bank_outlet"].situation("equipment_failure")
    assert bank.all_supplies == () and bank.described == failure.described


def test_where_nobody_describes_it_the_name_says_what_it_is(cut):
    shock = cut["bank_outlet"].situation("electric_shock")
    assert shock.about == () and shock.described == "" and shock.all_supplies == ()


def test_a_halls_own_words_stand_beside_the_documents(library, editions):
    """A description or supplies of no document (a hall's draft) is kept, before the
    documents' (like a step of no document)."""
    fire = replace(library.situation("fire"), description="本厅自定", supplies=("防烟面罩",))
    own = replace(library, situations=(fire,), _index={})
    cut_fire = edition_catalog(own, editions.get("bank_outlet")).situation("fire")
    assert cut_fire.described == "本厅自定。突发火灾事件。"
    assert cut_fire.all_supplies == ("防烟面罩",)


def test_an_about_must_say_something_and_cite_a_source(tmp_path):
    from models.plans.loader import CatalogError, load_catalog

    folder = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", folder)
    path = folder / "fire_safety.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('source = "bank:四.3"\ntext = "突发火灾事件"\n',
                                 'source = "bank:四.3"\n', 1)
                    .replace('source = "gas:六.3"\ntext', 'source = "nowhere:一"\ntext', 1),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_catalog(folder)
    messages = [p.message for p in raised.value.problems]
    assert any("about needs a 'text' or 'supplies'" in m for m in messages), messages
    assert any("nowhere" in m for m in messages), messages


@pytest.mark.parametrize(("key", "situation", "gone"), [
    ("cinema", "natural_disaster", "确保商场设施安全"),
    ("cinema", "fire", "向中心各楼层人员发出报警疏散信号"),  # the government hall's floors
    ("bank_outlet", "network_outage", "针对充值业务"),  # the gas company's business
    ("conference", "fire", "向中心各楼层人员发出报警疏散信号")])
def test_a_step_naming_another_hall_is_not_borrowed(cut, library, key, situation, gone):
    """Borrowed from another document (the hall's own give the situation no step), but it
    names that document's hall: not taken. The library still has it."""
    assert any(gone in st.text for st in library.situation(situation).steps)
    steps = cut[key].situation(situation).steps
    assert steps and not any(gone in st.text for st in steps)


def test_the_library_says_each_documents_description_once(library):
    """The bank's and the government hall's fire are both "突发火灾事件": said once."""
    assert library.situation("fire").described.count("突发火灾事件") == 1
