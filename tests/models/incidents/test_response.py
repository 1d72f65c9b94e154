from datetime import timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.incidents.response import ActionRefused
from models.incidents.timeline import entry_hash
from models.store.tables import Incident, TimelineEntry

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")


def act(clock) -> Act:
    return Act(WHO, clock.now(), HolidayCalendar())


@pytest.fixture
def clock():
    return FakeClock()


def start(shipped_catalog, desk_db, clock, key="fire"):
    _, plan = desk_db
    return response.start_incident(shipped_catalog, plan, key, act(clock))


def test_start_records_level_desk_clerk_and_time(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock)
    incident = Incident.get_by_id(incident_id)
    assert (incident.level, incident.desk, incident.clerk, incident.status) == (1, "1号台", "张三",
                                                                                "open")
    state = response.incident_state(incident_id)
    assert state.summary.started_at == clock.now()
    assert [e.kind for e in state.entries] == ["started", "deadline_started"]
    assert state.entries[0].text == "营业场所发生火灾"
    assert state.entries[1].text == "报告应急管理小组组长"


def test_ticks_and_unticks_are_timestamped(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock)
    clock.advance(seconds=20)
    response.set_step(shipped_catalog, incident_id, 0, True, act(clock))
    clock.advance(seconds=5)
    response.set_step(shipped_catalog, incident_id, 3, True, act(clock))
    response.set_step(shipped_catalog, incident_id, 0, False, act(clock))
    state = response.incident_state(incident_id)
    assert list(state.checked) == [3]
    assert state.checked[3] == clock.now()
    kinds = [e.kind for e in state.entries if not e.kind.startswith("deadline_")]
    assert kinds == ["started", "step_checked", "step_checked", "step_unchecked"]
    with pytest.raises(ActionRefused, match="no_such_step"):
        response.set_step(shipped_catalog, incident_id, 99, True, act(clock))


def test_timeline_hashes_chain(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock)
    response.record_call(shipped_catalog, incident_id, "fire", act(clock))
    response.add_note(incident_id, "二楼冒烟", act(clock))
    rows = list(TimelineEntry.select().where(TimelineEntry.incident == incident_id)
                .order_by(TimelineEntry.id))
    prev = ""
    for row in rows:
        assert row.prev_hash == prev
        assert row.hash == entry_hash(prev, incident_id, row.at, row.kind, row.actor, row.desk,
                                      row.text, row.data)
        prev = row.hash
    assert [r.text for r in rows if r.kind == "called"] == ["消防报警 119"]


def test_level_change_needs_reason_and_is_recorded(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock, "agitated_customer")
    with pytest.raises(ActionRefused, match="reason_required"):
        response.change_level(shipped_catalog, incident_id, 1, "  ", act(clock))
    with pytest.raises(ActionRefused, match="same_level"):
        level = Incident.get_by_id(incident_id).level
        response.change_level(shipped_catalog, incident_id, level, "x", act(clock))
    response.change_level(shipped_catalog, incident_id, 1, "客户扬言找媒体", act(clock))
    assert Incident.get_by_id(incident_id).level == 1
    changed = [e for e in response.incident_state(incident_id).entries
               if e.kind == "level_changed"]
    assert [(e.text, e.data["to"]) for e in changed] == [("客户扬言找媒体", 1)]


def test_cancel_only_within_window_and_never_deletes(shipped_catalog, desk_db, clock):
    first = start(shipped_catalog, desk_db, clock)
    clock.advance(response.CANCEL_WINDOW)
    response.cancel_incident(first, "误按", act(clock))
    assert Incident.get_by_id(first).status == "cancelled"
    assert response.open_incidents() == []
    second = start(shipped_catalog, desk_db, clock)
    clock.advance(response.CANCEL_WINDOW + timedelta(seconds=1))
    with pytest.raises(ActionRefused, match="cancel_window_passed"):
        response.cancel_incident(second, "", act(clock))
    with pytest.raises(ActionRefused, match="not_open"):
        response.add_note(first, "after cancel", act(clock))
    assert Incident.select().count() == 2


def test_notes_bad_input(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock)
    with pytest.raises(ActionRefused, match="empty_note"):
        response.add_note(incident_id, " \n ", act(clock))
    with pytest.raises(ActionRefused, match="note_too_long"):
        response.add_note(incident_id, "长" * (response.NOTE_MAX_CHARS + 1), act(clock))
    response.add_note(incident_id, "长" * response.NOTE_MAX_CHARS, act(clock))
    response.add_note(incident_id, "客户说😡\x00\ud800好", act(clock))
    texts = [e.text for e in response.incident_state(incident_id).entries if e.kind == "note"]
    assert len(texts[0]) == response.NOTE_MAX_CHARS
    assert texts[1] == "客户说😡?好"


def test_several_open_incidents_newest_first(shipped_catalog, desk_db, clock):
    a = start(shipped_catalog, desk_db, clock, "fire")
    clock.advance(minutes=1)
    b = start(shipped_catalog, desk_db, clock, "power_cut")
    assert [s.id for s in response.open_incidents()] == [b, a]


