"""The hub's storage: PostgreSQL by URL, else a SQLite file (base.HubStore)."""

from __future__ import annotations

from pathlib import Path

from hub.store.base import HubRefused, HubStore, StorageUnavailable
from hub.store.migrations import migrate

__all__ = ["HubRefused", "HubStore", "StorageUnavailable", "open_store"]


def open_store(url_or_path: str | Path, *, migrated: bool = True) -> HubStore:
    """The store at a postgresql:// URL or a SQLite file, its schema brought up to date."""
    text = str(url_or_path)
    if text.startswith(("postgresql://", "postgres://")):
        from hub.store.pg import PgStore

        store: HubStore = PgStore(text)
    else:
        from hub.store.sqlite import SqliteStore

        store = SqliteStore(Path(text))
    if migrated:
        try:
            migrate(store)
        except BaseException:
            store.close()
            raise
    return store
