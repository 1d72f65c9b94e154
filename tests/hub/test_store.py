"""The store contract, the same on SQLite and PostgreSQL: `%s` parameters, commit and
rollback, ordered migrations that refuse a newer hub's database, one hub per database."""

from __future__ import annotations

from datetime import datetime

import pytest

from hub.store import HubRefused, open_store
from hub.store import migrations as m


def test_a_transaction_commits_with_percent_s_parameters(store):
    with store.transaction(write=True) as cur:
        cur.execute("INSERT INTO hub_meta (key, value) VALUES (%s, %s)", ("k", "v"))
    with store.transaction() as cur:
        assert cur.execute("SELECT value FROM hub_meta WHERE key = %s",
                           ("k",)).fetchone() == ("v",)


def test_a_transaction_that_raises_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.transaction(write=True) as cur:
        cur.execute("INSERT INTO hub_meta (key, value) VALUES (%s, %s)", ("k", "v"))
        raise RuntimeError("half way")
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM hub_meta WHERE key = 'k'").fetchone() == (0,)


def test_executemany_counts_the_rows_it_inserted(store):
    with store.transaction(write=True) as cur:
        cur.executemany("INSERT INTO hub_meta (key, value) VALUES (%s, %s) "
                        "ON CONFLICT (key) DO NOTHING", [("a", "1"), ("b", "2"), ("a", "3")])
        assert cur.rowcount == 2


def test_a_new_database_is_at_the_latest_version_with_a_hub_id(store):
    with store.transaction() as cur:
        assert m.schema_version(cur) == m.latest_version()
        hub_id = cur.execute("SELECT value FROM hub_meta WHERE key = 'hub_id'").fetchone()[0]
    assert len(hub_id) == 32


def test_opening_again_changes_nothing(store, store_url):
    with store.transaction() as cur:
        before = cur.execute("SELECT key, value FROM hub_meta ORDER BY key").fetchall()
    again = open_store(store_url)
    with again.transaction() as cur:
        assert cur.execute("SELECT key, value FROM hub_meta ORDER BY key").fetchall() == before
    again.close()


def test_a_newer_hubs_database_is_refused_untouched(store, store_url):
    with store.transaction(write=True) as cur:
        cur.execute("UPDATE hub_meta SET value = %s WHERE key = 'schema_version'",
                    (str(m.latest_version() + 1),))
    with pytest.raises(HubRefused, match="newer hub"):
        open_store(store_url)
    with store.transaction() as cur:
        assert m.schema_version(cur) == m.latest_version() + 1


def test_a_step_added_later_runs_once_on_an_existing_database(store, store_url, monkeypatch):
    monkeypatch.setattr(m, "STEPS", [*m.STEPS, m.Step("later", "CREATE TABLE later (x text)")])
    upgraded = open_store(store_url)
    again = open_store(store_url)  # a second run must not create it twice
    with again.transaction() as cur:
        assert m.schema_version(cur) == len(m.STEPS)
        assert cur.execute("SELECT count(*) FROM later").fetchone() == (0,)
    upgraded.close()
    again.close()


def test_a_second_hub_on_the_same_database_is_refused_naming_the_first(store, store_url):
    store.hold_process_lock("hub on port 8770", datetime(2026, 11, 20, 9, 30))
    second = open_store(store_url)
    try:
        with pytest.raises(HubRefused, match=r"another hub already runs on .*hub on port 8770"):
            second.hold_process_lock("hub on port 8771", datetime(2026, 11, 20, 9, 31))
    finally:
        second.close()


def test_the_database_is_free_again_once_the_first_hub_closes(store_url):
    first = open_store(store_url)
    first.hold_process_lock("first", datetime(2026, 11, 20, 9, 30))
    first.close()
    second = open_store(store_url)
    second.hold_process_lock("second", datetime(2026, 11, 20, 9, 31))
    second.close()
