"""Generated incidents for trainers, screenshots and benchmarks (`main.py demo`).

Situations come in realistic proportions, during opening hours, with timelines (steps, calls,
reports in time, late or missed), records, and a few drills. The deadlines follow the desk's
own rules (models.incidents.deadlines: due times, holidays, chains, what gives way) and the
statuses its lifecycle (models.incidents.lifecycle); only the rows are written differently, in
bulk with their hash chains, so ten years of a busy hall (200,000 incidents) take minutes,
not hours.
"""

from __future__ import annotations

import heapq
import itertools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.clocks import from_db, to_db
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, search
from models.incidents.lifecycle import Status, status_after
from models.incidents.response import last_sequence
from models.incidents.timeline import entry_hash
from models.plans.catalog import Catalog
from models.store.database import MetaEntry
from models.store.ledger import link_unlinked
from models.store.tables import (
    Deadline,
    Incident,
    PlanVersion,
    RecordData,
    TimelineEntry,
    bound_database,
    transaction,
)

# How often each situation happens at a front desk, relative to each other (others: 1).
WEIGHTS = {
    "agitated_customer": 30, "complaint_escalation": 10, "business_system_failure": 12,
    "customer_property_lost": 8, "equipment_failure": 6, "customer_ill_injured": 6,
    "self_service_failure": 5, "hotline_failure": 4, "network_outage": 4, "quarrel_fight": 4,
    "power_cut": 4, "crowd_disorder": 3, "staff_injured": 2, "company_property_loss": 2,
    "theft_in_progress": 2, "customer_property_damaged": 2, "water_outage": 1,
    "staff_assaulted": 1, "threatening_call": 0.5, "fire": 0.3, "robbery": 0.1,
    "explosion": 0.02, "terror_attack": 0.01, "epidemic": 0.2,
}
CLERKS = ("张三", "李四", "王芳", "赵敏", "陈静", "刘洋")
PLACES = ("一楼大厅", "二楼业务区", "自助服务区", "贵宾室", "门口", "填单台", "排队等候区")
NOTES = ("客户情绪已平复", "已请保安到场", "已告知客户处理时限", "现场已拍照留存",
         "已调取监控录像", "客户留下联系电话", "已通知值班经理", "客户表示满意")
OPENING = (time(8, 30), time(17, 30))
BATCH = 500
# A role the plans give no number (the liaison, the property company) is dialled on the
# number the hall's directory holds; the demo has no directory: one made-up duty line.
DIRECTORY_NUMBER = "0755-83210000"


class DemoRefused(Exception):
    pass


@dataclass(frozen=True)
class DemoStats:
    incidents: int
    drills: int
    entries: int
    deadlines: int


def generate(catalog: Catalog, plan: PlanVersion, *, incidents: int, days: int, end: datetime,
             hall: str = "城东营业厅", desks: tuple[str, ...] = ("1号台", "2号台", "3号台"),
             seed: int = 7, allow_real: bool = False, calendar: HolidayCalendar | None = None,
             zone: ZoneInfo = hall_time.DEFAULT_ZONE,
             progress: Callable[[int], None] = lambda done: None) -> DemoStats:
    """`zone`: the hall's, whose opening hours and days the incidents fall in."""
    demo_db = MetaEntry.get_or_none(MetaEntry.key == "demo_data") is not None
    real = Incident.select().where(Incident.is_drill == False).exists()  # noqa: E712
    if real and not demo_db and not allow_real:
        raise DemoRefused("the database already holds real incidents")
    MetaEntry.replace(key="demo_data", value="yes").execute()
    rng = random.Random(seed)
    keys = [s.key for s in catalog.situations]
    weights = [WEIGHTS.get(k, 1) for k in keys]
    starts = sorted(_start_time(rng, end, days, zone) for _ in range(incidents))
    next_id = (Incident.select(Incident.id).order_by(Incident.id.desc()).scalar() or 0) + 1
    deadline_ids = itertools.count(
        (Deadline.select(Deadline.id).order_by(Deadline.id.desc()).scalar() or 0) + 1)
    calendar = calendar or HolidayCalendar()
    per_day: dict[str, int] = {}
    totals = [0, 0, 0]  # drills, entries, deadlines
    for batch_start in range(0, incidents, BATCH):
        rows = {"incident": [], "entry": [], "deadline": [], "record": [], "search": []}
        for offset, started in enumerate(starts[batch_start:batch_start + BATCH]):
            incident_id = next_id + batch_start + offset
            day = hall_time.local_text(started, zone, "%Y%m%d")
            if day not in per_day:
                per_day[day] = last_sequence(day)
            per_day[day] += 1
            sit = catalog.situation(rng.choices(keys, weights)[0])
            _one(catalog, calendar, zone, deadline_ids, plan, rng, rows, incident_id,
                 f"{day}-{per_day[day]:03d}", sit, started, end, hall, rng.choice(desks))
        with transaction():
            Incident.insert_many(rows["incident"]).execute()
            for chunk in _chunks(rows["entry"], 400):
                TimelineEntry.insert_many(chunk).execute()
            for chunk in _chunks(rows["deadline"], 400):
                Deadline.insert_many(chunk).execute()
            RecordData.insert_many(rows["record"]).execute()
            link_unlinked(bound_database())  # into the desk-wide chain, in order
            search.index_many(rows["search"])
        totals[0] += sum(r["is_drill"] for r in rows["incident"])
        totals[1] += len(rows["entry"])
        totals[2] += len(rows["deadline"])
        progress(min(incidents, batch_start + BATCH))
    return DemoStats(incidents, *totals)


