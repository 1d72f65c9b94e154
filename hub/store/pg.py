"""The hub on PostgreSQL (a hall with a server, a head office): psycopg 3 with a connection
pool, plain SQL. Writing transactions take one advisory lock, so `event.hub_seq` values commit
in increasing order; a dedicated connection holds a session lock saying this hub runs here."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import psycopg
import psycopg_pool

from hub.store.base import HubRefused, HubStore, StorageUnavailable

WRITE_LOCK = 0x45440001  # pg_advisory_xact_lock: one writer of events at a time
PROCESS_LOCK = 0x45440002  # pg_try_advisory_lock: one hub per database
POOL_TIMEOUT_SECONDS = 5  # a request waits this long for a connection, then answers 503
POOL_SIZE = 8  # the hub's executor threads


class PgStore(HubStore):
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = url
        self.where = _without_password(url)
        self._holder: psycopg.Connection | None = None
        self._pool = psycopg_pool.ConnectionPool(
            url, min_size=1, max_size=POOL_SIZE, timeout=POOL_TIMEOUT_SECONDS, open=False,
            kwargs={"autocommit": True}, check=psycopg_pool.ConnectionPool.check_connection,
            reconnect_timeout=float("inf"), name="hub")
        try:
            self._pool.open(wait=True, timeout=POOL_TIMEOUT_SECONDS)
        except psycopg_pool.PoolTimeout as e:
            self._pool.close()
            raise HubRefused(f"cannot reach the hub's database {self.where}: is PostgreSQL "
                             "running, and does the database exist?") from e

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[psycopg.Cursor]:
        try:
            with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
                if write:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield cur
        except (psycopg.OperationalError, psycopg_pool.PoolTimeout) as e:
            raise StorageUnavailable(str(e).strip() or type(e).__name__) from e

    def hold_process_lock(self, holder: str, now: datetime) -> None:
        try:
            conn = psycopg.connect(self.url, autocommit=True)
        except psycopg.OperationalError as e:
            raise HubRefused(f"cannot reach the hub's database {self.where}: {e}") from e
        if not conn.execute("SELECT pg_try_advisory_lock(%s)", (PROCESS_LOCK,)).fetchone()[0]:
            conn.close()
            raise HubRefused(_in_use(self, self._running()))
        self._holder = conn
        note = json.dumps({"holder": holder, "pid": os.getpid(), "host": socket.gethostname(),
                           "since": now.strftime("%Y-%m-%d %H:%M")}, ensure_ascii=False)
        with self.transaction() as cur:
            cur.execute("INSERT INTO hub_meta (key, value) VALUES ('running', %s) "
                        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (note,))

    def keep_process_lock(self) -> bool | None:
        if self._holder is None:
            return None
        if not self._holder.closed:
            try:
                self._holder.execute("SELECT 1")
                return None
            except psycopg.Error:
                self._holder.close()
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError:
            return None  # the server is still away: nobody else can hold it either
        if conn.execute("SELECT pg_try_advisory_lock(%s)", (PROCESS_LOCK,)).fetchone()[0]:
            self._holder = conn
            return True
        conn.close()
        return False

    def _running(self) -> dict:
        try:
            with self.transaction() as cur:
                row = cur.execute("SELECT value FROM hub_meta WHERE key = 'running'").fetchone()
            return json.loads(row[0]) if row else {}
        except (StorageUnavailable, psycopg.Error, ValueError):
            return {}

    def close(self) -> None:
        self._pool.close()
        if self._holder is not None:
            self._holder.close()
            self._holder = None


def _in_use(store: PgStore, info: dict) -> str:
    return (f"another hub already runs on {store.where}: {info.get('holder', '?')}, pid "
            f"{info.get('pid', '?')} on {info.get('host', '?')} since {info.get('since', '?')};"
            " stop it first")


def _without_password(url: str) -> str:
    info = psycopg.conninfo.conninfo_to_dict(url)
    info.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in info.items())
