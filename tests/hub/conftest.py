"""The hub's store on both dialects: `store_url` is a SQLite file or an empty PostgreSQL
database (the `pg_url` fixture), so every contract test runs on each."""

from __future__ import annotations

import pytest

from hub.store import open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "hub.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()
