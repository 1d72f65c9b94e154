"""What the hall sees, kept in the push's transaction: each incident's state and each
deadline's, folded from a batch of one desk's events (models.sync.merge: statuses only move
forward, level and situation take the value written last by the desk), and the read-outs
shared for the leader's page. The upserts repeat the forward-only rule in SQL, so a state
never goes back whatever order batches arrive in."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from hub.store.base import Cursor
from hub.wire import TIMELINE, Event
from models.sync.merge import DEADLINE_RANK, INCIDENT_RANK, forward

HANDLING = ("step_checked", "called", "reported", "note", "no_number")  # lifecycle.HANDLING
STATUS_OF_KIND = {"started": "open", **dict.fromkeys(HANDLING, "in_hand"),
                  "resolved": "resolved", "closed": "closed", "cancelled": "cancelled"}
DEADLINE_STATUS_OF_KIND = {"deadline_started": "pending", "deadline_missed": "missed",
                           "decision_prompted": "prompted", "deadline_superseded": "superseded"}
HEAD_FIELDS = ("number", "situation_key", "situation_name", "category_key", "level", "is_drill",
               "started_at")


@dataclass
class IncidentFold:
    incident: int
    status: str | None = None
    last_seq: int = 0
    head_hash: str = ""
    level: int | None = None
    situation_key: str | None = None
    situation_name: str | None = None
    shown: dict = field(default_factory=dict)  # incident_head and the started entry's facts
    desk_name: str | None = None
    clerk: str | None = None


@dataclass
class DeadlineFold:
    deadline: int
    incident: int
    last_seq: int
    status: str | None = None
    key: str | None = None
    label: str | None = None
    action: str | None = None
    to_role: str | None = None
    due_at: str | None = None
    acknowledged: bool = False


@dataclass
class Folded:
    incidents: dict[int, IncidentFold] = field(default_factory=dict)
    deadlines: dict[int, DeadlineFold] = field(default_factory=dict)
    readouts: list[tuple] = field(default_factory=list)  # readout rows but the origin


def fold(events: Sequence[Event]) -> Folded:
    """One desk's events, in its order, folded into one change per incident and deadline."""
    out = Folded()
    for event in events:
        if event.link_kind != TIMELINE:
            continue
        data = _data(event.data)
        _fold_incident(out, event, data)
        if event.kind in DEADLINE_STATUS_OF_KIND or event.kind in (
                "deadline_met", "alarm_acknowledged"):
            _fold_deadline(out, event, data)
        elif event.kind == "readout_shared" and _is_digest(data.get("cap_hash")):
            out.readouts.append((data["cap_hash"], event.incident, _text(data.get("role")),
                                 _text(data.get("person")), _text(data.get("text", event.text)),
                                 event.seq))
    return out


def _fold_incident(out: Folded, event: Event, data: dict) -> None:
    row = out.incidents.setdefault(event.incident, IncidentFold(event.incident))
    row.last_seq, row.head_hash = event.seq, event.hash
    if event.head:
        row.shown.update({k: event.head[k] for k in HEAD_FIELDS if k in event.head})
    if event.kind in STATUS_OF_KIND:
        row.status = forward(row.status, STATUS_OF_KIND[event.kind], INCIDENT_RANK)
    if event.kind == "started":
        row.desk_name, row.clerk = event.desk, event.actor
        row.shown.setdefault("started_at", event.at)
        row.shown.setdefault("is_drill", bool(data.get("drill")))
        row.situation_key, row.situation_name = _text(data.get("situation")), event.text
        row.level = _int(data.get("level"))
    elif event.kind == "level_changed":
        row.level = _int(data.get("to"))
    elif event.kind == "situation_changed":
        row.situation_key, row.situation_name = _text(data.get("to")), event.text


def _fold_deadline(out: Folded, event: Event, data: dict) -> None:
    deadline = _int(data.get("deadline"))
    if deadline is None:
        return
    row = out.deadlines.setdefault(deadline, DeadlineFold(deadline, event.incident, event.seq))
    row.last_seq = event.seq
    if event.kind == "alarm_acknowledged":
        row.acknowledged = True
        return
    if event.kind == "deadline_met":
        action = data.get("action")
        status = "decided" if action == "decision" else (
            "late" if data.get("late_seconds") else "met")
        row.action, row.to_role = _text(action), _text(data.get("to_role"))
    else:
        status = DEADLINE_STATUS_OF_KIND[event.kind]
    if event.kind == "deadline_started":
        row.key, row.label = _text(data.get("key")), event.text
        row.due_at = _text(data.get("due"))
    row.status = forward(row.status, status, DEADLINE_RANK)


