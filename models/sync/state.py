"""The desk's enrolment at a hub and what it last heard from it (the `sync_state` row, id 1).

Read and written on the thread that owns the desk's database (the GUI thread, or the CLI's
one thread), never by the sync worker: the worker keeps a `Progress` in memory and the owner
stores it lazily (at most once a minute and at quit), so a push writes nothing to the file.
The backlog shown with the hub away comes from the value stored last."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from models.clock.clocks import from_db, to_db
from models.store.tables import SyncState, transaction

OK, BEHIND, DIVERGED, REVOKED, HUB_OLDER = "ok", "behind", "diverged", "revoked", "hub_older"
STATES = (OK, BEHIND, DIVERGED, REVOKED, HUB_OLDER)
# States that stop pushing (the desk keeps working; a person has to act): `behind` and
# `diverged` still pull, `revoked` and `hub_older` retry hourly.
STOPPED = (BEHIND, DIVERGED, REVOKED, HUB_OLDER)


@dataclass(frozen=True)
class Enrolment:
    """Who this desk is at which hub: given once, at enrolment."""

    hub_url: str
    hub_id: str
    desk_id: str
    token: str
    hall_id: str = ""
    hall_name: str = ""
    kind: str = "desk"


@dataclass(frozen=True)
class Progress:
    """What the hub holds of this desk as last heard, and how far the hall's stream was read."""

    acked_seq: int = 0
    acked_link: str = ""
    acked_at: datetime | None = None  # aware UTC: when the hub last said so
    pull_cursor: int = 0
    state: str = OK

    def acked(self, seq: int, link: str, at: datetime) -> Progress:
        return replace(self, acked_seq=seq, acked_link=link, acked_at=at)


def enrolment() -> Enrolment | None:
    """The desk's enrolment, or None for a desk never enrolled."""
    row = SyncState.get_or_none(SyncState.id == 1)
    if row is None:
        return None
    return Enrolment(row.hub_url, row.hub_id, row.desk_id, row.token, row.hall_id,
                     row.hall_name, row.kind)


def progress() -> Progress:
    row = SyncState.get_or_none(SyncState.id == 1)
    if row is None:
        return Progress()
    return Progress(row.acked_seq, row.acked_link,
                    from_db(row.acked_at) if row.acked_at else None, row.pull_cursor,
                    row.state)


def enrol(who: Enrolment, at: datetime, *, pull_cursor: int = 0) -> None:
    """Keep a new enrolment, replacing any earlier one (a file enrolled anew starts with
    nothing acknowledged: the hub holds nothing of the new desk id)."""
    with transaction():
        SyncState.delete().where(SyncState.id == 1).execute()
        SyncState.create(id=1, hub_url=who.hub_url, hub_id=who.hub_id, desk_id=who.desk_id,
                         token=who.token, kind=who.kind, hall_id=who.hall_id,
                         hall_name=who.hall_name, enrolled_at=to_db(at),
                         pull_cursor=pull_cursor, state=OK)


def save(progress_: Progress) -> None:
    """Store what the worker learnt (nothing for a desk never enrolled)."""
    SyncState.update(acked_seq=progress_.acked_seq, acked_link=progress_.acked_link,
                     acked_at=to_db(progress_.acked_at) if progress_.acked_at else None,
                     pull_cursor=progress_.pull_cursor, state=progress_.state
                     ).where(SyncState.id == 1).execute()


def moved_hub(url: str) -> None:
    """The hub answers at another address now (`sync --hub URL`): keep it."""
    SyncState.update(hub_url=url).where(SyncState.id == 1).execute()
