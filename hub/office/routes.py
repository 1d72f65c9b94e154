"""Head office's routes: the signed plans a desk takes (`GET /v1/plans/latest`), the history
head office prints from (`GET /v1/history`, admin), and a hall hub's forwarding
(`POST /v1/forward`, a hub token)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web

from hub.context import HUB
from hub.handlers.common import answer, caller, query_int, read_body, refusal
from hub.office import forward as fw
from hub.office.bundles import latest_bundle, office_key
from hub.office.history import PAGE_INCIDENTS, HistoryQuery, history_page
from hub.store.base import HubStore
from hub.wire import Malformed
from models.clock.hall_time import DEFAULT_ZONE
from models.sync import protocol as p


def add_routes(app: web.Application) -> None:
    """Add head office's routes to the hub's application."""
    app.router.add_get("/v1/plans/latest", plans_latest)
    app.router.add_get("/v1/history", history)
    app.router.add_post("/v1/forward", forward)


async def plans_latest(request: web.Request) -> web.Response:
    """The plans published last, as signed at head office; `{"bundle": null}` before any."""
    await caller(request)
    hub = request.app[HUB]
    bundle, key = await hub.run(_latest, hub.store)
    return answer({"bundle": bundle, "office_key": key})


def _latest(store: HubStore) -> tuple[dict | None, str]:
    with store.transaction() as cur:
        return latest_bundle(cur), office_key(cur)


async def history(request: web.Request) -> web.Response:
    """`?from=YYYY-MM-DD&to=YYYY-MM-DD&zone=Asia/Shanghai&after=ORIGIN:INCIDENT&limit=N`
    (an admin token): one page of the incidents started in those days of the hall."""
    await caller(request, "admin")
    hub = request.app[HUB]
    return answer(await hub.run(history_page, hub.store, _history_query(request)))


def _history_query(request: web.Request) -> HistoryQuery:
    first = _day(request, "from")
    last = _day(request, "to") if "to" in request.query else first
    try:
        zone = ZoneInfo(request.query["zone"]) if "zone" in request.query else DEFAULT_ZONE
    except (ZoneInfoNotFoundError, ValueError):
        raise refusal(p.BAD_REQUEST, "'zone' is no time zone (e.g. Asia/Shanghai)",
                      field="zone") from None
    origin, _, incident = request.query.get("after", "").rpartition(":")
    if last < first or (incident and not incident.isdigit()):
        raise refusal(p.BAD_REQUEST, "'to' is before 'from', or 'after' is not ORIGIN:N",
                      field="to")
    return HistoryQuery(first, last, zone, (origin, int(incident or 0)),
                        query_int(request, "limit", PAGE_INCIDENTS, 1, PAGE_INCIDENTS))


def _day(request: web.Request, name: str) -> date:
    try:
        return date.fromisoformat(request.query.get(name, ""))
    except ValueError:
        raise refusal(p.BAD_REQUEST, f"{name!r} is no date (YYYY-MM-DD)", field=name) from None


async def forward(request: web.Request) -> web.Response:
    """A hall hub's events in its own order (a hub token): each desk's kept through the
    checks of a push; answers how far they are kept (`acked_hub_seq`)."""
    sender = await caller(request, "hub")
    body = await read_body(request)
    if len(body.get("events") or ()) > fw.MAX_EVENTS:
        raise refusal(p.TOO_LARGE, f"at most {fw.MAX_EVENTS} events a forward",
                      max_events=fw.MAX_EVENTS)
    try:
        batch = fw.parse_batch(sender, body)
    except Malformed as e:
        raise refusal(p.BAD_REQUEST, str(e), field=e.field) from None
    hub = request.app[HUB]
    try:
        done = await hub.run(fw.keep_forwarded, hub.store, batch, hub.clock())
    except fw.ForwardRefused as e:
        raise refusal(e.code, str(e), **e.details) from None
    for hall, head in (await hub.run(fw.hall_heads, hub.store, sorted(done.halls))).items():
        await hub.wakeups.committed(hall, head)
    return answer({"acked_hub_seq": done.acked_hub_seq, "accepted": done.accepted,
                   "duplicates": done.duplicates})
