"""What a clerk does during an incident, each press committed at once to the timeline.

Plain functions over the database and an injected time; the widgets call these and redraw.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from peewee import fn

from models.clock import hall_time
from models.clock.act import Act
from models.clock.clocks import from_db, to_db
from models.incidents import deadlines, search
from models.incidents.lifecycle import (
    HANDLING,
    NO_NUMBER,
    OPEN_STATUSES,
    ActionRefused,
    Status,
    move,
)
from models.incidents.timeline import append_entry
from models.plans.catalog import Catalog
from models.plans.revisions import plan_catalog
from models.store.tables import (
    DrillRun,
    Incident,
    NoteDraft,
    PlanVersion,
    TimelineEntry,
    transaction,
)

CANCEL_WINDOW = timedelta(minutes=2)
# A second press of the same call or report on the same incident sooner than this after the
# first is asked about, not recorded twice: 4.9 s after asks, 5.0 s after records.
REPEAT_WINDOW = timedelta(seconds=5)
NOTE_MAX_CHARS = 10_000
REASON_MAX_CHARS = 1_000
READOUT_SHARED = "readout_shared"  # the read-out shared for the leader's "收到" on a phone


@dataclass(frozen=True)
class EntryView:
    id: int
    at: datetime
    kind: str
    actor: str
    desk: str
    text: str
    data: dict


@dataclass(frozen=True)
class IncidentSummary:
    id: int
    situation_key: str
    situation_name: str
    level: int
    status: str
    is_drill: bool
    started_at: datetime
    cancel_window: timedelta = CANCEL_WINDOW  # in the incident's clock (a drill's runs faster)


@dataclass(frozen=True)
class IncidentState:
    summary: IncidentSummary
    hall: str
    desk: str
    clerk: str
    checked: dict[int, datetime]  # step index of the current situation -> when ticked
    entries: tuple[EntryView, ...]

    @property
    def id(self) -> int:
        return self.summary.id

    def can_cancel(self, now: datetime) -> bool:
        return (self.summary.status in OPEN_STATUSES
                and within_cancel_window(self.summary.started_at, now,
                                         self.summary.cancel_window))

    def called_roles(self) -> set[str]:
        return {e.data.get("role", "") for e in self.entries if e.kind == "called"}

    def same_press_within(self, kind: str, role_key: str, person: str, now: datetime,
                          window: timedelta = REPEAT_WINDOW) -> EntryView | None:
        """The last entry of the same press (a call, a report, or a call to a role with no
        number) to the same role and person, if it was recorded less than `window` before
        `now`: a second press that soon is more likely a double press than a second call."""
        for e in reversed(self.entries):
            if (e.kind == kind and e.data.get("role", "") == role_key
                    and e.data.get("person", "") == person):
                return e if timedelta(0) <= now - e.at < window else None
        return None

    def reported_roles(self) -> set[str]:
        return {e.data.get("role", "") for e in self.entries if e.kind == "reported"}

    def actions_taken(self) -> tuple[EntryView, ...]:
        """Steps still ticked (at their last tick), calls, reports and notes, in order: a
        step ticked and then unticked was not done."""
        last: dict[tuple, EntryView] = {}
        for e in self.entries:
            if e.kind in ("step_checked", "step_unchecked"):
                last[(e.data.get("situation"), e.data.get("step"))] = e
        ticked = {e.id for e in last.values() if e.kind == "step_checked"}
        pressed = {e.at for e in self.entries if e.kind in ("called", "reported")}
        return tuple(e for e in self.entries
                     if e.kind in ("called", "reported", "note") or e.id in ticked
                     or (e.kind == "deadline_met" and e.at not in pressed))  # from a card

    def reported_people(self) -> set[tuple[str, str]]:
        """(role, person) of every report, from the report buttons or a timer card's "done"
        for a report to that role; person is "" when none was named."""
        reports = {(e.data.get("role", ""), e.data.get("person", "")) for e in self.entries
                   if e.kind == "reported"}
        return reports | {(e.data.get("to_role", ""), e.data.get("to", "")) for e in self.entries
                          if e.kind == "deadline_met" and e.data.get("action") == "report"}


# ---- starting ------------------------------------------------------------------------------

def start_incident(catalog: Catalog, plan: PlanVersion, situation_key: str, act: Act,
                   *, is_drill: bool = False, drill_run: int | None = None) -> int:
    """One press: the incident with its default level, and the clocks that start with it.
    Refused while nobody is on duty: every incident names the clerk who started it."""
    if not act.who.clerk.strip():
        raise ActionRefused("no_clerk")
    sit = _situation(catalog, situation_key)
    with transaction():
        incident = Incident.create(
            number=next_number(act.now, act.zone), situation_key=sit.key, situation_name=sit.name,
            category_key=sit.category,
            level=sit.default_level, status=Status.OPEN,
            is_drill=is_drill or drill_run is not None,
            drill_run=drill_run,
            started_at=to_db(act.now), hall=act.who.hall, desk=act.who.desk,
            clerk=act.who.clerk, plan=plan.id, updated_at=to_db(act.now))
        _record(incident, "started", act, sit.name,
                {"situation": sit.key, "level": sit.default_level, "drill": incident.is_drill,
                 "hall": act.who.hall})
        deadlines.start_clocks(catalog, incident, "start", act)
        search.reindex(incident.id, " ".join((incident.number, sit.name, act.who.desk,
                                              act.who.clerk)))
    return incident.id


def next_number(now: datetime, zone: ZoneInfo) -> str:
    """The day's next incident number, e.g. 20261120-003 (the hall's date)."""
    day = hall_time.local_text(now, zone, "%Y%m%d")
    return f"{day}-{last_sequence(day) + 1:03d}"


def last_sequence(day: str) -> int:
    """The highest number given on a day (YYYYMMDD), 0 if none. Past 999 a number has more
    digits ("-1000" sorts before "-999" as text): the longest first, then the highest."""
    last = (Incident.select(Incident.number).where(Incident.number.startswith(day + "-"))
            .order_by(fn.LENGTH(Incident.number).desc(), Incident.number.desc()).scalar())
    return int(last.rsplit("-", 1)[1]) if last else 0


# ---- acting --------------------------------------------------------------------------------

def set_step(catalog: Catalog, incident_id: int, index: int, checked: bool, act: Act) -> None:
    incident = _open_incident(incident_id)
    steps = _situation(catalog, incident.situation_key).steps
    if not 0 <= index < len(steps):
        raise ActionRefused("no_such_step", str(index))
    _record(incident, "step_checked" if checked else "step_unchecked", act, steps[index].text,
            {"situation": incident.situation_key, "step": index})


def number_to_dial(catalog: Catalog, role_key: str, number: str = "") -> str:
    """The number a call press dials: the person's given, else the role's own; "" when none
    is on file."""
    return (number or _role(catalog, role_key).number).strip()


def record_call(catalog: Catalog, incident_id: int, role_key: str, act: Act,
                *, person: str = "", number: str = "") -> str:
    """A call made; it meets the deadlines to report to or notify that role. With no number
    on file nobody was reached: "no number on file" is recorded instead, meeting nothing.
    Returns the kind recorded ("called" or NO_NUMBER)."""
    incident = _open_incident(incident_id)
    role = _role(catalog, role_key)
    number = number_to_dial(catalog, role_key, number)
    text = " ".join(p for p in (role.name, person, number) if p)
    if not number:
        with transaction():  # an act all the same: it puts an open incident in hand
            _record(incident, NO_NUMBER, act, text, {"role": role.key, "person": person})
        return NO_NUMBER
    with transaction():
        _record(incident, "called", act, text,
                {"role": role.key, "person": person, "number": number})
        deadlines.meet_matching(catalog, incident, role.key, act, to_person=person)
    return "called"


def mark_reported(catalog: Catalog, incident_id: int, role_key: str, act: Act,
                  *, person: str = "", number: str = "") -> None:
    """"Reported to X": who reported to whom (on which number) and when; meets the matching
    deadlines."""
    incident = _incident(incident_id, deadlines.OPEN_FOR_DEADLINES)
    role = _role(catalog, role_key)
    data = {"role": role.key, "person": person} | ({"number": number} if number else {})
    with transaction():
        _record(incident, "reported", act, " ".join(p for p in (role.name, person, number) if p),
                data)
        deadlines.meet_matching(catalog, incident, role.key, act, to_person=person)


def capability_hash(cap: str) -> str:
    """A read-out page's capability as the record keeps it (and the hub knows it): its
    SHA-256. The capability itself is only ever in the address shown to the leader."""
    return hashlib.sha256(cap.encode("utf-8")).hexdigest()


def share_readout(catalog: Catalog, incident_id: int, role_key: str, person: str, text: str,
                  act: Act, *, cap: str) -> None:
    """The read-out as shown, shared for the leader's "收到" on a phone: the hash of the
    page's capability `cap` (the secret part of its address), whom it is for and the text,
    recorded on the timeline (and so sent to the hall hub, which serves the page). The
    capability itself is not recorded: whoever reads the file or the hub's database cannot
    press 收到 with it. Sharing is no report: it meets nothing and puts nothing in hand; the
    leader's "收到" does."""
    incident = _incident(incident_id, deadlines.OPEN_FOR_DEADLINES)
    role = _role(catalog, role_key)
    if not cap:
        raise ActionRefused("no_cap")
    with transaction():
        append_entry(incident, READOUT_SHARED, at=act.now, actor=act.who.clerk,
                     desk=act.who.desk, text=" ".join(p for p in (role.name, person) if p),
                     data={"cap_hash": capability_hash(cap), "role": role.key,
                           "person": person, "text": text})


