"""The hall side of forwarding: `main.py hub --upstream URL --upstream-code CODE` enrols this
hub at the head office's hub once (kind `hub`; the token is kept in hub_meta), then sends
everything it holds, in its own order (hub_seq), 1,000 events at a time, gzip-compressed, to
`POST /v1/forward`; it moves its mark (forward_state) only once the office has answered, so a
hub killed in between sends the batch again and the office counts it as duplicates. Each
round also copies the office's latest signed plans down (`GET /v1/plans/latest`), for the
hall's desks to take.

The hall hub never waits for the office: its desks push and pull whether the office answers
or not; the forwarder retries without end (0.5 s doubling to 30 s)."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
from dataclasses import dataclass
from datetime import datetime

import aiohttp
from aiohttp import web

from hub.context import HUB, HubContext
from hub.office.bundles import BundleClash, office_key, put_bundle, set_office_key
from hub.store.base import HubStore, iso_z
from models.store.schema import SCHEMA_VERSION
from models.sync.protocol import PROTO

BATCH = 1000
IDLE_SECONDS = 1.0  # nothing to send: look again
MIN_BACKOFF, MAX_BACKOFF = 0.5, 30.0
TIMEOUT = aiohttp.ClientTimeout(total=60, connect=5)
log = logging.getLogger("hub.forward")
FORWARDER = web.AppKey("forwarder", asyncio.Task)


@dataclass(frozen=True)
class Upstream:
    url: str
    code: str = ""  # used once, when this hub is not yet enrolled there
    stall_after: int = 0  # test hook: the N-th answered forward stops before it is marked


class UpstreamRefused(Exception):
    """The office will not take this hub (a bad code, a revoked token): said in the log;
    the hall hub goes on serving its desks."""


def attach_forwarder(app: web.Application, upstream: Upstream) -> None:
    """Run the forwarder beside the hub's server, from its start to its cleanup."""

    async def start(app: web.Application) -> None:
        app[FORWARDER] = asyncio.create_task(forward_forever(app[HUB], upstream))

    async def stop(app: web.Application) -> None:
        app[FORWARDER].cancel()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)


async def forward_forever(hub: HubContext, upstream: Upstream) -> None:
    backoff, sent = MIN_BACKOFF, 0
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        while True:
            try:
                token = await _enrolled(hub, session, upstream)
                moved = await _one_round(hub, session, upstream, token, sent + 1)
                sent += bool(moved)
                backoff = MIN_BACKOFF
                if not moved:
                    await asyncio.sleep(IDLE_SECONDS)
            except UpstreamRefused as e:
                log.error("head office %s refused this hub: %s; not forwarding",
                          upstream.url, e)
                return
            except Exception as e:
                if not isinstance(e, (aiohttp.ClientError, TimeoutError, OSError, _Busy)):
                    log.exception("forwarding to %s failed", upstream.url)
                await hub.run(_note_error, hub.store, upstream.url, str(e) or type(e).__name__)
                log.warning("forwarding to %s: %s; again in %.1f s", upstream.url, e, backoff)
                await asyncio.sleep(backoff)
                backoff = min(MAX_BACKOFF, backoff * 2)


class _Busy(Exception):
    """The office answered with something to wait for (503, 429, a 409 to retry)."""


async def _enrolled(hub: HubContext, session: aiohttp.ClientSession,
                    upstream: Upstream) -> str:
    token = await hub.run(_meta, hub.store, f"upstream_token:{upstream.url}")
    if token:
        return token
    if not upstream.code:
        raise UpstreamRefused("not enrolled there yet: give --upstream-code CODE")
    name = await hub.run(_hall_names, hub.store)
    body = {"proto": PROTO, "schema": SCHEMA_VERSION, "app": "hub", "code": upstream.code,
            "kind": "hub", "name": name}
    async with session.post(upstream.url + "/v1/enrol", json=body) as response:
        answer = await _json(response)
        if response.status == 403:
            raise UpstreamRefused(answer.get("message", "the code was refused"))
        if response.status >= 300:
            raise _Busy(f"enrolment answered {response.status}: {answer.get('message', '')}")
    await hub.run(_set_meta, hub.store, f"upstream_token:{upstream.url}", answer["token"])
    log.info("enrolled at head office %s as %s", upstream.url, name)
    return answer["token"]


async def _one_round(hub: HubContext, session: aiohttp.ClientSession, upstream: Upstream,
                     token: str, number: int) -> bool:
    """Send the next batch; whether there was one. Also copies the office's plans down."""
    headers = {"Authorization": f"Bearer {token}"}
    await _copy_plans(hub, session, upstream, headers)
    body, last = await hub.run(next_batch, hub.store, upstream.url)
    if last is None:
        return False
    async with session.post(upstream.url + "/v1/forward", data=gzip.compress(body),
                            headers={**headers, "Content-Type": "application/json",
                                     "Content-Encoding": "gzip"}) as response:
        answer = await _json(response)
        if response.status in (401, 403):
            raise UpstreamRefused(answer.get("message", f"answered {response.status}"))
        if response.status != 200:
            raise _Busy(f"forward answered {response.status} {answer.get('error', '')}: "
                        f"{answer.get('message', '')}")
    if number == upstream.stall_after:
        print("stalled", flush=True)
        await asyncio.Event().wait()  # the kill test: answered, never marked
    await hub.run(mark_forwarded, hub.store, upstream.url, answer["acked_hub_seq"],
                  hub.clock())
    return True


