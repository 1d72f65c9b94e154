"""Reporting deadlines: started from the catalog's timers, met, missed, chained.

A timer becomes a Deadline row when its clock starts (the incident starts, handling finishes,
another deadline is met or missed, or the clerk marks a manual trigger), with its due time
stored as an absolute time. Level timers are stored with source "level:N" and situation
timers with "situation:KEY", so a level change or a plan switch can supersede what it
replaces and start what is new.

The rules themselves (which clocks an event starts and when they are due, what is late, what
gives way, what each timeline entry says) are plain functions with no database, used by the
desk below and by the demo generator (models.demo), which writes its rows in bulk.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.act import Act
from models.clock.clocks import from_db, to_db
from models.clock.workdays import HolidayCalendar
from models.incidents.lifecycle import Status
from models.incidents.timeline import append_entry
from models.plans.catalog import Catalog, Timer
from models.store.tables import Deadline, Incident, transaction

# a resolved incident may still owe a report
OPEN_FOR_DEADLINES = (Status.OPEN, Status.IN_HAND, Status.RESOLVED)
# A decision point ("if not fixed within 30 minutes, ask the customers…", action decide) is
# the desk's, set by no document as a deadline: when its time comes it rings like a miss
# ("prompted") but is never one — not missed, not late, not scored — and pressing it records
# the decision ("decided"), before or after the point.
DECISION = "decide"
PROMPTED = "prompted"
DECIDED = "decided"
RINGING = ("missed", PROMPTED)  # past due and not done: the card is red, the clerk's rings
MEETABLE = ("pending", *RINGING)
# clocks about putting the fault right, moot once it is right: restoring, arriving, and the
# desk's decision points "if not fixed within N minutes..." (plans/SCHEMA.md, action decide)
FIXING = ("restore", "arrive", "decide")
HANDLING_FINISHED = "handling finished"  # the reason they give way when handling finishes
DESK_ROLE = "clerk"  # the person at the desk (plans/SCHEMA.md): whose alarm rings


class DeadlineRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class DeadlineView:
    id: int
    incident_id: int
    situation_name: str
    is_drill: bool
    key: str
    label: str
    action: str
    to_role: str
    by_role: str
    holiday: bool
    started_at: datetime
    due_at: datetime
    status: str
    acknowledged: bool
    at_once: bool = False  # the plan says "立即" (minutes = 0): shown as "now", not a count

    @property
    def owed_by_desk(self) -> bool:
        """The clerk's own duty. Another's ("热线中心主管报告…", "信息中心排除故障") is shown
        with whose it is, turns red when missed, but does not ring the clerk's alarm: the
        clerk cannot do it, only chase it."""
        return self.by_role == DESK_ROLE

    @property
    def ringing(self) -> bool:
        """Past due and not done: missed, or a decision point reached (never a miss)."""
        return self.status in RINGING

    @property
    def is_decision(self) -> bool:
        return self.action == DECISION

    def remaining(self, now: datetime) -> timedelta:
        return self.due_at - now

    def remaining_share(self, now: datetime) -> float:
        """1.0 when just started, 0.0 at the deadline, negative when overdue."""
        total = (self.due_at - self.started_at).total_seconds()
        return (self.due_at - now).total_seconds() / total if total > 0 else -1.0


# ---- rules (plain functions of the catalog) --------------------------------------------------

def timers_of(catalog: Catalog, situation_key: str, level: int) -> list[tuple[str, Timer]]:
    return ([(f"level:{level}", t) for t in catalog.level(level).timers]
            + [(f"situation:{situation_key}", t) for t in catalog.situation(situation_key).timers])


def minutes_for(catalog: Catalog, timer: Timer, holiday: bool) -> int:
    minutes = timer.minutes
    if holiday and timer.holiday_minutes is not None:
        minutes = timer.holiday_minutes
    return minutes or catalog.general.at_once_minutes


def starts_on(timer: Timer, event: str, trigger: str = "") -> bool:
    if event == "manual":
        return "manual" in timer.starts and timer.trigger == trigger
    return event in timer.starts


@dataclass(frozen=True)
class ClockStart:
    """A timer whose clock starts: the deadline the desk stores for it."""

    source: str
    timer: Timer
    started_at: datetime
    due_at: datetime
    holiday: bool  # the holiday variant of its minutes applied

    def row(self) -> dict:
        """The Deadline row's columns as they are first stored (pending)."""
        t = self.timer
        return {"source": self.source, "key": t.key, "label": t.label, "action": t.action,
                "to_role": t.to, "by_role": t.by, "holiday": self.holiday,
                "started_at": to_db(self.started_at), "due_at": to_db(self.due_at)}

    def entry_data(self, deadline_id: int) -> dict:
        return {"deadline": deadline_id, "key": self.timer.key, "source": self.source,
                "due": self.due_at.isoformat(), "holiday": self.holiday}