def add_note(incident_id: int, text: str, act: Act) -> None:
    text = _clean_text(text)
    if not text:
        raise ActionRefused("empty_note")
    if len(text) > NOTE_MAX_CHARS:
        raise ActionRefused("note_too_long", str(len(text)))
    with transaction():
        _record(_open_incident(incident_id), "note", act, text)
        NoteDraft.delete().where(NoteDraft.incident == incident_id).execute()  # now a note
        search.reindex(incident_id)


def record_clock_jump(jump_seconds: float, wall: datetime, act: Act) -> list[int]:
    """The PC's clock was set `jump_seconds` away from the desk's time (which runs on): said
    on the timeline of every incident still open, so a reader knows why the PC's clock and
    the record disagree. Returns those incidents."""
    rows = list(Incident.select().where(Incident.status.in_(OPEN_STATUSES)))
    with transaction():
        for incident in rows:
            append_entry(incident, "clock_jumped", at=act.now, actor=act.who.clerk,
                         desk=act.who.desk, data={"seconds": round(jump_seconds),
                                                  "pc_clock": wall.isoformat()})
    return [row.id for row in rows]


def change_level(catalog: Catalog, incident_id: int, level: int, reason: str, act: Act) -> None:
    """A new level with its reason; the old level's open deadlines give way to the new one's."""
    incident = _open_incident(incident_id)
    reason = _clean_text(reason)
    if level not in {lv.level for lv in catalog.levels}:
        raise ActionRefused("no_such_level", str(level))
    if level == incident.level:
        raise ActionRefused("same_level")
    if not reason:
        raise ActionRefused("reason_required")
    if len(reason) > REASON_MAX_CHARS:
        raise ActionRefused("reason_too_long")
    with transaction():
        previous = incident.level
        Incident.update(level=level, updated_at=to_db(act.now)).where(
            Incident.id == incident.id).execute()
        _record(incident, "level_changed", act, reason, {"from": previous, "to": level})
        deadlines.supersede(catalog, Incident.get_by_id(incident.id), "level:", reason, act)


