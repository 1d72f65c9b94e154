"""What every handler does alike: JSON answers with the protocol version, errors as the
protocol's codes (models.sync.protocol), the request's body read and its protocol checked,
and the bearer token looked up."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from hub import auth
from hub.context import HUB
from hub.store.base import StorageUnavailable
from models.sync import protocol as p

RETRY_AFTER_STORAGE = 5  # seconds: PostgreSQL away


def answer(body: dict[str, Any], status: int = 200) -> web.Response:
    return web.Response(body=p.dumps({"proto": p.PROTO, **body}), status=status,
                        content_type="application/json", charset="utf-8")


def refusal(code: str, message: str, **details: Any) -> p.HubError:
    """The exception a handler raises to answer with an error (`errors` renders it)."""
    return p.HubError(p.STATUS_OF[code], code, p.error_body(code, message, **details))


@web.middleware
async def errors(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except p.HubError as e:
        headers = {"Retry-After": str(e.body.get("retry_after", 60))} \
            if e.status in (429, 503) else {}
        return web.Response(body=p.dumps(e.body), status=e.status, headers=headers,
                            content_type="application/json", charset="utf-8")
    except web.HTTPException:
        raise
    except StorageUnavailable as e:
        body = p.error_body(p.STORAGE_UNAVAILABLE, "the hub's database is not reachable; "
                            "try again shortly", retry_after=RETRY_AFTER_STORAGE)
        request.app.logger.warning("storage unavailable: %s", e)
        return web.Response(body=p.dumps(body), status=503,
                            headers={"Retry-After": str(RETRY_AFTER_STORAGE)},
                            content_type="application/json", charset="utf-8")
    except Exception:  # a bug: logged with its traceback, answered in the protocol's shape
        request.app.logger.exception("%s %s failed", request.method, request.path)
        body = {"proto": p.PROTO, "error": "internal", "message": "the hub failed on this "
                "request (its log says why); try again later"}
        return web.Response(body=p.dumps(body), status=500, content_type="application/json",
                            charset="utf-8")


async def read_body(request: web.Request) -> dict[str, Any]:
    """The JSON object sent, its protocol known (426 otherwise)."""
    try:
        body = json.loads(await request.read())
    except web.HTTPRequestEntityTooLarge:
        raise refusal(p.TOO_LARGE, f"a request carries at most {p.MAX_BODY_BYTES} bytes",
                      max_events=p.MAX_PUSH_EVENTS) from None
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise refusal(p.BAD_REQUEST, "the body is not JSON", field="") from None
    if not isinstance(body, dict):
        raise refusal(p.BAD_REQUEST, "the body is not a JSON object", field="")
    check_proto(body.get("proto"))
    return body


def check_proto(proto: Any) -> None:
    if proto is None:
        raise refusal(p.BAD_REQUEST, "say which protocol this is: \"proto\"", field="proto")
    if proto not in p.KNOWN_PROTOS:
        raise refusal(p.PROTO_UNSUPPORTED, f"this hub speaks protocol {list(p.KNOWN_PROTOS)}; "
                      f"it is older than the sender (protocol {proto}): update the hub",
                      known=list(p.KNOWN_PROTOS))


def field(body: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    value = body.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool) \
            or (isinstance(value, str) and "\x00" in value):
        raise refusal(p.BAD_REQUEST, f"missing or malformed field {name!r}", field=name)
    return value


def schema_of(body: dict[str, Any]) -> int | None:
    """The sender's database schema version, if it said a sane one."""
    value = body.get("schema")
    return value if isinstance(value, int) and not isinstance(value, bool) \
        and 0 <= value < 2**15 else None


def app_version(body: dict[str, Any]) -> str:
    """The sender's program version, as said (for the record only)."""
    return str(body.get("app", "")).replace("\x00", "")[:50]


def query_int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    try:
        return max(low, min(high, int(raw)))
    except ValueError:
        raise refusal(p.BAD_REQUEST, f"{name!r} is not a number", field=name) from None


async def caller(request: web.Request, *kinds: str) -> auth.Caller:
    """The enrolled desk, board, hub or admin behind the bearer token, of one of `kinds`."""
    header = request.headers.get("Authorization", "")
    token = header[7:].strip() if header[:7].lower() == "bearer " else ""
    if not token:
        raise refusal(p.UNAUTHORIZED, "send the token given at enrolment: "
                      "Authorization: Bearer …")
    hub = request.app[HUB]
    found = await hub.run(auth.look_up, hub.store, token)
    if found is None:
        raise refusal(p.UNAUTHORIZED, "this token is not known here: enrol again")
    if found.revoked:
        raise refusal(p.REVOKED, "this desk's token was withdrawn: enrol again")
    if kinds and found.kind not in kinds:
        raise refusal(p.FORBIDDEN, f"a {found.kind} may not do this")
    return found
