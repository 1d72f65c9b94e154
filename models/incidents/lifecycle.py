"""An incident's lifecycle: its statuses, the moves allowed between them, and the one function
that makes a move — the new status and the timeline entry that records it, written together.

    open ──(first step, call — one with no number on file too —, report or note)──▶ in_hand
    open | in_hand ──▶ resolved ──▶ closed           (handling finished, then the record closed)
    open | in_hand ──▶ cancelled                     (pressed by mistake, within the window)
    open | in_hand ──▶ closed, drills only           (the drill ended before handling did)

Closed and cancelled are final. The values are the strings stored in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from models.clock.act import Act
from models.clock.clocks import to_db
from models.incidents.timeline import append_entry
from models.store.tables import Incident, TimelineEntry, transaction


class Status(StrEnum):
    OPEN = "open"
    IN_HAND = "in_hand"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"


OPEN_STATUSES = (Status.OPEN, Status.IN_HAND)  # the clerk still handles it on site
FINAL = (Status.CLOSED, Status.CANCELLED)  # nothing moves it any more
NO_NUMBER = "no_number"  # the entry of a call pressed for a role with no number on file
# Acts that put an incident in hand: the clerk's first action, as a drill scores it (a call
# pressed for a role with no number is one: the clerk acted, and looks for the number).
HANDLING = ("step_checked", "called", "reported", "note", NO_NUMBER)

# Every move allowed, and whether only a drill incident may make it (when its drill ends).
MOVES: dict[tuple[Status, Status], bool] = {
    (Status.OPEN, Status.IN_HAND): False,
    (Status.OPEN, Status.RESOLVED): False,
    (Status.IN_HAND, Status.RESOLVED): False,
    (Status.OPEN, Status.CANCELLED): False,
    (Status.IN_HAND, Status.CANCELLED): False,
    (Status.RESOLVED, Status.CLOSED): False,
    (Status.OPEN, Status.CLOSED): True,
    (Status.IN_HAND, Status.CLOSED): True,
}


class ActionRefused(Exception):
    """The action cannot be done; `code` names why (the UI words it for the clerk)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def allowed(current: Status, to: Status, *, drill: bool = False) -> bool:
    drills_only = MOVES.get((current, to))
    return drills_only is not None and (drill or not drills_only)


def status_after(kinds: Iterable[str], *, drill: bool = False) -> Status:
    """The status a timeline (its entries' kinds, in order) leads to, each move checked as
    `move` checks it: how generated incidents (models.demo) take a legal status."""
    status = Status.OPEN
    for kind in kinds:
        if kind in HANDLING and status == Status.OPEN:
            to = Status.IN_HAND
        elif kind in (Status.RESOLVED, Status.CLOSED, Status.CANCELLED):
            to = Status(kind)
        else:
            continue
        if not allowed(status, to, drill=drill):
            raise ActionRefused("not_allowed", f"{status} → {to}")
        status = to
    return status


def move(incident: Incident, to: Status, act: Act, *, kind: str = "", text: str = "",
         data: dict | None = None) -> TimelineEntry:
    """Move the incident to `to` and record it on its timeline (an entry of `kind`, by default
    the new status's name), in one transaction: both are written, or neither.

    The move is checked against the status stored now, not the one `incident` was read with;
    a move the table does not allow raises ActionRefused("not_allowed", "FROM → TO")."""
    with transaction():
        current = Status(Incident.select(Incident.status)
                         .where(Incident.id == incident.id).scalar())
        if not allowed(current, to, drill=incident.is_drill):
            raise ActionRefused("not_allowed", f"{current} → {to}")
        changes = {Incident.status: to, Incident.updated_at: to_db(act.now)}
        if to == Status.CLOSED:
            changes[Incident.closed_at] = to_db(act.now)
        Incident.update(changes).where(Incident.id == incident.id).execute()
        entry = append_entry(incident, kind or to.value, at=act.now, actor=act.who.clerk,
                             desk=act.who.desk, text=text, data=data)
    incident.status = to
    return entry
