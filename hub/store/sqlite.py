"""The hub on a local SQLite file (one small hall needs no server): stdlib sqlite3 in WAL mode,
one connection, one transaction at a time (SQLite has one writer anyway). `main.py hub code`
in another process writes the same file; WAL and a busy timeout let both in."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from hub.store.base import HubRefused, HubStore, StorageUnavailable
from models.store import desk_lock
from models.store.database import DatabaseRefused

BUSY_TIMEOUT_SECONDS = 10


class SqliteCursor:
    """sqlite3's cursor taking the `%s` parameters the hub's SQL is written with."""

    def __init__(self, cur: sqlite3.Cursor) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def execute(self, sql: str, params: Sequence[Any] = ()) -> SqliteCursor:
        self._cur.execute(sql.replace("%s", "?"), params)
        return self

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> SqliteCursor:
        self._cur.executemany(sql.replace("%s", "?"), rows)
        return self

    def fetchone(self) -> tuple | None:
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()


class SqliteStore(HubStore):
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.where = str(self.path)
        self._lock = threading.Lock()
        self._process_lock: desk_lock.DeskLock | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, isolation_level=None,
                                         check_same_thread=False,
                                         timeout=BUSY_TIMEOUT_SECONDS)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, OSError) as e:
            raise HubRefused(f"cannot open the hub's database {self.path}: {e}") from e

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[SqliteCursor]:
        with self._lock:
            cur = self._conn.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.OperationalError as e:  # locked beyond the busy timeout
                raise StorageUnavailable(str(e)) from e
            try:
                yield SqliteCursor(cur)
            except sqlite3.OperationalError as e:  # locked past the timeout, disk full, gone
                self._conn.rollback()
                raise StorageUnavailable(str(e)) from e
            except BaseException:
                self._conn.rollback()
                raise
            else:
                self._conn.commit()
            finally:
                cur.close()

    def hold_process_lock(self, holder: str, now: datetime) -> None:
        try:
            self._process_lock = desk_lock.hold(self.path, holder=holder, now=now)
        except DatabaseRefused as e:
            if e.code != "in_use":
                raise HubRefused(str(e)) from e
            raise HubRefused(_in_use(self.path, e.params)) from e

    def close(self) -> None:
        self._conn.close()
        if self._process_lock is not None:
            self._process_lock.release()
            self._process_lock = None


def _in_use(path: Path, info: dict) -> str:
    return (f"another hub already runs on {path}: {info.get('holder', '?')}, pid "
            f"{info.get('pid', '?')} on {info.get('host', '?')} since {info.get('since', '?')};"
            " stop it first")
