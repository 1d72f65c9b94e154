"""What desks and boards read: the hall's stream (with long-poll), the board's snapshot of
states folded forward only, a desk's chain at chosen positions, the hub's own events."""

from __future__ import annotations

import json
import threading
import time

from hub.context import HUB
from hub.hub_events import publish_hub_event
from tests.hub.pushes import push_body

WAKE_LIMIT = 15  # seconds; the poll itself would wait 25: an answer before is a wake-up


def test_the_stream_holds_the_halls_events_in_order_with_a_cursor(enrol, desk_events):
    desk, board = enrol(), enrol("看板", kind="board")
    desk.post("/v1/push", push_body(desk_events))
    page = board.get("/v1/events?after=0&limit=5")
    assert [e["seq"] for e in page.body["events"]] == [1, 2, 3, 4, 5]
    assert page.body["more"] is True
    rest = board.get(f"/v1/events?after={page.body['cursor']}")
    # the plan links are the desk's own business: not in the hall's stream
    assert [e["seq"] for e in rest.body["events"]] == [
        e["seq"] for e in desk_events[5:] if not e["link_kind"]]
    assert rest.body["more"] is False
    first = page.body["events"][0]
    assert (first["origin"], first["kind"], first["desk"]) == (
        desk.enrolled["desk_id"], "started", "1号台")
    assert rest.body["desks"][desk.enrolled["desk_id"]]["head"] == desk_events[-1]["seq"]


def test_a_desk_is_not_sent_back_its_own_events_but_the_cursor_passes_them(enrol, desk_events):
    ours, other = enrol("1号台"), enrol("2号台")
    ours.post("/v1/push", push_body(desk_events))
    own = ours.get("/v1/events?after=0")
    assert own.body["events"] == [] and own.body["cursor"] > 0
    seen = other.get("/v1/events?after=0").body["events"]
    assert {e["origin"] for e in seen} == {ours.enrolled["desk_id"]}


def test_a_file_enrolled_anew_replaces_its_desk_on_the_board_and_withdraws_its_token(
        enrol, desk_events):
    old = enrol("1号台")
    old.post("/v1/push", push_body(desk_events))
    running = len(old.get("/v1/board").body["incidents"])
    assert running >= 1
    new = enrol("1号台", replaces=old.enrolled["desk_id"])  # the restored file, enrolled anew
    new.post("/v1/push", push_body(desk_events))
    board = enrol("看板", kind="board").get("/v1/board").body
    assert len(board["incidents"]) == running  # once, not twice
    assert {i["origin"] for i in board["incidents"]} == {new.enrolled["desk_id"]}
    assert list(board["desks"]) == [new.enrolled["desk_id"]]
    assert old.get("/v1/hello").status == 401  # the old token is withdrawn


def test_a_desk_cannot_replace_another_halls_desk(enrol, desk_events):
    theirs = enrol("1号台", hall="城西")
    ours = enrol("1号台", hall="城东", replaces=theirs.enrolled["desk_id"])
    assert theirs.get("/v1/hello").status == 200
    theirs.post("/v1/push", push_body(desk_events))
    assert theirs.get("/v1/board").body["incidents"]  # still shown in its own hall
    assert ours.get("/v1/board").body["incidents"] == []


def test_a_reader_past_the_hubs_head_is_sent_back_to_it(enrol, desk_events):
    """A hub restored from an older backup: a reader's cursor is past what it holds now; the
    answer puts it back at the head, so the events numbered anew reach it."""
    desk, board = enrol(), enrol("看板", kind="board")
    desk.post("/v1/push", push_body(desk_events[:2]))
    head = board.get("/v1/events?after=0").body["cursor"]
    answer = board.get(f"/v1/events?after={head + 1000}&wait=25").body  # at once, no wait
    assert answer["cursor"] == head and answer["events"] == []


def test_another_halls_events_are_not_in_the_stream(enrol, desk_events):
    ours, theirs = enrol("1号台", hall="城东"), enrol("1号台", hall="城西")
    theirs.post("/v1/push", push_body(desk_events))
    page = ours.get("/v1/events?after=0")
    assert page.body["events"] == []


