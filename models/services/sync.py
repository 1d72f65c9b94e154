"""SyncService: the desk's door to its hall hub, for the sync command and the desk's
controller. It enrols the file, makes the engine a worker runs, keeps what the engine learnt
(lazily), applies the pulled events and says where the desk stands (the backlog).

Everything here but `enrol` and the engine's own calls runs on the thread that owns the
database; the engine (models.sync.engine) runs on a worker and writes nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from models.plans.publishing import PublishRefused
from models.plans.running import RunningPlan
from models.plans.signing import BundleRefused, matches
from models.services.changes import NOTHING, Changes
from models.store.ledger import head
from models.sync import state
from models.sync.apply import apply_hub_events
from models.sync.client import HubClient, HubUnreachable, off_the_main_thread
from models.sync.engine import Backoff, RoundReport, SyncEngine
from models.sync.office_plans import OfficeClient, pin_office_key, pinned_key, take_fetched
from models.sync.protocol import HubError
from models.sync.state import Enrolment, Progress

__all__ = ["Backoff", "BundleRefused", "EnrolRefused", "HubError", "HubUnreachable",
           "PublishRefused", "RoundReport", "Standing", "SyncEngine", "SyncService",
           "off_the_main_thread"]

log = logging.getLogger(__name__)

SAVE_EVERY = timedelta(minutes=1)  # the cursor is stored at most this often, and at quit


class EnrolRefused(Exception):
    """The file cannot be enrolled as asked; the message says what to do."""


@dataclass(frozen=True)
class Standing:
    """Where the desk stands with its hub, for the header: what is not synced yet, since
    when it was last in step, and the state."""

    backlog: int
    synced_at: datetime | None  # aware UTC: the hub last acknowledged this desk then
    state: str
    reachable: bool = True  # the last try reached the hub


class SyncService:
    def __init__(self, *, database: str | Path, now: Callable[[], datetime],
                 incidents: Any = None) -> None:
        """`incidents`: what applying a hub event needs of the desk (the IncidentService);
        None for a service that only pushes (nothing pulled is applied then)."""
        self.database = Path(database)
        self._now = now
        self._incidents = incidents
        self._saved: tuple[Progress, datetime] | None = None

    # -- the file's enrolment --------------------------------------------------------------

    def enrolment(self) -> Enrolment | None:
        return state.enrolment()

    def progress(self) -> Progress:
        return state.progress()

    def enrol(self, hub_url: str, code: str, *, desk_name: str, replace: bool = False,
              client: HubClient | None = None, office_key: str = "") -> Enrolment:
        """Trade a one-time code for this file's desk id and token and keep them. Talks to
        the hub: call it off the GUI thread. A file already enrolled needs `replace` (it
        enrols anew under a new desk id, naming the old one at the hub). `office_key`: head
        office's key fingerprint as IT gave it: the key the hub offers is pinned if it has
        that fingerprint (trusts_office_key says whether it was)."""
        earlier = state.enrolment()
        if earlier is not None and not replace:
            raise EnrolRefused(
                f"{self.database} is already enrolled at {earlier.hub_url} as desk "
                f"{earlier.desk_id}. To enrol it anew (a restored or copied file), add "
                "--replace.")
        client = client or HubClient(hub_url)
        try:
            answer = client.enrol(code.strip().upper(), kind="desk", name=desk_name,
                                  replaces=earlier.desk_id if earlier is not None else "")
        finally:
            client.close()
        hall = answer.get("hall") or {}
        enrolment = Enrolment(hub_url.rstrip("/"), str(answer.get("hub_id", "")),
                              str(answer["desk_id"]), str(answer["token"]),
                              str(hall.get("id", "")), str(hall.get("name", "")))
        state.enrol(enrolment, self._now(), pull_cursor=self._stream_head(enrolment))
        if office_key:
            pin_office_key(str(answer.get("office_key", "")), office_key)
        self._saved = None
        return enrolment

    def trusts_office_key(self, fingerprint: str) -> bool:
        """Whether the office key this desk pinned has that fingerprint."""
        return bool(pinned_key()) and matches(pinned_key(), fingerprint)

    def _stream_head(self, enrolment: Enrolment) -> int:
        """Where the hall's stream stands now: a new desk has nothing to apply from before it
        enrolled (0 when the hub cannot say)."""
        with HubClient(enrolment.hub_url, enrolment.token, now=self._now) as client:
            try:
                return int(client.board().get("cursor", 0))
            except (HubError, HubUnreachable, ValueError, TypeError):
                return 0

    # -- the engine ------------------------------------------------------------------------

    def engine(self, *, hub_url: str = "", backoff: Backoff | None = None,
               timeout: float | None = None,
               guard: Callable[[], None] | None = None) -> SyncEngine | None:
        """The engine for a worker (None for a desk never enrolled). `hub_url`: the hub
        answers at another address now (kept); `guard`: run before each request
        (client.off_the_main_thread in the desk)."""
        enrolment = state.enrolment()
        if enrolment is None:
            return None
        if hub_url and hub_url.rstrip("/") != enrolment.hub_url:
            state.moved_hub(hub_url.rstrip("/"))
            enrolment = state.enrolment()
        client_args = {"timeout": timeout} if timeout else {}

        def client() -> HubClient:
            return HubClient(enrolment.hub_url, enrolment.token, now=self._now, guard=guard,
                             **client_args)

        return SyncEngine(client=client(), listener=client(), enrolment=enrolment,
                          progress=state.progress(), database=self.database, now=self._now,
                          backoff=backoff)

    def keep(self, progress: Progress, *, now: bool = False) -> bool:
        """Store what the engine learnt: when the state changed, when `now` (at quit, after a
        command), else at most once a minute. Whether it was written."""
        saved = self._saved
        moment = self._now()
        due = (now or saved is None or saved[0].state != progress.state
               or moment - saved[1] >= SAVE_EVERY)
        if not due or (saved is not None and saved[0] == progress):
            return False
        state.save(progress)
        self._saved = (progress, moment)
        return True

    @property
    def applies(self) -> bool:
        """Whether pulled events can be written into the record here."""
        return self._incidents is not None

    def apply(self, events: Sequence[dict[str, Any]],
              offset: timedelta | None = None) -> Changes:
        """Write the pulled events meant for this desk into its record (a leader's 收到)."""
        enrolment = state.enrolment()
        if not events or enrolment is None or self._incidents is None:
            return NOTHING
        changed = apply_hub_events(events, desk_id=enrolment.desk_id,
                                   incidents=self._incidents, offset=offset or timedelta(0))
        if not changed:
            return NOTHING
        return Changes(incidents=True, timeline=True, deadlines=True,
                       incident_id=changed[0] if len(changed) == 1 else None)

    # -- head office's plans ---------------------------------------------------------------

    def office_bundle(self, *, guard: Callable[[], None] | None = None) -> dict | None:
        """The plans head office signed last, fetched from the hub (network: call it off the
        GUI thread); None when this desk trusts no office key (it pinned none when it
        enrolled) or head office has published none. Raises HubError / HubUnreachable."""
        enrolment = state.enrolment()
        if enrolment is None or not pinned_key():
            return None
        with OfficeClient(enrolment.hub_url, enrolment.token, now=self._now,
                          guard=guard) as client:
            bundle = client.plans_latest().get("bundle")
        return bundle if isinstance(bundle, dict) else None

    def take_office_plans(self, bundle: dict, running: RunningPlan) -> str:
        """Check a fetched bundle against the pinned office key and publish it here (the desk
        runs it from its next start): the version published, or "" when the desk runs those
        plans already. Raises BundleRefused (unsigned, another key, altered) or
        PublishRefused, and then nothing is written."""
        taken = take_fetched(bundle, running, self._now())
        return taken.version if taken.act is not None else ""

    # -- where the desk stands -------------------------------------------------------------

    def local_head(self) -> int:
        """The file's newest link."""
        return head()[0]

    def standing(self, progress: Progress | None = None, *, reachable: bool = True
                 ) -> Standing:
        """The backlog (the file's newest link minus what the hub holds, as last heard or
        stored), correct at start with the hub away."""
        progress = progress or state.progress()
        return Standing(max(0, head()[0] - progress.acked_seq), progress.acked_at,
                        progress.state, reachable)