def clocks_starting(catalog: Catalog, situation_key: str, level: int, event: str,
                    started_at: datetime, calendar: HolidayCalendar, zone: ZoneInfo,
                    started: set[tuple[str, str]], trigger: str = "") -> list[ClockStart]:
    """The clocks `event` starts at `started_at`: each timer of the situation and level that it
    starts and whose (source, key) is not in `started`, with its holiday minutes when the
    clock starts on a holiday of the hall (`zone`; judged at the start, not when noticed)."""
    starting = [(source, timer) for source, timer in timers_of(catalog, situation_key, level)
                if (source, timer.key) not in started and starts_on(timer, event, trigger)]
    if not starting:
        return []  # most events start nothing: no need to ask the calendar
    holiday = calendar.is_holiday(hall_time.day_of(started_at, zone))
    return [ClockStart(source, timer, started_at,
                       started_at + timedelta(minutes=minutes_for(catalog, timer, holiday)),
                       holiday and timer.holiday_minutes is not None)
            for source, timer in starting]


def is_late(due: datetime, done: datetime) -> bool:
    """Done exactly at the due time is in time."""
    return done > due


def met_data(deadline_id: int, key: str, due: datetime, done: datetime, to_person: str,
             to_role: str, action: str, *, missed: bool = False) -> dict:
    """What a meeting records. Once missed, always late: a clock set back before the due time
    cannot turn a miss into "met in time" (then it says the clock read before the due time).
    A decision is never late: it was due when its point came, not before."""
    late = action != DECISION and (missed or is_late(due, done))
    data = {"deadline": deadline_id, "key": key,
            "late_seconds": max(int((done - due).total_seconds()), 1) if late else 0,
            "to": to_person, "to_role": to_role, "action": action}
    if late and done <= due:
        data["clock_before_due"] = True
    return data


def status_when_due(action: str) -> str:
    """What a deadline still pending at its due time becomes."""
    return PROMPTED if action == DECISION else "missed"


def entry_when_due(action: str) -> str:
    """The timeline entry that says so: a decision point reached is no deadline missed."""
    return "decision_prompted" if action == DECISION else "deadline_missed"


def status_when_met(action: str, late: bool) -> str:
    if action == DECISION:
        return DECIDED
    return "late" if late else "met"


def missed_data(deadline_id: int, key: str, due: datetime) -> dict:
    return {"deadline": deadline_id, "key": key, "due": due.isoformat()}


def given_way_data(deadline_id: int, key: str, reason: str) -> dict:
    return {"deadline": deadline_id, "key": key, "reason": reason}


def settled_by_meeting(action: str) -> tuple[str, ...]:
    """The actions whose pending clocks give way when a deadline of `action` is met: once a
    restore is met the fault is put right, so the longer "restore within" clocks are moot."""
    return ("restore",) if action == "restore" else ()


def matches_call(role_key: str, to_role: str, action: str) -> bool:
    """A call of or report to `role_key` meets the report/notify deadlines to that role."""
    return to_role == role_key and action in ("report", "notify")


# ---- starting clocks -----------------------------------------------------------------------

def start_clocks(catalog: Catalog, incident: Incident, event: str, act: Act, *,
                 started_at: datetime | None = None, trigger: str = "") -> list[int]:
    """Start every timer of the incident that `event` starts and that has not started yet."""
    already = {(d.source, d.key) for d in Deadline.select(Deadline.source, Deadline.key)
               .where(Deadline.incident == incident.id, Deadline.status != "superseded")}
    created = []
    for clock in clocks_starting(catalog, incident.situation_key, incident.level, event,
                                 started_at or act.now, act.calendar, act.zone, already,
                                 trigger):
        row = Deadline.create(incident=incident.id, **clock.row())
        append_entry(incident, "deadline_started", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=clock.timer.label, data=clock.entry_data(row.id))
        created.append(row.id)
    return created


def trigger_manual(catalog: Catalog, incident_id: int, trigger: str, act: Act) -> list[int]:
    incident = _incident(incident_id)
    with transaction():
        return start_clocks(catalog, incident, "manual", act, trigger=trigger)


def manual_triggers(catalog: Catalog, incident_id: int) -> list[str]:
    """Labels of the manual starts not used yet (e.g. "预计超过24小时")."""
    incident = _incident(incident_id)
    started = {(d.source, d.key) for d in Deadline.select(Deadline.source, Deadline.key)
               .where(Deadline.incident == incident.id, Deadline.status != "superseded")}
    triggers = []
    for source, timer in timers_of(catalog, incident.situation_key, incident.level):
        if "manual" in timer.starts and (source, timer.key) not in started \
                and timer.trigger not in triggers:
            triggers.append(timer.trigger)
    return triggers