def switch_situation(catalog: Catalog, incident_id: int, situation_key: str, act: Act) -> None:
    """The plan of another situation takes over (e.g. an agitated customer turns violent).
    The incident keeps the more severe of its level and the new plan's default level
    (`level_after_switch`); when that raises it, the change is recorded with the new plan's
    name as its reason and the new level's clocks start from the switch, as a level change's."""
    incident = _open_incident(incident_id)
    sit = _situation(catalog, situation_key)
    if sit.key == incident.situation_key:
        return
    level = level_after_switch(incident.level, sit.default_level)
    with transaction():
        Incident.update(situation_key=sit.key, situation_name=sit.name,
                        category_key=sit.category, level=level, updated_at=to_db(act.now)).where(
            Incident.id == incident.id).execute()
        _record(incident, "situation_changed", act, sit.name,
                {"from": incident.situation_key, "to": sit.key})
        replaced: tuple[str, ...] = ("situation:",)
        if level != incident.level:
            _record(incident, "level_changed", act, sit.name,
                    {"from": incident.level, "to": level})
            replaced += ("level:",)
        deadlines.supersede(catalog, Incident.get_by_id(incident.id), replaced, sit.name, act)


def level_after_switch(current: int, new_default: int) -> int:
    """The level once another plan takes over: the more severe (smaller number) of the two.
    An agitated customer (3) who assaults staff (1) makes a level-1 incident; a level-1 event
    never drops to 3 because the plan that now applies starts lower (影院制度 第六条 grades
    an event by what it caused: what happened before the switch still happened)."""
    return min(current, new_default)


def mark_resolved(catalog: Catalog, incident_id: int, act: Act) -> None:
    """Handling on site is finished; clocks that run from then (e.g. filing within 24 h) start."""
    incident = _open_incident(incident_id)
    with transaction():
        move(incident, Status.RESOLVED, act)
        resolved = Incident.get_by_id(incident.id)
        deadlines.settle(resolved, deadlines.FIXING, deadlines.HANDLING_FINISHED, act)
        deadlines.start_clocks(catalog, resolved, "resolved", act)


