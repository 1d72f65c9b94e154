"""What the hub asks of its storage, the same on PostgreSQL and on SQLite: a transaction that
yields a cursor taking `%s` parameters, the dialect's name for the few statements that differ,
and one hub per database.

Times are stored as text, ISO 8601 in UTC with microseconds and a `Z` (`iso_z`): fixed width,
so they sort and compare as text on both dialects. A desk's entry times stay exactly as the
desk hashed them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Protocol


class StorageUnavailable(Exception):
    """The database cannot be reached now (PostgreSQL stopped, the network away): the hub
    answers 503 and keeps running; the next request tries again."""


class HubRefused(Exception):
    """The hub cannot run on this database; the message says why and what to do."""


class Cursor(Protocol):
    """The DB-API subset the hub uses; parameters are `%s` on both dialects."""

    rowcount: int

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any: ...

    def fetchone(self) -> tuple | None: ...

    def fetchall(self) -> list[tuple]: ...


class HubStore(ABC):
    dialect: str  # "sqlite" or "postgresql"
    where: str  # the file or the URL without a password, for messages

    @abstractmethod
    def transaction(self, *, write: bool = False) -> AbstractContextManager[Cursor]:
        """One transaction: committed when the block ends, rolled back if it raises.
        `write=True` serializes it with every other writing transaction of the database, so
        the order of `event.hub_seq` is the order of commits (a reader's cursor never skips
        a row committed late): every insert into `event` must use it."""

    @abstractmethod
    def hold_process_lock(self, holder: str, now: datetime) -> None:
        """Become the one hub running on this database, or raise HubRefused naming the other."""

    def keep_process_lock(self) -> bool | None:
        """Take the process lock again if the database lost it (PostgreSQL restarted): None
        if it was held all along, True once taken again, False when another hub took it
        meanwhile. The SQLite file's lock cannot be lost."""
        return None

    @abstractmethod
    def close(self) -> None: ...


def iso_z(moment: datetime) -> str:
    """An aware time as the hub stores and sends it: 2026-11-20T02:03:05.131000Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_z(text: str) -> datetime:
    """A time sent as ISO 8601 (`Z` or an offset; a naive one is taken as UTC)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def rows_as_dicts(cur: Cursor, names: Sequence[str]) -> Iterator[dict[str, Any]]:
    for row in cur.fetchall():
        yield dict(zip(names, row, strict=True))
