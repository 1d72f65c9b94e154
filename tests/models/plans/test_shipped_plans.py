"""The shipped plans carry what the source documents require (a regression net for plans/)."""

import pytest

from models.plans.loader import load_catalog
from models.store.paths import default_plans_dir


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_plans_dir())


def timer(catalog, situation, key):
    return next(t for t in catalog.situation(situation).timers if t.key == key)


def test_levels_and_their_reporting_deadlines(catalog):
    expected = {1: ("group_leader", 5, "start"), 2: ("liaison", 10, "start"),
                3: ("dept_manager", 1440, "resolved")}
    for number, (to, minutes, starts) in expected.items():
        level = catalog.level(number)
        assert (level.report_to, level.report_within_minutes, level.report_starts) == (
            to, minutes, starts)
    chain = catalog.level(1).timers[1]
    assert (chain.to, chain.minutes, chain.starts) == ("general_manager", 0,
                                                       ("met:level_report",))


def test_hotline_failure_deadlines(catalog):
    assert timer(catalog, "hotline_failure", "supervisor_report").minutes == 3
    arrive = timer(catalog, "hotline_failure", "it_arrive")
    assert (arrive.minutes, arrive.holiday_minutes) == (15, 45)
    backup = timer(catalog, "hotline_failure", "backup_phones")  # 五.3(6): the hotline decides
    assert (backup.action, backup.minutes, backup.starts) == ("decide", 10, ("start",))


def test_self_service_machine_chain(catalog):
    assert timer(catalog, "self_service_failure", "check_30").minutes == 30
    assert set(timer(catalog, "self_service_failure", "report_manager").starts) == {
        "met:check_30", "missed:check_30"}
    assert timer(catalog, "self_service_failure", "check_4h").minutes == 240
    leader = timer(catalog, "self_service_failure", "report_leader")
    assert set(leader.starts) == {"met:check_4h", "missed:check_4h", "manual"}
    assert "24" in leader.trigger


def test_thresholds(catalog):
    loss = {t.key: t for t in catalog.situation("company_property_loss").thresholds}
    assert (loss["loss_over_5000"].value, loss["loss_over_5000"].unit) == (5000, "yuan")
    assert (loss["cctv_keep_30d"].value, loss["cctv_keep_30d"].unit) == (30, "days")
    outage = {t.key: t for t in catalog.situation("power_cut").thresholds}
    assert outage["outage_30min"].value == 30


def test_scripts_from_the_documents(catalog):
    scripts = " ".join(catalog.situation("agitated_customer").all_scripts)
    assert "对不起,由于我们的纰漏给您带来不便" in scripts
    assert "请您先平静一下" in scripts


def test_urgent_situations_and_outside_numbers(catalog):
    urgent = {s.key for s in catalog.situations if s.urgent}
    assert {"fire", "customer_ill_injured", "staff_assaulted", "robbery"} <= urgent
    numbers = {r.number for r in catalog.roles if r.outside and r.number}
    assert {"110", "119", "120"} <= numbers


def test_every_source_document_is_used(catalog):
    used = {ref.partition(":")[0] for s in catalog.situations for ref in s.sources}
    # a public regulation cited only by a timer (493号: the 初报's hour) is used too
    used |= {t.source.partition(":")[0] for s in catalog.situations for t in s.timers
             if t.source}
    assert used == {s.key for s in catalog.sources}


def test_switching_plans(catalog):
    steps = catalog.situation("agitated_customer").steps
    assert any(step.switch_to == "staff_assaulted" for step in steps)


def steps_by_source(catalog, situation):
    return {step.source: step for step in catalog.situation(situation).steps}


def test_every_situation_the_documents_name_is_there(catalog):
    named = {
        # cinema 第五条
        "equipment_failure", "complaint_escalation", "fire", "electric_shock", "equipment_fall",
        "customer_property_lost", "power_cut", "water_outage", "network_outage",
        "natural_disaster", "customer_ill_injured", "quarrel_fight", "third_party_harassment",
        # gas customer-service department 二-七
        "agitated_customer", "staff_injured", "staff_assaulted", "company_property_loss",
        "customer_property_damaged", "business_system_failure", "hotline_failure",
        "self_service_failure", "theft_in_progress", "robbery", "gas_accident_report",
        "threatening_call", "explosion",
        # government hall (三)1, outlet 场合一 / bank 四.5, municipal 一.1, conference
        "crowd_disorder", "network_attack", "terror_attack", "epidemic", "conference_emergency",
    }
    assert named <= {s.key for s in catalog.situations}


def test_each_step_cites_a_document_of_its_situation(catalog):
    for sit in catalog.situations:
        documents = {ref.partition(":")[0] for ref in sit.sources}
        for step in sit.steps:
            assert step.source.partition(":")[0] in documents, (sit.key, step.text)