def _start_time(rng: random.Random, end: datetime, days: int, zone: ZoneInfo) -> datetime:
    """A moment within opening hours, before `end`, on one of the last `days` days that had
    opened by then (before today's opening, the last day is yesterday)."""
    last = hall_time.day_of(end, zone)
    if hall_time.at_hall(datetime.combine(last, OPENING[0]), zone) >= end:
        last -= timedelta(days=1)
    while True:
        day = last - timedelta(days=rng.randrange(days))
        if day.weekday() >= 5 and rng.random() < 0.5:
            continue  # weekends are quieter
        opening = hall_time.at_hall(datetime.combine(day, OPENING[0]), zone)
        closing = min(hall_time.at_hall(datetime.combine(day, OPENING[1]), zone), end)
        return opening + (closing - opening) * rng.random()


def _one(catalog, calendar, zone, deadline_ids, plan, rng, rows, incident_id, number, sit, started,
         end, hall, desk) -> None:
    clerk = rng.choice(CLERKS)
    drill = rng.random() < 0.02
    level = sit.default_level
    place = rng.choice(PLACES)
    events = [(started, "started", sit.name, {"situation": sit.key, "level": level,
                                              "drill": drill, "hall": hall})]
    cancelled_at = (started + timedelta(seconds=rng.randint(10, 60))
                    if rng.random() < 0.01 else None)  # pressed by mistake, soon cancelled
    clocks = Clocks(catalog, calendar, zone, rng, sit.key, level, clerk, events, deadline_ids,
                    end)
    clocks.start("start", started)
    if cancelled_at and cancelled_at <= end:
        notes = []
        clocks.run(cancelled_at)
        events.append((cancelled_at, "cancelled", "误按", {}))
        clocks.cancel_all()
    else:
        notes = _actions(catalog, rng, sit, started, events, clocks)
        clocks.run(end)
        _settle(rng, events, clocks, started, end)
    deadlines = clocks.rows
    for row in deadlines:
        row["incident"] = incident_id
    events = sorted((e for e in events if e[0] <= end), key=lambda e: e[0])
    status = status_after((e[1] for e in events), drill=drill)  # each move checked
    last = _write_entries(rows, incident_id, clerk, desk, events)
    aftercare = {item: "已完成" for item in catalog.level(level).aftercare_required}
    description = f"{place}{sit.name}，{'；'.join(notes) or '现场已处置'}"
    minute = timedelta(minutes=1)
    record = {"place": place, "reporter": clerk, "handler": clerk, "description": description,
              "people": "客户一名", "result": "已处置完毕", "aftercare": aftercare,
              "happened_at": (started - 2 * minute).isoformat(),
              "discovered_at": (started - minute).isoformat(),
              "reported_at": started.isoformat(),
              "actions": "；".join(e[2] for e in events if e[1] == "step_checked")[:2000]}
    rows["deadline"].extend(deadlines)
    rows["incident"].append({
        "id": incident_id, "number": number, "situation_key": sit.key,
        "situation_name": sit.name, "category_key": sit.category, "level": level,
        "status": status.value, "is_drill": drill, "started_at": to_db(started), "hall": hall,
        "desk": desk, "clerk": clerk, "place": place, "description": description,
        "plan": plan.id, "updated_at": to_db(last[0]),
        "closed_at": to_db(last[0]) if status == Status.CLOSED else None,
        "head_hash": last[1]})
    if status == Status.CANCELLED:
        record = {}
    rows["record"].append({"incident": incident_id, "data": json.dumps(record, ensure_ascii=False),
                           "saved_at": to_db(last[0]), "saved_by": clerk})
    rows["search"].append((incident_id, " ".join((number, sit.name, place, desk, clerk,
                                                   description))))


