"""A leader's "收到" pulled from the hub becomes the desk's record: one `leader_received`
entry, the report deadline met at the time the hub witnessed (on the desk's clock) with that
proof — or, once the desk recorded a miss, late as any with the witnessed time beside it —
and never twice."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.incidents.response import capability_hash as cap_hash
from models.incidents.verify import verify_incident
from models.services.incidents import IncidentService
from models.store.tables import AppliedHubEvent, Deadline, SyncState, TimelineEntry
from models.sync.apply import apply_hub_events

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")
DESK_ID = "d" * 32
HUB_ID = "h" * 32
NOON = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)  # 12:00 in the hall


@pytest.fixture
def clock():
    return FakeClock(NOON)


@pytest.fixture
def desk(desk_db, shipped_catalog, clock):
    SyncState.create(id=1, hub_url="http://127.0.0.1:8770", hub_id=HUB_ID, desk_id=DESK_ID,
                     token="edk1.x", enrolled_at=NOON)
    return IncidentService(catalog=shipped_catalog, plan=desk_db[1], clock=clock,
                           who=lambda: WHO)


def shared_fire(desk) -> tuple[int, str]:
    """A level-1 fire (its report to the group leader due in 5 min), its read-out shared."""
    fire = desk.start("fire").incident_id
    url = desk.share_readout(fire, "group_leader", "王经理", "时间：…").value
    return fire, url.rsplit("/", 1)[1]


def ack_event(cap: str, hub_at: datetime, *, seq: int = 1, for_desk: str = DESK_ID,
              ack: str = "a1", by: str = "王经理", incident: int | None = 1) -> dict:
    """A `leader_ack` as the hub's stream carries it: the read-out named by its cap's hash."""
    return {"hub_seq": 100 + seq, "origin": HUB_ID, "seq": seq, "kind": "leader_ack",
            "for": for_desk, "incident": incident,
            "data": json.dumps({"ack": ack, "by": by, "cap_hash": cap_hash(cap),
                                "at": hub_at.isoformat().replace("+00:00", "Z")})}


def report(fire: int) -> Deadline:
    return Deadline.get(Deadline.incident == fire, Deadline.key == "level_report")


def entries(fire: int, kind: str) -> list[dict]:
    return [json.loads(e.data) for e in TimelineEntry.select().where(
        TimelineEntry.incident == fire, TimelineEntry.kind == kind)]


def test_an_ack_witnessed_in_time_meets_the_report_with_the_hubs_proof(desk, clock):
    fire, cap = shared_fire(desk)
    clock.advance(minutes=7)  # pulled after the due time: the hub saw it at 4:59
    changed = apply_hub_events([ack_event(cap, NOON + timedelta(minutes=4, seconds=59))],
                               desk_id=DESK_ID, incidents=desk)
    assert changed == [fire]
    (received,) = entries(fire, "leader_received")
    assert received["by"] == "王经理" and received["role"] == "group_leader"
    assert received["cap_hash"] == cap_hash(cap) and received["local_time"] == "12:04"
    assert report(fire).status == "met"
    (met,) = entries(fire, "deadline_met")
    assert met["late_seconds"] == 0 and met["to"] == "王经理"
    assert met["proof"]["by"] == "hub" and met["proof"]["ack"] == "a1"
    assert verify_incident(fire) == []


def test_an_ack_witnessed_one_second_after_the_due_time_is_late_by_that_second(desk, clock):
    fire, cap = shared_fire(desk)
    clock.advance(minutes=6)
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=5, seconds=1))],
                     desk_id=DESK_ID, incidents=desk)
    assert report(fire).status == "late"
    assert entries(fire, "deadline_met")[0]["late_seconds"] == 1


def test_an_ack_at_the_due_time_exactly_is_in_time(desk, clock):
    fire, cap = shared_fire(desk)
    clock.advance(minutes=6)  # pulled after the press, before the desk looked for misses
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=5))], desk_id=DESK_ID,
                     incidents=desk)
    assert report(fire).status == "met"


def test_the_hubs_time_is_put_on_the_desks_clock(desk, clock):
    """A desk an hour slow: the hub reads 13:04 when the desk reads 12:04; met in time."""
    fire, cap = shared_fire(desk)
    clock.advance(minutes=10)
    apply_hub_events([ack_event(cap, NOON + timedelta(hours=1, minutes=4))], desk_id=DESK_ID,
                     incidents=desk, offset=timedelta(hours=1))
    assert report(fire).status == "met"
    assert entries(fire, "leader_received")[0]["local_time"] == "12:04"


def test_once_missed_always_late_with_the_witnessed_time_kept(desk, clock):
    """The desk, offline, recorded the miss; the hub saw the press before the due time. The
    miss stands (late, measured from now), and the record carries when the hub saw it."""
    fire, cap = shared_fire(desk)
    clock.advance(minutes=6)
    desk.check_overdue()
    assert report(fire).status == "missed"
    hub_at = NOON + timedelta(minutes=4)
    apply_hub_events([ack_event(cap, hub_at)], desk_id=DESK_ID, incidents=desk)
    assert report(fire).status == "late"
    (met,) = entries(fire, "deadline_met")
    assert met["late_seconds"] == 60
    assert met["proof"]["hub_at"] == hub_at.isoformat().replace("+00:00", "Z")
    assert entries(fire, "leader_received")[0]["hub_at"] == met["proof"]["hub_at"]
    assert verify_incident(fire) == []


def test_applying_twice_writes_nothing_more(desk, clock):
    fire, cap = shared_fire(desk)
    event = ack_event(cap, NOON + timedelta(minutes=1))
    assert apply_hub_events([event, event], desk_id=DESK_ID, incidents=desk) == [fire]
    assert apply_hub_events([event], desk_id=DESK_ID, incidents=desk) == []
    assert len(entries(fire, "leader_received")) == 1
    assert AppliedHubEvent.select().count() == 1


def test_a_hub_restored_from_a_backup_numbering_again_does_not_hide_a_new_ack(desk, clock):
    """The hub's own events are numbered again from where its backup stood: a new ack, of
    another read-out, comes with the number of one applied before, and is still applied."""
    fire, cap = shared_fire(desk)
    other, other_cap = shared_fire(desk)
    at = NOON + timedelta(minutes=1)
    assert apply_hub_events([ack_event(cap, at, seq=5, ack="a1")], desk_id=DESK_ID,
                            incidents=desk) == [fire]
    assert apply_hub_events([ack_event(other_cap, at, seq=5, ack="a2", incident=other)],
                            desk_id=DESK_ID, incidents=desk) == [other]
    assert report(other).status == "met"


def test_a_second_ack_of_the_same_readout_is_marked_but_not_recorded(desk, clock):
    fire, cap = shared_fire(desk)
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=1)),
                      ack_event(cap, NOON + timedelta(minutes=2), seq=2, ack="a2", by="李四")],
                     desk_id=DESK_ID, incidents=desk)
    assert [e["by"] for e in entries(fire, "leader_received")] == ["王经理"]
    assert AppliedHubEvent.select().count() == 2


def test_other_desks_acks_and_other_events_are_not_this_files(desk, clock):
    fire, cap = shared_fire(desk)
    other = ack_event(cap, NOON, for_desk="e" * 32)
    step = {"origin": DESK_ID, "seq": 5, "kind": "step_checked", "data": "{}"}
    assert apply_hub_events([other, step], desk_id=DESK_ID, incidents=desk) == []
    assert entries(fire, "leader_received") == [] and AppliedHubEvent.select().count() == 0


def test_an_unknown_cap_or_an_unreadable_ack_changes_no_incident(desk, clock):
    fire, cap = shared_fire(desk)
    bad_time = ack_event(cap, NOON) | {"data": json.dumps({"ack": "a", "by": "b",
                                                          "cap_hash": cap_hash(cap),
                                                          "at": "yesterday"})}
    assert apply_hub_events([ack_event("not-shared-here", NOON, seq=3), bad_time],
                            desk_id=DESK_ID, incidents=desk) == []
    assert entries(fire, "leader_received") == []
    assert report(fire).status == "pending"


def test_an_ack_for_a_cancelled_incident_is_marked_and_not_recorded(desk, clock):
    fire, cap = shared_fire(desk)
    desk.cancel(fire)
    assert apply_hub_events([ack_event(cap, NOON)], desk_id=DESK_ID, incidents=desk) == []
    assert entries(fire, "leader_received") == [] and AppliedHubEvent.select().count() == 1


def test_the_record_shows_the_receipt_with_who_and_when(desk, clock, shipped_catalog):
    from models.incidents.record_document import build_record

    fire, cap = shared_fire(desk)
    clock.advance(minutes=4)  # pulled after the press (a press is never in the desk's future)
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=3))], desk_id=DESK_ID,
                     incidents=desk)
    (line,) = [t for t in build_record(shipped_catalog, fire).timeline
               if t.kind == "leader_received"]
    assert line.received == ("王经理", "12:03")


def test_the_readout_is_found_by_its_caps_hash_whatever_incident_the_hub_names(desk, clock):
    first, _ = shared_fire(desk)
    second, cap = shared_fire(desk)
    assert apply_hub_events([ack_event(cap, NOON, incident=first)], desk_id=DESK_ID,
                            incidents=desk) == [second]
    third, cap = shared_fire(desk)
    assert apply_hub_events([ack_event(cap, NOON, seq=2, incident=None)], desk_id=DESK_ID,
                            incidents=desk) == [third]
    assert entries(first, "leader_received") == []


def test_a_leader_ack_not_addressed_by_the_hub_is_not_applied(desk, clock):
    """Only the hub writes `for` (its own events): a desk's pushed look-alike has none."""
    fire, cap = shared_fire(desk)
    forged = ack_event(cap, NOON)
    del forged["for"]
    assert apply_hub_events([forged], desk_id=DESK_ID, incidents=desk) == []
    assert report(fire).status == "pending"


