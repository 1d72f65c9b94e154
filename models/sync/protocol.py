"""The wire format between desks, boards and hubs (proto 1): JSON bodies in UTF-8, each with
the sender's protocol and schema version, and the error codes both sides act on.

An event is one link of a desk's chain (models.store.ledger) with what it links: the global
event id is (desk id, link position); the id is not in any hash, so a file's hashes stay as
they are when it enrols."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

PROTO = 1
KNOWN_PROTOS = (1,)
MAX_PUSH_EVENTS = 500  # per push: about 260 KB
MAX_PULL_EVENTS = 1000  # per page of /v1/events
MAX_WAIT_SECONDS = 25  # a long-poll's longest wait; a client reads for 35 s
MAX_BODY_BYTES = 4 * 1024 * 1024

# What the hub answers, and what the desk does about it (models.sync.engine).
BAD_REQUEST = "bad_request"  # 400: malformed JSON or a field missing (`field`)
UNAUTHORIZED = "unauthorized"  # 401
REVOKED = "revoked"  # 401: the desk's token was withdrawn: enrol again
BAD_CODE = "bad_code"  # 403: an enrolment code unknown, used or expired (one message)
FORBIDDEN = "forbidden"  # 403: this kind of token may not do that
GAP = "gap"  # 409 {head}: the push starts after what the hub holds: resend from head + 1
DIVERGED = "diverged"  # 409 {first_seq}: the file no longer holds what the hub received
TOO_LARGE = "too_large"  # 413 {max_events}
BAD_HASH = "bad_hash"  # 422 {seq, which}: an event whose hashes do not check
PROTO_UNSUPPORTED = "proto_unsupported"  # 426 {known}: the hub is older than the desk
SLOW_DOWN = "slow_down"  # 429 (Retry-After)
STORAGE_UNAVAILABLE = "storage_unavailable"  # 503: the hub's database is away (Retry-After)

STATUS_OF = {BAD_REQUEST: 400, UNAUTHORIZED: 401, REVOKED: 401, BAD_CODE: 403, FORBIDDEN: 403,
             GAP: 409, DIVERGED: 409, TOO_LARGE: 413, BAD_HASH: 422, PROTO_UNSUPPORTED: 426,
             SLOW_DOWN: 429, STORAGE_UNAVAILABLE: 503}

# Token kinds: a desk pushes its own events and pulls its hall's; a board only pulls; a hall
# hub forwards to an office; an admin checks and exports any desk.
KINDS = ("desk", "board", "hub", "admin")

# The fields of an event on the wire, each exactly as stored and hashed at the desk: `at` is
# the stored naive-UTC text and `data` the stored JSON text, never re-serialized. `link_kind`
# is the ledger's kind (0 a timeline entry; 1 a plan act, 2 a plan change: for those only
# `seq`, `link`, `entry` and `hash` are sent, as the hub checks their link and not the row).
EVENT_FIELDS = ("seq", "link", "link_kind", "entry", "incident", "at", "kind", "actor", "desk",
                "text", "data", "prev", "hash")


def envelope(schema: int, app: str, **body: Any) -> dict[str, Any]:
    """A message body with the sender's protocol, schema and program version."""
    return {"proto": PROTO, "schema": schema, "app": app, **body}


def error_body(code: str, message: str, **details: Any) -> dict[str, Any]:
    """An error answer: its code (above), what to do in English, and the details."""
    return {"proto": PROTO, "error": code, "message": message, **details}


def dumps(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class HubError(Exception):
    """An answer of the hub that is not a success: its HTTP status, code and body."""

    status: int
    code: str
    body: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.body.get('message', '')}"
