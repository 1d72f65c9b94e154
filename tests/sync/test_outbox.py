"""The outbox is the ledger: every link after a position, in order, each timeline entry's
fields exactly as stored and hashed (so the hub can recompute both hashes), plan links with
only their hashes, and the incident's head on its first event in a batch."""

import json
from contextlib import closing

from models.incidents.timeline import entry_hash
from models.store.ledger import link_hash
from models.store.plan_links import PLAN_ACT, PLAN_CHANGE, row_hash
from models.store.tables import LedgerEntry
from models.sync import outbox
from tests.models.plans.plan_drafting import published_draft
from tests.sync.conftest import press


def test_every_link_goes_out_in_order_and_its_hashes_recompute(desk_path, incidents, clock):
    press(incidents, clock, 3)
    with closing(outbox.connect(desk_path)) as conn:
        events = outbox.events_after(conn, 0, 500)
        head = outbox.head(conn)
    assert [e["seq"] for e in events] == list(range(1, head[0] + 1))
    prev_link = ""
    for event in events:
        assert event["link_kind"] == 0
        assert entry_hash(event["prev"], event["incident"], event["at"], event["kind"],
                          event["actor"], event["desk"], event["text"],
                          event["data"]) == event["hash"]
        assert link_hash(prev_link, event["seq"], event["entry"], event["hash"]) == \
            event["link"]
        prev_link = event["link"]
    assert head == (events[-1]["seq"], events[-1]["link"])


def test_at_and_data_go_out_as_the_text_stored(desk_path, incidents, clock):
    press(incidents, clock)
    with closing(outbox.connect(desk_path)) as conn:
        stored = conn.execute("SELECT at, data FROM timeline_entry ORDER BY id LIMIT 1"
                              ).fetchone()
        first = outbox.events_after(conn, 0, 1)[0]
    assert (first["at"], first["data"]) == stored
    assert isinstance(first["data"], str) and isinstance(json.loads(first["data"]), dict)


def test_a_batch_starts_after_the_position_and_stops_at_the_limit(desk_path, incidents,
                                                                   clock):
    press(incidents, clock, 3)
    with closing(outbox.connect(desk_path)) as conn:
        head = outbox.head(conn)[0]
        assert [e["seq"] for e in outbox.events_after(conn, 2, 3)] == [3, 4, 5]
        assert outbox.events_after(conn, head, 500) == []


def test_the_first_event_of_each_incident_in_a_batch_carries_its_head(desk_path, incidents,
                                                                      clock):
    first, second = press(incidents, clock, 2)
    with closing(outbox.connect(desk_path)) as conn:
        events = outbox.events_after(conn, 0, 500)
        later = outbox.events_after(conn, 1, 500)
    headed = [(e["incident"], e["incident_head"]["number"]) for e in events
              if "incident_head" in e]
    assert [incident for incident, _ in headed] == [first, second]
    assert headed[0][1].endswith("-001") and headed[1][1].endswith("-002")
    assert events[0]["incident_head"]["situation_key"] == "fire"
    assert events[0]["incident_head"]["is_drill"] is False
    # a batch starting inside the first incident heads it again: each batch stands alone
    assert "incident_head" in later[0] and later[0]["incident"] == first


def test_plan_links_carry_only_their_position_kind_row_and_hashes(desk_db, desk_path):
    published_draft()
    with closing(outbox.connect(desk_path)) as conn:
        events = outbox.events_after(conn, 0, 500)
        change = conn.execute('SELECT id, draft_id, at, by, "where", old, new FROM '
                              "plan_change WHERE id = 1").fetchone()
    kinds = [(e["link_kind"], e["entry"]) for e in events]
    assert kinds == [(PLAN_CHANGE, 1), (PLAN_CHANGE, 2), (PLAN_ACT, 1), (PLAN_ACT, 2),
                     (PLAN_ACT, 3)]
    assert set(events[0]) == {"seq", "link", "link_kind", "entry", "hash"}
    assert events[0]["hash"] == row_hash(change)
    prev = ""
    for event in events:
        assert link_hash(prev, event["seq"], event["entry"], event["hash"],
                         event["link_kind"]) == event["link"]
        prev = event["link"]
    assert LedgerEntry.select().count() == len(events)


def test_links_at_positions_and_one_link(desk_path, incidents, clock):
    press(incidents, clock)
    with closing(outbox.connect(desk_path)) as conn:
        events = outbox.events_after(conn, 0, 500)
        assert outbox.links_at(conn, [1, 2, 999]) == {1: events[0]["link"],
                                                      2: events[1]["link"]}
        assert outbox.link_at(conn, 1) == events[0]["link"]
        assert outbox.link_at(conn, 999) is None
        assert outbox.links_at(conn, []) == {}


def test_the_worker_connection_cannot_write(desk_path, incidents, clock):
    import sqlite3

    import pytest

    with closing(outbox.connect(desk_path)) as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
