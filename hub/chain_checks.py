"""The checks a hub makes before it keeps a desk's events: each entry's hash recomputed from
what it says, each link's hash from the previous link, and each entry following the last
one the hub holds of its incident. Pure functions: no storage, no HTTP."""

from __future__ import annotations

from collections.abc import Sequence

from hub.wire import TIMELINE, Event
from models.incidents.timeline import entry_hash
from models.store.ledger import link_hash


class BadHash(Exception):
    """`which` of event `seq` does not check: "entry", "link" or "prev"."""

    def __init__(self, seq: int, which: str) -> None:
        super().__init__(f"event {seq}: its {which} hash does not check")
        self.seq, self.which = seq, which


def check_new(events: Sequence[Event], prev_link: str, incident_heads: dict[int, str]) -> str:
    """Check events that follow the link `prev_link` (the hub's head for the desk), given the
    head hash the hub holds of each incident they touch ("" for one it has not seen: then
    the entry must be the incident's first). Returns the new head link; raises BadHash."""
    heads = dict(incident_heads)
    for event in events:
        if event.link_kind == TIMELINE and event.incident is None:
            raise BadHash(event.seq, "entry")  # sent without its entry
        if event.link_kind == TIMELINE:
            if heads.get(event.incident, "") != event.prev:
                raise BadHash(event.seq, "prev")
            if entry_hash(event.prev, event.incident, event.at, event.kind, event.actor,
                          event.desk, event.text, event.data) != event.hash:
                raise BadHash(event.seq, "entry")
            heads[event.incident] = event.hash
        if link_hash(prev_link, event.seq, event.entry, event.hash,
                     event.link_kind) != event.link:
            raise BadHash(event.seq, "link")
        prev_link = event.link
    return prev_link