def test_switch_situation_keeps_history(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock, "agitated_customer")
    response.set_step(shipped_catalog, incident_id, 0, True, act(clock))
    response.switch_situation(shipped_catalog, incident_id, "staff_assaulted", act(clock))
    state = response.incident_state(incident_id)
    assert state.summary.situation_key == "staff_assaulted"
    assert state.checked == {}  # ticks belong to the plan they were made in
    assert "situation_changed" in [e.kind for e in state.entries]


def test_numbers_never_run_out_in_a_day(shipped_catalog, desk_db, clock):
    """The 1000th incident of a day once made every later press fail ("-1000" sorts before
    "-999" as text, so the next number was always taken)."""
    _, plan = desk_db
    day = clock.now().astimezone().strftime("%Y%m%d")
    first = response.start_incident(shipped_catalog, plan, "fire", act(clock))
    Incident.update(number=f"{day}-999").where(Incident.id == first).execute()
    numbers = [Incident.get_by_id(response.start_incident(shipped_catalog, plan, "fire",
                                                          act(clock))).number
               for _ in range(3)]
    assert numbers == [f"{day}-1000", f"{day}-1001", f"{day}-1002"]


@pytest.mark.parametrize(("age", "allowed"), [
    (timedelta(0), True), (timedelta(minutes=2), True),
    (timedelta(minutes=2, microseconds=1), False),
    (timedelta(seconds=-1), False),  # the clock set back since the press: age unknown
    (timedelta(minutes=-45), False),
])
def test_the_cancel_window_opens_only_for_a_fresh_press(shipped_catalog, desk_db, clock, age,
                                                       allowed):
    """Setting the clock back an hour once let a 45-minute-old robbery be cancelled."""
    incident = start(shipped_catalog, desk_db, clock, "robbery")
    clock.advance(age)
    assert response.incident_state(incident).can_cancel(clock.now()) is allowed
    if allowed:
        response.cancel_incident(incident, "误按", act(clock))
    else:
        with pytest.raises(ActionRefused, match="cancel_window_passed"):
            response.cancel_incident(incident, "误按", act(clock))


@pytest.mark.parametrize("clerk", ["", "   "])
def test_no_incident_without_a_clerk_on_duty(shipped_catalog, desk_db, clock, clerk):
    _, plan = desk_db
    nobody = Act(Who(hall="城东营业厅", desk="1号台", clerk=clerk), clock.now(),
                 HolidayCalendar())
    with pytest.raises(ActionRefused) as refused:
        response.start_incident(shipped_catalog, plan, "fire", nobody)
    assert refused.value.code == "no_clerk"
    assert Incident.select().count() == 0 and TimelineEntry.select().count() == 0


def test_a_call_to_a_role_with_no_number_records_no_number_on_file(shipped_catalog, desk_db,
                                                                   clock):
    incident_id = start(shipped_catalog, desk_db, clock, "power_cut")
    assert shipped_catalog.role("admin_office").number == ""  # nobody and no number on file
    kind = response.record_call(shipped_catalog, incident_id, "admin_office", act(clock))
    state = response.incident_state(incident_id)
    assert kind == response.NO_NUMBER
    assert [(e.kind, e.text) for e in state.entries if e.kind in ("called", "no_number")] == [
        ("no_number", "综合科")]
    assert "admin_office" not in state.called_roles()  # nobody was reached
    # the clerk acted (a drill scores it as the first action): the incident is in hand
    assert Incident.get_by_id(incident_id).status == "in_hand"


def test_a_role_number_or_a_persons_number_is_a_call(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock, "power_cut")
    assert response.record_call(shipped_catalog, incident_id, "admin_office", act(clock),
                                person="王五", number="13800138000") == "called"
    assert response.record_call(shipped_catalog, incident_id, "fire", act(clock)) == "called"
    assert response.number_to_dial(shipped_catalog, "admin_office", " ") == ""


@pytest.mark.parametrize(("seconds", "asks"), [(0, True), (4.9, True), (5.0, False), (60, False)])
def test_the_same_press_within_the_repeat_window_is_found(shipped_catalog, desk_db, clock,
                                                          seconds, asks):
    incident_id = start(shipped_catalog, desk_db, clock)
    response.record_call(shipped_catalog, incident_id, "fire", act(clock))
    clock.advance(seconds=seconds)
    state = response.incident_state(incident_id)
    found = state.same_press_within("called", "fire", "", clock.now())
    assert (found is not None) == asks
    assert state.same_press_within("called", "fire", "李四", clock.now()) is None  # another
    assert state.same_press_within("reported", "fire", "", clock.now()) is None


def test_only_the_last_same_press_counts(shipped_catalog, desk_db, clock):
    incident_id = start(shipped_catalog, desk_db, clock)
    response.record_call(shipped_catalog, incident_id, "fire", act(clock))
    clock.advance(seconds=10)
    response.record_call(shipped_catalog, incident_id, "fire", act(clock))
    clock.advance(seconds=3)
    state = response.incident_state(incident_id)
    assert state.same_press_within("called", "fire", "", clock.now()).at == \
        clock.now() - timedelta(seconds=3)