def cancel_incident(incident_id: int, reason: str, act: Act) -> None:
    """Undo an accidental press: the incident is kept, marked cancelled, never deleted."""
    incident = _open_incident(incident_id)
    if not within_cancel_window(from_db(incident.started_at), act.now,
                                cancel_window(incident)):
        raise ActionRefused("cancel_window_passed")
    with transaction():
        move(incident, Status.CANCELLED, act, text=_clean_text(reason))
        deadlines.cancel_all(incident)


def within_cancel_window(started: datetime, now: datetime,
                         window: timedelta = CANCEL_WINDOW) -> bool:
    """A press can be undone for `window` after it. A clock that reads before the press
    (set back since) opens no window: the press's age is then unknown, not zero."""
    return timedelta(0) <= now - started <= window


def cancel_window(incident: Incident) -> timedelta:
    """CANCEL_WINDOW in real seconds at any speed: a drill at ×10 runs its clock ten times
    faster, so its incidents get ten times the drill time (still two real minutes)."""
    if incident.drill_run is None:
        return CANCEL_WINDOW
    run = DrillRun.get_or_none(DrillRun.id == incident.drill_run)
    return CANCEL_WINDOW * max(run.rate if run is not None else 1, 1)


# ---- reading -------------------------------------------------------------------------------

def keeping_running(catalog: Catalog) -> Catalog:
    """The catalog the desk works with: the plan files, plus whatever situation an incident
    not yet closed follows that a revision of the files removed (taken from that incident's
    stored plan version), so it can still be opened and finished."""
    listed = {s.key for s in catalog.situations}
    rows = (Incident.select(Incident.situation_key, Incident.plan)
            .where(Incident.status.in_((*OPEN_STATUSES, Status.RESOLVED))).distinct().tuples())
    for key, plan_id in rows:
        if key not in listed:
            catalog = catalog.keeping([key], plan_catalog(plan_id))
    return catalog


def open_incidents() -> list[IncidentSummary]:
    rows = (Incident.select().where(Incident.status.in_(OPEN_STATUSES))
            .order_by(Incident.started_at.desc(), Incident.id.desc()))
    return [_summary(row) for row in rows]


def incident_state(incident_id: int) -> IncidentState:
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise ActionRefused("no_such_incident", str(incident_id))
    entries = tuple(
        EntryView(e.id, from_db(e.at), e.kind, e.actor, e.desk, e.text, json.loads(e.data))
        for e in TimelineEntry.select().where(TimelineEntry.incident == incident.id)
        .order_by(TimelineEntry.id))
    checked: dict[int, datetime] = {}
    for e in entries:
        if e.kind in ("step_checked", "step_unchecked") and \
                e.data.get("situation") == incident.situation_key:
            if e.kind == "step_checked":
                checked[e.data["step"]] = e.at
            else:
                checked.pop(e.data["step"], None)
    return IncidentState(_summary(incident), incident.hall, incident.desk, incident.clerk,
                         checked, entries)


# ---- helpers -------------------------------------------------------------------------------

def _summary(row: Incident) -> IncidentSummary:
    return IncidentSummary(row.id, row.situation_key, row.situation_name, row.level, row.status,
                           row.is_drill, from_db(row.started_at), cancel_window(row))


def _record(incident: Incident, kind: str, act: Act, text: str = "",
            data: dict | None = None) -> None:
    """One entry; the first act of handling also puts an open incident in hand."""
    if kind in HANDLING and incident.status == Status.OPEN:
        move(incident, Status.IN_HAND, act, kind=kind, text=text, data=data)
    else:
        append_entry(incident, kind, at=act.now, actor=act.who.clerk, desk=act.who.desk,
                     text=text, data=data)


def _open_incident(incident_id: int) -> Incident:
    return _incident(incident_id, OPEN_STATUSES)


def _incident(incident_id: int, statuses: tuple[str, ...]) -> Incident:
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise ActionRefused("no_such_incident", str(incident_id))
    if incident.status not in statuses:
        raise ActionRefused("not_open", incident.status)
    return incident


def _situation(catalog: Catalog, key: str):
    try:
        return catalog.situation(key)
    except KeyError:
        raise ActionRefused("no_such_situation", key) from None


def _role(catalog: Catalog, key: str):
    try:
        return catalog.role(key)
    except KeyError:
        raise ActionRefused("no_such_role", key) from None


def _clean_text(text: str) -> str:
    """Trim, and drop characters a database or a PDF cannot hold (NUL, lone surrogates)."""
    text = text.replace("\x00", "").strip()
    return text.encode("utf-8", "replace").decode("utf-8")
