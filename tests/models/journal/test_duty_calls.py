"""The duty phone log: each rule at its boundary, a refused call writes nothing, the day's
calls read back with those told later, and a call about an incident a line of its timeline
written in the same transaction."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.journal import book, duty_calls
from models.journal.duty_calls import LIMITS, MAX_LATE, MAX_TOLD, CallInput, CallRefused
from models.store.tables import JournalEntry, TimelineEntry

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in the hall (Asia/Shanghai)
ACT = Act(Who("城东营业厅", "1号台", "张三"), NOW, HolidayCalendar())
CALL = CallInput(at=NOW - timedelta(minutes=5), content="询问停电情况", unit="区应急局",
                 name="李四", post="科员", phone="010-12345678")


def _refused(call: CallInput, act: Act = ACT) -> dict[str, str]:
    with pytest.raises(CallRefused) as refused:
        duty_calls.record(call, act)
    return refused.value.problems


def test_a_call_is_one_entry_with_the_book_fields_and_the_clerk_as_recorder(desk_db):
    entry = duty_calls.record(replace(CALL, told=(("王经理", NOW),)), ACT)
    assert (entry.kind, entry.at, entry.actor, entry.desk) == ("duty_call", CALL.at, "张三",
                                                                "1号台")
    assert entry.text == "区应急局 李四（科员，010-12345678）：询问停电情况"
    [stored] = duty_calls.calls(NOW - timedelta(hours=1), NOW)
    assert stored.line.told == (("王经理", NOW),)
    assert (stored.line.unit, stored.line.recorder) == ("区应急局", "张三")


def test_the_call_time_may_be_now_but_not_a_second_later(desk_db):
    duty_calls.record(replace(CALL, at=NOW), ACT)
    assert _refused(replace(CALL, at=NOW + timedelta(seconds=1))) == {"at": "future"}
    assert JournalEntry.select().count() == 1


def test_a_call_written_down_a_week_late_is_kept_a_second_more_is_refused(desk_db):
    duty_calls.record(replace(CALL, at=NOW - MAX_LATE), ACT)
    assert _refused(replace(CALL, at=NOW - MAX_LATE - timedelta(seconds=1))) == {
        "at": "too_old"}


def test_empty_content_is_refused_blank_lines_and_spaces_are_no_content(desk_db):
    assert _refused(replace(CALL, content=" \n\t ")) == {"content": "empty"}
    assert JournalEntry.select().count() == 0


@pytest.mark.parametrize("name", ["unit", "name", "post", "phone", "content", "handling"])
def test_each_field_is_kept_at_its_limit_and_refused_one_character_over(desk_db, name):
    duty_calls.record(replace(CALL, **{name: "字" * LIMITS[name]}), ACT)
    assert _refused(replace(CALL, **{name: "字" * (LIMITS[name] + 1)})) == {name: "too_long"}


def test_a_call_needs_a_recorder_typed_or_the_clerk_on_duty(desk_db):
    nobody = Act(Who("城东营业厅", "1号台", ""), NOW, HolidayCalendar())
    assert _refused(CALL, nobody) == {"recorder": "empty"}
    assert duty_calls.record(replace(CALL, recorder="王五"), nobody).actor == "王五"


def test_who_was_told_cannot_be_told_before_the_call_or_in_the_future(desk_db):
    assert _refused(replace(CALL, told=(("王", CALL.at - timedelta(seconds=1)),))) == {
        "told": "before_call"}
    assert _refused(replace(CALL, told=(("王", NOW + timedelta(seconds=1)),))) == {
        "told": "future"}
    many = tuple((f"人{n}", NOW) for n in range(MAX_TOLD + 1))
    assert _refused(replace(CALL, told=many)) == {"told": "too_many"}
    duty_calls.record(replace(CALL, told=many[:MAX_TOLD]), ACT)  # the limit itself


def test_told_later_follows_the_call_and_reads_back_with_it(desk_db):
    call = duty_calls.record(CALL, ACT)
    later = Act(ACT.who, NOW + timedelta(minutes=10), ACT.calendar)
    told = duty_calls.tell(call.id, "赵主任", NOW + timedelta(minutes=8), later)
    assert (told.kind, told.follows) == ("duty_call_told", call.id)
    [stored] = duty_calls.calls(NOW - timedelta(hours=1), NOW)
    assert stored.line.told == (("赵主任", NOW + timedelta(minutes=8)),)
    with pytest.raises(CallRefused):
        duty_calls.tell(call.id, "赵主任", later.now + timedelta(seconds=1), later)


def test_the_days_calls_are_those_whose_call_time_is_in_it_by_time(desk_db):
    late = duty_calls.record(replace(CALL, content="后到", at=NOW - timedelta(minutes=1)), ACT)
    early = duty_calls.record(replace(CALL, content="先到", at=NOW - timedelta(hours=2)), ACT)
    assert [c.id for c in duty_calls.calls(NOW - timedelta(hours=3), NOW)] == [early.id,
                                                                               late.id]
    assert duty_calls.calls(NOW - timedelta(minutes=1), NOW)[0].id == late.id  # since: incl.
    assert [c.id for c in duty_calls.calls(NOW - timedelta(hours=3), NOW,
                                           desk="2号台")] == []


def test_a_call_about_an_incident_is_a_line_of_its_timeline(desk_db, shipped_catalog, tmp_path):
    from models.services.duty import DutyService

    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", ACT)
    service = DutyService(catalog=shipped_catalog, act=lambda: ACT,
                          draft_file=tmp_path / "draft.json")
    assert [i.id for i in service.linkable_incidents()] == [incident]
    outcome = service.record_call(replace(CALL, incident=incident))
    line = TimelineEntry.select().where(TimelineEntry.kind == "duty_call").get()
    assert (line.incident_id, line.text) == (incident, "09:55 " + book.entry(outcome.value).text)
    assert book.entry(outcome.value).data["incident_number"] != ""
    assert outcome.changes.timeline and outcome.changes.incident_id == incident


def test_a_refused_call_about_an_incident_writes_no_timeline_line(desk_db, shipped_catalog,
                                                                  tmp_path):
    from models.services.duty import DutyService

    incident = response.start_incident(shipped_catalog, desk_db[1], "fire", ACT)
    before = TimelineEntry.select().count()
    service = DutyService(catalog=shipped_catalog, act=lambda: ACT,
                          draft_file=tmp_path / "draft.json")
    with pytest.raises(CallRefused):
        service.record_call(replace(CALL, incident=incident, content=""))
    with pytest.raises(CallRefused):
        service.record_call(replace(CALL, incident=incident + 99))
    assert TimelineEntry.select().count() == before
    assert JournalEntry.select().count() == 0


def test_a_call_whose_content_is_edited_with_sqlite3_is_found_by_verify(desk_db):
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    db, _ = desk_db
    call = duty_calls.record(CALL, ACT)
    path = Path(db.database)
    db.close()
    root = Path(__file__).resolve().parents[3]

    def verify() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "main.py", "verify", "--db", str(path)],
                              cwd=root, capture_output=True, text=True, timeout=120)

    assert verify().returncode == 0
    conn = sqlite3.connect(path)
    conn.executescript("DROP TRIGGER journal_no_update;")
    conn.execute("UPDATE journal_entry SET data = replace(data, '停电', '停水')")
    conn.commit()
    conn.close()
    result = verify()
    assert result.returncode != 0
    assert f"journal entry #{call.id}" in result.stdout + result.stderr


def test_a_call_can_be_about_running_or_todays_real_incidents_not_drills_or_cancelled(
        desk_db, shipped_catalog, tmp_path):
    from models.services.duty import DutyService

    plan = desk_db[1]
    yesterday = Act(ACT.who, NOW - timedelta(days=1), ACT.calendar)
    old = response.start_incident(shipped_catalog, plan, "fire", yesterday)
    response.cancel_incident(old, "按错", yesterday)  # yesterday's, and not running
    running_since_yesterday = response.start_incident(shipped_catalog, plan, "power_cut",
                                                      yesterday)
    drill = response.start_incident(shipped_catalog, plan, "fire", ACT, is_drill=True)
    mistake = response.start_incident(shipped_catalog, plan, "robbery", ACT)
    response.cancel_incident(mistake, "按错", ACT)
    today = response.start_incident(shipped_catalog, plan, "fire", ACT)
    service = DutyService(catalog=shipped_catalog, act=lambda: ACT,
                          draft_file=tmp_path / "draft.json")
    listed = [i.id for i in service.linkable_incidents()]
    assert listed == [today, running_since_yesterday]
    assert drill not in listed and mistake not in listed and old not in listed


def test_a_call_written_down_days_later_keeps_the_desks_time_floor_at_the_writing(desk_db):
    """The desk's clock never starts before the last thing written (main.py: not_before).
    A call is stamped with the time it came, up to 7 days back: the floor is when it was
    written down, else a clock set back a day after it would pass unseen."""
    duty_calls.record(replace(CALL, at=NOW - timedelta(days=6)), ACT)
    assert book.last_written() == NOW
