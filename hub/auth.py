"""Enrolment codes and bearer tokens. Both are random and kept only as their SHA-256 at rest
(a random secret needs no slow hash); a presented token is found by its hash and compared in
constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from hub.store.base import HubStore

TOKEN_PREFIX = "edk1."
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: read aloud, typed by hand
CODE_CHARS = 10  # 50 bits
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class Caller:
    desk_id: str
    kind: str
    hall_id: str
    name: str
    revoked: bool


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    """A one-time enrolment code such as K7QF2-9XMAB."""
    chars = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_CHARS))
    return f"{chars[:5]}-{chars[5:]}"


def normal_code(typed: str) -> str:
    """A code as typed (any case, dashes, spaces, O for 0) in its one stored form."""
    return "".join(typed.split()).replace("-", "").upper().translate(_READ_AS)


def code_digest(typed: str) -> str:
    return digest(normal_code(typed))


def new_token() -> str:
    raw = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode("ascii")
    return TOKEN_PREFIX + raw


def look_up(store: HubStore, token: str) -> Caller | None:
    """Who holds `token`, or None."""
    wanted = digest(token)
    with store.transaction() as cur:
        row = cur.execute("SELECT desk_id, kind, hall_id, name, revoked_at, token_hash "
                          "FROM desk WHERE token_hash = %s", (wanted,)).fetchone()
    if row is None or not hmac.compare_digest(row[5], wanted):
        return None
    return Caller(row[0], row[1], row[2], row[3], row[4] is not None)
