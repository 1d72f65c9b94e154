"""POST /v1/enrol: a desk (board, hub, admin) gives its one-time code and gets its id and
token; GET /v1/hello: who the caller is here, and what the hub holds of its chain."""

from __future__ import annotations

from aiohttp import web

from hub import enrolment
from hub.context import HUB
from hub.handlers.common import answer, app_version, caller, field, read_body, refusal, schema_of
from hub.store.base import HubStore, iso_z
from models.sync import protocol as p


async def enrol(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    address = request.remote or "?"
    wait = hub.wrong_codes.wait_seconds(address)
    if wait:
        raise refusal(p.SLOW_DOWN, f"too many wrong codes from this address: wait {wait} s",
                      retry_after=wait)
    body = await read_body(request)
    code, name = field(body, "code", str), field(body, "name", str).strip()
    kind = body.get("kind")
    if not name or len(name) > 100:
        raise refusal(p.BAD_REQUEST, "name the desk: \"name\", 1 to 100 characters",
                      field="name")
    if kind is not None and kind not in p.KINDS:
        raise refusal(p.BAD_REQUEST, f"\"kind\" is one of {list(p.KINDS)}", field="kind")
    schema = schema_of(body)
    try:
        done = await hub.run(enrolment.enrol, hub.store, code=code, name=name, kind=kind,
                             replaces=body.get("replaces") if isinstance(
                                 body.get("replaces"), str) else None,
                             schema=schema, proto=body["proto"], app=app_version(body),
                             now=hub.clock())
    except enrolment.EnrolRefused as e:
        hub.wrong_codes.wrong(address)
        raise refusal(p.BAD_CODE, str(e)) from None
    meta = await hub.run(hub_meta, hub.store)
    return answer({"desk_id": done.desk_id, "token": done.token, "kind": done.kind,
                   "name": done.name, "hub_id": meta.get("hub_id", ""),
                   "hall": {"id": done.hall_id, "name": done.hall_name},
                   "now": iso_z(hub.clock()), "public_url": meta.get("public_url", ""),
                   "office_key": meta.get("office_key", "")}, status=201)


async def hello(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = await caller(request)
    meta = await hub.run(hub_meta, hub.store)
    desk = await hub.run(_desk, hub.store, who.desk_id)
    return answer({"known_protos": list(p.KNOWN_PROTOS), "hub_id": meta.get("hub_id", ""),
                   "hall": {"id": who.hall_id, "name": desk["hall_name"]},
                   "now": iso_z(hub.clock()), "public_url": meta.get("public_url", ""),
                   "office_key": meta.get("office_key", ""),
                   "desk": {"desk_id": who.desk_id, "name": who.name, "kind": who.kind,
                            "head": {"seq": desk["head_seq"], "link": desk["head_link"]}}})


def hub_meta(store: HubStore) -> dict[str, str]:
    with store.transaction() as cur:
        return dict(cur.execute("SELECT key, value FROM hub_meta").fetchall())


def _desk(store: HubStore, desk_id: str) -> dict:
    with store.transaction() as cur:
        row = cur.execute("SELECT d.head_seq, d.head_link, h.name FROM desk d JOIN hall h "
                          "ON h.hall_id = d.hall_id WHERE d.desk_id = %s",
                          (desk_id,)).fetchone()
    return {"head_seq": row[0], "head_link": row[1], "hall_name": row[2]}
