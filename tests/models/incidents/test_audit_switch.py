"""Switching plans keeps the more severe level and runs that level's clocks (issue 15 audit,
"Dangerous" (2): an agitated customer at 3 who assaults staff stayed at 3 with no 10-minute
report; an explosion switched to the fire plan kept its level)."""

from datetime import timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.incidents.verify import verify_incident
from models.store.tables import Deadline, Incident

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")


@pytest.fixture
def clock():
    return FakeClock()


def act(clock) -> Act:
    return Act(WHO, clock.now(), HolidayCalendar())


def open_level_clocks(incident_id):
    return {(row.source, row.key) for row in Deadline.select().where(
        Deadline.incident == incident_id, Deadline.status == "pending",
        Deadline.source.startswith("level:"))}


@pytest.mark.parametrize(("current", "new_default", "kept"), [
    (3, 1, 1), (3, 2, 2), (2, 1, 1), (1, 3, 1), (2, 3, 2), (1, 1, 1), (2, 2, 2)])
def test_the_level_after_a_switch_is_the_more_severe(current, new_default, kept):
    assert response.level_after_switch(current, new_default) == kept


def start(shipped_catalog, desk_db, clock, key):
    return response.start_incident(shipped_catalog, desk_db[1], key, act(clock))


def test_a_switch_to_a_more_severe_plan_raises_the_level_and_starts_its_report(
        shipped_catalog, desk_db, clock):
    """3 → 2: the level-2 report (10 minutes to the liaison) runs from the switch."""
    catalog = shipped_catalog
    assert catalog.situation("third_party_harassment").default_level == 3
    assert catalog.situation("quarrel_fight").default_level == 2
    incident = start(catalog, desk_db, clock, "third_party_harassment")
    clock.advance(minutes=7)
    switched_at = clock.now()
    response.switch_situation(catalog, incident, "quarrel_fight", act(clock))
    assert Incident.get_by_id(incident).level == 2
    [report] = [d for d in deadlines.open_deadlines() if d.incident_id == incident
                and d.key == "level_report"]
    assert (report.to_role, report.started_at, report.due_at) == (
        "liaison", switched_at, switched_at + timedelta(minutes=10))
    entries = response.incident_state(incident).entries
    changed = [e for e in entries if e.kind == "level_changed"]
    assert [(e.data, e.text) for e in changed] == [({"from": 3, "to": 2},
                                                    catalog.situation("quarrel_fight").name)]
    assert verify_incident(incident) == []  # the timeline tells the level the row holds


def test_a_switch_from_3_to_a_level_1_plan_runs_the_5_minute_report(shipped_catalog, desk_db,
                                                                     clock):
    catalog = shipped_catalog
    incident = start(catalog, desk_db, clock, "equipment_failure")  # level 3
    clock.advance(minutes=2)
    response.switch_situation(catalog, incident, "fire", act(clock))
    assert Incident.get_by_id(incident).level == 1
    [report] = [d for d in deadlines.open_deadlines() if d.incident_id == incident
                and d.key == "level_report"]
    assert (report.to_role, report.due_at - report.started_at) == ("group_leader",
                                                                   timedelta(minutes=5))
    assert open_level_clocks(incident) == {("level:1", "level_report")}


def test_a_level_2_clock_gives_way_when_a_switch_raises_the_level(shipped_catalog, desk_db,
                                                                  clock):
    catalog = shipped_catalog
    incident = start(catalog, desk_db, clock, "quarrel_fight")  # level 2: liaison in 10 min
    assert open_level_clocks(incident) == {("level:2", "level_report")}
    response.switch_situation(catalog, incident, "robbery", act(clock))  # level 1
    assert open_level_clocks(incident) == {("level:1", "level_report")}
    superseded = Deadline.get(Deadline.incident == incident, Deadline.source == "level:2")
    assert superseded.status == "superseded"


def test_a_switch_to_a_less_severe_plan_keeps_the_level_and_its_clocks(shipped_catalog,
                                                                       desk_db, clock):
    """1 → 3 stays 1: the 5-minute report already running keeps running, from the start."""
    catalog = shipped_catalog
    incident = start(catalog, desk_db, clock, "fire")
    started = clock.now()
    clock.advance(minutes=1)
    response.switch_situation(catalog, incident, "equipment_failure", act(clock))
    assert Incident.get_by_id(incident).level == 1
    [report] = [d for d in deadlines.open_deadlines() if d.incident_id == incident
                and d.key == "level_report"]
    assert report.started_at == started
    kinds = [e.kind for e in response.incident_state(incident).entries]
    assert "level_changed" not in kinds and "situation_changed" in kinds
