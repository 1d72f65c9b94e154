"""The hall as a board sees it: every desk's running incidents, their deadlines in the hub's
time, which desk is silent, and what rings, folded from the hub's board snapshot and the
hall's stream of events (/v1/board, /v1/events; models.sync.protocol).

The fold only moves forward (models.sync.merge): statuses by rank, the level and situation
by the desk's own link position, so duplicated or reordered deliveries, and a snapshot taken
before or after some of the events, end in the same picture. Pure: no Qt, no network; the
caller gives the hub's time (`hub_offset`) to `picture`.

What rings (and never for a drill):
- a deadline missed at its desk and not acknowledged there;
- a pending deadline 15 s past its due time while its desk has written nothing since that
  time (a desk that runs writes the miss at the due time): the desk, or its link, may be
  down, and nobody else would know ("1号台 无响应").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from models.sync.merge import DEADLINE_RANK, INCIDENT_RANK, forward, latest

SILENT_GRACE = timedelta(seconds=15)  # a due time passed, no word from the desk: it rings
SKEW_WARNING = timedelta(minutes=2)  # a desk clock further off than this is named
FINAL_RANK = 3  # closed, cancelled: the incident no longer runs (models.sync.merge)
# The first act of handling puts an open incident in hand (models.incidents.lifecycle).
HANDLING = ("step_checked", "called", "reported", "note", "no_number")
MOVES = {"resolved": "resolved", "closed": "closed", "cancelled": "cancelled"}


def parse_time(text: str | None) -> datetime | None:
    """A time of the wire: the hub's ISO text with Z, a desk's naive-UTC stored text, or a
    due time with its offset; always aware UTC. None or "" stays None."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def hub_offset(sent: datetime, received: datetime, hub_now: datetime) -> timedelta:
    """How far the hub's clock is ahead of ours, from one answer's `now`: the error is half
    the round trip (milliseconds on a LAN)."""
    return hub_now - (sent + (received - sent) / 2)


@dataclass
class DeskState:
    origin: str
    name: str = ""
    skew: timedelta = timedelta(0)  # hub time minus the desk's: add it to a desk's times
    last_seen: datetime | None = None  # hub time of the desk's last word to the hub
    head: int = 0  # the link position the hub holds
    last_written: datetime | None = None  # on the desk's clock: its newest event's time
    backlog: int | None = None  # what the desk said it has not pushed yet, if it says

    def take(self, info: dict[str, Any]) -> None:
        self.name = str(info.get("name") or self.name)
        if info.get("skew_ms") is not None:
            self.skew = timedelta(milliseconds=int(info["skew_ms"]))
        seen = parse_time(info.get("last_seen"))
        if seen is not None and (self.last_seen is None or seen > self.last_seen):
            self.last_seen = seen
        self.head = max(self.head, int(info.get("head") or 0))
        if info.get("backlog") is not None:
            self.backlog = int(info["backlog"])


@dataclass
class DeadlineState:
    deadline: int
    label: str = ""
    due: datetime | None = None  # on the desk's clock, as it recorded it
    status: str | None = None
    acknowledged: bool = False

    def take(self, status: str | None = None, *, label: str = "", due: datetime | None = None,
             acknowledged: bool = False) -> None:
        self.label = self.label or label
        self.due = self.due or due
        if status is not None:
            self.status = forward(self.status, status, DEADLINE_RANK)
        self.acknowledged = self.acknowledged or acknowledged


@dataclass
class IncidentState:
    origin: str
    incident: int
    number: str = ""
    status: str | None = None
    is_drill: bool = False
    started_at: datetime | None = None
    level: tuple[int, object] | None = None  # (link position, value): the last written wins
    situation: tuple[int, object] | None = None
    deadlines: dict[int, DeadlineState] = field(default_factory=dict)

    def deadline(self, deadline: int) -> DeadlineState:
        return self.deadlines.setdefault(deadline, DeadlineState(deadline))

    def move(self, status: str) -> None:
        self.status = forward(self.status, status, INCIDENT_RANK)
        if INCIDENT_RANK[self.status] >= FINAL_RANK:  # as cancel_all: nothing more is owed
            for d in self.deadlines.values():
                d.take("cancelled")

    @property
    def running(self) -> bool:
        return self.status is None or INCIDENT_RANK[self.status] < FINAL_RANK


# ---- the picture: plain data for the board and the desk's strip -----------------------------

@dataclass(frozen=True)
class DeadlineCard:
    deadline: int
    label: str
    due: datetime | None  # in the hub's time
    status: str
    acknowledged: bool

    def remaining(self, now: datetime) -> timedelta | None:
        return None if self.due is None else self.due - now


