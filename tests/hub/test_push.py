"""Pushing a desk's chain (plan §3.3), with events from a real desk file: kept once whatever
is delivered twice, out of order or at once; refused whole when a hash does not check."""

from __future__ import annotations

import copy
import threading

import pytest

from tests.hub.pushes import push_body


def test_a_desks_whole_day_is_accepted_and_its_head_kept(enrol, desk_events, store):
    desk = enrol()
    answer = desk.post("/v1/push", push_body(desk_events))
    assert answer.status == 200, answer.body
    assert answer.body["accepted"] == len(desk_events)
    assert answer.body["head"] == {"seq": desk_events[-1]["seq"], "link": desk_events[-1]["link"]}
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM event").fetchone() == (len(desk_events),)
    assert desk.get("/v1/hello").body["desk"]["head"]["seq"] == desk_events[-1]["seq"]


def test_the_same_batch_twice_is_kept_once(enrol, desk_events, store):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events))
    again = desk.post("/v1/push", push_body(desk_events))
    assert (again.status, again.body["accepted"], again.body["duplicates"]) == (
        200, 0, len(desk_events))
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM event").fetchone() == (len(desk_events),)


def test_a_retry_overlapping_what_the_hub_holds_keeps_only_the_new(enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events[:5]))
    answer = desk.post("/v1/push", push_body(desk_events[2:]))
    assert (answer.body["accepted"], answer.body["duplicates"]) == (len(desk_events) - 5, 3)


def test_the_second_batch_before_the_first_is_a_gap_naming_the_head(enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events[:3]))
    answer = desk.post("/v1/push", push_body(desk_events[6:]))
    assert (answer.status, answer.body["error"]) == (409, "gap")
    assert answer.body["head"] == {"seq": 3, "link": desk_events[2]["link"]}
    # just past the head is no gap
    assert desk.post("/v1/push", push_body(desk_events[3:])).status == 200


def test_a_batch_the_hub_holds_with_one_byte_changed_has_diverged(enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events))
    changed = copy.deepcopy(desk_events)
    changed[4]["link"] = changed[4]["link"][:-1] + ("0" if changed[4]["link"][-1] != "0" else "1")
    answer = desk.post("/v1/push", push_body(changed))
    assert (answer.status, answer.body["error"], answer.body["first_seq"]) == (
        409, "diverged", changed[4]["seq"])


def test_a_push_after_a_link_the_hub_holds_differently_has_diverged(enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events[:4]))
    answer = desk.post("/v1/push", push_body(desk_events[4:], after_link="f" * 64))
    assert (answer.status, answer.body["error"]) == (409, "diverged")
    ok = desk.post("/v1/push", push_body(desk_events[4:], after_link=desk_events[3]["link"]))
    assert ok.status == 200


@pytest.mark.parametrize(("field", "which"), [("text", "entry"), ("data", "entry"),
                                              ("at", "entry"), ("hash", "entry"),
                                              ("link", "link"), ("prev", "prev")])
def test_an_altered_new_event_is_refused_and_nothing_of_the_push_kept(
        enrol, desk_events, store, field, which):
    desk = enrol()
    altered = copy.deepcopy(desk_events)
    (event,) = [e for e in altered if e.get("kind") == "note"]
    event[field] = event[field][:-1] + ("0" if event[field][-1] != "0" else "1")
    answer = desk.post("/v1/push", push_body(altered))
    assert (answer.status, answer.body["error"]) == (422, "bad_hash")
    assert (answer.body["seq"], answer.body["which"]) == (event["seq"], which)
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM event").fetchone() == (0,)
        assert cur.execute("SELECT head_seq FROM desk").fetchone() == (0,)