def _actions(catalog, rng, sit, started, events, clocks: Clocks) -> list[str]:
    """Steps ticked, calls made (each meets the deadlines to report to that role, as on the
    desk), notes and the saved record, a few minutes apart."""
    at = started

    def later() -> datetime:
        nonlocal at
        at += timedelta(seconds=rng.randint(20, 240))
        return at

    for index, step in enumerate(sit.steps):
        if rng.random() < 0.85:
            events.append((later(), "step_checked", step.text,
                           {"situation": sit.key, "step": index}))
        for key in step.call[:1]:
            if rng.random() < 0.6:
                role = catalog.role(key)
                number = role.number or DIRECTORY_NUMBER  # on the desk: from the directory
                events.append((later(), "called", f"{role.name} {number}",
                               {"role": key, "person": "", "number": number}))
                clocks.call(at, key)
    notes = rng.sample(NOTES, rng.randint(0, 2))
    events.extend((later(), "note", note, {}) for note in notes)
    events.append((later(), "record_saved", "place、description",
                   {"fields": ["place", "description"]}))
    return notes


class Clocks:
    """An incident's deadlines as the desk's engine (models.incidents.deadlines) keeps them,
    run event by event in time order: which clocks start and when they are due (holidays
    included), what is late, what a call meets and what gives way are the engine's rules;
    only when the clerk does things is drawn at random."""

    def __init__(self, catalog, calendar, zone, rng, situation, level, clerk, events, ids, end):
        self.catalog, self.calendar, self.zone, self.rng = catalog, calendar, zone, rng
        self.situation, self.level, self.clerk, self.events = situation, level, clerk, events
        self.ids, self.end = ids, end
        self.outcome = rng.random()  # how this incident's deadlines go: mostly in time
        self.rows: list[dict] = []
        self.started: set[tuple[str, str]] = set()
        self.queue: list = []  # (at, order, handler, args): what happens next
        self.order = itertools.count()

    def start(self, event: str, at: datetime) -> None:
        for clock in deadlines.clocks_starting(self.catalog, self.situation, self.level, event,
                                               at, self.calendar, self.zone, self.started):
            self.started.add((clock.source, clock.timer.key))
            row = clock.row() | {"id": next(self.ids), "status": "pending", "missed_at": None,
                                 "acknowledged_at": None, "met_at": None, "met_by": "",
                                 "met_to": ""}
            self.rows.append(row)
            self.events.append((at, "deadline_started", clock.timer.label,
                                clock.entry_data(row["id"])))
            self._at(clock.due_at, self._due, row)
            done = self._done_at(clock)
            if done is not None:
                self._at(done, self._meet, row)

    def call(self, at: datetime, role_key: str) -> None:
        self._at(at, self._call, role_key)

    def resolve(self, at: datetime) -> None:
        self._at(at, self._resolve)

    def run(self, until: datetime) -> None:
        """Everything that happens up to `until`, in order."""
        while self.queue and self.queue[0][0] <= until:
            at, _, handler, args = heapq.heappop(self.queue)
            handler(at, *args)

    def owed(self) -> bool:
        return any(row["status"] == "pending" for row in self.rows)

    def cancel_all(self) -> None:
        for row in self.rows:
            if row["status"] == "pending":
                row["status"] = "cancelled"

    def _at(self, at: datetime, handler, *args) -> None:
        heapq.heappush(self.queue, (at, next(self.order), handler, args))

    def _done_at(self, clock) -> datetime | None:
        if self.outcome > 0.97:
            return None
        if self.outcome > 0.9:
            return clock.due_at + timedelta(seconds=self.rng.randint(30, 900))
        return clock.started_at + (clock.due_at - clock.started_at) * self.rng.uniform(0.2, 0.9)

    def _due(self, at: datetime, row: dict) -> None:
        """The time passed with the deadline still pending: missed, its alarm silenced soon
        after (a demo desk starts quiet), and what the miss chains starts from the miss."""
        if row["status"] != "pending":
            return
        row["status"] = deadlines.status_when_due(row["action"])
        row["missed_at"] = row["due_at"] if row["status"] == "missed" else None
        self.events.append((at, deadlines.entry_when_due(row["action"]), row["label"],
                            deadlines.missed_data(row["id"], row["key"], from_db(row["due_at"]))))
        silenced = min(self.end, at + timedelta(seconds=self.rng.randint(5, 90)))
        row["acknowledged_at"] = to_db(silenced)
        self.events.append((silenced, "alarm_acknowledged", row["label"],
                            {"deadline": row["id"]}))
        self.start(f"missed:{row['key']}", at)

    def _meet(self, at: datetime, row: dict) -> None:
        if row["status"] not in deadlines.MEETABLE:
            return
        due = from_db(row["due_at"])
        row.update(status=deadlines.status_when_met(row["action"], deadlines.is_late(due, at)),
                   met_at=to_db(at), met_by=self.clerk)
        self.events.append((at, "deadline_met", row["label"], deadlines.met_data(
            row["id"], row["key"], due, at, "", row["to_role"], row["action"])))
        self.start(f"met:{row['key']}", at)
        if settled := deadlines.settled_by_meeting(row["action"]):
            self._give_way(at, settled, row["label"])

    def _call(self, at: datetime, role_key: str) -> None:
        met = [row for row in self.rows if row["status"] in deadlines.MEETABLE
               and deadlines.matches_call(role_key, row["to_role"], row["action"])]
        for row in sorted(met, key=lambda row: row["due_at"]):
            self._meet(at, row)

    def _resolve(self, at: datetime) -> None:
        self.events.append((at, "resolved", "", {}))
        self._give_way(at, deadlines.FIXING, deadlines.HANDLING_FINISHED)
        self.start("resolved", at)  # e.g. filing within 24 hours after handling

    def _give_way(self, at: datetime, actions: tuple[str, ...], reason: str) -> None:
        for row in self.rows:
            if row["status"] in ("pending", deadlines.PROMPTED) and row["action"] in actions:
                row["status"] = "superseded"
                self.events.append((at, "deadline_superseded", row["label"],
                                    deadlines.given_way_data(row["id"], row["key"], reason)))