async def _copy_plans(hub: HubContext, session: aiohttp.ClientSession, upstream: Upstream,
                      headers: dict) -> None:
    async with session.get(upstream.url + "/v1/plans/latest", headers=headers) as response:
        answer = await _json(response) if response.status == 200 else {}
    bundle, key = answer.get("bundle"), answer.get("office_key")
    if isinstance(bundle, dict) and isinstance(key, str):
        try:
            await hub.run(_keep_bundle, hub.store, bundle, key, hub.clock())
        except BundleClash as e:
            log.warning("plans from head office not kept: %s", e)


async def _json(response: aiohttp.ClientResponse) -> dict:
    try:
        body = await response.json(content_type=None)
    except (ValueError, aiohttp.ContentTypeError):
        return {}
    return body if isinstance(body, dict) else {}


# ---- storage (on the hub's storage threads) ---------------------------------------------------

EVENT = ("hub_seq", "origin", "seq", "hall_id", "for_origin", "link_kind", "incident", "entry",
         "kind", "at", "actor", "desk", "text", "data", "prev", "hash", "link")
HEAD = ("number", "situation_key", "situation_name", "category_key", "level", "is_drill",
        "started_at")


def next_batch(store: HubStore, upstream: str) -> tuple[bytes, int | None]:
    """The next events to forward as the request's body, and the last hub_seq in it (None:
    nothing to send)."""
    with store.transaction() as cur:
        row = cur.execute("SELECT acked_hub_seq FROM forward_state WHERE upstream = %s",
                          (upstream,)).fetchone()
        rows = cur.execute(
            "SELECT hub_seq, origin, seq, hall_id, for_origin, link_kind, incident, entry_id, "
            "kind, at, actor, desk_name, body, data, prev_hash, entry_hash, link_hash "
            "FROM event WHERE hub_seq > %s ORDER BY hub_seq LIMIT %s",
            (row[0] if row else 0, BATCH)).fetchall()
        if not rows:
            return b"", None
        hub_id = cur.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()[0]
        halls = dict(cur.execute("SELECT hall_id, name FROM hall WHERE via_hub IS NULL")
                     .fetchall())
        desks = {d: {"name": n, "hall_id": h} for d, n, h in cur.execute(
            "SELECT desk_id, name, hall_id FROM desk WHERE kind = 'desk'").fetchall()}
        heads = _incident_heads(cur, rows)
    events = [_wire(dict(zip(EVENT, r, strict=True)), heads) for r in rows]
    origins = {e["origin"] for e in events}
    body = {"proto": PROTO, "schema": SCHEMA_VERSION, "app": "hub", "hub_id": hub_id,
            "halls": halls, "desks": {d: v for d, v in desks.items() if d in origins},
            "events": events}
    return json.dumps(body, ensure_ascii=False).encode("utf-8"), rows[-1][0]


def _incident_heads(cur, rows) -> dict[tuple[str, int], dict]:
    """What the office shows of each incident started in the batch (its number, name...)."""
    started = {(r[1], r[6]) for r in rows if r[8] == "started" and r[5] == 0}
    heads = {}
    for origin, incident in started:
        row = cur.execute(f"SELECT {', '.join(HEAD)} FROM incident_view WHERE origin = %s "
                          "AND incident = %s", (origin, incident)).fetchone()
        if row is not None:
            heads[(origin, incident)] = {k: v for k, v in zip(HEAD, row, strict=True)
                                         if v is not None}
    return heads


def _wire(event: dict, heads: dict) -> dict:
    if event["link_kind"]:
        keep = ("hub_seq", "origin", "seq", "hall_id", "link_kind", "entry", "hash", "link")
        return {k: event[k] for k in keep}
    if event["incident"] is None:
        event["incident"] = 0
    if event["for_origin"] is None:
        del event["for_origin"]
    head = heads.get((event["origin"], event["incident"])) if event["kind"] == "started" \
        else None
    if head:
        event["incident_head"] = head
    return event


def mark_forwarded(store: HubStore, upstream: str, acked: int, now: datetime) -> None:
    with store.transaction(write=True) as cur:
        cur.execute("INSERT INTO forward_state (upstream, acked_hub_seq, last_ok_at) "
                    "VALUES (%s, %s, %s) ON CONFLICT (upstream) DO UPDATE SET "
                    "acked_hub_seq = EXCLUDED.acked_hub_seq, last_ok_at = EXCLUDED.last_ok_at, "
                    "last_error = NULL", (upstream, acked, iso_z(now)))


def _note_error(store: HubStore, upstream: str, error: str) -> None:
    with store.transaction(write=True) as cur:
        cur.execute("INSERT INTO forward_state (upstream, last_error) VALUES (%s, %s) "
                    "ON CONFLICT (upstream) DO UPDATE SET last_error = EXCLUDED.last_error",
                    (upstream, error[:500]))


def _keep_bundle(store: HubStore, bundle: dict, key: str, now: datetime) -> None:
    with store.transaction(write=True) as cur:
        if key and office_key(cur) != key:
            set_office_key(cur, key)
        put_bundle(cur, bundle, now)


def _meta(store: HubStore, key: str) -> str:
    with store.transaction() as cur:
        row = cur.execute("SELECT value FROM hub_meta WHERE key = %s", (key,)).fetchone()
    return row[0] if row else ""


def _set_meta(store: HubStore, key: str, value: str) -> None:
    with store.transaction(write=True) as cur:
        cur.execute("INSERT INTO hub_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) "
                    "DO UPDATE SET value = EXCLUDED.value", (key, value))


def _hall_names(store: HubStore) -> str:
    with store.transaction() as cur:
        names = [r[0] for r in cur.execute("SELECT name FROM hall WHERE via_hub IS NULL "
                                           "ORDER BY name").fetchall()]
    return "、".join(names) or "hall hub"
