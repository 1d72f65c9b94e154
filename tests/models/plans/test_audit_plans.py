"""What a sentence-by-sentence audit of plans/ against the two source documents found
(issue 15), each pinned against the shipped plans: every step and every word to say traced
to one document, the levels the documents give, 119 at once in a fire, the `after` marks and
conditions, and nothing the documents do not say."""

import pytest

from models.plans.calls import plan_calls
from models.plans.loader import load_catalog
from models.store.paths import default_plans_dir
from tests.models.plans.seed_text import CINEMA, SEEDS, SEVERAL, documents, normalised, not_in

STEP_MAX_CHARS = 80


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_plans_dir())


def all_steps(catalog):
    return [(sit, step) for sit in catalog.situations for step in sit.steps]


def document_of(ref: str) -> str:
    return ref.partition(":")[0]


# ---- tracing -------------------------------------------------------------------------------

# Public regulations cited only for a deadline (493号 第九条: the 初报's hour), not seed
# documents of the plans' steps: no step, word to say or description cites them.
PUBLIC_LAWS = {"law493"}


def test_the_seed_copies_are_the_files_the_catalog_names(catalog):
    seeds = [s for s in catalog.sources if s.key not in PUBLIC_LAWS]
    assert {s.file for s in seeds} == {CINEMA, SEVERAL}
    assert all((SEEDS / name).is_file() for name in (CINEMA, SEVERAL))
    docs = documents()
    assert set(docs) == {s.key for s in seeds}
    assert not [step for _, step in all_steps(catalog)
                if document_of(step.source) in PUBLIC_LAWS]
    # each cut holds its own document and not the next one
    assert "情绪激动类" in docs["gas"] and "情绪激动类" not in docs["bank"]
    assert "同时拨打119报警" in docs["mall"] and "同时拨打119报警" not in docs["municipal"]


def test_every_step_has_one_source_and_at_most_80_characters(catalog):
    for sit, step in all_steps(catalog):
        assert step.source and step.source.count(":") == 1, (sit.key, step.text)
        assert len(step.text) <= STEP_MAX_CHARS, (sit.key, len(step.text), step.text)


def test_every_step_is_in_the_words_of_the_one_document_it_cites(catalog):
    """No step fuses two documents under one source: each character of the step is inside
    a run of four characters its own document has (after normalising punctuation)."""
    docs = documents()
    stray = {(sit.key, step.source): left for sit, step in all_steps(catalog)
             if (left := not_in(step.text, docs[document_of(step.source)]))}
    assert stray == {}


def test_every_sentence_to_say_is_in_the_documents(catalog):
    """Words the clerk is told to say are the document's words (issue 15: "请大家不要恐慌，
    跟随工作人员走向安全出口。" and the gas caller question were in no document): a step's in
    the document it cites, a situation's in one of its documents."""
    docs = documents()
    missing = []
    for sit in catalog.situations:
        for step in sit.steps:
            missing += [(sit.key, s) for s in step.say
                        if normalised(s) not in docs[document_of(step.source)]]
        own = [docs[document_of(ref)] for ref in sit.sources]
        missing += [(sit.key, s) for s in sit.scripts
                    if not any(normalised(s) in doc for doc in own)]
    assert missing == []


def test_every_description_is_in_the_words_of_the_one_document_it_cites(catalog):
    """A situation's description is what each document says of it ([[situation.about]]),
    traced like a step: in its own document's words, the regulation's kept free of the
    cinema's name (every hall reads it). No description is the library's own words."""
    docs = documents()
    stray = {(sit.key, about.source): left for sit in catalog.situations
             for about in sit.about
             if about.text and (left := not_in(about.text, docs[document_of(about.source)]))}
    assert stray == {}
    assert [sit.key for sit in catalog.situations if sit.description] == []
    assert all(about.source.count(":") == 1 for sit in catalog.situations
               for about in sit.about)


def test_every_supply_is_named_by_the_document_it_cites(catalog):
    """Supplies too: each one word for word in its document ("灭火器" is too short for the
    four-character runs: the whole name must be there)."""
    docs = documents()
    missing = [(sit.key, about.source, item) for sit in catalog.situations
               for about in sit.about for item in about.supplies
               if normalised(item) not in docs[document_of(about.source)]]
    assert missing == []
    assert [sit.key for sit in catalog.situations if sit.supplies] == []


def test_the_normalising_treats_both_sides_alike():
    assert normalised("是否继续等候,还是改天再来?") == normalised("是否继续等候，还是改天再来？")
    assert normalised("拨打“119”报警") == "拨打119报警"
    assert not_in("现正在发电处理。", documents()["gas"]) == ""
    assert not_in("突然停电,现正在发电处理。", documents()["gas"]) == "突然停电·······"


