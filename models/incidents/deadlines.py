"""Reporting deadlines: started from the catalog's timers, met, missed, chained.

A timer becomes a Deadline row when its clock starts (the incident starts, handling finishes,
another deadline is met or missed, or the clerk marks a manual trigger), with its due time
stored as an absolute time. Level timers are stored with source "level:N" and situation
timers with "situation:KEY", so a level change or a plan switch can supersede what it
replaces and start what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models.clock.act import Act
from models.clock.clocks import from_db, to_db
from models.incidents.timeline import append_entry
from models.plans.catalog import Catalog, Timer
from models.store.tables import Deadline, Incident, transaction

OPEN_FOR_DEADLINES = ("open", "in_hand", "resolved")  # a resolved incident may still owe a report
MEETABLE = ("pending", "missed")
FIXING = ("restore", "arrive")  # clocks about putting the fault right, moot once it is right


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


# ---- starting clocks -----------------------------------------------------------------------

def start_clocks(catalog: Catalog, incident: Incident, event: str, act: Act, *,
                 started_at: datetime | None = None, trigger: str = "") -> list[int]:
    """Start every timer of the incident that `event` starts and that has not started yet."""
    started_at = started_at or act.now
    holiday = act.calendar.is_holiday(act.day_of(started_at))
    already = {(d.source, d.key) for d in Deadline.select(Deadline.source, Deadline.key)
               .where(Deadline.incident == incident.id, Deadline.status != "superseded")}
    created = []
    for source, timer in timers_of(catalog, incident.situation_key, incident.level):
        if (source, timer.key) in already or not starts_on(timer, event, trigger):
            continue
        due = started_at + timedelta(minutes=minutes_for(catalog, timer, holiday))
        row = Deadline.create(
            incident=incident.id, source=source, key=timer.key, label=timer.label,
            action=timer.action, to_role=timer.to, by_role=timer.by,
            holiday=holiday and timer.holiday_minutes is not None,
            started_at=to_db(started_at), due_at=to_db(due))
        append_entry(incident, "deadline_started", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=timer.label,
                     data={"deadline": row.id, "key": timer.key, "source": source,
                           "due": due.isoformat(), "holiday": row.holiday})
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

def meet(catalog: Catalog, deadline_id: int, act: Act, *, to_person: str = "") -> None:
    """Record that a deadline was done (in time or late), then start what it chains."""
    row = Deadline.get_or_none(Deadline.id == deadline_id)
    if row is None or row.status not in MEETABLE:
        raise DeadlineRefused("not_pending")
    incident = _incident(row.incident_id)
    due = from_db(row.due_at)
    late = act.now > due
    late_seconds = int((act.now - due).total_seconds()) if late else 0
    with transaction():
        Deadline.update(status="late" if late else "met", met_at=to_db(act.now),
                        met_by=act.who.clerk, met_to=to_person).where(
            Deadline.id == row.id).execute()
        append_entry(incident, "deadline_met", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=row.label,
                     data={"deadline": row.id, "key": row.key, "late_seconds": late_seconds,
                           "to": to_person, "to_role": row.to_role, "action": row.action})
        start_clocks(catalog, incident, f"met:{row.key}", act)
        if row.action == "restore":  # put right: the longer "restore within" clocks are moot
            settle(incident, ("restore",), row.label, act)


def meet_matching(catalog: Catalog, incident: Incident, role_key: str, act: Act,
                  *, to_person: str = "") -> list[int]:
    """A report to or call of `role_key` meets the incident's report/notify deadlines to it."""
    rows = list(Deadline.select().where(
        Deadline.incident == incident.id, Deadline.status.in_(MEETABLE),
        Deadline.to_role == role_key, Deadline.action.in_(("report", "notify")))
        .order_by(Deadline.due_at))
    for row in rows:
        meet(catalog, row.id, act, to_person=to_person)
    return [row.id for row in rows]


def check_overdue(catalog: Catalog, act: Act) -> list[int]:
    """Mark every pending deadline whose time has passed as missed (also those that passed
    while the program was closed) and start what their misses chain. Returns the missed ids."""
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
                Deadline.update(status="missed", missed_at=row.due_at).where(
                    Deadline.id == row.id).execute()
                append_entry(incident, "deadline_missed", at=act.now, actor=act.who.clerk,
                             desk=act.who.desk, text=row.label,
                             data={"deadline": row.id, "key": row.key,
                                   "due": due.isoformat()})
                # A miss starts its chain from the moment it happened, even if noticed later.
                start_clocks(catalog, incident, f"missed:{row.key}", act, started_at=due)
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


def supersede(catalog: Catalog, incident: Incident, source_prefix: str, reason: str,
              act: Act) -> None:
    """After a level change ("level:") or a plan switch ("situation:"): the open deadlines of
    what was replaced give way, and the new level's or plan's clocks start now — the moment
    the incident is known to be what it now is."""
    _give_way(incident, Deadline.select().where(Deadline.incident == incident.id,
                                                Deadline.status.in_(MEETABLE),
                                                Deadline.source.startswith(source_prefix)),
              reason, act)
    start_clocks(catalog, incident, "start", act)
    if incident.status == "resolved":
        start_clocks(catalog, incident, "resolved", act)


def settle(incident: Incident, actions: tuple[str, ...], reason: str, act: Act) -> list[int]:
    """The fault is put right (a restore met, or handling finished): clocks of these actions
    still pending give way, recorded with the reason, so neither they nor the escalations
    their misses would start can ring. Reports already owed stay owed."""
    return _give_way(incident, Deadline.select().where(Deadline.incident == incident.id,
                                                       Deadline.status == "pending",
                                                       Deadline.action.in_(actions)),
                     reason, act)


def _give_way(incident: Incident, query, reason: str, act: Act) -> list[int]:
    """These deadlines are no longer due: marked superseded, each with its reason recorded."""
    rows = list(query)
    for row in rows:
        Deadline.update(status="superseded").where(Deadline.id == row.id).execute()
        append_entry(incident, "deadline_superseded", at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=row.label,
                     data={"deadline": row.id, "key": row.key, "reason": reason})
    return [row.id for row in rows]


def cancel_all(incident: Incident) -> None:
    Deadline.update(status="cancelled").where(Deadline.incident == incident.id,
                                              Deadline.status == "pending").execute()


# ---- reading -------------------------------------------------------------------------------

def open_deadlines() -> list[DeadlineView]:
    """Deadlines still owed (pending, or missed and not yet done), most urgent first."""
    rows = (Deadline.select(Deadline, Incident).join(Incident)
            .where(Deadline.status.in_(MEETABLE), Incident.status.in_(OPEN_FOR_DEADLINES))
            .order_by(Deadline.due_at, Deadline.id))
    return [DeadlineView(r.id, r.incident.id, r.incident.situation_name, r.incident.is_drill,
                         r.key, r.label, r.action, r.to_role, r.by_role, r.holiday,
                         from_db(r.started_at), from_db(r.due_at), r.status,
                         r.acknowledged_at is not None) for r in rows]


def _incident(incident_id: int) -> Incident:
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise DeadlineRefused("no_such_incident")
    return incident


def urgency(view: DeadlineView, now: datetime) -> str:
    """The panel's colour: "ok" (over half the time left), "soon", "urgent" (under a fifth),
    "overdue"."""
    if view.status == "missed" or now >= view.due_at:
        return "overdue"
    share = view.remaining_share(now)
    if share > 0.5:
        return "ok"
    return "soon" if share > 0.2 else "urgent"