def _data(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _is_digest(value) -> bool:
    """A SHA-256 in hex, as a read-out's capability is recorded (never the capability)."""
    return isinstance(value, str) and len(value) == 64 and all(
        c in "0123456789abcdef" for c in value)


def _text(value) -> str | None:
    """A value shown as text (a desk's display fields are not hashed: kept only if sane)."""
    return None if value is None else str(value).replace("\x00", "")[:1000]


def _int(value) -> int | None:
    """A small integer (a level, a deadline id), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 <= value < 2**31 else None


# ---- writing ------------------------------------------------------------------------------

def incident_heads(cur: Cursor, origin: str, incidents: Sequence[int]) -> dict[int, str]:
    """The head hash the hub holds of each of `incidents` of `origin`."""
    if not incidents:
        return {}
    marks = ",".join(["%s"] * len(incidents))
    cur.execute(f"SELECT incident, head_hash FROM incident_view WHERE origin = %s "
                f"AND incident IN ({marks})", (origin, *incidents))
    return dict(cur.fetchall())


def write(cur: Cursor, dialect: str, origin: str, hall_id: str, folded: Folded) -> None:
    greatest = "GREATEST" if dialect == "postgresql" else "max"
    if folded.incidents:
        cur.executemany(_incident_upsert(greatest), [
            _incident_row(origin, hall_id, row) for row in folded.incidents.values()])
    if folded.deadlines:
        cur.executemany(_deadline_upsert(greatest), [
            _deadline_row(origin, row) for row in folded.deadlines.values()])
    cancelled = [(origin, row.incident) for row in folded.incidents.values()
                 if row.status == "cancelled"]
    if cancelled:  # as the desk's cancel_all: what was still pending is cancelled
        cur.executemany("UPDATE deadline_view SET status = 'cancelled', status_rank = 3 "
                        "WHERE origin = %s AND incident = %s AND status_rank = 0", cancelled)
    if folded.readouts:
        cur.executemany("INSERT INTO readout (cap_hash, origin, incident, role, person, body, "
                        "shared_seq) VALUES (%s, %s, %s, %s, %s, %s, %s) "
                        "ON CONFLICT (cap_hash) DO NOTHING",
                        [(r[0], origin, *r[1:]) for r in folded.readouts])


def _incident_row(origin: str, hall_id: str, row: IncidentFold) -> tuple:
    shown = row.shown
    status = row.status or "open"
    return (origin, row.incident, hall_id, _text(shown.get("number")),
            _text(row.situation_key or shown.get("situation_key")),
            _text(row.situation_name or shown.get("situation_name")),
            _text(shown.get("category_key")),
            row.level if row.level is not None else _int(shown.get("level")),
            status, INCIDENT_RANK[status],
            None if shown.get("is_drill") is None else bool(shown.get("is_drill")),
            _text(shown.get("started_at")), row.desk_name, row.clerk, row.head_hash,
            row.last_seq)


def _incident_upsert(greatest: str) -> str:
    newer = "EXCLUDED.last_seq > incident_view.last_seq"
    return (
        "INSERT INTO incident_view (origin, incident, hall_id, number, situation_key, "
        "situation_name, category_key, level, status, status_rank, is_drill, started_at, "
        "desk_name, clerk, head_hash, last_seq) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (origin, incident) DO UPDATE SET "
        "status = CASE WHEN EXCLUDED.status_rank > incident_view.status_rank "
        "THEN EXCLUDED.status ELSE incident_view.status END, "
        f"status_rank = {greatest}(EXCLUDED.status_rank, incident_view.status_rank), "
        "number = coalesce(EXCLUDED.number, incident_view.number), "
        f"situation_key = CASE WHEN EXCLUDED.situation_key IS NOT NULL AND ({newer} OR "
        "incident_view.situation_key IS NULL) "
        "THEN EXCLUDED.situation_key ELSE incident_view.situation_key END, "
        f"situation_name = CASE WHEN EXCLUDED.situation_name IS NOT NULL AND ({newer} OR "
        "incident_view.situation_name IS NULL) "
        "THEN EXCLUDED.situation_name ELSE incident_view.situation_name END, "
        "category_key = coalesce(EXCLUDED.category_key, incident_view.category_key), "
        f"level = CASE WHEN EXCLUDED.level IS NOT NULL AND ({newer} OR "
        "incident_view.level IS NULL) "
        "THEN EXCLUDED.level ELSE incident_view.level END, "
        "is_drill = coalesce(EXCLUDED.is_drill, incident_view.is_drill), "
        "started_at = coalesce(incident_view.started_at, EXCLUDED.started_at), "
        "desk_name = coalesce(incident_view.desk_name, EXCLUDED.desk_name), "
        "clerk = coalesce(incident_view.clerk, EXCLUDED.clerk), "
        f"head_hash = CASE WHEN {newer} THEN EXCLUDED.head_hash ELSE incident_view.head_hash END, "
        f"last_seq = {greatest}(EXCLUDED.last_seq, incident_view.last_seq)"
    )


def _deadline_row(origin: str, row: DeadlineFold) -> tuple:
    status = row.status or "pending"
    return (origin, row.incident, row.deadline, row.key, row.label, row.action, row.to_role,
            row.due_at, status, DEADLINE_RANK[status], row.acknowledged,
            row.last_seq)


def _deadline_upsert(greatest: str) -> str:
    return (
        "INSERT INTO deadline_view (origin, incident, deadline, key, label, action, to_role, "
        "due_at, status, status_rank, acknowledged, last_seq) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (origin, deadline) DO UPDATE SET "
        "status = CASE WHEN EXCLUDED.status_rank > deadline_view.status_rank "
        "THEN EXCLUDED.status ELSE deadline_view.status END, "
        f"status_rank = {greatest}(EXCLUDED.status_rank, deadline_view.status_rank), "
        "key = coalesce(deadline_view.key, EXCLUDED.key), "
        "label = coalesce(deadline_view.label, EXCLUDED.label), "
        "action = coalesce(EXCLUDED.action, deadline_view.action), "
        "to_role = coalesce(EXCLUDED.to_role, deadline_view.to_role), "
        "due_at = coalesce(deadline_view.due_at, EXCLUDED.due_at), "
        "acknowledged = (deadline_view.acknowledged OR EXCLUDED.acknowledged), "
        f"last_seq = {greatest}(EXCLUDED.last_seq, deadline_view.last_seq)")