def test_every_role_a_step_names_cites_that_steps_document(catalog):
    """The editions keep a document's steps and the roles they name: a role must carry the
    source of every document whose steps give it work or call it."""
    missing = set()
    for _, step in all_steps(catalog):
        for key in {step.role, *step.call} - {"clerk"}:
            if document_of(step.source) not in {document_of(r) for r in catalog.role(key).source}:
                missing.add((key, step.source))
    assert missing == set()


# ---- dangerous ------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["electric_shock", "equipment_fall", "explosion",
                                 "terror_attack", "fire", "robbery"])
def test_events_that_harm_people_start_at_level_1(catalog, key):
    """影院制度 第六条: 一级 is an event "造成人员伤亡、重大财产损失、媒体曝光风险"."""
    sit = catalog.situation(key)
    assert sit.default_level == 1
    if key not in ("fire", "robbery"):
        assert "一级" in sit.note  # the judgement is written down


def test_no_step_states_a_level_rule_of_its_own(catalog):
    """The data once said "造成人员伤亡的为一级，5分钟内报组长" while the level-2 clock ran:
    the level's own report is the level's timer, not a step's words."""
    assert not [step.text for _, step in all_steps(catalog)
                if "一级" in step.text or ("组长" in step.text and "分钟内" in step.text)]


@pytest.mark.parametrize(("key", "level"), [("agitated_customer", 2), ("water_outage", 2),
                                            ("power_cut", 2), ("third_party_harassment", 3)])
def test_one_level_too_low_no_more(catalog, key, level):
    """第五条/第六条: 现场情绪失控 is 客户投诉升级 (二级); 停水 like 停电 stops the hall
    from running normally (二级, 影响单个项目正常运营)."""
    assert catalog.situation(key).default_level == level


def test_in_a_fire_119_is_called_at_once(catalog):
    """The mall (四.1(1)1.3), the bank (四.3(2)) and the service industry (三.2 "通知…消防队伍")
    call the fire brigade at once; a drill therefore scores a missing 119."""
    fire = catalog.situation("fire")
    [call] = [c for c in plan_calls(fire) if c.role == "fire"]
    assert call.always
    at_once = {step.source for step in fire.steps if "fire" in step.call
               and not step.condition and not step.after}
    assert at_once == {"mall:四.1(1)1.3", "bank:四.3(2)", "service_industry:三.2"}


# ---- wrong ----------------------------------------------------------------------------------

def steps_citing(catalog, key, source):
    return [step for step in catalog.situation(key).steps if step.source == source]


def test_the_government_halls_report_upward_is_during_the_fire(catalog):
    report, announce = steps_citing(catalog, "fire", "gov_hall:(一)4")
    assert "报告情况" in report.text and not report.after
    assert "通报" in announce.text and announce.after


def test_the_site_survey_runs_at_the_same_time(catalog):
    """商场 四.1(3)3.3 "同时，对现场进行勘查": not for afterwards."""
    surveys = [(sit.key, step) for sit, step in all_steps(catalog)
               if step.source == "mall:四.1(3)3.3"]
    assert len(surveys) == 3 and not any(step.after for _, step in surveys)


@pytest.mark.parametrize(("key", "source"), [
    ("staff_injured", "gas:三.2"), ("staff_injured", "gas:三.3"), ("staff_injured", "gas:三.4"),
    ("staff_assaulted", "gas:三.2"), ("staff_assaulted", "gas:三.3"),
    ("staff_assaulted", "gas:三.4"), ("conference_emergency", "conference:五.4(2)"),
    ("equipment_failure", "cinema:第十三条")])
def test_the_follow_ups_are_marked_after(catalog, key, source):
    steps = steps_citing(catalog, key, source)
    follow_ups = [s for s in steps if source != "cinema:第十三条" or "处置完成后" in s.text]
    assert follow_ups and all(s.after for s in follow_ups)


def test_the_banks_aftercare_is_after_and_its_report_is_not(catalog):
    report, aftercare = steps_citing(catalog, "customer_ill_injured", "bank:四.1(3)")
    assert "报告" in report.text and not report.after
    assert "善后" in aftercare.text and aftercare.after


@pytest.mark.parametrize("key", ["staff_injured", "staff_assaulted"])
def test_the_general_manager_only_as_serious_as_it_is(catalog, key):
    """三.4 "视事件的严重程度抄送总经理": its own step, the condition kept."""
    [copy] = [s for s in catalog.situation(key).steps if "general_manager" in s.call]
    assert copy.text.startswith("视事件的严重程度") and copy.call == ("general_manager",)


def test_the_power_bureau_only_when_the_fault_is_theirs(catalog):
    [step] = [s for s in catalog.situation("power_cut").steps if "power_bureau" in s.call]
    assert "供电局范围" in step.condition


def test_110_stays_a_may_where_the_document_says_may(catalog):
    [step] = [s for s in catalog.situation("staff_assaulted").steps
              if s.source == "gas:三.1(3)" and "police" in s.call]
    assert "可拨打110" in step.text and step.condition == "劝止无效"


