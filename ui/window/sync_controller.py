"""SyncController: the desk syncing with its hall hub in the background, and the header's
line about it ("未同步 N 条 · 上次同步 hh:mm").

Two worker threads do the network (models.sync.engine): one pushes, nudged after every
command that commits and by a 1 s look at the ledger's head (writes the desk makes on its own,
such as a deadline missed); the other long-polls the hall's stream. Nothing of it runs on the
GUI thread: a press never waits for the hub, and with the hub gone the desk is today's desk.
Pulled events are applied here, on the GUI thread, through the one Operations door; what the
engine learnt is stored lazily. A desk never enrolled starts nothing and shows nothing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from models.clock.clocks import Clock
from models.services.sync import (
    BundleRefused,
    HubError,
    HubUnreachable,
    PublishRefused,
    RoundReport,
    Standing,
    SyncEngine,
    SyncService,
    off_the_main_thread,
)
from ui.common.operations import Operations

log = logging.getLogger(__name__)

LONG_POLL_S = 25  # the hub answers at once when something comes, else after this
LOOK_EVERY_MS = 1000  # the ledger's head, looked at for writes made without a command
PLANS_EVERY_S = 300  # head office's plans, asked for at start and then this often


class SyncController(QObject):
    status_changed = Signal(str)  # the header's text; "" for a desk never enrolled
    events_pulled = Signal(object)  # the hall's stream as pulled (a list of event dicts)
    plans_taken = Signal(str)  # head office's signed plans published here (their version)

    def __init__(self, *, service: SyncService, operations: Operations, clock: Clock,
                 backoff=None, long_poll: float = LONG_POLL_S,
                 look_every_ms: int = LOOK_EVERY_MS,
                 running: Callable[[], object] | None = None,
                 plans_every: float = PLANS_EVERY_S, parent: QObject | None = None) -> None:
        """`running`: the plans the desk runs, read again (main.py: running_plan of its plan
        folder); with it, head office's signed plans are taken as the hub offers them."""
        super().__init__(parent)
        self._running = running
        self._plans_every = plans_every
        self._plans_seen: set[str] = set()  # versions taken or refused: not asked again
        self.service = service
        self._operations = operations
        self._clock = clock
        self._backoff = backoff
        self._long_poll = long_poll
        self.engine: SyncEngine | None = None
        self.status = ""
        self.reachable = True
        self._wake: asyncio.Event | None = None
        self._tasks: list[asyncio.Future] = []
        self._pools: list[ThreadPoolExecutor] = []
        self._seen_head = -1
        self._look = QTimer(self)
        self._look.setInterval(look_every_ms)
        self._look.timeout.connect(self.look)
        operations.changed.connect(lambda _changes: self.nudge())

    # -- starting and stopping -------------------------------------------------------------

    def start(self) -> bool:
        """Start syncing, inside the running event loop (qasync); False for a desk never
        enrolled (nothing starts, nothing shows)."""
        self.engine = self.service.engine(backoff=self._backoff, guard=off_the_main_thread)
        if self.engine is None:
            return False
        self._wake = asyncio.Event()
        push_pool = ThreadPoolExecutor(1, thread_name_prefix="sync-push")
        pull_pool = ThreadPoolExecutor(1, thread_name_prefix="sync-pull")
        self._pools = [push_pool, pull_pool]
        self._tasks = [asyncio.ensure_future(self._pushing(push_pool)),
                       asyncio.ensure_future(self._pulling(pull_pool))]
        if self._running is not None:
            plans_pool = ThreadPoolExecutor(1, thread_name_prefix="sync-plans")
            self._pools.append(plans_pool)
            self._tasks.append(asyncio.ensure_future(self._taking_plans(plans_pool)))
        self._show(self.service.standing(self.engine.progress))
        self._look.start()
        return True

    def stop(self) -> None:
        """At quit: every call under way ends at once, what was learnt is stored."""
        self._look.stop()
        if self.engine is None:
            return
        self.engine.abort()
        for task in self._tasks:
            task.cancel()
        for pool in self._pools:
            pool.shutdown(wait=False, cancel_futures=True)
        with contextlib.suppress(Exception):  # a failing store at quit: the hub still has it
            self.service.keep(self.engine.progress, now=True)
        self._tasks, self._pools = [], []

    # -- nudges ----------------------------------------------------------------------------

    def nudge(self) -> None:
        """Something was written: push it now."""
        if self._wake is not None:
            self._wake.set()

    def look(self) -> None:
        """The ledger's head moved without a command (a deadline missed by the ticker, a
        write of another part): push it, and count it in the header."""
        if self.engine is None:
            return
        head = self.service.local_head()
        if head != self._seen_head:
            self._seen_head = head
            self.nudge()
            self._show(self.service.standing(self.engine.progress, reachable=self.reachable))

    # -- the two loops ---------------------------------------------------------------------

    async def _pushing(self, pool: ThreadPoolExecutor) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            report = await loop.run_in_executor(pool, self.engine.push_round)
            self._took(report)
            if report.retry_in is not None:
                await asyncio.sleep(report.retry_in)  # a nudge does not cut a backoff short
            else:
                await self._wake.wait()

    async def _pulling(self, pool: ThreadPoolExecutor) -> None:
        loop = asyncio.get_running_loop()
        while True:
            report = await loop.run_in_executor(
                pool, lambda: self.engine.pull_round(wait=self._long_poll))
            self._took(report, pulled=True)
            if report.retry_in is not None:
                await asyncio.sleep(report.retry_in)

    async def _taking_plans(self, pool: ThreadPoolExecutor) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                bundle = await loop.run_in_executor(
                    pool, lambda: self.service.office_bundle(guard=off_the_main_thread))
            except (HubError, HubUnreachable):
                bundle = None  # the hub away or older: asked again later
            if bundle is not None:
                self.take_plans(bundle)
            await asyncio.sleep(self._plans_every)

    def take_plans(self, bundle: dict) -> None:
        """On the GUI thread: head office's bundle checked and published here, once per
        version; the desk then offers to start again with it (plans_taken). A bundle
        refused leaves the desk's plans and is logged with why."""
        version = str(bundle.get("version", ""))
        if version in self._plans_seen:
            return
        self._plans_seen.add(version)
        try:
            taken = self.service.take_office_plans(bundle, self._running())
        except (BundleRefused, PublishRefused) as e:
            log.warning("plans %s from head office refused (%s): the desk keeps its plans",
                        version, e)
            return
        if taken:
            self.plans_taken.emit(taken)

    def _took(self, report: RoundReport, *, pulled: bool = False) -> None:
        """On the GUI thread: apply what was pulled, keep what was learnt, say where the desk
        stands."""
        if report.events:
            self._operations.run(self.service.apply, list(report.events), report.offset)
            self.events_pulled.emit(list(report.events))
        if not pulled or report.error:
            self.reachable = not report.error
        progress = self.engine.progress
        try:
            self.service.keep(progress)
        except Exception:  # the file refused a write: the next round tries again
            log.exception("keeping the sync progress")
        self._show(self.service.standing(progress, reachable=self.reachable))

    # -- the header's text -----------------------------------------------------------------

    def _show(self, standing: Standing) -> None:
        text = self.text_for(standing)
        if text != self.status:
            self.status = text
            self.status_changed.emit(text)

    def text_for(self, standing: Standing) -> str:
        words = {
            "behind": self.tr("This file is older than the hub's copy (restored from a "
                              "backup?): not syncing"),
            "diverged": self.tr("Records differ from the hub's copy: not syncing; run "
                                "verify"),
            "revoked": self.tr("The hub withdrew this desk's enrolment: enrol again"),
            "hub_older": self.tr("The hub is older than this desk: update the hub"),
        }.get(standing.state)
        if words:
            return words
        when = self._hhmm(standing.synced_at)
        if standing.backlog == 0 and standing.synced_at is not None:
            return self.tr("Synced · {0}").format(when)
        if standing.synced_at is None:
            return self.tr("Not synced: {0} · never synced").format(standing.backlog)
        return self.tr("Not synced: {0} · last synced {1}").format(standing.backlog, when)

    def _hhmm(self, moment: datetime | None) -> str:
        return self._clock.local(moment).strftime("%H:%M") if moment is not None else ""
