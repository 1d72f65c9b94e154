"""The address of a read-out's page at the hall hub, where the leader presses "收到": the
hub's address as the desk knows it (the one it enrolled with) and the page's capability.

The capability (128 random bits) is the only key to the page: whoever holds the address may
read that one read-out and say it was received, nothing else."""

from __future__ import annotations

import secrets

from models.store.tables import SyncState

READOUT_PATH = "/r/"
REFUSED_STATES = ("revoked",)  # an enrolment the hub withdrew serves no page


def new_cap() -> str:
    return secrets.token_urlsafe(16)


def hub_base_url() -> str | None:
    """Where the hub serves the pages, as this desk was enrolled; None when it is not."""
    row = SyncState.get_or_none(SyncState.id == 1)
    if row is None or row.state in REFUSED_STATES or not row.hub_url:
        return None
    return row.hub_url


def page_url(base: str, cap: str) -> str:
    return base.rstrip("/") + READOUT_PATH + cap
