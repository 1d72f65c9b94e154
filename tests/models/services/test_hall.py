"""The hall as the board folds it: forward only, drills never ring, a miss or a silent desk
rings, due times in the hub's time, clocks named when off."""

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from models.services.hall import Hall, hub_offset, parse_time

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
DESK = "d1"
OTHER = "d2"


def stored(moment: datetime) -> str:
    """A desk's stored time: naive UTC text."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def ev(seq, kind, *, origin=DESK, incident=1, at=T0, text="", **data):
    return {"hub_seq": seq, "origin": origin, "seq": seq, "incident": incident, "kind": kind,
            "at": stored(at), "actor": "张三", "desk": "1号台", "text": text,
            "data": json.dumps(data, ensure_ascii=False)}


def a_fire(*, origin=DESK, drill=False, due=T0 + timedelta(minutes=10)):
    """Started, a report deadline started, handled, the level raised."""
    return [ev(1, "started", origin=origin, text="火灾", situation="fire", level=1, drill=drill,
               hall="城东"),
            ev(2, "deadline_started", origin=origin, text="报告站长", deadline=7, key="r",
               source="start", due=due.isoformat(), holiday=False),
            ev(3, "step_checked", origin=origin, text="疏散"),
            ev(4, "level_changed", origin=origin, text="扩大", **{"from": 1, "to": 2})]


def hall_with(*events, skew_ms=0, last_seen=None, own=""):
    hall = Hall(own=own)
    desks = {DESK: {"name": "1号台", "skew_ms": skew_ms, "last_seen": last_seen, "head": 9},
             OTHER: {"name": "2号台", "skew_ms": 0}}
    hall.take_events({"cursor": len(events), "desks": desks, "events": list(events)})
    return hall


def test_a_fire_folds_into_one_running_card_with_its_level_and_deadline():
    picture = hall_with(*a_fire()).picture(T0 + timedelta(minutes=1))
    (card,) = picture.incidents
    assert (card.desk, card.situation, card.level, card.status) == ("1号台", "火灾", 2, "in_hand")
    (d,) = card.deadlines
    assert (d.label, d.status, d.due) == ("报告站长", "pending", T0 + timedelta(minutes=10))
    assert d.remaining(T0 + timedelta(minutes=1)) == timedelta(minutes=9)
    assert picture.alarms == ()


def snapshot_of(picture):
    return ([(c.origin, c.incident, c.situation, c.level, c.status, c.is_drill,
              tuple((d.deadline, d.status, d.acknowledged, d.due) for d in c.deadlines))
             for c in picture.incidents], picture.alarms)


def a_whole_day():
    """Two incidents at one desk: a fire missed, acknowledged, met late and resolved; a
    flood started, its level raised then lowered, cancelled."""
    fire = a_fire()
    flood = [ev(5, "started", incident=2, text="水浸", level=1, drill=False),
             ev(6, "deadline_started", incident=2, text="报告", deadline=9,
                due=(T0 + timedelta(minutes=5)).isoformat()),
             ev(7, "level_changed", incident=2, to=3),
             ev(8, "deadline_missed", text="报告站长", deadline=7,
                due=(T0 + timedelta(minutes=10)).isoformat()),
             ev(9, "level_changed", incident=2, to=2),
             ev(10, "alarm_acknowledged", text="报告站长", deadline=7),
             ev(11, "deadline_met", text="报告站长", deadline=7, late_seconds=30, action="report"),
             ev(12, "resolved"),
             ev(13, "cancelled", incident=2)]
    return fire + flood


@settings(max_examples=150, deadline=None)
@given(st.permutations(a_whole_day()), st.lists(st.integers(0, 12), max_size=6))
def test_any_order_and_any_duplication_folds_as_in_order(events, again):
    events = events + [events[i] for i in again]
    now = T0 + timedelta(minutes=20)
    assert snapshot_of(hall_with(*events).picture(now)) == \
        snapshot_of(hall_with(*a_whole_day()).picture(now))


def test_the_whole_day_in_order():
    picture = hall_with(*a_whole_day()).picture(T0 + timedelta(minutes=20))
    (fire,) = picture.incidents  # the flood was cancelled: it no longer runs
    assert fire.status == "resolved"
    assert [(d.status, d.acknowledged) for d in fire.deadlines] == [("late", True)]


def test_a_cancelled_incident_no_longer_runs_and_owes_nothing():
    hall = hall_with(*a_fire(), ev(5, "cancelled"))
    assert hall.picture(T0 + timedelta(hours=1)).incidents == ()
    assert hall.incidents[(DESK, 1)].deadlines[7].status == "cancelled"


def test_a_snapshot_taken_after_events_takes_nothing_back():
    hall = hall_with(*a_fire(), ev(5, "resolved"))
    hall.take_board({"cursor": 3, "desks": {}, "incidents": [
        {"origin": DESK, "incident": 1, "number": "20261120-001", "situation_name": "火灾",
         "level": 1, "status": "open", "is_drill": False, "started_at": T0.isoformat(),
         "last_seq": 1, "deadlines": [{"deadline": 7, "label": "报告站长",
                                       "due": (T0 + timedelta(minutes=10)).isoformat(),
                                       "status": "pending", "acknowledged": False}]}]})
    (card,) = hall.picture(T0).incidents
    assert (card.number, card.status, card.level) == ("20261120-001", "resolved", 2)
    assert hall.cursor == 5  # the stream's cursor, not the older snapshot's


def test_a_snapshot_alone_gives_the_running_incidents():
    hall = Hall()
    hall.take_board({"cursor": 40, "desks": {OTHER: {"name": "2号台", "skew_ms": 0}},
                     "incidents": [{"origin": OTHER, "incident": 3, "number": "20261120-002",
                                    "situation_name": "停电", "level": 2, "status": "in_hand",
                                    "is_drill": True, "started_at": stored(T0),
                                    "deadlines": []}]})
    (card,) = hall.picture(T0).incidents
    assert (card.desk, card.number, card.situation, card.is_drill) == (
        "2号台", "20261120-002", "停电", True)
    assert hall.cursor == 40


# ---- what rings ---------------------------------------------------------------------------

MISSED = ev(5, "deadline_missed", text="报告站长", deadline=7,
            due=(T0 + timedelta(minutes=10)).isoformat(), at=T0 + timedelta(minutes=10))


def test_a_miss_of_a_real_incident_rings_with_its_desk_until_acknowledged_there():
    (alarm,) = hall_with(*a_fire(), MISSED).picture(T0 + timedelta(minutes=10)).alarms
    assert (alarm.desk, alarm.situation, alarm.label, alarm.silent) == (
        "1号台", "火灾", "报告站长", False)
    acknowledged = ev(6, "alarm_acknowledged", text="报告站长", deadline=7)
    assert hall_with(*a_fire(), MISSED, acknowledged).picture(
        T0 + timedelta(minutes=11)).alarms == ()


def test_a_drill_never_rings_missed_or_silent():
    drill = a_fire(drill=True)
    assert hall_with(*drill, MISSED).picture(T0 + timedelta(minutes=11)).alarms == ()
    assert hall_with(*drill).picture(T0 + timedelta(hours=1)).alarms == ()
    (card,) = hall_with(*drill, MISSED).picture(T0).incidents
    assert card.is_drill


def test_a_pending_deadline_rings_as_silent_15_s_after_its_due_time_not_before():
    due = T0 + timedelta(minutes=10)
    hall = hall_with(*a_fire())
    assert hall.picture(due + timedelta(seconds=14, microseconds=999_999)).alarms == ()
    (alarm,) = hall.picture(due + timedelta(seconds=15)).alarms
    assert alarm.silent and alarm.desk == "1号台"
    (desk,) = [d for d in hall.picture(due + timedelta(seconds=15)).desks if d.origin == DESK]
    assert desk.silent


def test_a_desk_that_wrote_since_the_due_time_is_not_silent_one_merely_heard_is():
    due = T0 + timedelta(minutes=10)
    note = ev(5, "note", at=due, text="仍在处理")
    assert hall_with(*a_fire(), note).picture(due + timedelta(minutes=1)).alarms == ()
    before = ev(5, "note", at=due - timedelta(microseconds=1), text="仍在处理")
    assert len(hall_with(*a_fire(), before).picture(due + timedelta(minutes=1)).alarms) == 1
    # the hub heard from it (a hello) after the due time, but it wrote nothing: silent
    assert len(hall_with(*a_fire(), last_seen=due.isoformat()).picture(
        due + timedelta(minutes=1)).alarms) == 1


def test_what_a_desk_an_hour_fast_wrote_is_read_on_its_own_clock():
    desk_due = T0 + timedelta(hours=1, minutes=10)  # its clock reads an hour ahead
    note = ev(5, "note", at=desk_due + timedelta(seconds=1))
    hall = hall_with(*a_fire(due=desk_due), note, skew_ms=-3_600_000)
    assert hall.picture(T0 + timedelta(minutes=11)).alarms == ()
    assert len(hall_with(*a_fire(due=desk_due), skew_ms=-3_600_000).picture(
        T0 + timedelta(minutes=11)).alarms) == 1


def test_silencing_is_remembered_by_deadline_and_kind():
    (missed,) = hall_with(*a_fire(), MISSED).picture(T0 + timedelta(minutes=10)).alarms
    (silent,) = hall_with(*a_fire()).picture(T0 + timedelta(minutes=11)).alarms
    assert missed.key == (DESK, 7, False) and silent.key == (DESK, 7, True)


# ---- clocks ----------------------------------------------------------------------------------

def test_a_desk_an_hour_fast_has_its_due_times_in_the_hubs_time_and_is_named():
    desk_due = T0 + timedelta(hours=1, minutes=10)  # its clock reads an hour ahead
    hall = hall_with(*a_fire(due=desk_due), skew_ms=-3_600_000)
    picture = hall.picture(T0)
    assert picture.incidents[0].deadlines[0].due == T0 + timedelta(minutes=10)
    (warned,) = picture.clock_warnings
    assert (warned.name, warned.clock_ahead_minutes) == ("1号台", 60)


def test_a_clock_two_minutes_off_is_not_named_a_little_more_is():
    assert hall_with(*a_fire(), skew_ms=120_000).picture(T0).clock_warnings == ()
    (slow,) = hall_with(*a_fire(), skew_ms=150_000).picture(T0).clock_warnings
    assert slow.clock_ahead_minutes == -2  # behind the hub


def test_the_hubs_offset_is_taken_at_the_middle_of_the_round_trip():
    sent = T0
    assert hub_offset(sent, sent + timedelta(seconds=2), T0 + timedelta(hours=1, seconds=1)) \
        == timedelta(hours=1)


def test_wire_times_are_read_as_utc():
    assert parse_time("2026-11-20T02:00:00.000Z") == T0
    assert parse_time("2026-11-20 02:00:00") == T0
    assert parse_time("2026-11-20T10:00:00+08:00") == T0
    assert parse_time("") is None


# ---- whose ---------------------------------------------------------------------------------

def test_the_desks_own_incidents_are_left_to_it():
    hall = hall_with(*a_fire(), *a_fire(origin=OTHER), own=DESK)
    picture = hall.picture(T0)
    assert [c.desk for c in picture.incidents] == ["2号台"]
    assert [d.name for d in picture.desks] == ["2号台"]


def test_a_leaders_ack_for_a_desk_is_left_to_the_desk():
    ack = {"hub_seq": 9, "origin": "hub", "seq": 1, "kind": "leader_ack", "for": DESK,
           "incident": 1, "data": "{}"}
    hall = hall_with(*a_fire(), ack)
    assert set(hall.desks) == {DESK, OTHER}
    assert [c.status for c in hall.picture(T0).incidents] == ["in_hand"]


def test_a_desk_lists_its_running_incidents_count():
    picture = hall_with(*a_fire(), ev(5, "started", incident=2, text="水浸", level=1),
                        *a_fire(origin=OTHER)).picture(T0)
    assert {d.name: d.running for d in picture.desks} == {"1号台": 2, "2号台": 1}
