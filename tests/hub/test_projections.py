"""The projections move forward only in SQL too (both dialects): a batch of a desk's earlier
events written after a later one changes no status back, and a value written last by the
desk (its level) is not replaced by an older one."""

from __future__ import annotations

import copy
import json

from hub import projections
from hub.wire import parse_events


def write(store, events) -> None:
    with store.transaction(write=True) as cur:
        projections.write(cur, store.dialect, "d1", "h1", projections.fold(parse_events(events)))


def state(store) -> tuple:
    with store.transaction() as cur:
        incident = cur.execute("SELECT status, level, last_seq FROM incident_view "
                               "WHERE incident = 1").fetchone()
        deadlines = cur.execute("SELECT deadline, status, acknowledged FROM deadline_view "
                                "WHERE incident = 1 ORDER BY deadline").fetchall()
    return incident, [(d, s, bool(a)) for d, s, a in deadlines]


def test_earlier_events_written_after_later_ones_move_nothing_back(store, desk_events):
    fire = [e for e in desk_events if e.get("incident") == 1]
    in_order = store
    write(in_order, fire)
    expected = state(in_order)
    with store.transaction(write=True) as cur:
        cur.execute("DELETE FROM incident_view")
        cur.execute("DELETE FROM deadline_view")
    for batch in (fire[4:], fire[2:4], fire[:2]):  # newest first
        write(store, batch)
    assert state(store) == expected
    assert expected[0][0] == "resolved"
    assert expected[1][0][1:] == ("missed", True)


def test_a_level_written_later_by_the_desk_stays(store, desk_events):
    started = [e for e in desk_events if e.get("incident") == 1][:1]
    changed = copy.deepcopy(started[0])
    changed.update(seq=99, kind="level_changed", data=json.dumps({"from": 1, "to": 2}))
    changed.pop("incident_head")
    write(store, [changed])
    write(store, started)  # the older level (1) arrives after
    assert state(store)[0][1] == 2
