"""Who may sync with this hub: one-time codes issued by the hub's keeper (`main.py hub code`),
desks, boards, hubs and admins enrolled with them, and tokens withdrawn (`hub revoke`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from hub import auth
from hub.store.base import Cursor, HubStore, iso_z

DEFAULT_HALL = "本厅"


class EnrolRefused(Exception):
    """`code` is "bad_code" (unknown, used or expired: one answer) or "hall"."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Enrolled:
    desk_id: str
    token: str
    kind: str
    name: str
    hall_id: str
    hall_name: str


def issue_code(store: HubStore, *, kind: str, hall: str | None, valid_hours: float,
               now: datetime) -> tuple[str, str]:
    """A new one-time code for a `kind` of the hall named `hall`: (code, hall name). Without a
    name: the hub's only hall (made on first use)."""
    code = auth.new_code()
    with store.transaction(write=True) as cur:
        hall_id, hall_name = _hall(cur, hall)
        cur.execute("INSERT INTO enrol_code (code_hash, hall_id, kind, created_at, expires_at) "
                    "VALUES (%s, %s, %s, %s, %s)",
                    (auth.code_digest(code), hall_id, kind, iso_z(now),
                     iso_z(now + timedelta(hours=valid_hours))))
    return code, hall_name


def _hall(cur: Cursor, name: str | None) -> tuple[str, str]:
    if name is None:
        halls = cur.execute("SELECT hall_id, name FROM hall WHERE via_hub IS NULL "
                            "ORDER BY name").fetchall()
        if len(halls) > 1:
            raise EnrolRefused("hall", "this hub serves several halls: name one with --hall "
                               f"({', '.join(h[1] for h in halls)})")
        if halls:
            return halls[0][0], halls[0][1]
        name = DEFAULT_HALL
    row = cur.execute("SELECT hall_id FROM hall WHERE name = %s", (name,)).fetchone()
    if row:
        return row[0], name
    hall_id = uuid.uuid4().hex
    cur.execute("INSERT INTO hall (hall_id, name) VALUES (%s, %s)", (hall_id, name))
    return hall_id, name


def enrol(store: HubStore, *, code: str, name: str, kind: str | None, replaces: str | None,
          schema: int | None, proto: int, app: str, now: datetime) -> Enrolled:
    """Use the code once: a new desk (board, hub, admin) and its token."""
    token, desk_id = auth.new_token(), uuid.uuid4().hex
    with store.transaction(write=True) as cur:
        row = cur.execute("SELECT hall_id, kind, expires_at, used_at FROM enrol_code "
                          "WHERE code_hash = %s", (auth.code_digest(code),)).fetchone()
        if row is None or row[3] is not None or row[2] <= iso_z(now) \
                or (kind is not None and kind != row[1]):
            raise EnrolRefused("bad_code", "this code is unknown, used or expired: ask for a "
                               "new one (main.py hub code)")
        hall_id, code_kind = row[0], row[1]
        cur.execute("UPDATE enrol_code SET used_at = %s, used_by = %s WHERE code_hash = %s "
                    "AND used_at IS NULL", (iso_z(now), desk_id, auth.code_digest(code)))
        if cur.rowcount != 1:  # another enrolment took it a moment ago
            raise EnrolRefused("bad_code", "this code was used a moment ago: ask for a new one")
        # A file enrolled anew (restored, copied) replaces its desk of this hall: the old
        # token is withdrawn, and the board shows its incidents once, under the new id.
        known = replaces and code_kind == "desk" and cur.execute(
            "SELECT desk_id FROM desk WHERE desk_id = %s AND hall_id = %s AND kind = 'desk'",
            (replaces, hall_id)).fetchone()
        if known:
            cur.execute("UPDATE desk SET revoked_at = %s WHERE desk_id = %s AND revoked_at IS "
                        "NULL", (iso_z(now), replaces))
        cur.execute("INSERT INTO desk (desk_id, kind, hall_id, name, token_hash, enrolled_at, "
                    "replaces, last_seen_at, schema, proto, app) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (desk_id, code_kind, hall_id, name, auth.digest(token), iso_z(now),
                     replaces if known else None, iso_z(now), schema, proto, app))
        hall_name = cur.execute("SELECT name FROM hall WHERE hall_id = %s",
                                (hall_id,)).fetchone()[0]
    return Enrolled(desk_id, token, code_kind, name, hall_id, hall_name)


def revoke(store: HubStore, desk: str, now: datetime) -> list[tuple[str, str]]:
    """Withdraw the token of the desk named `desk` (or with that id): [(id, name)] withdrawn;
    several desks of one name are refused, listed, so that one id is given."""
    with store.transaction(write=True) as cur:
        rows = cur.execute("SELECT desk_id, name FROM desk WHERE (name = %s OR desk_id = %s) "
                           "AND revoked_at IS NULL", (desk, desk)).fetchall()
        if len(rows) == 1:
            cur.execute("UPDATE desk SET revoked_at = %s WHERE desk_id = %s",
                        (iso_z(now), rows[0][0]))
    return [(r[0], r[1]) for r in rows]
