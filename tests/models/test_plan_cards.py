"""The printed plan as plain data: steps split at the event's end, whom to call in the
printed order with numbers from the roles and the directory, the default level's deadlines,
and the stamp (version, signer, sign date) of the text in use."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from models import plan_cards
from models.contacts import directory
from models.contacts.directory import ContactData, Phone
from models.documents import PlanStamp
from models.plans.editions import in_edition
from models.plans.revisions import record_approval

STAMP = PlanStamp("2026.1", date(2026, 11, 22), "王经理", date(2026, 11, 25))


def people_of(catalog):
    by_role = directory.people_by_role(catalog, directory.list_contacts(catalog))
    return lambda key: by_role.get(key, [])


def test_the_fire_card_splits_the_steps_and_names_who_does_what(shipped_catalog):
    card = plan_cards.plan_card(shipped_catalog, "fire", STAMP, hall="城东营业厅")
    fire = shipped_catalog.situation("fire")
    assert [s.text for s in card.steps] == [s.text for s in fire.steps if not s.after]
    assert [s.text for s in card.after_steps] == [s.text for s in fire.steps if s.after]
    assert card.after_steps and all(s.after for s in card.after_steps)
    assert (card.name, card.level, card.level_name) == ("营业场所发生火灾", 1,
                                                        "一级应急事件（重大）")
    assert card.level_color == shipped_catalog.level(1).color
    first = card.steps[0]
    assert first.role == "" and first.calls == ("物业",)  # the clerk's step names no one
    # Since each step cites one document, the first 119 step is an unconditional one (the
    # gas document's "立即拨打119火警电话"); the government hall's comes with its condition.
    conditional = next(s for s in card.steps if s.condition and "119" in s.text)
    assert conditional.condition == "火势较大,确认靠自身能力不能扑灭"
    assert "消防报警" in conditional.calls
    done_by = next(s for s in card.steps if s.role)
    assert done_by.role == "综合科"  # a step someone else does names them
    assert card.say == fire.all_scripts and card.stamp == STAMP and card.hall == "城东营业厅"


def test_emergency_numbers_lead_then_whom_to_report_to_then_the_plans_calls(shipped_catalog):
    card = plan_cards.plan_card(shipped_catalog, "fire", STAMP)
    roles = [c.role for c in card.calls]
    assert roles[:4] == ["公安报警", "消防报警", "医疗急救", "应急管理小组组长"]
    assert [c.numbers for c in card.calls[:3]] == [(("", "110"),), (("", "119"),),
                                                    (("", "120"),)]
    assert all(c.public for c in card.calls[:3]) and not any(c.public for c in card.calls[3:])
    police, fire = card.calls[0], card.calls[1]
    assert not police.in_plan and fire.in_plan  # 110 is shown though the fire plan calls 119
    leader = card.calls[3]
    assert leader.report and leader.numbers == ()  # nobody on file: a line to write on
    assert len(roles) == len(set(roles))
    assert roles.index("物业") < roles.index("综合科")  # the order the steps first call them
    # 分管领导 is called during the fire (if it is large) and after it: not an after call.
    assert not next(c for c in card.calls if c.role == "分管领导").after
    # The audited fire calls no role after the event only; the natural disaster does (the
    # bank's help to the government with rebuilding, bank:四.4(3)).
    disaster = plan_cards.plan_card(shipped_catalog, "natural_disaster", STAMP)
    government = next(c for c in disaster.calls if c.role == "政府有关部门")
    assert government.after and government.in_plan  # only an after-the-event step calls it


def test_whom_the_level_reports_to_is_called_whatever_a_step_says(shipped_catalog,
                                                                    shipped_editions):
    """The government hall's fire calls 中心综合科 in a step "only if the fire is large", but
    the level reports to it at once in every fire: its card shows no condition."""
    gov = in_edition(shipped_catalog, shipped_editions, "gov_hall")
    card = plan_cards.plan_card(gov, "fire", STAMP)
    office = next(c for c in card.calls if c.role == "中心综合科")
    assert office.report and office.in_plan and office.condition == "" and not office.after
    leader = next(c for c in card.calls if c.role == "中心领导")  # the office reports to it
    assert not leader.report and leader.condition == "火势较大,确认靠自身能力不能扑灭"


def test_people_behind_a_role_bring_their_numbers(desk_db, shipped_catalog):
    directory.add_contact(shipped_catalog, ContactData(
        name="王组长", role_key="group_leader", phones=(Phone("手机", "13802456789"),)))
    directory.add_contact(shipped_catalog, ContactData(
        name="刘组长", role_key="group_leader", phones=(Phone("座机", "0755-87654321"),)))
    directory.seed_outside_numbers(shipped_catalog)  # 119 again as a contact: not repeated
    card = plan_cards.plan_card(shipped_catalog, "fire", STAMP,
                                people=people_of(shipped_catalog))
    leader = next(c for c in card.calls if c.role == "应急管理小组组长")
    assert leader.numbers == (("王组长", "138 0245 6789"), ("刘组长", "0755-87654321"))
    assert next(c for c in card.calls if c.role == "消防报警").numbers == (("", "119"),)


def test_the_deadlines_are_the_default_levels_then_the_plans(shipped_catalog):
    card = plan_cards.plan_card(shipped_catalog, "hotline_failure", STAMP)
    sit = shipped_catalog.situation("hotline_failure")
    level = shipped_catalog.level(sit.default_level)
    assert [d.label for d in card.deadlines] == [t.label for t in level.timers + sit.timers]
    own = card.deadlines[0]
    assert own.level and own.minutes == level.report_within_minutes
    assert own.to == shipped_catalog.role(level.report_to).name
    assert own.starts == (("start", ""),)
    # The audit made "not fixed in 10 minutes" the clerk's decision point, counted from the
    # start (it was a deadline started when a 10-minute repair deadline was missed).
    backup = next(d for d in card.deadlines if d.label == "10分钟未排除:启用后备通信设备")
    assert backup.starts == (("start", ""),) and not backup.level
    arrive = next(d for d in card.deadlines if d.holiday_minutes is not None)
    assert (arrive.minutes, arrive.holiday_minutes) == (15, 45)
    notice = next(d for d in card.deadlines if d.starts[0][0] == "manual")
    assert notice.starts == (("manual", "已了解故障原因,无法即时修复"),)


def test_a_deadline_started_by_another_names_the_one_it_follows(shipped_catalog):
    """The self-service machines' report to the department manager starts when the
    30-minute decision point is answered or runs out: the card names that point."""
    card = plan_cards.plan_card(shipped_catalog, "self_service_failure", STAMP)
    report = next(d for d in card.deadlines if d.label == "报告部门经理")
    assert report.starts == (("met", "30分钟未排除:报部门经理"),
                             ("missed", "30分钟未排除:报部门经理"))
    leader = next(d for d in card.deadlines if d.label == "报告分管领导")
    assert leader.starts[-1] == ("manual", "预计超过24小时")


def test_a_switch_names_the_plan_taking_over(shipped_catalog):
    switching = [(s, step) for s in shipped_catalog.situations for step in s.steps
                 if step.switch_to]
    assert switching
    sit, step = switching[0]
    card = plan_cards.plan_card(shipped_catalog, sit.key, STAMP)
    printed = next(s for s in card.steps + card.after_steps if s.text == step.text)
    assert printed.switch_to == shipped_catalog.situation(step.switch_to).name


def test_an_unknown_situation_is_a_key_error(shipped_catalog):
    with pytest.raises(KeyError):
        plan_cards.plan_card(shipped_catalog, "no_such_plan", STAMP)


def test_the_booklet_holds_every_situation_in_category_order(shipped_catalog):
    booklet = plan_cards.plan_booklet(shipped_catalog, STAMP, hall="城东营业厅")
    ordered = [s.key for c in shipped_catalog.ordered_categories()
               for s in shipped_catalog.situations_in(c.key)]
    assert [card.key for _, _, cards in booklet.categories for card in cards] == ordered
    assert [name for name, _, _ in booklet.categories] == [
        c.name for c in shipped_catalog.ordered_categories()]
    assert [lv.level for lv in booklet.levels] == [1, 2, 3]
    assert booklet.levels[0].deadlines[0].minutes == 5
    numbers = [c.role for c in booklet.numbers]
    assert numbers[:3] == ["公安报警", "消防报警", "医疗急救"]
    assert "应急管理小组组长" in numbers  # whom a level reports to, with or without a number
    assert "现场服务人员" not in numbers  # the desk itself is not called
    assert booklet.stamp == STAMP and booklet.first_steps == shipped_catalog.general.first_steps


def test_the_stamp_is_the_plan_files_until_an_approval_is_recorded(desk_db, shipped_catalog):
    from models.plans.publishing import stamp_of

    signed = replace(shipped_catalog, info=replace(shipped_catalog.info, approved_by="李总"),
                     _index={})
    assert stamp_of(shipped_catalog) == PlanStamp("2026.1", date(2026, 11, 22),
                                                             "", None)
    assert stamp_of(signed).signer == "李总"
    record_approval(desk_db[1], reviewer="张三", approved_by="王经理",
                    approved_on=date(2026, 11, 25), note="", recorded_by="张三",
                    now=datetime(2026, 11, 25, 9, 0, tzinfo=UTC), today=date(2026, 11, 25))
    assert stamp_of(shipped_catalog) == PlanStamp(
        "2026.1", date(2026, 11, 22), "王经理", date(2026, 11, 25))
