"""POST /v1/forward, as an adversary would use it: what a hall hub forwards passes the very
checks of a desk's push (one altered byte is refused and nothing of it kept), a hub forwards
only its own halls' desks under the one hub id it started with, only a hub token forwards,
and the same batch again is counted as duplicates. On SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import gzip
import json

from hub.hub_events import record_hub_event

HALL, DESK, HUB_ID = "h-east", "d-east-1", "hub-east"


def forward_body(events, *, hub_id=HUB_ID, desk=DESK, hall=HALL, first_hub_seq=1) -> dict:
    return {"proto": 1, "schema": 7, "app": "t", "hub_id": hub_id,
            "halls": {hall: "城东营业厅"}, "desks": {desk: {"name": "1号台", "hall_id": hall}},
            "events": [{**copy.deepcopy(e), "hub_seq": first_hub_seq + i, "origin": desk,
                        "hall_id": hall} for i, e in enumerate(events)]}


def held(store, origin=DESK) -> list[int]:
    with store.transaction() as cur:
        return [r[0] for r in cur.execute("SELECT seq FROM event WHERE origin = %s ORDER BY seq",
                                          (origin,)).fetchall()]


def test_forwarded_events_are_kept_once(enrol, store, desk_events):
    hall_hub = enrol("城东营业厅", kind="hub")
    first = hall_hub.post("/v1/forward", forward_body(desk_events))
    assert first.status == 200, first.body
    assert (first.body["acked_hub_seq"], first.body["accepted"]) == (len(desk_events),
                                                                     len(desk_events))
    again = hall_hub.post("/v1/forward", forward_body(desk_events))
    assert (again.status, again.body["accepted"], again.body["duplicates"]) == (
        200, 0, len(desk_events))
    assert held(store) == [e["seq"] for e in desk_events]


def test_a_gzip_forward_is_taken(enrol, store, desk_events):
    hall_hub = enrol("城东营业厅", kind="hub")
    raw = gzip.compress(json.dumps(forward_body(desk_events), ensure_ascii=False).encode())
    answer = hall_hub.call("POST", "/v1/forward", raw, {"Content-Encoding": "gzip"})
    assert answer.status == 200, answer.body
    assert held(store) == [e["seq"] for e in desk_events]


def test_one_altered_byte_is_refused_and_nothing_of_it_kept(enrol, store, desk_events):
    hall_hub = enrol("城东营业厅", kind="hub")
    forged = copy.deepcopy(desk_events)
    victim = next(e for e in forged if e.get("text"))
    victim["text"] = victim["text"][:-1] + "改"
    answer = hall_hub.post("/v1/forward", forward_body(forged))
    assert (answer.status, answer.body["error"], answer.body["which"]) == (422, "bad_hash",
                                                                           "entry")
    assert held(store) == []


def test_only_a_hub_forwards(enrol, desk_events):
    desk = enrol("1号台")
    answer = desk.post("/v1/forward", forward_body(desk_events))
    assert (answer.status, answer.body["error"]) == (403, "forbidden")


def test_a_hub_cannot_forward_another_hubs_desk(enrol, store, desk_events):
    east, west = enrol("城东营业厅", kind="hub"), enrol("城西营业厅", kind="hub")
    assert east.post("/v1/forward", forward_body(desk_events[:3])).status == 200
    taken = west.post("/v1/forward", forward_body(desk_events, hub_id="hub-west",
                                                  hall="h-west"))
    assert (taken.status, taken.body["error"]) == (403, "forbidden")
    same_hall = west.post("/v1/forward", forward_body(desk_events, hub_id="hub-west"))
    assert (same_hall.status, same_hall.body["error"]) == (403, "forbidden")
    assert held(store) == [e["seq"] for e in desk_events[:3]]


def test_a_hub_forwards_under_the_one_hub_id_it_started_with(enrol, desk_events):
    east = enrol("城东营业厅", kind="hub")
    assert east.post("/v1/forward", forward_body(desk_events[:3])).status == 200
    other = east.post("/v1/forward", forward_body(desk_events[3:], hub_id="hub-other",
                                                  first_hub_seq=4))
    assert (other.status, other.body["error"]) == (403, "forbidden")


def test_a_hall_hubs_own_events_are_checked_on_their_chain(enrol, store, tmp_path):
    """A leader's acknowledgements as the hall hub wrote them: kept; one altered: refused."""
    from hub.store import open_store

    hall_store = open_store(str(tmp_path / "hall.db"))
    try:
        with hall_store.transaction(write=True) as cur:
            for n in range(2):
                record_hub_event(cur, hall_id=HALL, for_origin=DESK, kind="leader_ack",
                                 data={"by": "王经理", "n": n}, now=_now(), incident=3)
            rows = cur.execute("SELECT seq, link_hash, incident, at, kind, actor, desk_name, "
                               "body, data, prev_hash, entry_hash FROM event ORDER BY seq"
                               ).fetchall()
    finally:
        hall_store.close()
    acks = [{"seq": s, "link": lk, "entry": 0, "incident": i, "at": at, "kind": k, "actor": a,
             "desk": d, "text": t, "data": data, "prev": p, "hash": h, "origin": HUB_ID,
             "hall_id": HALL, "for_origin": DESK, "hub_seq": s}
            for s, lk, i, at, k, a, d, t, data, p, h in rows]
    east = enrol("城东营业厅", kind="hub")
    body = forward_body([])
    forged = copy.deepcopy(acks)
    forged[1]["data"] = forged[1]["data"].replace("王经理", "李经理")
    refused = east.post("/v1/forward", {**body, "events": forged})
    assert (refused.status, refused.body["error"]) == (422, "bad_hash")
    kept = east.post("/v1/forward", {**body, "events": acks})
    assert (kept.status, kept.body["accepted"]) == (200, 2), kept.body
    assert held(store, HUB_ID) == [1, 2]


def _now():
    from datetime import UTC, datetime

    return datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
