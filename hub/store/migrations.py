"""The hub's schema as ordered steps, each run once in its own transaction; `hub_meta`'s
`schema_version` counts the steps applied. A database written by a newer hub (more steps than
this one knows) is refused with a message, never touched.

Each step is SQL for both dialects, written once: `{serial}` is the dialect's own
auto-increment key. Other areas add their tables as steps of their own at the end of STEPS."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from hub.store.base import Cursor, HubRefused, HubStore

SERIAL = {"postgresql": "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
          "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT"}


@dataclass(frozen=True)
class Step:
    name: str
    sql: str = ""  # statements separated by ";" (no ";" inside them)
    run: Callable[[Cursor, str], None] | None = None  # (cursor, dialect): what SQL cannot say


CORE = """
CREATE TABLE hall (hall_id text PRIMARY KEY, name text NOT NULL UNIQUE, via_hub text);
CREATE TABLE desk (
  desk_id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('desk', 'board', 'hub', 'admin')),
  hall_id text NOT NULL REFERENCES hall (hall_id),
  name text NOT NULL,
  token_hash text UNIQUE,
  enrolled_at text NOT NULL, revoked_at text,
  replaces text REFERENCES desk (desk_id),
  head_seq bigint NOT NULL DEFAULT 0, head_link text NOT NULL DEFAULT '',
  last_seen_at text, skew_ms bigint, schema integer, proto integer, app text);
CREATE TABLE enrol_code (code_hash text PRIMARY KEY, hall_id text NOT NULL REFERENCES hall,
  kind text NOT NULL, created_at text NOT NULL, expires_at text NOT NULL, used_at text,
  used_by text);
CREATE TABLE event (
  hub_seq {serial},
  origin text NOT NULL, seq bigint NOT NULL, hall_id text NOT NULL, for_origin text,
  link_kind integer NOT NULL, incident bigint, entry_id bigint NOT NULL, kind text NOT NULL,
  at text NOT NULL, actor text NOT NULL, desk_name text NOT NULL, body text NOT NULL,
  data text NOT NULL, prev_hash text NOT NULL, entry_hash text NOT NULL,
  link_hash text NOT NULL, schema integer NOT NULL, proto integer NOT NULL,
  received_at text NOT NULL,
  UNIQUE (origin, seq));
CREATE INDEX event_by_incident ON event (origin, incident, seq);
CREATE INDEX event_by_hall ON event (hall_id, hub_seq);
CREATE TABLE incident_view (
  origin text NOT NULL, incident bigint NOT NULL, hall_id text NOT NULL, number text,
  situation_key text, situation_name text, category_key text, level integer,
  status text NOT NULL, status_rank integer NOT NULL, is_drill boolean, started_at text,
  desk_name text, clerk text, head_hash text NOT NULL, last_seq bigint NOT NULL,
  PRIMARY KEY (origin, incident));
CREATE INDEX incident_view_by_hall ON incident_view (hall_id, status_rank);
CREATE TABLE deadline_view (
  origin text NOT NULL, incident bigint NOT NULL, deadline bigint NOT NULL, key text,
  label text, action text, to_role text, due_at text, status text NOT NULL,
  status_rank integer NOT NULL, acknowledged boolean NOT NULL DEFAULT false,
  last_seq bigint NOT NULL, PRIMARY KEY (origin, deadline));
CREATE INDEX deadline_view_by_incident ON deadline_view (origin, incident);
CREATE TABLE readout (cap_hash text PRIMARY KEY, origin text NOT NULL, incident bigint NOT NULL,
  role text, person text, body text, shared_seq bigint NOT NULL, expires_at text)
"""

# The leader's acknowledgements (hub.phone): one per read-out, with when the hub saw it and
# from where; the hub event that tells the desk is in `event`.
LEADER_ACKS = """
CREATE TABLE ack (ack_id text PRIMARY KEY,
  cap_hash text NOT NULL UNIQUE REFERENCES readout (cap_hash),
  by_name text NOT NULL, at text NOT NULL, remote_addr text, user_agent text,
  hub_seq bigint NOT NULL)
"""

# Head office (hub.office): the signed plan bundles a hub serves, and how far this hub has
# forwarded to its upstream.
OFFICE = """
CREATE TABLE plan_bundle (version text PRIMARY KEY, digest text NOT NULL, texts text NOT NULL,
  signed_by text NOT NULL, signed_on text NOT NULL, key_id text NOT NULL,
  signature text NOT NULL, published_at text NOT NULL);
CREATE TABLE forward_state (upstream text PRIMARY KEY, acked_hub_seq bigint NOT NULL DEFAULT 0,
  last_ok_at text, last_error text)
"""

STEPS: list[Step] = [
    Step("core", CORE),
    Step("leader_acks", LEADER_ACKS),
    Step("office", OFFICE),
]


def latest_version() -> int:
    return len(STEPS)


def migrate(store: HubStore) -> int:
    """Bring the database up to this hub's schema; its version. Raises HubRefused for a
    database of a newer hub."""
    with store.transaction(write=True) as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, "
                    "value text NOT NULL)")
    while True:
        with store.transaction(write=True) as cur:
            version = schema_version(cur)
            if version > latest_version():
                raise HubRefused(
                    f"the hub's database {store.where} was written by a newer hub (schema "
                    f"{version}; this hub knows {latest_version()}): update this program")
            if version == latest_version():
                _ensure_hub_id(cur)
                return version
            _apply(STEPS[version], cur, store.dialect)
            cur.execute("INSERT INTO hub_meta (key, value) VALUES ('schema_version', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (str(version + 1),))


def schema_version(cur: Cursor) -> int:
    row = cur.execute("SELECT value FROM hub_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _apply(step: Step, cur: Cursor, dialect: str) -> None:
    for statement in step.sql.replace("{serial}", SERIAL[dialect]).split(";"):
        if statement.strip():
            cur.execute(statement)
    if step.run is not None:
        step.run(cur, dialect)


def _ensure_hub_id(cur: Cursor) -> None:
    cur.execute("INSERT INTO hub_meta (key, value) VALUES ('hub_id', %s) "
                "ON CONFLICT (key) DO NOTHING", (uuid.uuid4().hex,))
