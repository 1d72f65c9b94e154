"""Verify: each finding at its entry and position, and each fact against what the timeline says."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from models.incidents import verify
from models.incidents.timeline import append_entry
from models.incidents.verify import Finding, verify_all, verify_incident
from models.store.tables import Amendment, Incident, RecordData, TimelineEntry

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SAID_RECORD = {"place": "大厅", "aftercare": {"客户安抚": "已安抚", "损失核算": ""}}
KEPT_RECORD = {"place": "大厅", "aftercare": {"客户安抚": "已安抚"}}  # a blank item is never kept


@pytest.fixture
def new_incident(new_incident):
    """Incident rows that started when their first entry says (a row started at another time
    than its timeline is itself a finding: started_differs)."""
    return lambda **fields: new_incident(**{"started_at": AT.replace(tzinfo=None), **fields})


@pytest.fixture
def unguarded(desk_db):
    """The database as someone with the sqlite3 command line has it: the guards dropped."""
    db = desk_db[0]
    db.execute_sql("DROP TRIGGER timeline_no_update")
    db.execute_sql("DROP TRIGGER timeline_no_delete")
    return db


def entries(incident: Incident, *kinds: str) -> list[TimelineEntry]:
    return [append_entry(incident, kind, at=AT + timedelta(minutes=i), text=kind)
            for i, kind in enumerate(kinds)]


def closed_incident(new_incident) -> Incident:
    """Started as a level-1 fire drill, then level 2, a power cut, recorded, amended twice and
    closed: the row and the record as the timeline says."""
    incident = new_incident(level=2, situation_key="power_cut", is_drill=True, status="closed")
    for kind, data in (("started", {"level": 1, "situation": "fire", "drill": True}),
                       ("level_changed", {"from": 1, "to": 2}),
                       ("situation_changed", {"from": "fire", "to": "power_cut"}),
                       ("record_saved", {"record": SAID_RECORD}),
                       ("amended", {"field": "place"}), ("amended", {"field": "place"}),
                       ("closed", {})):
        append_entry(incident, kind, at=AT, data=data)
    RecordData.create(incident=incident.id, data=json.dumps(KEPT_RECORD), saved_at=AT)
    for _ in range(2):
        Amendment.create(incident=incident.id, at=AT, by="张三", field="place", reason="笔误")
    return incident


def problems(incident: Incident) -> list[str]:
    return [f.problem for f in verify_incident(incident.id)]


def test_an_intact_incident_has_no_findings(new_incident):
    assert verify_incident(closed_incident(new_incident).id) == []


def test_an_incident_with_only_its_start_has_no_findings(new_incident):
    incident = new_incident(level=2)
    append_entry(incident, "started", at=AT, data={"level": 2, "situation": "fire",
                                                  "drill": False})
    assert verify_incident(incident.id) == []


@pytest.mark.parametrize(("fields", "problem"), [
    ({"level": 1}, "level_differs"), ({"situation_key": "power_cut"}, "situation_differs"),
    ({"is_drill": True}, "drill_differs")])
def test_the_start_says_what_the_incident_is(new_incident, fields, problem):
    incident = new_incident(level=2)
    append_entry(incident, "started", at=AT, data={"level": 2, "situation": "fire",
                                                  "drill": False})
    change_row(incident, **fields)
    assert problems(incident) == [problem]


def test_an_entry_whose_data_was_blanked_is_altered_not_a_crash(new_incident, unguarded):
    incident = new_incident()
    rows = entries(incident, "note")
    TimelineEntry.update(data="").where(TimelineEntry.id == rows[0].id).execute()
    assert problems(incident) == ["altered"]


def test_a_timeline_that_never_said_the_facts_is_not_held_to_them(new_incident):
    incident = new_incident(level=3, is_drill=True, situation_key="power_cut")
    entries(incident, "note", "note")
    assert verify_incident(incident.id) == []


def change_row(incident, **fields):
    Incident.update(**fields).where(Incident.id == incident.id).execute()


def change_record(incident, record):
    RecordData.update(data=json.dumps(record)).where(RecordData.incident == incident.id).execute()


@pytest.mark.parametrize(("tamper", "problem"), [
    (lambda i: change_row(i, level=1), "level_differs"),
    (lambda i: change_row(i, situation_key="fire"), "situation_differs"),
    (lambda i: change_row(i, is_drill=False), "drill_differs"),
    (lambda i: change_row(i, status="resolved"), "status_differs"),
    (lambda i: change_record(i, {**KEPT_RECORD, "place": "门口"}), "record_differs"),
    (lambda i: change_record(i, {**KEPT_RECORD, "aftercare": {"客户安抚": "未安抚"}}),
     "record_differs"),
    (lambda i: RecordData.delete().where(RecordData.incident == i.id).execute(),
     "record_differs"),
    (lambda i: Amendment.delete().where(Amendment.id == Amendment.select(Amendment.id)
                                        .where(Amendment.incident == i.id).limit(1)).execute(),
     "amendment_removed"),
])
def test_a_fact_changed_outside_the_program_shows(new_incident, tamper, problem):
    incident = closed_incident(new_incident)
    tamper(incident)
    assert verify_incident(incident.id) == [Finding(incident.id, incident.number, None, problem)]


def test_a_cancelled_incident_reopened_shows(new_incident):
    incident = new_incident(status="cancelled")
    entries(incident, "started", "cancelled")
    assert problems(incident) == []
    change_row(incident, status="open")
    assert problems(incident) == ["status_differs"]


def test_an_amendment_without_its_entry_shows(new_incident):
    incident = new_incident()
    entries(incident, "started")
    Amendment.create(incident=incident.id, at=AT, by="张三", field="place", reason="笔误")
    assert problems(incident) == ["amendment_removed"]


def test_an_altered_entry_is_found_at_its_position(new_incident, unguarded):
    incident = new_incident()
    rows = entries(incident, "note", "note", "note")
    TimelineEntry.update(text="未处理").where(TimelineEntry.id == rows[1].id).execute()
    assert verify_incident(incident.id) == [
        Finding(incident.id, incident.number, rows[1].id, "altered", 2)]


def test_the_first_entry_is_position_one(new_incident, unguarded):
    incident = new_incident()
    rows = entries(incident, "note", "note")
    TimelineEntry.update(desk="2号台").where(TimelineEntry.id == rows[0].id).execute()
    assert verify_incident(incident.id) == [
        Finding(incident.id, incident.number, rows[0].id, "altered", 1)]


def test_a_removed_entry_breaks_the_chain_at_the_next(new_incident, unguarded):
    incident = new_incident()
    rows = entries(incident, "note", "note", "note")
    TimelineEntry.delete().where(TimelineEntry.id == rows[1].id).execute()
    assert verify_incident(incident.id) == [
        Finding(incident.id, incident.number, rows[2].id, "chain_broken", 2)]


def test_the_newest_entry_removed_shows(new_incident, unguarded):
    incident = new_incident()
    rows = entries(incident, "note", "note")
    TimelineEntry.delete().where(TimelineEntry.id == rows[1].id).execute()
    assert verify_incident(incident.id) == [
        Finding(incident.id, incident.number, None, "last_removed")]


def test_an_incident_is_checked_alone(new_incident):
    first, second = new_incident(), new_incident()
    entries(first, "note")
    entries(second, "note", "note")
    assert verify_incident(first.id) == verify_incident(second.id) == []


def test_verify_all_reads_in_batches_and_finds_each_once(new_incident, unguarded, monkeypatch):
    monkeypatch.setattr(verify, "BATCH", 3)
    incidents = [new_incident() for _ in range(4)]
    altered = []
    for incident in incidents:
        first, _ = entries(incident, "note", "note")
        TimelineEntry.update(text="改").where(TimelineEntry.id == first.id).execute()
        altered.append(Finding(incident.id, incident.number, first.id, "altered", 1))
    change_row(incidents[2], level=5)
    assert list(verify_all()) == altered  # the level was never said: not a finding


def test_verify_all_checks_the_facts(new_incident):
    intact, changed = closed_incident(new_incident), closed_incident(new_incident)
    change_row(changed, level=3)
    assert list(verify_all()) == [Finding(changed.id, changed.number, None, "level_differs")]
    assert verify_incident(intact.id) == []


def test_verify_all_keeps_apart_the_timelines_of_incidents_running_at_once(new_incident,
                                                                           unguarded):
    # Entries are read by incident, not in the order written: interleaved ones must still be
    # checked in their own timelines, in their own order.
    first, second = new_incident(), new_incident()
    written = [append_entry(incident, "note", at=AT + timedelta(minutes=i), text=f"{i}")
               for i in range(3) for incident in (first, second)]
    assert list(verify_all()) == []
    TimelineEntry.update(text="改").where(TimelineEntry.id == written[3].id).execute()
    assert list(verify_all()) == [Finding(second.id, second.number, written[3].id, "altered", 2)]
