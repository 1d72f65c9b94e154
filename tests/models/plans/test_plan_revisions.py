"""Plan revisions: approvals recorded with the exact text approved, every version listed with
what used it, and the text of an old version read back after the plan files changed."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.incidents.record_document import build_record
from models.plans.loader import load_catalog
from models.plans.revisions import (
    ApprovalRefused,
    incident_plan,
    plan_catalog,
    record_approval,
    revisions,
)
from models.plans.versions import record_plan_version

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def approve(plan, **changes):
    values = {"reviewer": "李主管", "approved_by": "王经理", "approved_on": date(2026, 11, 25),
              "note": "经理办公会审议通过", "recorded_by": "张三", "now": NOW,
              "today": date(2026, 11, 25)}
    values.update(changes)
    return record_approval(plan, **values)


@pytest.mark.parametrize(("changes", "code"), [
    ({"reviewer": " "}, "reviewer_required"),
    ({"approved_by": ""}, "approver_required"),
    ({"approved_on": None}, "bad_date"),
    ({"approved_on": date(2026, 11, 26)}, "future_date"),
    ({"approved_on": date(2026, 11, 21)}, "before_revision"),
    ({"note": "x" * 2001}, "too_long"),
])
def test_bad_approvals_are_refused(desk_db, shipped_catalog, changes, code):
    with pytest.raises(ApprovalRefused) as refused:
        approve(desk_db[1], **changes)
    assert refused.value.code == code
    assert revisions(shipped_catalog)[0].approvals == ()


def test_an_old_version_stays_readable_after_a_revision(desk_db, shipped_catalog,
                                                       real_plans_dir):
    old_plan = desk_db[1]
    act = Act(Who("城东营业厅", "1号台", "张三"), NOW, HolidayCalendar())
    old_incident = response.start_incident(shipped_catalog, old_plan, "fire", act)
    approve(old_plan)
    # the plans are revised: a new version, a step of the fire plan reworded
    catalog_file = real_plans_dir / "catalog.toml"
    catalog_file.write_text(catalog_file.read_text(encoding="utf-8").replace(
        'version = "2026.1"', 'version = "2027.1"').replace("revised = 2026-11-22",
                                                           "revised = 2027-11-20"),
        encoding="utf-8")
    fire_file = real_plans_dir / "fire_safety.toml"
    fire_file.write_text(fire_file.read_text(encoding="utf-8").replace(
        "对初期火灾进行扑救", "对初期火灾进行扑救(新版)"), encoding="utf-8")
    revised = load_catalog(real_plans_dir)
    new_plan = record_plan_version(revised, datetime(2027, 11, 20, tzinfo=UTC))
    new_incident = response.start_incident(revised, new_plan, "fire",
                                           replace(act, now=datetime(2027, 11, 21, tzinfo=UTC)))

    assert incident_plan(old_incident) == (old_plan.id, "2026.1（2026-11-22）")
    assert incident_plan(new_incident) == (new_plan.id, "2027.1（2027-11-20）")
    assert build_record(revised, old_incident).plan_version == (
        "2026.1（2026-11-22），签发人 王经理 2026-11-25")  # its own approval, on paper
    def extinguish_step(plan_id: int) -> str:
        steps = plan_catalog(plan_id).situation("fire").steps
        return next(st.text for st in steps if "对初期火灾进行扑救" in st.text)

    assert "(新版)" not in extinguish_step(old_plan.id)
    assert extinguish_step(new_plan.id).endswith("对初期火灾进行扑救(新版)。")
    assert plan_catalog(old_plan.id).to_dict() == shipped_catalog.to_dict()

    listed = revisions(revised)
    assert [(r.version, r.current, r.incidents) for r in listed] == [
        ("2027.1", True, 1), ("2026.1", False, 1)]
    assert listed[1].approvals[0].approved_by == "王经理"
    assert listed[1].label == "2026.1（2026-11-22）"


def cut_short(real_plans_dir, keep_lines: int):
    """The shipped plans with fire_safety.toml cut after `keep_lines` lines (a copy killed
    midway, a file emptied by a bad editor): it still parses, with fewer situations."""
    path = real_plans_dir / "fire_safety.toml"
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:keep_lines]) + "\n",
                    encoding="utf-8")
    return load_catalog(real_plans_dir)


def fire_only(real_plans_dir) -> int:
    """How many lines of fire_safety.toml hold only its first situation, the fire."""
    lines = (real_plans_dir / "fire_safety.toml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines) if line.endswith(" 触电"))


def test_the_same_version_losing_situations_is_caught(desk_db, shipped_catalog, real_plans_dir):
    from models.plans.revisions import lost_situations

    assert lost_situations(shipped_catalog) == []
    truncated = cut_short(real_plans_dir, fire_only(real_plans_dir))  # only the fire left
    assert truncated.info.version == shipped_catalog.info.version
    assert lost_situations(truncated) == ["electric_shock", "equipment_fall", "explosion",
                                          "gas_accident_report"]
    revised = replace(truncated, info=replace(truncated.info, version="2027.1"))
    assert lost_situations(revised) == []  # a revision that says so may remove situations


def test_a_running_incident_of_a_removed_situation_still_opens(desk_db, shipped_catalog,
                                                              real_plans_dir):
    from models.incidents.response import incident_state, keeping_running

    _, plan = desk_db
    act = Act(Who("城东营业厅", "1号台", "张三"), datetime(2026, 11, 20, 9, tzinfo=UTC),
              HolidayCalendar())
    shock = response.start_incident(shipped_catalog, plan, "electric_shock", act)
    revised = cut_short(real_plans_dir, fire_only(real_plans_dir))
    with pytest.raises(KeyError):
        revised.situation("electric_shock")
    working = keeping_running(revised)
    assert working.situation("electric_shock") == shipped_catalog.situation("electric_shock")
    assert "electric_shock" not in {s.key for s in working.situations}  # listed nowhere
    assert "electric_shock" not in {s.key for s in working.situations_in("fire_safety")}
    assert working.digest == revised.digest and working.to_dict() == revised.to_dict()
    response.set_step(working, shock, 0, True, act)  # the clerk goes on with it
    assert incident_state(shock).summary.status == "in_hand"


def test_a_past_incident_is_named_by_its_version_backed_by_the_plans_now(
        desk_db, shipped_catalog, shipped_editions):
    """The bank's version names its own roles (its name for 应急指挥部 wins over the plans
    now); a key it lacks is named by the plans now; a key neither has is no name."""
    from models.plans.editions import in_edition
    from models.plans.revisions import names_of

    bank = in_edition(shipped_catalog, shipped_editions, "bank_outlet")
    plan = record_plan_version(bank, NOW)
    names = names_of(plan.id, shipped_catalog)
    assert names.role("emergency_command").name == "突发事件应急领导小组"
    assert shipped_catalog.role("emergency_command").name == "应急指挥部"
    assert names.role("liaison").name == "应急管理小组联络员"
    assert [r.key for r in names.roles] == [r.key for r in bank.roles]  # found, not listed
    with pytest.raises(KeyError):
        names.role("no_such_role")
