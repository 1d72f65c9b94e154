"""A desk taking the plans head office published: the latest signed bundle fetched from its
hub, checked against the office key the desk pinned when it enrolled (SyncState.office_key),
and published at the desk (models.plans.office_release). A bundle that is unsigned, signed by
another key or altered on the way is refused, and the desk keeps its plans.

Runs where the desk's network calls run (a worker thread, or the `sync` command): the fetch
is the network part; publishing writes the desk's file (on the desk, the GUI thread does it
with the fetched bundle: `take_fetched`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from models.plans.office_release import take_bundle
from models.plans.publishing import Act
from models.plans.running import RunningPlan
from models.plans.signing import matches
from models.store.tables import SyncState
from models.sync.client import HubClient


class OfficeClient(HubClient):
    """The hub's head-office calls, beside a desk's own."""

    def plans_latest(self) -> dict[str, Any]:
        """`bundle`: the plans published last as head office signed them (None before any);
        `office_key`: the public key the hub offers (trusted only once pinned)."""
        return self._call("GET", "/v1/plans/latest")

    def history(self, query: str) -> dict[str, Any]:
        """One page of the hub's history (admin): `query` as GET /v1/history takes it."""
        return self._call("GET", "/v1/history?" + query)


@dataclass(frozen=True)
class Taken:
    version: str  # the bundle's ("" when the hub has none)
    act: Act | None  # the publishing act written; None: nothing new


def pin_office_key(offered: str, fingerprint: str) -> bool:
    """Keep the office key a hub offers when its fingerprint is the one IT gave (never
    replacing a key already pinned); whether the desk now trusts `offered`."""
    state = SyncState.get_or_none(SyncState.id == 1)
    if state is None or not matches(offered, fingerprint):
        return False
    if state.office_key:
        return state.office_key == offered
    SyncState.update(office_key=offered).where(SyncState.id == 1).execute()
    return True


def pinned_key() -> str:
    """The office key this desk pinned at enrolment ("" if none)."""
    state = SyncState.get_or_none(SyncState.id == 1)
    return state.office_key if state is not None else ""


def take_fetched(bundle: dict | None, running: RunningPlan, now: datetime) -> Taken:
    """A fetched bundle taken in (BundleRefused / PublishRefused when it is not)."""
    if bundle is None:
        return Taken("", None)
    return Taken(str(bundle.get("version", "")), take_bundle(bundle, pinned_key(), running, now))


def pull_office_plans(client: OfficeClient, running: RunningPlan, now: datetime) -> Taken:
    """Fetch and take in one go (the `sync` command; tests)."""
    return take_fetched(client.plans_latest().get("bundle"), running, now)
