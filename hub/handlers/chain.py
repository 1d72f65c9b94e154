"""GET /v1/chain?desk=ID&at=1,2048,4096: a desk's chain as the hub holds it, at up to 64
positions (verify --hub bisects with it). A desk asks for its own and those of its file's
earlier enrolments (`earlier`, hub.stream.earlier_enrolments); an admin for any."""

from __future__ import annotations

from aiohttp import web

from hub import stream
from hub.context import HUB
from hub.handlers.common import answer, caller, refusal
from models.sync import protocol as p

MAX_POSITIONS = 64


async def chain(request: web.Request) -> web.Response:
    hub = request.app[HUB]
    who = await caller(request, "desk", "admin")
    desk_id = request.query.get("desk", who.desk_id)
    earlier = await hub.run(stream.earlier_enrolments, hub.store,
                            desk_id if who.kind == "admin" else who.desk_id)
    if who.kind != "admin" and desk_id != who.desk_id and desk_id not in earlier:
        raise refusal(p.FORBIDDEN, "a desk reads its own chain only (an admin any)")
    try:
        positions = [int(x) for x in request.query.get("at", "").split(",") if x.strip()]
    except ValueError:
        raise refusal(p.BAD_REQUEST, "\"at\" is positions separated by commas",
                      field="at") from None
    if len(positions) > MAX_POSITIONS:
        raise refusal(p.BAD_REQUEST, f"at most {MAX_POSITIONS} positions a request",
                      field="at")
    found = await hub.run(stream.chain, hub.store, desk_id, positions)
    if found is None:
        raise refusal(p.BAD_REQUEST, f"no desk {desk_id} here", field="desk")
    if who.kind == "admin" or desk_id == who.desk_id:
        found["earlier"] = earlier  # the same file's earlier enrolments: compared too
    return answer(found)