@dataclass(frozen=True)
class IncidentCard:
    origin: str
    incident: int
    desk: str
    number: str
    situation: str
    level: int | None
    status: str
    is_drill: bool
    started_at: datetime | None  # in the hub's time
    deadlines: tuple[DeadlineCard, ...]


@dataclass(frozen=True)
class Alarm:
    """Something that rings: `silent` is a desk that let a due time pass without a word."""

    origin: str
    incident: int
    deadline: int
    desk: str
    number: str
    situation: str
    label: str
    silent: bool

    @property
    def key(self) -> tuple[str, int, bool]:
        """What silencing on the board remembers: a new miss rings again."""
        return (self.origin, self.deadline, self.silent)


@dataclass(frozen=True)
class DeskCard:
    origin: str
    name: str
    last_seen: datetime | None
    running: int  # real incidents and drills running at the desk
    silent: bool
    backlog: int | None
    clock_ahead_minutes: int  # the desk's clock ahead of the hub (behind if negative); 0 = fine


@dataclass(frozen=True)
class HallPicture:
    now: datetime  # the hub's time it was drawn for
    incidents: tuple[IncidentCard, ...]
    desks: tuple[DeskCard, ...]
    alarms: tuple[Alarm, ...]

    @property
    def clock_warnings(self) -> tuple[DeskCard, ...]:
        return tuple(d for d in self.desks if d.clock_ahead_minutes)