def test_quoted_scripts_are_exact_and_in_the_documents_punctuation(catalog):
    apology = "对不起,由于我们的纰漏给您带来不便,同时也感谢您指出我们工作中的不足。"
    calm = "我们也是为了解决您反映的问题,请您先平静一下,我们再看能为您做些什么"
    agitated = catalog.situation("agitated_customer").steps
    saying = {step.say: step for step in agitated if step.say}
    assert saying[(apology,)].source == "gas:二.3"
    assert (saying[(calm,)].source, saying[(calm,)].role) == ("gas:二.6", "colleague")
    # words of the agitated-customer chapter are not put into the mouth of someone stopping
    # an assault (the documents give no words there)
    assert calm not in catalog.situation("staff_assaulted").all_scripts


def test_fire_reports_the_emergency_group_at_once_and_the_higher_office_when_large(catalog):
    fire = catalog.situation("fire")
    first_report = steps_by_source(catalog, "fire")["bank:四.3(1)"]
    assert first_report.call == ("emergency_command",) and not first_report.condition
    assert fire.steps.index(first_report) == 2  # right after raising the alarm
    large = next(s for s in fire.steps if "上级主管部门" in s.text)
    assert large.condition and "superior" in large.call


def test_injured_customer_rescue_and_supplies(catalog):
    steps = steps_by_source(catalog, "customer_ill_injured")
    assert "及时救治" in steps["mall:四.1(3)3.2"].text
    assert steps["gas:六.1(3)"].call == ("ambulance", "customer_family")
    assert {"急救设备", "药品"} <= set(catalog.situation("customer_ill_injured").all_supplies)


def test_steps_follow_the_documents_order(catalog):
    hotline = [s.source for s in catalog.situation("hotline_failure").steps]
    assert hotline[-3:] == ["gas:五.3(4)", "gas:五.3(5)", "gas:五.3(6)"]
    conference = [s.source for s in catalog.situation("conference_emergency").steps]
    assert conference[-3:] == ["conference:五.4(1)", "conference:五.4(2)", "conference:五.5"]


def test_switches_to_the_plan_that_takes_over(catalog):
    def targets(key):
        return {s.switch_to for s in catalog.situation(key).steps if s.switch_to}
    assert targets("explosion") == {"fire"}
    assert targets("third_party_harassment") == {"quarrel_fight"}
    assert targets("theft_in_progress") == {"robbery"}


def test_all_durations_and_amounts(catalog):
    found = {(s.key, t.key): (t.value, t.unit) for s in catalog.situations for t in s.thresholds}
    assert found == {
        ("company_property_loss", "loss_over_5000"): (5000, "yuan"),
        ("company_property_loss", "cctv_keep_30d"): (30, "days"),
        ("power_cut", "outage_30min"): (30, "minutes"),
        ("business_system_failure", "repair_30min"): (30, "minutes"),
        ("network_outage", "repair_30min"): (30, "minutes"),
        ("hotline_failure", "unfixed_10min"): (10, "minutes"),
        ("self_service_failure", "unfixed_30min"): (30, "minutes"),
        ("self_service_failure", "repair_4h"): (4, "hours"),
        ("self_service_failure", "expected_24h"): (24, "hours"),
    }
    notice = timer(catalog, "hotline_failure", "customer_notice")
    assert (notice.minutes, notice.starts) == (10, ("manual",))


def test_general_parts_of_all_documents(catalog):
    general = catalog.general
    principles = " ".join(general.principles)
    for words in ("客户至上", "以人为本", "及时排查、尽快修复、确保安全",
                  "立即救治、及时报告、妥善处理"):
        assert words in principles
    flow = " ".join(general.first_steps)
    for words in ("严禁与客户发生争执", "应急办公室", "应急协调人员", "消除恐慌,指导行为",
                  "事件得到有效控制后", "人员伤亡等情况,要及时向上级主管进行汇报"):
        assert words in flow
    assert {"客户安抚", "损失核算", "责任认定", "预防措施", "赔偿损失"} <= set(general.aftercare)
    prevention = " ".join(general.prevention)
    for words in ("24小时可联络", "生活物资、急救设备、通讯设备", "药品、维修工具",
                  "紧急应变外部联系通信录", "模拟火灾、疏散演练、应急通讯测试"):
        assert words in prevention
    governance = catalog.governance
    assert (governance.revise_every_months, governance.training_every_months,
            governance.drill_every_months) == (12, 3, 12)


def test_categories_name_each_documents_own_categories(catalog):
    described = " ".join(c.description for c in catalog.categories)
    for name in ("设备故障类", "客户投诉升级类", "安全事件类", "环境突发类", "其他类",  # cinema
                 "情绪激动类", "人身安全类", "财产损失类", "系统故障类", "其他应急事件"):  # gas
        assert name in described


def test_steps_for_after_the_event_are_marked(catalog):
    """Aftercare a drill does not expect: marked where the document's words say so."""
    after = {(s.key, step.text) for s in catalog.situations for step in s.steps if step.after}
    assert ("fire", "火灾扑灭后,组织人员进行现场清理,恢复正常秩序。") in after
    assert ("customer_ill_injured", "事故处理后,对相关责任人进行追责。") in after
    # the government hall's report upward is during the fire, its announcement after
    assert ("fire", "在大厅内对此事件进行通报。") in after
    assert ("fire", "及时向有关部门和上级报告情况。") not in after
    assert len(after) == 29
    assert not any(step.after and step.condition
                   for s in catalog.situations for step in s.steps)
