"""One desk's syncing with its hub, run on a worker thread: a round says hello (once, and
again after every failure), pushes the ledger after what the hub holds until nothing is
left, and pulls the hall's stream after a cursor. It reads the file (its own connection)
and talks to the hub; it writes nothing: the owner of the database stores `progress` and
applies the pulled events on its own thread.

Pushes are idempotent (the global event id is desk id + link position), so every failure is
answered the same way: back off (0.5 s doubling to 30 s, with jitter, reset on success) and
send again. What a person has to act on stops pushing and keeps the desk working: a file
older than what the hub holds (`behind`), a file changed after the hub received it
(`diverged`), a token withdrawn (`revoked`), a hub older than the desk (`hub_older`)."""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from models.sync import outbox
from models.sync.client import HubClient, HubUnreachable, parse_wire_time
from models.sync.protocol import (
    BAD_HASH,
    DIVERGED,
    GAP,
    MAX_PULL_EVENTS,
    MAX_PUSH_EVENTS,
    PROTO_UNSUPPORTED,
    REVOKED,
    SLOW_DOWN,
    TOO_LARGE,
    UNAUTHORIZED,
    HubError,
)
from models.sync.state import BEHIND, HUB_OLDER, OK, Enrolment, Progress
from models.sync.state import DIVERGED as STATE_DIVERGED
from models.sync.state import REVOKED as STATE_REVOKED

log = logging.getLogger(__name__)

HOURLY = 3600.0  # a revoked token or an older hub: asked again this often
PULL_PAGES = 10  # pages of the hall's stream read in one round (the next round goes on)


class Backoff:
    """Waits between failed tries: `first` doubling to `cap`, each ± `jitter` (a fraction),
    never above `cap`; `reset()` after a success."""

    def __init__(self, first: float = 0.5, cap: float = 30.0, jitter: float = 0.2,
                 rng: Callable[[], float] = random.random) -> None:
        self.first, self.cap, self.jitter = first, cap, jitter
        self._rng = rng
        self._tries = 0

    def next(self) -> float:
        base = min(self.cap, self.first * 2 ** min(self._tries, 30))
        self._tries += 1
        spread = 1 + self.jitter * (2 * self._rng() - 1)
        return min(self.cap, base * spread)

    def reset(self) -> None:
        self._tries = 0


@dataclass(frozen=True)
class RoundReport:
    """What one round did and learnt."""

    progress: Progress  # what the hub holds of this desk now, and the stream's cursor
    local_head: int  # the file's newest link
    pushed: int = 0  # events the hub accepted in this round
    duplicates: int = 0  # events the hub already held (a retry after a lost answer)
    first_pushed: int = 0
    last_pushed: int = 0
    events: tuple[dict[str, Any], ...] = ()  # the hall's stream, pulled
    more: bool = False  # the stream has more after these (the next round reads on)
    error: str = ""  # why the round stopped short, in English ("" when it did not)
    retry_in: float | None = None  # seconds until the next try; None: as soon as nudged
    offset: timedelta | None = None  # the hub's clock minus the desk's, as last measured
    hub_head: int = 0  # what the hub holds of this desk (= progress.acked_seq)

    @property
    def backlog(self) -> int:
        return max(0, self.local_head - self.progress.acked_seq)

    @property
    def state(self) -> str:
        return self.progress.state


@dataclass
class _Round:
    pushed: int = 0
    duplicates: int = 0
    first: int = 0
    last: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    more: bool = False


