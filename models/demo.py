"""Generated incidents for trainers, screenshots and benchmarks (`main.py demo`).

Situations come in realistic proportions, during opening hours, with timelines (steps, calls,
reports in time, late or missed), records, and a few drills. Rows are written in bulk with
their hash chains, so ten years of a busy hall (200,000 incidents) take minutes, not hours.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.clocks import to_db
from models.incidents import search
from models.incidents.deadlines import minutes_for, timers_of
from models.incidents.response import last_sequence
from models.incidents.timeline import entry_hash
from models.plans.catalog import Catalog
from models.store.database import MetaEntry
from models.store.tables import (
    Deadline,
    Incident,
    PlanVersion,
    RecordData,
    TimelineEntry,
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
             seed: int = 7, allow_real: bool = False, zone: ZoneInfo = hall_time.DEFAULT_ZONE,
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
            _one(catalog, plan, rng, rows, incident_id, f"{day}-{per_day[day]:03d}", sit,
                 started, end, hall, rng.choice(desks))
        with transaction():
            Incident.insert_many(rows["incident"]).execute()
            for chunk in _chunks(rows["entry"], 400):
                TimelineEntry.insert_many(chunk).execute()
            for chunk in _chunks(rows["deadline"], 400):
                Deadline.insert_many(chunk).execute()
            RecordData.insert_many(rows["record"]).execute()
            search.index_many(rows["search"])
        totals[0] += sum(r["is_drill"] for r in rows["incident"])
        totals[1] += len(rows["entry"])
        totals[2] += len(rows["deadline"])
        progress(min(incidents, batch_start + BATCH))
    return DemoStats(incidents, *totals)


def _start_time(rng: random.Random, end: datetime, days: int, zone: ZoneInfo) -> datetime:
    while True:
        day = hall_time.day_of(end - timedelta(days=rng.randrange(days)), zone)
        if day.weekday() >= 5 and rng.random() < 0.5:
            continue  # weekends are quieter
        opening = hall_time.at_hall(datetime.combine(day, OPENING[0]), zone)
        span = (datetime.combine(day, OPENING[1]) - datetime.combine(day, OPENING[0]))
        moment = opening + timedelta(seconds=rng.randrange(int(span.total_seconds())))
        if moment < end:
            return moment


def _one(catalog, plan, rng, rows, incident_id, number, sit, started, end, hall, desk) -> None:
    clerk = rng.choice(CLERKS)
    drill = rng.random() < 0.02
    level = sit.default_level
    place = rng.choice(PLACES)
    events = [(started, "started", sit.name, {"situation": sit.key, "level": level,
                                              "drill": drill, "hall": hall})]
    cancelled_at = (started + timedelta(seconds=rng.randint(10, 60))
                    if rng.random() < 0.01 else None)  # pressed by mistake, soon cancelled
    clocks = Clocks(catalog, rng, sit.key, level, min(end, cancelled_at or end), clerk, events)
    clocks.start("start", started)
    if cancelled_at and cancelled_at <= end:
        notes, status = [], "cancelled"
        events.append((cancelled_at, "cancelled", "误按", {}))
        for row in clocks.rows:  # nothing was due within the minute: all still pending
            row["status"] = "cancelled"
    else:
        notes = _actions(catalog, rng, sit, started, events)
        status = _settle(rng, events, clocks, started, end)
    deadlines = clocks.rows
    for row in deadlines:
        row["incident"] = incident_id
    events = sorted((e for e in events if e[0] <= end), key=lambda e: e[0])
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
        "status": status, "is_drill": drill, "started_at": to_db(started), "hall": hall,
        "desk": desk, "clerk": clerk, "place": place, "description": description,
        "plan": plan.id, "updated_at": to_db(last[0]),
        "closed_at": to_db(last[0]) if status == "closed" else None, "head_hash": last[1]})
    if status == "cancelled":
        record = {}
    rows["record"].append({"incident": incident_id, "data": json.dumps(record, ensure_ascii=False),
                           "saved_at": to_db(last[0]), "saved_by": clerk})
    rows["search"].append((incident_id, " ".join((number, sit.name, place, desk, clerk,
                                                   description))))


def _actions(catalog, rng, sit, started, events) -> list[str]:
    """Steps ticked, calls made, notes and the saved record, a few minutes apart."""
    at = started

    def later() -> datetime:
        nonlocal at
        at += timedelta(seconds=rng.randint(20, 240))
        return at

    for index, step in enumerate(sit.steps):
        if rng.random() < 0.85:
            events.append((later(), "step_checked", step.text,
                           {"situation": sit.key, "step": index}))
        for role in step.call[:1]:
            if rng.random() < 0.6:
                events.append((later(), "called", catalog.role(role).name,
                               {"role": role, "person": "", "number": catalog.role(role).number}))
    notes = rng.sample(NOTES, rng.randint(0, 2))
    events.extend((later(), "note", note, {}) for note in notes)
    events.append((later(), "record_saved", "place、description",
                   {"fields": ["place", "description"]}))
    return notes


class Clocks:
    """Deadline rows as the desk would have written them, event by event."""

    def __init__(self, catalog, rng, situation, level, end, clerk, events) -> None:
        self.timers = timers_of(catalog, situation, level)
        self.catalog, self.rng, self.end, self.clerk, self.events = (catalog, rng, end, clerk,
                                                                      events)
        self.outcome = rng.random()
        self.rows: list[dict] = []
        self.started: set[tuple[str, str]] = set()

    def start(self, event: str, at: datetime) -> None:
        if at > self.end:
            return
        for source, timer in self.timers:
            if event in timer.starts and (source, timer.key) not in self.started:
                self.started.add((source, timer.key))
                self._run(source, timer, at)

    def _run(self, source, timer, started: datetime) -> None:
        due = started + timedelta(minutes=minutes_for(self.catalog, timer, False))
        self.events.append((started, "deadline_started", timer.label,
                            {"key": timer.key, "source": source, "due": due.isoformat(),
                             "holiday": False}))
        status, met = "met", started + (due - started) * self.rng.uniform(0.2, 0.9)
        if self.outcome > 0.97:
            status, met = "missed", None
        elif self.outcome > 0.9:
            status, met = "late", due + timedelta(seconds=self.rng.randint(30, 900))
        missed_at = acknowledged = None
        if status in ("missed", "late") and due <= self.end:  # it rang; the clerk stopped it
            missed_at, acknowledged = due, due + timedelta(seconds=self.rng.randint(5, 90))
            self.events.append((due, "deadline_missed", timer.label,
                                {"key": timer.key, "due": due.isoformat()}))
            self.events.append((acknowledged, "alarm_acknowledged", timer.label, {}))
        if (met or due) > self.end:
            status, met, missed_at, acknowledged = "pending", None, None, None
        if met:
            late = max(0, int((met - due).total_seconds()))
            self.events.append((met, "deadline_met", timer.label,
                                {"key": timer.key, "late_seconds": late, "to": "",
                                 "to_role": timer.to, "action": timer.action}))
        self.rows.append({
            "source": source, "key": timer.key, "label": timer.label,
            "action": timer.action, "to_role": timer.to, "by_role": timer.by, "holiday": False,
            "started_at": to_db(started), "due_at": to_db(due), "status": status,
            "missed_at": to_db(missed_at) if missed_at else None,
            "acknowledged_at": to_db(acknowledged) if acknowledged else None,
            "met_at": to_db(met) if met else None, "met_by": self.clerk if met else "",
            "met_to": ""})
        if missed_at:
            self.start(f"missed:{timer.key}", missed_at)
        if met:
            self.start(f"met:{timer.key}", met)


def _settle(rng, events, clocks: Clocks, started, end) -> str:
    """Resolved once the work and the reports are done (clocks that run from then start),
    closed a while later by a supervisor once nothing is owed; an incident whose work or
    reports run past `end` is still in hand."""
    done = max(e[0] for e in events) + timedelta(seconds=rng.randint(20, 240))
    wanted = "closed" if end - started > timedelta(days=3) else rng.choice(
        ("in_hand", "resolved", "closed"))
    if wanted == "in_hand" or done > end or any(d["status"] == "pending" for d in clocks.rows):
        return "in_hand"
    events.append((done, "resolved", "", {}))
    clocks.start("resolved", done)  # e.g. filing within 24 hours after handling
    last = max(e[0] for e in events)
    closed = last + timedelta(seconds=rng.randint(600, 7200))
    if (wanted == "resolved" or closed > end
            or any(d["status"] == "pending" for d in clocks.rows)):
        return "resolved"
    events.append((closed, "closed", "", {}))
    return "closed"


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