def test_an_entry_recomputed_on_a_forged_predecessor_breaks_its_incident_chain(
        enrol, desk_events):
    """A forger re-hashes an entry on a made-up prev: the entry and link check, but it does
    not follow what the hub holds of its incident."""
    from models.incidents.timeline import entry_hash
    from models.store.ledger import link_hash

    desk = enrol()
    desk.post("/v1/push", push_body(desk_events[:3]))
    forged = copy.deepcopy(desk_events[3])
    forged["prev"] = "a" * 64
    forged["hash"] = entry_hash(forged["prev"], forged["incident"], forged["at"], forged["kind"],
                                forged["actor"], forged["desk"], forged["text"], forged["data"])
    forged["link"] = link_hash(desk_events[2]["link"], forged["seq"], forged["entry"],
                               forged["hash"])
    answer = desk.post("/v1/push", push_body([forged]))
    assert (answer.status, answer.body["which"]) == (422, "prev")


def test_events_not_one_after_another_are_a_bad_request(enrol, desk_events):
    desk = enrol()
    answer = desk.post("/v1/push", push_body([desk_events[0], desk_events[2]]))
    assert (answer.status, answer.body["error"], answer.body["field"]) == (
        400, "bad_request", "events[1].seq")


def test_a_missing_field_is_named(enrol, desk_events):
    desk = enrol()
    broken = copy.deepcopy(desk_events[:2])
    del broken[1]["actor"]
    answer = desk.post("/v1/push", push_body(broken))
    assert (answer.status, answer.body["field"]) == (400, "events[1].actor")


def test_more_than_500_events_is_too_large_500_is_not(enrol, desk_events):
    desk = enrol()
    many = [desk_events[0]] * 501
    answer = desk.post("/v1/push", push_body(many, after=0))
    assert (answer.status, answer.body["error"], answer.body["max_events"]) == (
        413, "too_large", 500)
    assert desk.post("/v1/push", push_body(many[:500], after=0)).status != 413


def test_a_body_over_4_mb_is_too_large(enrol):
    desk = enrol()
    answer = desk.post("/v1/push", b'{"proto":1,"pad":"' + b"x" * (4 * 1024 * 1024) + b'"}')
    assert answer.status == 413


def test_a_desk_pushes_only_its_own_records(enrol, desk_events):
    desk = enrol()
    answer = desk.post("/v1/push", push_body(desk_events, desk_id="someone-else"))
    assert (answer.status, answer.body["error"]) == (403, "forbidden")


def test_two_copies_of_one_batch_at_once_are_kept_once(enrol, desk_events, store):
    desk = enrol()
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(
        desk.post("/v1/push", push_body(desk_events)))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(a.body["accepted"] for a in answers) == [0, len(desk_events)]
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM event").fetchone() == (len(desk_events),)


def test_the_desks_clock_skew_is_kept(enrol, desk_events, store):
    desk = enrol()
    answer = desk.post("/v1/push", push_body(desk_events, sent_at="2000-01-01T00:00:00Z"))
    assert answer.body["skew_ms"] > 26 * 365 * 86400 * 1000
    with store.transaction() as cur:
        assert cur.execute("SELECT skew_ms FROM desk").fetchone() == (answer.body["skew_ms"],)


def test_an_event_sent_without_its_entry_is_a_bad_hash(enrol, desk_events):
    """The desk's outbox sends a link whose entry was removed from the file with no entry
    fields and an empty hash: the hub refuses it as a hash that does not check."""
    desk = enrol()
    gone = {"seq": desk_events[0]["seq"], "link": desk_events[0]["link"], "link_kind": 0,
            "entry": desk_events[0]["entry"], "incident": None, "at": None, "kind": None,
            "actor": None, "desk": None, "text": None, "data": None, "prev": None, "hash": ""}
    answer = desk.post("/v1/push", push_body([gone]))
    assert (answer.status, answer.body["which"], answer.body["seq"]) == (422, "entry", 1)