class SyncEngine:
    """Pushing and pulling may run at once on two worker threads (`push_round` on one,
    `pull_round` with its long-poll on the other, each with its own client): each keeps its
    own part of `progress`. `round` does both, one after the other (the sync command)."""

    def __init__(self, *, client: HubClient, enrolment: Enrolment, progress: Progress,
                 database: str | Path, now: Callable[[], datetime],
                 listener: HubClient | None = None, backoff: Backoff | None = None,
                 batch: int = MAX_PUSH_EVENTS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.listener = listener or client  # pulls (a long-poll waits on its own connection)
        self.enrolment = enrolment
        self.progress = progress
        self.offset: timedelta | None = None
        self.backoff = backoff or Backoff()
        self.pull_backoff = Backoff(self.backoff.first, self.backoff.cap, self.backoff.jitter)
        self._path = Path(database)
        self._now = now
        self._batch = batch
        self._mono = monotonic
        self._local = threading.local()  # each worker thread reads the file on its own
        self._conns: list[sqlite3.Connection] = []
        self._greeted = False
        self._not_before = 0.0  # monotonic: a stopped state is not asked again before this

    @property
    def progress(self) -> Progress:
        return replace(self._pushed, pull_cursor=self._cursor)

    @progress.setter
    def progress(self, value: Progress) -> None:
        self._pushed, self._cursor = value, value.pull_cursor

    # -- what the owner calls (on a worker thread) -----------------------------------------

    def local_head(self) -> int:
        return outbox.head(self._connection())[0]

    def round(self, *, wait: float = 0) -> RoundReport:
        """Push until nothing is left, then pull (waiting up to `wait` s for the first
        event: a long-poll): the two reports in one."""
        pushed = self.push_round()
        if pushed.error:
            return pushed
        pulled = self.pull_round(wait=wait)
        return replace(pulled, pushed=pushed.pushed, duplicates=pushed.duplicates,
                       first_pushed=pushed.first_pushed, last_pushed=pushed.last_pushed)

    def push_round(self) -> RoundReport:
        """Hello if needed, then push until nothing is left."""
        done = _Round()
        if self._waiting_out():
            return self._report(done, retry_in=self._not_before - self._mono())
        try:
            if not self._greeted:
                self._hello()
            if self._pushed.state == OK:
                self._push_until_empty(done)
        except HubUnreachable as error:
            self._greeted = False
            return self._report(done, error=str(error), retry_in=self.backoff.next())
        except HubError as error:
            return self._refused(done, error, self.backoff)
        self.backoff.reset()
        return self._report(done)

    def pull_round(self, *, wait: float = 0) -> RoundReport:
        """The hall's stream after the cursor (pulled in every state but those that stop
        everything: a token withdrawn, a hub older than the desk)."""
        done = _Round()
        if self._pushed.state in (STATE_REVOKED, HUB_OLDER):
            return self._report(done, retry_in=max(1.0, self._not_before - self._mono()))
        try:
            self._pull(done, wait)
        except HubUnreachable as error:
            return self._report(done, error=str(error), retry_in=self.pull_backoff.next())
        except HubError as error:
            return self._refused(done, error, self.pull_backoff)
        self.pull_backoff.reset()
        return self._report(done)

    def abort(self) -> None:
        """From any thread: the calls under way end at once (the desk is quitting)."""
        self.client.abort()
        self.listener.abort()

    def close(self) -> None:
        self.client.close()
        self.listener.close()
        for conn in self._conns:
            conn.close()
        self._conns.clear()
        self._local = threading.local()

    def _waiting_out(self) -> bool:
        return self._pushed.state in (STATE_REVOKED, HUB_OLDER) and \
            self._mono() < self._not_before

    # -- the steps -------------------------------------------------------------------------

    def _hello(self) -> None:
        """Where the hub and the file stand (§3.4): a hub holding more than the file, or a
        different link where both have one, stops pushing."""
        answer = self._timed(self.client.hello)
        hub_seq, hub_link = _head(answer.get("desk", {}).get("head"))
        local_seq, local_link = outbox.head(self._connection())
        if hub_seq > local_seq:
            theirs = (self.client.chain(self.enrolment.desk_id, [local_seq])
                      .get("links", {}).get(str(local_seq)) if local_seq else None)
            state = BEHIND if theirs is None or theirs == local_link else STATE_DIVERGED
            if local_seq == 0:
                state = BEHIND
        elif hub_seq and outbox.link_at(self._connection(), hub_seq) != hub_link:
            state = STATE_DIVERGED
        else:
            state = OK
        self._pushed = replace(self._pushed.acked(hub_seq, hub_link, self._now()),
                               state=state)
        self._greeted = True

    def _push_until_empty(self, done: _Round) -> None:
        conn = self._connection()
        gaps = 0
        while self._pushed.state == OK:
            after = self._pushed.acked_seq
            events = outbox.events_after(conn, after, self._batch)
            if not events:
                return
            try:
                answer = self._timed(lambda a=after, e=events: self.client.push(
                    self.enrolment.desk_id, a, self._pushed.acked_link, e))
            except HubError as error:
                if error.code == GAP and gaps < 3:
                    gaps += 1  # the hub holds less (or more) than we thought: resend from it
                    self._rewind(error.body.get("head"))
                    continue
                if error.code == TOO_LARGE and self._batch > 1:
                    self._batch = max(1, self._batch // 2)
                    continue
                raise
            gaps = 0
            self._acked(done, answer, after)

    def _acked(self, done: _Round, answer: dict[str, Any], after: int) -> None:
        seq, link = _head(answer.get("head"))
        accepted = int(answer.get("accepted", 0))
        done.duplicates += int(answer.get("duplicates", 0))
        if accepted:
            done.first = done.first or seq - accepted + 1
            done.last = seq
            done.pushed += accepted
        if seq <= after:
            raise HubError(500, "no_progress", {"message": f"the hub acknowledged {seq} "
                                                           f"after {after}"})
        self._pushed = self._pushed.acked(seq, link, self._now())

    def _rewind(self, head: Any) -> None:
        seq, link = _head(head)
        local_seq = outbox.head(self._connection())[0]
        if seq > local_seq:
            self._pushed = replace(self._pushed, state=BEHIND)
            return
        self._pushed = self._pushed.acked(seq, link, self._now())

    def _pull(self, done: _Round, wait: float) -> None:
        cursor = self._cursor
        for _ in range(PULL_PAGES):
            answer = self._timed(lambda c=cursor, w=wait: self.listener.pull(
                c, wait=w, limit=MAX_PULL_EVENTS))
            done.events.extend(answer.get("events", []))
            cursor = int(answer.get("cursor", cursor))
            done.more = bool(answer.get("more"))
            self._cursor = cursor
            if not done.more:
                return
            wait = 0

    def _refused(self, done: _Round, error: HubError, backoff: Backoff) -> RoundReport:
        """An error answer: a state for what a person must fix, a wait for the rest."""
        code = error.code
        if code in (UNAUTHORIZED, REVOKED) or error.status == 401:
            return self._stop(done, STATE_REVOKED, error)
        if code == PROTO_UNSUPPORTED or error.status == 426:
            return self._stop(done, HUB_OLDER, error)
        if code in (DIVERGED, BAD_HASH):
            self._pushed = replace(self._pushed, state=STATE_DIVERGED)
            return self._report(done, error=str(error))
        self._greeted = False
        wait = backoff.next()
        if code == SLOW_DOWN:
            wait = max(wait, float(error.body.get("retry_after", wait)))
        log.warning("the hub refused: %s", error)
        return self._report(done, error=str(error), retry_in=wait)

    def _stop(self, done: _Round, state: str, error: HubError) -> RoundReport:
        self._pushed = replace(self._pushed, state=state)
        self._greeted = False
        self._not_before = self._mono() + HOURLY
        return self._report(done, error=str(error), retry_in=HOURLY)

    # -- the machinery ---------------------------------------------------------------------

    def _timed(self, call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Make a call and measure the hub's clock against the desk's from its `now`."""
        sent = self._now()
        answer = call()
        received = self._now()
        if isinstance(answer.get("now"), str):
            try:
                hub_now = parse_wire_time(answer["now"])
            except ValueError:
                return answer
            self.offset = hub_now - (sent + (received - sent) / 2)
        return answer

    def _report(self, done: _Round, *, error: str = "",
                retry_in: float | None = None) -> RoundReport:
        return RoundReport(progress=self.progress, local_head=self.local_head(),
                           pushed=done.pushed, duplicates=done.duplicates,
                           first_pushed=done.first, last_pushed=done.last,
                           events=tuple(done.events), more=done.more, error=error,
                           retry_in=retry_in, offset=self.offset,
                           hub_head=self.progress.acked_seq)

    def _connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = outbox.connect(self._path)
            self._conns.append(conn)
        return conn


def _head(head: Any) -> tuple[int, str]:
    if not isinstance(head, dict):
        return 0, ""
    return int(head.get("seq", 0)), str(head.get("link", ""))
