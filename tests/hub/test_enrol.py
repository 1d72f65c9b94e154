"""Enrolment: a one-time code gives a desk its id and token; the token is kept only as its
hash; a code is good once, before it expires; wrong codes are limited per address; a
withdrawn token is refused as such."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hub import auth
from hub.enrolment import issue_code, revoke
from tests.hub.serving import Client

BODY = {"proto": 1, "schema": 7, "app": "t", "name": "1号台"}


def test_a_code_enrols_a_desk_once(served, store):
    code, hall = issue_code(store, kind="desk", hall=None, valid_hours=24,
                            now=datetime.now(UTC))
    first = Client(served.url).post("/v1/enrol", {**BODY, "code": code.lower()})
    again = Client(served.url).post("/v1/enrol", {**BODY, "code": code})
    assert first.status == 201
    assert first.body["token"].startswith("edk1.")
    assert first.body["hall"]["name"] == hall == "本厅"
    assert (again.status, again.body["error"]) == (403, "bad_code")


def test_the_token_is_kept_only_as_its_hash(served, store, enrol):
    desk = enrol()
    with store.transaction() as cur:
        stored = cur.execute("SELECT token_hash FROM desk").fetchall()
    assert stored == [(auth.digest(desk.token),)]
    assert desk.token not in str(stored)


def test_an_expired_code_is_refused(served, store):
    code, _ = issue_code(store, kind="desk", hall=None, valid_hours=1,
                         now=datetime.now(UTC) - timedelta(hours=1, seconds=1))
    answer = Client(served.url).post("/v1/enrol", {**BODY, "code": code})
    assert (answer.status, answer.body["error"]) == (403, "bad_code")


def test_a_code_still_valid_a_moment_before_it_expires(served, store):
    code, _ = issue_code(store, kind="desk", hall=None, valid_hours=1,
                         now=datetime.now(UTC) - timedelta(minutes=59))
    assert Client(served.url).post("/v1/enrol", {**BODY, "code": code}).status == 201


def test_a_code_for_a_board_does_not_enrol_a_desk(served, store):
    code, _ = issue_code(store, kind="board", hall=None, valid_hours=1, now=datetime.now(UTC))
    answer = Client(served.url).post("/v1/enrol", {**BODY, "code": code, "kind": "desk"})
    assert answer.status == 403
    board = Client(served.url).post("/v1/enrol", {**BODY, "code": code})
    assert (board.status, board.body["kind"]) == (201, "board")


def test_five_wrong_codes_a_minute_then_slow_down_even_for_a_right_one(served, store):
    code, _ = issue_code(store, kind="desk", hall=None, valid_hours=1, now=datetime.now(UTC))
    client = Client(served.url)
    wrong = [client.post("/v1/enrol", {**BODY, "code": "AAAAA-AAAAA"}).status
             for _ in range(5)]
    sixth = client.post("/v1/enrol", {**BODY, "code": code})
    assert wrong == [403] * 5
    assert (sixth.status, sixth.body["error"]) == (429, "slow_down")
    assert int(sixth.headers["Retry-After"]) > 0


def test_four_wrong_codes_leave_the_right_one_working(served, store):
    code, _ = issue_code(store, kind="desk", hall=None, valid_hours=1, now=datetime.now(UTC))
    client = Client(served.url)
    for _ in range(4):
        client.post("/v1/enrol", {**BODY, "code": "AAAAA-AAAAA"})
    assert client.post("/v1/enrol", {**BODY, "code": code}).status == 201


def test_hello_tells_the_desk_who_it_is_and_what_the_hub_holds(enrol):
    desk = enrol("2号台")
    answer = desk.get("/v1/hello")
    assert answer.status == 200
    assert answer.body["desk"]["desk_id"] == desk.enrolled["desk_id"]
    assert answer.body["desk"]["head"] == {"seq": 0, "link": ""}
    assert answer.body["known_protos"] == [1]


def test_no_token_an_unknown_one_and_a_withdrawn_one_are_told_apart(served, store, enrol):
    desk = enrol()
    assert Client(served.url).get("/v1/hello").body["error"] == "unauthorized"
    assert Client(served.url, "edk1.nothing").get("/v1/hello").body["error"] == "unauthorized"
    assert revoke(store, "1号台", datetime.now(UTC)) == [(desk.enrolled["desk_id"], "1号台")]
    answer = desk.get("/v1/hello")
    assert (answer.status, answer.body["error"]) == (401, "revoked")


def test_revoke_refuses_a_name_two_desks_share(store, enrol):
    enrol("1号台")
    enrol("1号台")
    assert len(revoke(store, "1号台", datetime.now(UTC))) == 2
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM desk WHERE revoked_at IS NULL").fetchone() == (2,)


def test_a_newer_protocol_is_told_which_the_hub_knows(served):
    answer = Client(served.url).post("/v1/enrol", {**BODY, "proto": 2, "code": "X"})
    assert (answer.status, answer.body["error"], answer.body["known"]) == (
        426, "proto_unsupported", [1])


def test_a_board_may_not_push(enrol):
    board = enrol("大堂看板", kind="board")
    answer = board.post("/v1/push", {"proto": 1, "after": 0, "events": []})
    assert (answer.status, answer.body["error"]) == (403, "forbidden")
