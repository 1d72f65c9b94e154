"""The incident lifecycle: the full matrix of moves, and each move written with its entry."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import from_db
from models.clock.workdays import HolidayCalendar
from models.incidents import lifecycle, records, response
from models.incidents.lifecycle import ActionRefused, Status, move
from models.incidents.records import RecordRefused
from models.incidents.verify import verify_incident
from models.store.tables import Incident, TimelineEntry

WHO = Who("城东营业厅", "1号台", "张三")
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
NAMES = ("open", "in_hand", "resolved", "closed", "cancelled")
# Written out here, not read from lifecycle.MOVES, so a change to the table fails a test.
ANY_INCIDENT = {("open", "in_hand"), ("open", "resolved"), ("in_hand", "resolved"),
                ("open", "cancelled"), ("in_hand", "cancelled"), ("resolved", "closed")}
DRILLS_ONLY = {("open", "closed"), ("in_hand", "closed")}  # a drill ended before handling did


def act(minutes: int = 0) -> Act:
    return Act(WHO, T0 + timedelta(minutes=minutes), HolidayCalendar())


def started(catalog, desk_db, *, drill: bool = False, status: str = "open") -> Incident:
    incident_id = response.start_incident(catalog, desk_db[1], "fire", act(), is_drill=drill)
    Incident.update(status=status).where(Incident.id == incident_id).execute()
    return Incident.get_by_id(incident_id)


def snapshot(incident_id: int) -> tuple:
    row = Incident.get_by_id(incident_id)
    count = TimelineEntry.select().where(TimelineEntry.incident == incident_id).count()
    return row.status, row.updated_at, row.closed_at, row.head_hash, count


def test_the_values_are_the_strings_stored():
    assert [s.value for s in Status] == list(NAMES)
    assert Status("in_hand") is Status.IN_HAND and Status.CLOSED == "closed"


@pytest.mark.parametrize("drill", [False, True], ids=["real", "drill"])
@pytest.mark.parametrize("to", NAMES)
@pytest.mark.parametrize("current", NAMES)
def test_every_move_of_the_matrix(shipped_catalog, desk_db, current, to, drill):
    incident = started(shipped_catalog, desk_db, drill=drill, status=current)
    legal = (current, to) in ANY_INCIDENT or (drill and (current, to) in DRILLS_ONLY)
    assert lifecycle.allowed(Status(current), Status(to), drill=drill) is legal
    before = snapshot(incident.id)
    if not legal:
        with pytest.raises(ActionRefused, match=f"not_allowed: {current} → {to}"):
            move(incident, Status(to), act(1))
        assert snapshot(incident.id) == before
        return
    entry = move(incident, Status(to), act(1))
    row = Incident.get_by_id(incident.id)
    assert (row.status, incident.status, entry.kind) == (to, to, to)
    assert (row.head_hash, entry.prev_hash) == (entry.hash, before[3])
    assert from_db(row.updated_at) == act(1).now
    assert (row.closed_at is not None) is (to == "closed")


def test_the_entry_carries_the_given_kind_text_and_data(shipped_catalog, desk_db):
    incident = started(shipped_catalog, desk_db)
    move(incident, Status.IN_HAND, act(1), kind="note", text="客户情绪已平复", data={"a": 1})
    last = TimelineEntry.select().order_by(TimelineEntry.id.desc()).get()
    assert (last.kind, last.text, json.loads(last.data)) == ("note", "客户情绪已平复", {"a": 1})
    assert (last.actor, last.desk, from_db(last.at)) == ("张三", "1号台", act(1).now)
    assert list(verify_incident(incident.id)) == []


def test_a_failing_entry_leaves_the_status_unchanged(shipped_catalog, desk_db, monkeypatch):
    incident = started(shipped_catalog, desk_db, status="resolved")
    before = snapshot(incident.id)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(lifecycle, "append_entry", broken)
    with pytest.raises(OSError):
        move(incident, Status.CLOSED, act(1))
    assert snapshot(incident.id) == before


def test_the_stored_status_decides_not_a_stale_copy(shipped_catalog, desk_db):
    incident = started(shipped_catalog, desk_db)
    stale = Incident.get_by_id(incident.id)
    move(incident, Status.CANCELLED, act(1))
    assert stale.status == "open"
    with pytest.raises(ActionRefused, match="cancelled → in_hand"):
        move(stale, Status.IN_HAND, act(1), kind="note", text="late")
    assert Incident.get_by_id(incident.id).status == "cancelled"


def test_closing_twice_is_refused(shipped_catalog, desk_db):
    incident = started(shipped_catalog, desk_db, status="resolved")
    move(incident, Status.CLOSED, act(1))
    with pytest.raises(ActionRefused, match="closed → closed"):
        move(incident, Status.CLOSED, act(2))
    with pytest.raises(RecordRefused, match="not_resolved"):
        records.close_incident(shipped_catalog, incident.id, act(2))
    closes = TimelineEntry.select().where(TimelineEntry.kind == "closed").count()
    assert closes == 1


def test_cancel_after_resolve_is_refused(shipped_catalog, desk_db):
    incident_id = response.start_incident(shipped_catalog, desk_db[1], "fire", act())
    response.mark_resolved(shipped_catalog, incident_id, act(1))
    with pytest.raises(ActionRefused, match="not_open"):
        response.cancel_incident(incident_id, "误按", act(1))
    with pytest.raises(ActionRefused, match="resolved → cancelled"):
        move(Incident.get_by_id(incident_id), Status.CANCELLED, act(1))
    assert Incident.get_by_id(incident_id).status == "resolved"


def test_the_first_act_of_handling_is_the_in_hand_entry(shipped_catalog, desk_db):
    incident_id = response.start_incident(shipped_catalog, desk_db[1], "fire", act())
    before = TimelineEntry.select().count()
    response.add_note(incident_id, "已请保安到场", act(1))
    response.add_note(incident_id, "客户留下联系电话", act(2))
    incident = Incident.get_by_id(incident_id)
    assert incident.status == "in_hand"
    assert from_db(incident.updated_at) == act(1).now  # the move, not the second note
    assert TimelineEntry.select().count() == before + 2  # no entry beside the notes


def test_a_call_with_no_number_on_file_puts_the_incident_in_hand(shipped_catalog, desk_db):
    """Drills score it as the clerk's first action; the incident's status now agrees (it
    stayed "open", as if nothing had been done). Nothing is met: nobody was reached."""
    incident_id = response.start_incident(shipped_catalog, desk_db[1], "fire", act())
    role = next(r for r in shipped_catalog.roles if not r.number)  # and nobody entered
    before = TimelineEntry.select().count()
    kind = response.record_call(shipped_catalog, incident_id, role.key, act(1))
    incident = Incident.get_by_id(incident_id)
    assert kind == lifecycle.NO_NUMBER and incident.status == "in_hand"
    assert from_db(incident.updated_at) == act(1).now
    assert TimelineEntry.select().count() == before + 1  # the one entry, and it is the move
    assert verify_incident(incident_id) == []  # the chain holds


@pytest.mark.parametrize(("kinds", "drill", "status"), [
    (["started", "deadline_started", "record_saved"], False, "open"),
    (["started", "note", "step_checked"], False, "in_hand"),
    (["started", "no_number"], False, "in_hand"),
    (["started", "called", "resolved", "reported", "closed"], False, "closed"),
    (["started", "resolved"], False, "resolved"),
    (["started", "cancelled"], False, "cancelled"),
    (["started", "step_checked", "closed"], True, "closed"),  # the drill ended
])
def test_the_status_a_timeline_leads_to(kinds, drill, status):
    assert lifecycle.status_after(kinds, drill=drill) == status


@pytest.mark.parametrize("kinds", [["started", "step_checked", "closed"],
                                   ["started", "resolved", "cancelled"],
                                   ["started", "cancelled", "resolved"],
                                   ["started", "resolved", "closed", "closed"]])
def test_a_timeline_with_an_illegal_move_is_refused(kinds):
    with pytest.raises(ActionRefused, match="not_allowed"):
        lifecycle.status_after(kinds)
