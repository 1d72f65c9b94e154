"""ContactService, DrillService and PlanService: commands return what changed; refusals
change nothing stored."""

from datetime import timedelta

import pytest

from models.drills.scenarios import load_scenarios
from models.services.changes import Changes
from models.services.contacts import ContactData, ContactRefused, ContactService, Phone
from models.services.drills import (
    DrillService,
    ScenarioNotWritten,
    ScenarioRefused,
    TrainingRefused,
)
from models.services.plans import ApprovalRefused, PlanService
from models.store.paths import default_plans_dir
from tests.models.services.conftest import stored

LI_SI = ContactData(name="李四", role_key="liaison", phones=(Phone("", "13800138000"),))


@pytest.fixture
def contacts(shipped_catalog, clock, desk_db):
    return ContactService(catalog=shipped_catalog, clock=clock)


@pytest.fixture
def drills(incidents):
    return DrillService(catalog=incidents.catalog, plan=incidents.plan, act=incidents.act)


@pytest.fixture
def plans(incidents):
    return PlanService(catalog=incidents.catalog, plan=incidents.plan, now=incidents.clock.now)


def test_contact_commands_change_the_directory(contacts):
    assert contacts.add(LI_SI) == Changes(contacts=True)
    [li_si] = contacts.contacts()
    assert contacts.edit(li_si.id, LI_SI) == Changes(contacts=True)
    assert contacts.delete(li_si.id) == Changes(contacts=True)
    assert contacts.contacts() == []
    assert contacts.restore(li_si.id) == Changes(contacts=True)


def test_a_refused_contact_changes_nothing(contacts):
    before = stored()
    with pytest.raises(ContactRefused):
        contacts.add(ContactData(name="", role_key="liaison", phones=()))
    assert stored() == before


def test_a_drill_run_from_start_to_score(drills, incidents):
    [scenario, *_] = load_scenarios(default_plans_dir() / "drills", drills.catalog)[0]
    started = drills.start(scenario, 1, "王教员")
    assert started.changes == Changes(drills=True)
    incidents.drill_run = started.value
    incidents.start(scenario.situation)
    assert drills.finish(started.value, scenario, incidents.clock.now()) == Changes(
        incidents=True, timeline=True, deadlines=True, drills=True, training=True)
    assert drills.report(started.value).score.score >= 0
    assert [r[0] for r in drills.finished_runs()] == [started.value]
    assert drills.end_interrupted().changes == Changes()  # nothing was left running


def test_scenarios_written_or_refused(drills, tmp_path, unwritable_folder):
    [scenario, *_] = load_scenarios(default_plans_dir() / "drills", drills.catalog)[0]
    fields = {"title": "夜间火灾", "situation": scenario.situation, "description": "",
              "holiday": False, "injects": [{"at_minutes": 1, "text": "烟更大了"}]}
    written = drills.save_scenario(tmp_path, key="", **fields)
    assert written.changes == Changes(scenarios=True) and written.value.own
    with pytest.raises(ScenarioRefused):
        drills.save_scenario(tmp_path, key="", **(fields | {"title": ""}))
    with pytest.raises(ScenarioNotWritten):
        drills.save_scenario(unwritable_folder / "drills", key="", **fields)
    assert len(list(tmp_path.glob("*.toml"))) == 1


def test_training_recorded_or_refused(drills, incidents):
    today = incidents.clock.now().date()
    assert drills.add_training("training", today, "话术", "王教员", "全体", "",
                               today=today) == Changes(training=True)
    before = stored()
    with pytest.raises(TrainingRefused):
        drills.add_training("training", today + timedelta(days=1), "话术", "", "", "",
                            today=today)
    assert stored() == before


def test_approval_recorded_or_refused(plans, clock):
    clock.advance(days=2)  # the shipped plans were revised on 2026-11-22
    today = plans.today()
    assert plans.approve(reviewer="李审", approved_by="王经理", approved_on=today, note="",
                         recorded_by="张三", today=today) == Changes(plans=True)
    before = stored()
    with pytest.raises(ApprovalRefused):
        plans.approve(reviewer="", approved_by="王经理", approved_on=today,
                      note="", recorded_by="张三", today=today)
    assert stored() == before
    [current] = plans.revisions()
    assert len(current.approvals) == 1
    catalog, label = plans.version(current.plan_id)
    assert catalog.info == plans.catalog.info and label.startswith(catalog.info.version)
