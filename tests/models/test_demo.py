"""Demo data: realistic, verifiable, and never mixed into a database of real incidents."""

import json
from collections import Counter
from datetime import datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import from_db
from models.clock.workdays import HolidayCalendar
from models.demo import OPENING, DemoRefused, generate
from models.incidents import deadlines, records, response
from models.incidents.verify import verify_all
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from models.store.tables import Deadline, Incident, TimelineEntry
from tests.helpers.hall import HALL

END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)


def test_generated_incidents_look_real_and_verify(desk_db, shipped_catalog):
    stats = generate(shipped_catalog, desk_db[1], incidents=600, days=60, end=END)
    assert stats.incidents == Incident.select().count() == 600
    assert 0 < stats.drills < 40
    counts = Counter(i.situation_key for i in Incident.select())
    assert counts.most_common(1)[0][0] == "agitated_customer"
    assert counts["fire"] < counts["agitated_customer"] / 10
    local_times = [from_db(i.started_at).astimezone(HALL).time() for i in Incident.select()]
    assert all(OPENING[0] <= t <= OPENING[1] for t in local_times)
    assert list(verify_all()) == []
    numbers = [i.number for i in Incident.select()]
    assert len(set(numbers)) == 600


def test_nothing_generated_happens_after_the_end(desk_db, shipped_catalog):
    generate(shipped_catalog, desk_db[1], incidents=300, days=2, end=END)
    assert max(from_db(e.at) for e in TimelineEntry.select()) <= END
    closed = Incident.select().where(Incident.status == "closed")
    assert closed.count() > 0 and all(from_db(i.closed_at) <= END for i in closed)
    unsettled = (Deadline.select().join(Incident, on=(Deadline.incident == Incident.id))
                 .where(Deadline.status == "pending", Incident.status == "closed"))
    assert unsettled.count() == 0
    assert Deadline.select().where(Deadline.status == "pending").count() > 0
    ringing = Deadline.select().where(Deadline.missed_at.is_null(False),
                                      Deadline.acknowledged_at.is_null())
    assert ringing.count() == 0  # old misses were acknowledged: a demo desk starts quiet
    sources = Counter(d.source for d in Deadline.select())
    assert sources["level:3"] > 0  # filing within 24 hours, from the end of handling
    keys = Counter((d.source, d.key) for d in Deadline.select())
    assert len([k for k in keys if k[0] == "level:2"]) >= 2  # the liaison, then the members
    kinds = Counter(e.kind for e in TimelineEntry.select())
    assert kinds["deadline_met"] > kinds["deadline_missed"] > 0
    assert kinds["deadline_started"] == Deadline.select().count()


@pytest.mark.parametrize("end", [datetime(2026, 11, 20, 0, 15, tzinfo=HALL),  # before opening
                                 datetime(2026, 11, 20, 8, 30, tzinfo=HALL)])  # at it
def test_one_day_before_the_hall_opens_is_yesterday(desk_db, shipped_catalog, end):
    generate(shipped_catalog, desk_db[1], incidents=3, days=1, end=end)  # once never ended
    days = {from_db(i.started_at).astimezone(HALL).date() for i in Incident.select()}
    assert days == {datetime(2026, 11, 19).date()}


def test_a_day_just_opened_fills_the_minutes_it_has(desk_db, shipped_catalog):
    end = datetime(2026, 11, 20, 8, 30, 1, tzinfo=HALL)
    generate(shipped_catalog, desk_db[1], incidents=20, days=1, end=end)  # once never ended
    starts = [from_db(i.started_at) for i in Incident.select()]
    assert all(end - timedelta(seconds=1) <= s < end for s in starts)


def test_demo_refuses_a_database_with_real_incidents(desk_db, shipped_catalog):
    act = Act(Who("城东营业厅", "1号台", "张三"), END, HolidayCalendar())
    response.start_incident(shipped_catalog, desk_db[1], "fire", act)
    with pytest.raises(DemoRefused):
        generate(shipped_catalog, desk_db[1], incidents=10, days=1, end=END)
    assert Incident.select().count() == 1
    generate(shipped_catalog, desk_db[1], incidents=10, days=1, end=END, allow_real=True)
    assert Incident.select().count() == 11


def test_demo_database_can_be_extended(desk_db, shipped_catalog):
    generate(shipped_catalog, desk_db[1], incidents=10, days=2, end=END)
    generate(shipped_catalog, desk_db[1], incidents=10, days=2, end=END, seed=8)
    assert Incident.select().count() == 20


# ---- the demo's deadlines are the desk engine's ------------------------------------------

HOLIDAYS_END = datetime(2026, 10, 14, 18, 0).astimezone()  # National Day 1-7 Oct, then work


def demo_incidents(picked) -> list[tuple[dict, list[TimelineEntry], list[dict]]]:
    """The chosen demo incidents as plain data: the row, its timeline, its deadlines."""
    out = []
    for incident in picked:
        entries = list(TimelineEntry.select().where(TimelineEntry.incident == incident.id)
                       .order_by(TimelineEntry.id))
        rows = list(Deadline.select().where(Deadline.incident == incident.id)
                    .order_by(Deadline.id).dicts())
        out.append((incident.__data__, entries, rows))
    return out


