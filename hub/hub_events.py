"""Events the hub itself writes into a hall's stream (a leader's acknowledgement, area D's
`leader_ack`), for one desk (`for_origin`) to pull. Their origin is the hub's id and their
`seq` the hub's own counter; they are chained like a desk's (entry and link hashes), so a
head office that receives them forwarded can check them the same way."""

from __future__ import annotations

import json
from datetime import datetime

from hub.context import HubContext
from hub.store.base import Cursor, HubStore, iso_z
from models.incidents.timeline import entry_hash
from models.store.ledger import link_hash

HUB_ACTOR = "hub"


def record_hub_event(cur: Cursor, *, hall_id: str, for_origin: str, kind: str,
                     data: dict | str, now: datetime, incident: int | None = None,
                     text: str = "") -> int:
    """Write one hub event through `cur`, a cursor of a transaction opened with
    `store.transaction(write=True)` (hub_seq order is commit order); its hub_seq. The caller
    wakes the hall after the commit: `await hub.wakeups.committed(hall_id, hub_seq)`, or use
    `publish_hub_event`, which does both."""
    hub_id = cur.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()[0]
    row = cur.execute("SELECT seq, link_hash FROM event WHERE origin = %s "
                      "ORDER BY seq DESC LIMIT 1", (hub_id,)).fetchone()
    seq, prev_link = (row[0] + 1, row[1]) if row else (1, "")
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False,
                                                            sort_keys=True)
    at = iso_z(now)
    digest = entry_hash("", incident or 0, at, kind, HUB_ACTOR, "", text, payload)
    cur.execute("INSERT INTO event (origin, seq, hall_id, for_origin, link_kind, incident, "
                "entry_id, kind, at, actor, desk_name, body, data, prev_hash, entry_hash, "
                "link_hash, schema, proto, received_at) VALUES (%s, %s, %s, %s, 0, %s, 0, %s, "
                "%s, %s, '', %s, %s, '', %s, %s, 0, 1, %s)",
                (hub_id, seq, hall_id, for_origin, incident, kind, at, HUB_ACTOR, text,
                 payload, digest, link_hash(prev_link, seq, 0, digest), at))
    return cur.execute("SELECT max(hub_seq) FROM event").fetchone()[0]


def _record(store: HubStore, **fields) -> int:
    with store.transaction(write=True) as cur:
        return record_hub_event(cur, **fields)


async def publish_hub_event(hub: HubContext, *, hall_id: str, for_origin: str, kind: str,
                            data: dict | str, incident: int | None = None,
                            text: str = "") -> int:
    """Write one hub event in a transaction of its own, then wake the hall's long-polls."""
    hub_seq = await hub.run(_record, hub.store, hall_id=hall_id, for_origin=for_origin,
                            kind=kind, data=data, now=hub.clock(), incident=incident, text=text)
    await hub.wakeups.committed(hall_id, hub_seq)
    return hub_seq