# ---- meeting, missing ----------------------------------------------------------------------

def done_time(status: str, now: datetime, witnessed_at: datetime | None) -> datetime:
    """When a deadline counts as done: now, or the time another machine witnessed it done
    (a hub saw the leader's "收到"). A witnessed time counts only for a deadline still
    pending: once the desk recorded a miss, it is late as any (measured from now), and the
    witnessed time is kept beside it as proof, never turning the miss into "in time"."""
    return witnessed_at if witnessed_at is not None and status == "pending" else now


def meet(catalog: Catalog, deadline_id: int, act: Act, *, to_person: str = "",
         done_at: datetime | None = None, proof: dict | None = None) -> None:
    """Record that a deadline was done (in time or late), then start what it chains.
    `done_at`: the time a second machine witnessed it done (`done_time`); `proof`: what
    witnessed it, written into the entry's data. The entry and `met_at` keep the desk's now."""
    row = Deadline.get_or_none(Deadline.id == deadline_id)
    if row is None or row.status not in MEETABLE:
        raise DeadlineRefused("not_pending")
    incident = _incident(row.incident_id)
    due = from_db(row.due_at)
    data = met_data(row.id, row.key, due, done_time(row.status, act.now, done_at), to_person,
                    row.to_role, row.action, missed=row.status == "missed")
    if proof:
        data["proof"] = proof
    with transaction():
        Deadline.update(status=status_when_met(row.action, bool(data["late_seconds"])),
                        met_at=to_db(act.now), met_by=act.who.clerk, met_to=to_person).where(
            Deadline.id == row.id).execute()
        append_entry(incident, "deadline_met", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=row.label, data=data)
        start_clocks(catalog, incident, f"met:{row.key}", act)
        if settled := settled_by_meeting(row.action):
            settle(incident, settled, row.label, act)


def meet_matching(catalog: Catalog, incident: Incident, role_key: str, act: Act,
                  *, to_person: str = "", done_at: datetime | None = None,
                  proof: dict | None = None) -> list[int]:
    """A report to or call of `role_key` meets the incident's report/notify deadlines to it
    (`done_at`, `proof`: as `meet`)."""
    rows = [row for row in Deadline.select().where(
        Deadline.incident == incident.id, Deadline.status.in_(MEETABLE),
        Deadline.to_role == role_key).order_by(Deadline.due_at)
        if matches_call(role_key, row.to_role, row.action)]
    for row in rows:
        meet(catalog, row.id, act, to_person=to_person, done_at=done_at, proof=proof)
    return [row.id for row in rows]


def check_overdue(catalog: Catalog, act: Act, *,
                  plans_of: Callable[[int], Catalog] | None = None) -> list[int]:
    """Mark every pending deadline whose time has passed as missed — a decision point as
    prompted — (also those that passed while the program was closed) and start what their
    misses chain (`missed:KEY`: for a decision point, its point reached), from the plans
    each incident runs on (`plans_of(incident id)`; `catalog` for all by default). Returns
    their ids: each now rings."""
    missed: list[int] = []
    while True:
        rows = list(Deadline.select().join(Incident).where(
            Deadline.status == "pending", Deadline.due_at <= to_db(act.now),
            Incident.status.in_(OPEN_FOR_DEADLINES)).order_by(Deadline.due_at))
        if not rows:
            return missed
        for row in rows:
            incident = _incident(row.incident_id)
            due = from_db(row.due_at)
            with transaction():
                Deadline.update(status=status_when_due(row.action),
                                missed_at=row.due_at if row.action != DECISION else None).where(
                    Deadline.id == row.id).execute()
                append_entry(incident, entry_when_due(row.action), at=act.now,
                             actor=act.who.clerk,
                             desk=act.who.desk, text=row.label,
                             data=missed_data(row.id, row.key, due))
                # A miss starts its chain from the moment it happened, even if noticed later.
                plans = plans_of(incident.id) if plans_of else catalog
                start_clocks(plans, incident, f"missed:{row.key}", act, started_at=due)
            missed.append(row.id)


def acknowledge(deadline_id: int, act: Act) -> None:
    """Silence the alarm of a missed deadline; the miss stays on record."""
    row = Deadline.get_or_none(Deadline.id == deadline_id)
    if row is None or row.acknowledged_at is not None:
        return
    with transaction():
        Deadline.update(acknowledged_at=to_db(act.now)).where(Deadline.id == row.id).execute()
        append_entry(_incident(row.incident_id), "alarm_acknowledged", at=act.now,
                     actor=act.who.clerk, desk=act.who.desk, text=row.label,
                     data={"deadline": row.id})