def test_plan_links_are_kept_by_their_link_and_an_altered_one_refused(enrol, desk_events,
                                                                       store):
    desk = enrol()
    plan_links = [e for e in desk_events if e["link_kind"]]
    assert {e["link_kind"] for e in plan_links} == {1, 2}
    altered = copy.deepcopy(desk_events)
    (changed,) = [e for e in altered if e["link_kind"] == 2]
    changed["hash"] = "0" * 64
    refused = desk.post("/v1/push", push_body(altered))
    assert (refused.status, refused.body["seq"], refused.body["which"]) == (
        422, changed["seq"], "link")
    assert desk.post("/v1/push", push_body(desk_events)).status == 200
    with store.transaction() as cur:
        kinds = cur.execute("SELECT kind FROM event WHERE link_kind > 0 ORDER BY seq").fetchall()
    assert kinds == [("plan_change",), ("plan_release",)]


def test_a_gzip_compressed_push_is_taken(enrol, desk_events):
    import gzip
    import json

    desk = enrol()
    body = gzip.compress(json.dumps(push_body(desk_events), ensure_ascii=False).encode())
    answer = desk.post("/v1/push", body, headers={"Content-Encoding": "gzip"})
    assert (answer.status, answer.body["accepted"]) == (200, len(desk_events))


def test_a_small_gzip_body_that_unpacks_past_4_mb_is_too_large(enrol):
    import gzip

    desk = enrol()
    bomb = gzip.compress(b'{"proto":1,"pad":"' + b"x" * (5 * 1024 * 1024) + b'"}')
    assert len(bomb) < 64 * 1024
    answer = desk.post("/v1/push", bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status == 413


@pytest.mark.parametrize("change", [
    {"after": -1}, {"after": 2**63}, {"after": "3"}, {"events": "many"},
])
def test_a_malformed_push_is_a_bad_request(enrol, desk_events, change):
    desk = enrol()
    answer = desk.post("/v1/push", {**push_body(desk_events[:1]), **change})
    assert (answer.status, answer.body["error"]) == (400, "bad_request")


@pytest.mark.parametrize(("name", "value"), [("incident", 2**63), ("entry", -1),
                                             ("text", "火\x00"), ("seq", 1.0)])
def test_an_event_field_out_of_range_is_a_bad_request_naming_it(enrol, desk_events, name,
                                                                 value):
    desk = enrol()
    event = {**desk_events[0], name: value}
    answer = desk.post("/v1/push", push_body([event], after=0))
    assert (answer.status, answer.body["field"]) == (400, f"events[0].{name}")


def test_json_nested_past_the_parsers_depth_is_a_bad_request(enrol):
    desk = enrol()
    answer = desk.post("/v1/push", b"[" * 200_000 + b"]" * 200_000)
    assert (answer.status, answer.body["error"]) == (400, "bad_request")


def test_display_fields_a_desk_sends_unhashed_cannot_break_the_push(enrol, desk_events):
    desk = enrol()
    events = copy.deepcopy(desk_events)
    events[0]["incident_head"] = {"number": "x\x00" * 3000, "level": 2**40, "is_drill": "yes",
                                  "started_at": 7}
    answer = desk.post("/v1/push", push_body(events, schema=2**40, app="x\x00" * 99))
    assert (answer.status, answer.body["accepted"]) == (200, len(events))


def test_journal_links_are_kept_by_their_link_and_an_altered_one_refused(enrol, desk_events,
                                                                          store):
    from datetime import UTC, datetime

    from models.journal import book
    from tests.hub.desk_file import ledger_events

    book.append("duty_call", at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC), actor="张三",
                data={"caller_unit": "区应急局"})
    events = desk_events + ledger_events(since=len(desk_events))
    assert events[-1]["link_kind"] == 3 and set(events[-1]) == {
        "seq", "link", "link_kind", "entry", "hash"}
    desk = enrol()
    altered = copy.deepcopy(events)
    altered[-1]["hash"] = "0" * 64
    refused = desk.post("/v1/push", push_body(altered))
    assert (refused.status, refused.body["seq"], refused.body["which"]) == (
        422, events[-1]["seq"], "link")
    assert desk.post("/v1/push", push_body(events)).status == 200
    with store.transaction() as cur:
        kinds = cur.execute("SELECT kind FROM event WHERE link_kind = 3").fetchall()
    assert kinds == [("journal_entry",)]