@pytest.mark.parametrize(("key", "source", "first"), [
    ("staff_assaulted", "gas:三.1(3)", "line_head"),
    ("theft_in_progress", "gas:六.2(1)", "shop_manager"),
    ("company_property_loss", "gas:四.1(4)", "shop_manager")])
def test_one_of_them_is_not_all_of_them(catalog, key, source, first):
    """"通知A、B或C": one call expected (the first the document names), not three."""
    [step] = [s for s in steps_citing(catalog, key, source) if s.call and "或" in s.text]
    assert step.call == (first,)


def test_related_departments_are_not_the_government(catalog):
    """商场/会务/服务业 "相关部门" are the organisation's own (or unnamed): a customer's fall
    no longer expects a call to government."""
    assert "相关部门" not in catalog.role("government").aliases
    for sit, step in all_steps(catalog):
        if "相关部门" in step.text:
            assert "government" not in step.call, (sit.key, step.text)
    calls = {c.role for c in plan_calls(catalog.situation("customer_ill_injured"))}
    assert "government" not in calls


def test_the_hotels_reception_only_where_the_hotel_document_applies(catalog):
    named = [(sit.key, step.source) for sit, step in all_steps(catalog)
             if "reception" in step.call or step.role == "reception"]
    assert named == [("fire", "service_industry:四.2")]
    assert catalog.role("reception").source == ("service_industry:四.2",)


def test_an_ended_theft_is_not_a_robbery(catalog):
    theft = catalog.situation("theft_in_progress")
    ended = [s for s in theft.steps if s.condition == "偷窃已结束"]
    assert ended and not any(s.switch_to for s in ended)
    [to_robbery] = [s for s in theft.steps if s.switch_to]
    assert (to_robbery.switch_to, to_robbery.condition) == ("robbery", "发生抢劫")
    assert "偷窃" not in catalog.situation("robbery").name


def test_aftercare_required_only_where_every_incident_of_the_level_has_it(catalog):
    """A dog bite to staff (人身安全类, level 2) could not be closed without "客户安抚":
    影院制度 第七条 lists 客户安抚、损失核算、责任认定 as what each plan spells out, not as
    what every incident of a level owes. Level 3 keeps 安抚客户 (第十二条 says so of it)."""
    every_incident = {"责任认定", "预防措施", "整改措施"}
    for number in (1, 2):
        assert set(catalog.level(number).aftercare_required) <= every_incident
    bite = catalog.situation("staff_injured")
    assert "客户安抚" not in catalog.level(bite.default_level).aftercare_required
    assert catalog.level(3).aftercare_required == ("客户安抚",)


# ---- missing --------------------------------------------------------------------------------

def test_the_mall_s_4_3_is_there(catalog):
    for key in ("terror_attack", "epidemic"):
        assert steps_citing(catalog, key, "mall:四.1(4)4.3"), key


@pytest.mark.parametrize(("key", "supplies"), [
    ("natural_disaster", {"生活物资", "急救设备", "通讯设备"}),
    ("terror_attack", {"生活物资", "急救设备", "通讯设备"}),
    ("staff_injured", {"药品"})])
def test_supplies_the_documents_name(catalog, key, supplies):
    assert supplies <= set(catalog.situation(key).all_supplies)


# ---- invented -------------------------------------------------------------------------------

def test_no_invented_words_to_say(catalog):
    said = [s for sit in catalog.situations for s in sit.all_scripts]
    assert not [s for s in said if "不要恐慌" in s or "有没有人员伤亡" in s]
    apology = "对不起,由于我们的纰漏给您带来不便,同时也感谢您指出我们工作中的不足。"
    assert [sit.key for sit in catalog.situations if apology in sit.all_scripts] == [
        "agitated_customer"]


def test_no_roles_the_documents_do_not_name(catalog):
    keys = {r.key for r in catalog.roles}
    assert not {"gas_emergency", "water_supply"} & keys


def test_no_repair_deadline_the_documents_do_not_set(catalog):
    """"If not fixed within 30 minutes, the desk…" is the desk's decision point, not a
    deadline owed by 物业 or 信息中心."""
    for sit in catalog.situations:
        for timer in sit.timers:
            assert timer.action != "restore", (sit.key, timer.key)
    for key in ("power_cut", "business_system_failure", "network_outage",
                "self_service_failure"):
        check = next(t for t in catalog.situation(key).timers if t.key == "check_30")
        assert (check.action, check.by, check.minutes) == ("decide", "clerk", 30)
    backup = next(t for t in catalog.situation("hotline_failure").timers
                  if t.key == "backup_phones")
    assert (backup.action, backup.by, backup.minutes, backup.starts) == (
        "decide", "hotline_supervisor", 10, ("start",))