def _settle(rng, events, clocks: Clocks, started, end) -> None:
    """Resolved once the work and the reports are done (clocks that run from then start),
    closed a while later by a supervisor once nothing is owed; an incident whose work or
    reports run past `end` is still in hand."""
    done = max(e[0] for e in events) + timedelta(seconds=rng.randint(20, 240))
    wanted = Status.CLOSED if end - started > timedelta(days=3) else rng.choice(
        (Status.IN_HAND, Status.RESOLVED, Status.CLOSED))
    if wanted == Status.IN_HAND or done > end or clocks.owed():
        return
    clocks.resolve(done)
    clocks.run(end)
    closed = max(e[0] for e in events) + timedelta(seconds=rng.randint(600, 7200))
    if wanted == Status.RESOLVED or closed > end or clocks.owed():
        return
    events.append((closed, "closed", "", {}))


def _write_entries(rows, incident_id, clerk, desk, events) -> tuple[datetime, str]:
    """The timeline rows with their hash chain; returns the last entry's time and hash."""
    previous = ""
    for at, kind, text, data in events:
        stamp = to_db(at)
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        digest = entry_hash(previous, incident_id, stamp, kind, clerk, desk, text, payload)
        rows["entry"].append({"incident": incident_id, "at": stamp, "kind": kind,
                              "actor": clerk, "desk": desk, "text": text, "data": payload,
                              "prev_hash": previous, "hash": digest})
        previous = digest
    return events[-1][0], previous


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]