def test_a_long_poll_wakes_when_a_push_commits(enrol, desk_events):
    desk, board = enrol(), enrol("看板", kind="board")
    desk.post("/v1/push", push_body(desk_events[:2]))
    cursor = board.get("/v1/events?after=0").body["cursor"]
    got = []
    poll = threading.Thread(target=lambda: got.append(
        board.get(f"/v1/events?after={cursor}&wait=25")))
    poll.start()
    desk.post("/v1/push", push_body(desk_events[2:4]))
    poll.join(WAKE_LIMIT)
    assert got, "the long-poll was not woken by the push"
    assert [e["seq"] for e in got[0].body["events"]] == [3, 4]


def test_a_long_poll_with_nothing_new_answers_empty_with_wait_0(enrol):
    board = enrol("看板", kind="board")
    answer = board.get("/v1/events?after=0&wait=0")
    assert (answer.status, answer.body["events"], answer.body["cursor"]) == (200, [], 0)


def test_the_board_shows_running_incidents_with_their_deadlines(enrol, desk_events):
    desk, board = enrol(), enrol("看板", kind="board")
    desk.post("/v1/push", push_body(desk_events))
    snapshot = board.get("/v1/board").body
    assert snapshot["cursor"] >= len(desk_events)
    (fire,) = snapshot["incidents"]  # the power cut was cancelled: not shown
    assert (fire["status"], fire["situation_key"], fire["desk"], fire["is_drill"]) == (
        "resolved", "fire", "1号台", False)
    assert fire["number"].endswith("-001")
    statuses = {d["key"]: (d["status"], d["acknowledged"]) for d in fire["deadlines"]}
    assert statuses["level_report"] == ("missed", True)
    assert all(d["due"].endswith("Z") for d in fire["deadlines"])


def test_the_board_follows_a_desk_batch_by_batch(enrol, desk_events):
    desk, board = enrol(), enrol("看板", kind="board")
    desk.post("/v1/push", push_body(desk_events[:2]))
    (fire,) = board.get("/v1/board").body["incidents"]
    assert fire["status"] == "open"
    assert [d["status"] for d in fire["deadlines"]] == ["pending"]
    desk.post("/v1/push", push_body(desk_events[2:4]))
    (fire,) = board.get("/v1/board").body["incidents"]
    assert fire["status"] == "in_hand"


def test_a_cancelled_incident_leaves_no_deadline_pending(enrol, desk_events, store):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events))
    with store.transaction() as cur:
        rows = cur.execute("SELECT d.status FROM deadline_view d JOIN incident_view i ON "
                           "i.origin = d.origin AND i.incident = d.incident "
                           "WHERE i.status = 'cancelled'").fetchall()
    assert rows and {r[0] for r in rows} == {"cancelled"}


def test_the_chain_gives_the_links_the_hub_holds(enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events))
    answer = desk.get("/v1/chain?at=1,3,999")
    assert answer.body["links"] == {"1": desk_events[0]["link"], "3": desk_events[2]["link"]}
    assert answer.body["head"]["seq"] == desk_events[-1]["seq"]
    assert answer.body["head"]["received_at"].endswith("Z")


def test_a_desk_reads_only_its_own_chain_an_admin_any(enrol, desk_events):
    desk, other, admin = enrol(), enrol("2号台"), enrol("审计", kind="admin")
    desk.post("/v1/push", push_body(desk_events))
    path = f"/v1/chain?desk={desk.enrolled['desk_id']}&at=2"
    assert other.get(path).status == 403
    assert admin.get(path).body["links"] == {"2": desk_events[1]["link"]}


def test_at_most_64_positions_a_request(enrol):
    desk = enrol()
    at = ",".join(str(i) for i in range(1, 66))
    assert desk.get(f"/v1/chain?at={at}").status == 400
    assert desk.get(f"/v1/chain?at={at.rsplit(',', 1)[0].rsplit(',', 1)[0]}").status == 200