def replay(catalog, plan, picked) -> dict[int, int]:
    """Every pressed action of the demo timelines, done on the desk in time order (misses
    noticed when due); returns demo incident id -> desk incident id."""
    stream = sorted(((e.at, e.id, incident["id"], e) for incident, entries, _ in picked
                     for e in entries), key=lambda item: (item[0], item[1]))
    key_of = {row["id"]: row["key"] for _, _, rows in picked for row in rows}
    desk_of: dict[int, int] = {}
    for _, _, demo_id, e in stream:
        data = json.loads(e.data)
        a = Act(Who("城东营业厅", e.desk, e.actor), from_db(e.at), HolidayCalendar())
        incident_id = desk_of.get(demo_id)
        if e.kind == "started":
            desk_of[demo_id] = response.start_incident(catalog, plan, data["situation"], a,
                                                       is_drill=data["drill"])
        elif e.kind == "step_checked":
            response.set_step(catalog, incident_id, data["step"], True, a)
        elif e.kind in ("called", "no_number"):  # a role with no number on file: no_number
            response.record_call(catalog, incident_id, data["role"], a,
                                 number=data.get("number", ""))
        elif e.kind == "note":
            response.add_note(incident_id, e.text, a)
        elif e.kind == "resolved":
            response.mark_resolved(catalog, incident_id, a)
        elif e.kind == "cancelled":
            response.cancel_incident(incident_id, e.text, a)
        elif e.kind == "closed":
            aftercare = {"aftercare:" + item: "已完成" for item in catalog.level(
                Incident.get_by_id(incident_id).level).aftercare_required}
            assert records.save_record(incident_id, aftercare, a) == {}
            records.close_incident(catalog, incident_id, a)
        elif e.kind in ("deadline_missed", "decision_prompted"):
            deadlines.check_overdue(catalog, a)
        elif e.kind in ("deadline_met", "alarm_acknowledged"):
            row = Deadline.get(Deadline.incident == incident_id,
                               Deadline.key == key_of[data["deadline"]])
            if e.kind == "alarm_acknowledged":
                deadlines.acknowledge(row.id, a)
            elif row.status in deadlines.MEETABLE:  # not met already by a call
                deadlines.meet(catalog, row.id, a)
    return desk_of


def comparable_entries(entries) -> list[tuple]:
    """What an entry says; a due time as the instant it is (a desk writes it in the hall's
    zone, the demo in UTC: the same moment)."""
    def said(data: dict) -> dict:
        if "due" in data:
            data["due"] = datetime.fromisoformat(data["due"]).timestamp()
        return {k: v for k, v in data.items() if k != "deadline"}

    return [(e.at, e.kind, e.actor, e.text, said(json.loads(e.data)))
            for e in entries if e.kind != "record_saved"]


def comparable_deadlines(rows) -> list[tuple]:
    columns = ("source", "key", "label", "action", "to_role", "by_role", "holiday",
               "started_at", "due_at", "status", "missed_at", "acknowledged_at", "met_at",
               "met_by", "met_to")
    return sorted(tuple(row[c] for c in columns) for row in rows)


def interesting(entries, deadline_rows) -> dict[str, set[int]]:
    """Incidents (ids) in which each rule of the engine shows."""
    kinds: dict[str, set[tuple]] = {}
    for e in entries:
        kinds.setdefault(e.kind, set()).add((e.incident_id, e.at))
    # the shipped plans chain from a decision point reached (gas 五.4 "如30分钟内无法排除
    # 故障,应立即报告部门经理"), never a miss: it chains the same way
    missed_chain = {(d.incident_id, d.started_at) for d in deadline_rows} & (
        kinds.get("deadline_missed", set()) | kinds["decision_prompted"])
    return {"holiday minutes": {d.incident_id for d in deadline_rows if d.holiday},
            "a miss chains from the miss": {i for i, _ in missed_chain},
            "a decision point is prompted": {d.incident_id for d in deadline_rows
                                             if d.status == "prompted"},
            "a call meets the report": {i for i, _ in kinds["called"] & kinds["deadline_met"]},
            # the shipped plans set no repair deadline of their own (issue 15's audit), so
            # no restore is met to settle others: that rule is pinned in test_deadlines
            "late": {d.incident_id for d in deadline_rows if d.status == "late"},
            "still owed at the end": {d.incident_id for d in deadline_rows
                                      if d.status == "pending"},
            "closed": {i for i, _ in kinds["closed"]},
            "cancelled": {i for i, _ in kinds["cancelled"]}}


def test_demo_deadlines_are_what_the_desk_engine_computes(desk_db, shipped_catalog, tmp_path):
    """The same incidents pressed through on a desk (start, steps, calls, misses noticed,
    resolve, close...) give the same deadlines, statuses and timeline entries as the demo —
    on holidays (National Day) and workdays alike."""
    generate(shipped_catalog, desk_db[1], incidents=500, days=14, end=HOLIDAYS_END, seed=12)
    chosen = set()
    for rule, ids in interesting(list(TimelineEntry.select()), list(Deadline.select())).items():
        assert ids, rule  # each rule is exercised
        chosen |= set(sorted(ids)[:6])
    picked = demo_incidents(Incident.select().where(Incident.id.in_(chosen)))
    db = open_database(tmp_path / "replay.db")
    try:
        plan = record_plan_version(shipped_catalog, END)
        desk_of = replay(shipped_catalog, plan, picked)
        for incident, entries, rows in picked:
            desk_id = desk_of[incident["id"]]
            assert Incident.get_by_id(desk_id).status == incident["status"]
            desk_rows = Deadline.select().where(Deadline.incident == desk_id).dicts()
            assert comparable_deadlines(desk_rows) == comparable_deadlines(rows)
            desk_entries = TimelineEntry.select().where(TimelineEntry.incident == desk_id)
            assert comparable_entries(desk_entries.order_by(TimelineEntry.id)) == \
                comparable_entries(entries)
    finally:
        db.close()