def supersede(catalog: Catalog, incident: Incident, source_prefix: str | tuple[str, ...],
              reason: str, act: Act) -> None:
    """After a level change ("level:") or a plan switch ("situation:"): the open deadlines of
    what was replaced give way, and the new level's or plan's clocks start now — the moment
    the incident is known to be what it now is. The rule (README, "Level changes"): a report
    is owed "after the event is confirmed" (会务预案 二.1 "首先要确认是什么类型的事件，并立即
    向上级主管报告"; 影院制度 第十条 "二级应急事件：现场人员需在10分钟内上报…" is owed by an
    event of that level), so a level's clock runs from when the incident became that level:
    its start, or the change. What was already missed stays missed on the record. A switch
    that also raises the level gives both prefixes, so both give way before anything starts."""
    prefixes = (source_prefix,) if isinstance(source_prefix, str) else source_prefix
    replaced = reduce(operator.or_, (Deadline.source.startswith(p) for p in prefixes))
    _give_way(incident, Deadline.select().where(Deadline.incident == incident.id,
                                                Deadline.status.in_(MEETABLE), replaced),
              reason, act)
    start_clocks(catalog, incident, "start", act)
    if incident.status == Status.RESOLVED:
        start_clocks(catalog, incident, "resolved", act)


def settle(incident: Incident, actions: tuple[str, ...], reason: str, act: Act) -> list[int]:
    """The fault is put right (a restore met, or handling finished): clocks of these actions
    still pending give way, recorded with the reason, so neither they nor the escalations
    their misses would start can ring; so does a decision point ringing (no decision is
    left to make). Reports already owed stay owed."""
    return _give_way(incident, Deadline.select().where(Deadline.incident == incident.id,
                                                       Deadline.status.in_(("pending",
                                                                            PROMPTED)),
                                                       Deadline.action.in_(actions)),
                     reason, act)


def _give_way(incident: Incident, query, reason: str, act: Act) -> list[int]:
    """These deadlines are no longer due: marked superseded, each with its reason recorded."""
    rows = list(query)
    for row in rows:
        Deadline.update(status="superseded").where(Deadline.id == row.id).execute()
        append_entry(incident, "deadline_superseded", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=row.label,
                     data=given_way_data(row.id, row.key, reason))
    return [row.id for row in rows]


def cancel_all(incident: Incident) -> None:
    Deadline.update(status="cancelled").where(Deadline.incident == incident.id,
                                              Deadline.status == "pending").execute()


# ---- reading -------------------------------------------------------------------------------

def open_deadlines(catalog: Catalog | None = None,
                   incident_id: int | None = None) -> list[DeadlineView]:
    """Deadlines still owed (pending, or missed and not yet done), most urgent first, of every
    incident or of one; with the catalog, each says whether its plan gives it "at once"
    rather than a number of minutes."""
    rows = (Deadline.select(Deadline, Incident).join(Incident)
            .where(Deadline.status.in_(MEETABLE), Incident.status.in_(OPEN_FOR_DEADLINES))
            .order_by(Deadline.due_at, Deadline.id))
    if incident_id is not None:
        rows = rows.where(Deadline.incident == incident_id)
    return [DeadlineView(r.id, r.incident.id, r.incident.situation_name, r.incident.is_drill,
                         r.key, r.label, r.action, r.to_role, r.by_role, r.holiday,
                         from_db(r.started_at), from_db(r.due_at), r.status,
                         r.acknowledged_at is not None,
                         catalog is not None and is_at_once(catalog, r.source, r.key, r.holiday))
            for r in rows]


def is_at_once(catalog: Catalog, source: str, key: str, holiday: bool) -> bool:
    """Whether the timer stored as (`source`, `key`) is "立即" (minutes = 0) in the plan; its
    due time is then only the catalog's `at_once_minutes` grace."""
    kind, _, which = source.partition(":")
    try:
        timers = (catalog.level(int(which)).timers if kind == "level"
                  else catalog.situation(which).timers)
    except (KeyError, ValueError):
        return False  # a plan since revised: shown as a plain countdown
    timer = next((t for t in timers if t.key == key), None)
    if timer is None:
        return False
    minutes = timer.holiday_minutes if holiday and timer.holiday_minutes is not None \
        else timer.minutes
    return minutes == 0


def _incident(incident_id: int) -> Incident:
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise DeadlineRefused("no_such_incident")
    return incident


def urgency(view: DeadlineView, now: datetime) -> str:
    """The panel's colour: "ok" (over half the time left), "soon", "urgent" (under a fifth),
    "overdue"."""
    if view.status in RINGING or now >= view.due_at:
        return "overdue"
    share = view.remaining_share(now)
    if share > 0.5:
        return "ok"
    return "soon" if share > 0.2 else "urgent"