def test_a_hub_event_reaches_the_halls_stream_for_its_desk(served, enrol, desk_events):
    desk = enrol()
    desk.post("/v1/push", push_body(desk_events))
    cursor = desk.get("/v1/events?after=0").body["cursor"]
    hub = served.app[HUB]
    hub_seq = served.call_soon(publish_hub_event(
        hub, hall_id=desk.enrolled["hall"]["id"], for_origin=desk.enrolled["desk_id"],
        kind="leader_ack", incident=1, data={"by": "王经理", "cap": "c"}))
    (event,) = desk.get(f"/v1/events?after={cursor}").body["events"]
    assert (event["hub_seq"], event["kind"], event["for"], event["incident"]) == (
        hub_seq, "leader_ack", desk.enrolled["desk_id"], 1)
    assert json.loads(event["data"]) == {"by": "王经理", "cap": "c"}
    assert event["origin"] == desk.get("/v1/hello").body["hub_id"]


def test_healthz_counts_the_events(served, enrol, desk_events):
    from tests.hub.serving import Client

    enrol().post("/v1/push", push_body(desk_events))
    assert Client(served.url).get("/healthz").body["events"] == len(desk_events)


def test_a_reader_following_the_cursor_misses_nothing_while_desks_push_at_once(
        enrol, desk_events):
    """Commits of two desks interleave while a board reads: hub_seq order is commit order
    (one writer at a time), so a cursor never passes an event committed late."""
    desks, board = [enrol("1号台"), enrol("2号台")], enrol("看板", kind="board")
    timeline = [e for e in desk_events if not e["link_kind"]]

    def push_one_by_one(desk) -> None:
        for event in desk_events:
            assert desk.post("/v1/push", push_body([event])).status == 200

    pushers = [threading.Thread(target=push_one_by_one, args=(d,)) for d in desks]
    for pusher in pushers:
        pusher.start()
    seen: list[tuple] = []
    cursor, deadline = 0, time.monotonic() + 60
    while len(seen) < 2 * len(timeline):
        assert time.monotonic() < deadline, f"the reader saw {len(seen)} events"
        page = board.get(f"/v1/events?after={cursor}&limit=3&wait=2").body
        seen += [(e["origin"], e["seq"]) for e in page["events"]]
        cursor = page["cursor"]
    for pusher in pushers:
        pusher.join(30)
    assert len(set(seen)) == len(seen) == 2 * len(timeline)


def test_a_desk_enrolled_anew_reads_the_chain_it_replaces_of_its_own_hall_only(
        served, store, enrol, desk_events):
    """verify --hub compares a re-enrolled file with what its earlier enrolment sent; naming
    a desk of another hall as the one replaced opens nothing."""
    from datetime import UTC, datetime

    from hub.enrolment import issue_code
    from tests.hub.serving import Client

    def anew(replaces: str, hall: str) -> Client:
        code, _ = issue_code(store, kind="desk", hall=hall, valid_hours=1, now=datetime.now(UTC))
        answer = Client(served.url).post("/v1/enrol", {
            "proto": 1, "schema": 7, "app": "t", "code": code, "name": "1号台",
            "replaces": replaces})
        assert answer.status == 201, answer.body
        return Client(served.url, answer.body["token"])

    old = enrol("1号台", hall="城东")
    old.post("/v1/push", push_body(desk_events))
    old_id = old.enrolled["desk_id"]
    path = f"/v1/chain?desk={old_id}&at=2"
    same_hall, other_hall = anew(old_id, "城东"), anew(old_id, "城西")
    assert same_hall.get("/v1/chain").body["replaces"] == old_id
    assert same_hall.get(path).body["links"] == {"2": desk_events[1]["link"]}
    assert other_hall.get(path).status == 403


def test_a_desk_enrolled_anew_in_place_of_another_is_one_desk_on_the_board(
        served, store, enrol, desk_events):
    from datetime import UTC, datetime

    from hub.enrolment import issue_code
    from tests.hub.serving import Client

    old, board = enrol("1号台"), enrol("看板", kind="board")
    old.post("/v1/push", push_body(desk_events))
    code, _ = issue_code(store, kind="desk", hall=None, valid_hours=1, now=datetime.now(UTC))
    answer = Client(served.url).post("/v1/enrol", {
        "proto": 1, "schema": 7, "app": "t", "code": code, "name": "1号台",
        "replaces": old.enrolled["desk_id"]})
    anew = Client(served.url, answer.body["token"])
    assert anew.post("/v1/push", push_body(desk_events)).status == 200
    assert len(board.get("/v1/board").body["incidents"]) == 1
