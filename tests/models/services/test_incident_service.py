"""IncidentService: each response action returns what it changed; a refused one changes
nothing stored."""

import pytest

from models.services.changes import Changes
from models.services.incidents import ActionRefused, DeadlineRefused
from tests.models.services.conftest import stored

ACTED = Changes(incidents=True, timeline=True)
WITH_DEADLINES = Changes(incidents=True, timeline=True, deadlines=True)
DEADLINES = Changes(timeline=True, deadlines=True)


def test_start_names_the_new_incident_and_its_clocks(incidents):
    changes = incidents.start("fire")
    assert changes == WITH_DEADLINES.about(changes.incident_id)
    assert incidents.state(changes.incident_id).summary.status == "open"
    assert [s.id for s in incidents.open_incidents()] == [changes.incident_id]
    assert {v.incident_id for v in incidents.open_deadlines()} == {changes.incident_id}


def test_each_action_returns_its_changes(incidents):
    fire = incidents.start("fire").incident_id
    assert incidents.set_step(fire, 0, True) == ACTED.about(fire)  # now in hand
    assert incidents.state(fire).summary.status == "in_hand"
    assert incidents.set_step(fire, 1, True) == Changes(timeline=True, incident_id=fire)
    assert incidents.note(fire, "二楼仓库起火") == Changes(timeline=True, incident_id=fire)
    assert incidents.call(fire, "fire") == DEADLINES.about(fire)
    assert incidents.report(fire, "group_leader") == DEADLINES.about(fire)
    assert incidents.change_level(fire, 2, "火势较小") == WITH_DEADLINES.about(fire)
    assert incidents.resolve(fire) == WITH_DEADLINES.about(fire)
    assert incidents.state(fire).summary.status == "resolved"


@pytest.mark.parametrize("first", [
    lambda s, i: s.note(i, "先记一笔"), lambda s, i: s.call(i, "fire"),
    lambda s, i: s.report(i, "group_leader")])
def test_the_first_handling_act_changes_the_incident_itself(incidents, first):
    fire = incidents.start("fire").incident_id
    assert first(incidents, fire).incidents  # open → in hand


def test_a_note_draft_changes_nothing_shown(incidents):
    fire = incidents.start("fire").incident_id
    assert not incidents.save_note_draft(fire, "二楼")
    assert incidents.note_draft(fire) == "二楼"


@pytest.mark.parametrize(("command", "code"), [
    (lambda s, i: s.note(i, "   "), "empty_note"),
    (lambda s, i: s.change_level(i, 1, "同级"), "same_level"),
    (lambda s, i: s.change_level(i, 2, ""), "reason_required"),
    (lambda s, i: s.set_step(i, 99, True), "no_such_step"),
    (lambda s, i: s.call(i, "no_such_role"), "no_such_role"),
])
def test_a_refused_action_changes_nothing(incidents, command, code):
    fire = incidents.start("fire").incident_id
    before = stored()
    with pytest.raises(ActionRefused) as refused:
        command(incidents, fire)
    assert refused.value.code == code
    assert stored() == before


def test_cancel_is_refused_after_its_window_and_changes_nothing(incidents, clock):
    fire = incidents.start("fire").incident_id
    clock.advance(minutes=2, seconds=1)
    before = stored()
    with pytest.raises(ActionRefused):
        incidents.cancel(fire)
    assert stored() == before


def test_a_missed_deadline_is_named_and_a_quiet_check_changes_nothing(incidents, clock):
    fire = incidents.start("fire").incident_id
    quiet = incidents.check_overdue()
    assert (quiet.changes, quiet.value) == (Changes(), [])
    due = min(v.due_at for v in incidents.open_deadlines())
    clock.advance(seconds=(due - clock.now()).total_seconds() - 1)  # a second to go
    assert incidents.check_overdue().value == []
    clock.advance(seconds=1)  # due now: missed
    missed = incidents.check_overdue()
    assert missed.changes == DEADLINES and missed.value  # no incident's status changed
    assert {v.incident_id for v in incidents.open_deadlines() if v.id in missed.value} == {fire}
    assert incidents.acknowledge(missed.value) == DEADLINES
    assert incidents.acknowledge([]) == Changes()


def test_meeting_a_deadline_twice_is_refused_the_second_time(incidents):
    fire = incidents.start("fire").incident_id
    deadline = incidents.open_deadlines()[0]
    assert incidents.meet_deadline(deadline.id) == DEADLINES
    before = stored()
    with pytest.raises(DeadlineRefused):
        incidents.meet_deadline(deadline.id)
    assert stored() == before
    assert fire


def test_a_drill_holiday_and_run_shape_what_starts(incidents):
    incidents.drill_holiday = True
    assert incidents.act().calendar.is_holiday(incidents.clock.now().date())
    incidents.drill_holiday = False
    assert incidents.act().who.clerk == "张三"


def test_an_incident_runs_on_the_version_it_started_on(desk_db, shipped_catalog, clock):
    """Started under one version, acted on by a desk running another: the steps, and the
    check made, are its own version's; a new incident runs the desk's; a stored text that
    cannot be read leaves the desk's plans, as before, never a crash."""
    from dataclasses import replace

    from models.plans.versions import record_plan_version
    from models.services.incidents import IncidentService
    from models.store.tables import Incident, PlanVersion
    from tests.models.services.conftest import WHO

    fire = shipped_catalog.situation("fire")
    shorter = replace(fire, steps=fire.steps[1:])
    newer = replace(shipped_catalog, situations=tuple(
        shorter if s.key == "fire" else s for s in shipped_catalog.situations),
        digest="newer", _index={})
    old_desk = IncidentService(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                               who=lambda: WHO)
    incident = old_desk.start("fire").incident_id
    new_desk = IncidentService(catalog=newer, plan=record_plan_version(newer, clock.now()),
                               clock=clock, who=lambda: WHO)
    assert new_desk.plans_of(incident).situation("fire").steps == fire.steps
    new_desk.set_step(incident, 0, True)
    assert new_desk.state(incident).entries[-1].text == fire.steps[0].text
    started_new = new_desk.start("fire").incident_id
    assert new_desk.plans_of(started_new) is newer
    broken = PlanVersion.create(version="2025.9", digest="unreadable", revised=clock.now(),
                                first_used_at=clock.now(), snapshot="not json")
    Incident.update(plan=broken.id).where(Incident.id == incident).execute()
    unreadable = IncidentService(catalog=newer, plan=new_desk.plan, clock=clock,
                                 who=lambda: WHO)
    assert unreadable.plans_of(incident) is newer