class Hall:
    """The fold. `own` is the desk's own id on a desk's strip: its own incidents are skipped
    (the desk shows them itself)."""

    def __init__(self, *, own: str = "") -> None:
        self.own = own
        self.cursor = 0  # the hub's position of the last event taken (the next pull's `after`)
        self.desks: dict[str, DeskState] = {}
        self.incidents: dict[tuple[str, int], IncidentState] = {}

    # -- taking what the hub says --------------------------------------------------------------
    def take_board(self, board: dict[str, Any]) -> None:
        """A /v1/board snapshot: the state at its cursor. Folded like events, so one taken
        after some events were already folded takes nothing back."""
        self._take_desks(board.get("desks") or {})
        for row in board.get("incidents") or []:
            if row.get("origin") == self.own:
                continue
            state = self._incident(str(row["origin"]), int(row["incident"]))
            desk = self.desks[state.origin]
            desk.name = desk.name or str(row.get("desk") or "")
            state.number = state.number or str(row.get("number") or "")
            state.is_drill = state.is_drill or bool(row.get("is_drill"))
            state.started_at = state.started_at or parse_time(row.get("started_at"))
            seq = int(row.get("last_seq") or 0)
            if row.get("level") is not None:
                state.level = latest(state.level, seq, int(row["level"]))
            if row.get("situation_name"):
                state.situation = latest(state.situation, seq, str(row["situation_name"]))
            for d in row.get("deadlines") or []:
                state.deadline(int(d["deadline"])).take(
                    d.get("status"), label=str(d.get("label") or ""), due=parse_time(d.get("due")),
                    acknowledged=bool(d.get("acknowledged")))
            if row.get("status"):
                state.move(str(row["status"]))
        self.cursor = max(self.cursor, int(board.get("cursor") or 0))

    def take_events(self, page: dict[str, Any]) -> None:
        """A page of /v1/events: the desks as the hub knows them, then the events."""
        self._take_desks(page.get("desks") or {})
        for event in page.get("events") or []:
            self.take_event(event)
        self.cursor = max(self.cursor, int(page.get("cursor") or 0))

    def take_event(self, event: dict[str, Any]) -> None:
        origin = str(event.get("origin") or "")
        if event.get("for"):
            return  # the hub's own event for a desk (a leader's ack): the desk records it
        desk = self.desks.setdefault(origin, DeskState(origin))
        at = parse_time(event.get("at"))
        if at is not None and (desk.last_written is None or at > desk.last_written):
            desk.last_written = at
        if event.get("incident") is None or origin == self.own:
            return  # a plan link, or the desk's own (it shows them itself)
        self._fold(self._incident(origin, int(event["incident"])), event)

    def _fold(self, state: IncidentState, event: dict[str, Any]) -> None:
        kind, seq = str(event.get("kind") or ""), int(event.get("seq") or 0)
        data = _data(event.get("data"))
        head = event.get("incident_head") or {}
        state.number = state.number or str(head.get("number") or "")
        if kind == "started":
            state.is_drill = state.is_drill or bool(data.get("drill") or head.get("is_drill"))
            state.started_at = state.started_at or parse_time(event.get("at"))
            state.situation = latest(state.situation, seq, str(event.get("text") or ""))
            if data.get("level") is not None:
                state.level = latest(state.level, seq, int(data["level"]))
            state.move("open")
        elif kind == "level_changed" and data.get("to") is not None:
            state.level = latest(state.level, seq, int(data["to"]))
        elif kind == "situation_changed":
            state.situation = latest(state.situation, seq, str(event.get("text") or ""))
        if kind in HANDLING:
            state.move("in_hand")
        if kind in MOVES:
            state.move(MOVES[kind])
        self._fold_deadline(state, kind, event, data)

    @staticmethod
    def _fold_deadline(state: IncidentState, kind: str, event: dict[str, Any],
                       data: dict[str, Any]) -> None:
        if data.get("deadline") is None:
            return
        d = state.deadline(int(data["deadline"]))
        label = str(event.get("text") or "")
        if kind == "deadline_started":
            d.take("pending", label=label, due=parse_time(data.get("due")))
        elif kind == "deadline_missed":
            d.take("missed", label=label, due=parse_time(data.get("due")))
        elif kind == "decision_prompted":
            d.take("prompted", label=label, due=parse_time(data.get("due")))
        elif kind == "deadline_met":
            d.take("decided" if data.get("action") == "decide" else
                   "late" if data.get("late_seconds") else "met", label=label)
        elif kind == "deadline_superseded":
            d.take("superseded", label=label)
        elif kind == "alarm_acknowledged":
            d.take(label=label, acknowledged=True)
        if not state.running:
            d.take("cancelled")

    def _take_desks(self, desks: dict[str, Any]) -> None:
        for origin, info in desks.items():
            self.desks.setdefault(str(origin), DeskState(str(origin))).take(info or {})

    def _incident(self, origin: str, incident: int) -> IncidentState:
        self.desks.setdefault(origin, DeskState(origin))
        return self.incidents.setdefault((origin, incident), IncidentState(origin, incident))

    # -- the picture ---------------------------------------------------------------------------
    def picture(self, now: datetime) -> HallPicture:
        """What the board shows at `now` (the hub's time)."""
        running = [s for s in self.incidents.values() if s.running and s.origin != self.own]
        running.sort(key=lambda s: (s.started_at or now, s.origin, s.incident))
        cards = tuple(self._card(s) for s in running)
        alarms = tuple(a for s, c in zip(running, cards, strict=True)
                       for a in self._alarms(s, c, now))
        silent = {a.origin for a in alarms if a.silent}
        desks = tuple(self._desk_card(d, cards, d.origin in silent)
                      for d in sorted(self.desks.values(), key=lambda d: (d.name, d.origin))
                      if d.origin != self.own and d.name)
        return HallPicture(now, cards, desks, alarms)

    def _card(self, s: IncidentState) -> IncidentCard:
        skew = self.desks[s.origin].skew
        deadlines = tuple(
            DeadlineCard(d.deadline, d.label, d.due + skew if d.due else None,
                         d.status or "pending", d.acknowledged)
            for d in sorted(s.deadlines.values(), key=lambda d: (d.due is None, d.due or 0,
                                                                 d.deadline)))
        return IncidentCard(
            s.origin, s.incident, self.desks[s.origin].name, s.number,
            str(s.situation[1]) if s.situation else "",
            int(s.level[1]) if s.level else None,  # type: ignore[call-overload]
            s.status or "open", s.is_drill,
            s.started_at + skew if s.started_at else None, deadlines)

    def _alarms(self, s: IncidentState, card: IncidentCard, now: datetime) -> list[Alarm]:
        if card.is_drill:
            return []  # a drill must not alarm the supervisor
        desk = self.desks[s.origin]
        # what the desk wrote last, in the hub's time (a desk alive writes the miss at due)
        written = desk.last_written + desk.skew if desk.last_written else None
        alarms = []
        for d in card.deadlines:
            missed = d.status == "missed" and not d.acknowledged
            silent = (d.status == "pending" and d.due is not None and now >= d.due + SILENT_GRACE
                      and (written is None or written < d.due))
            if missed or silent:
                alarms.append(Alarm(s.origin, s.incident, d.deadline, card.desk, card.number,
                                    card.situation, d.label, silent))
        return alarms

    def _desk_card(self, d: DeskState, cards: tuple[IncidentCard, ...],
                   silent: bool) -> DeskCard:
        ahead = -d.skew  # the desk's clock minus the hub's
        minutes = round(ahead.total_seconds() / 60) if abs(ahead) > SKEW_WARNING else 0
        return DeskCard(d.origin, d.name, d.last_seen,
                        sum(1 for c in cards if c.origin == d.origin), silent, d.backlog,
                        minutes)


def _data(raw: object) -> dict[str, Any]:
    """An event's data: the desk's stored JSON text (or already a dict)."""
    if isinstance(raw, dict):
        return raw
    try:
        value = json.loads(str(raw or "{}"))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