def test_a_hub_clock_set_back_after_the_press_never_makes_a_met_report_late(desk, clock):
    """The hub saw the press at 12:04 on its clock, then its clock went back an hour: the
    offset the desk measures now puts the press at 13:04, in the desk's future. It is
    recorded as done no later than the desk's now: met, not late by 59 minutes."""
    fire, cap = shared_fire(desk)
    clock.advance(minutes=4, seconds=30)
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=4))], desk_id=DESK_ID,
                     incidents=desk, offset=-timedelta(hours=1))
    assert report(fire).status == "met"
    (received,) = entries(fire, "leader_received")
    assert datetime.fromisoformat(received["desk_at"]) <= clock.now()
    assert verify_incident(fire) == []


def test_a_hub_clock_set_forward_never_puts_the_press_before_the_readout_was_shared(
        desk, clock):
    """The offset says the hub runs an hour ahead, but the press was seen on its older
    time: on the desk's clock it falls an hour before the read-out existed. The record says
    no earlier than the sharing."""
    clock.advance(minutes=1)
    fire, cap = shared_fire(desk)
    shared_at = clock.now()
    clock.advance(minutes=2)
    apply_hub_events([ack_event(cap, NOON + timedelta(minutes=2))], desk_id=DESK_ID,
                     incidents=desk, offset=timedelta(hours=1))
    (received,) = entries(fire, "leader_received")
    assert datetime.fromisoformat(received["desk_at"]) == shared_at
    assert received["local_time"] == "12:01"
