"""The proto-1 requests a desk sent when protocol 1 was made (tests/sync/golden/proto1/,
made from a real desk file's chain: two incidents and plan links), replayed byte for byte
against this hub on both dialects: every later hub must still take them — the guarantee for
a desk on an older schema or program."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hub import auth
from hub.store.base import iso_z
from tests.hub.serving import Client

GOLDEN = Path(__file__).resolve().parents[1] / "sync" / "golden" / "proto1"
GOLDEN_CODE = "K7QF2-9XMAB"  # the code in enrol.json


def golden(name: str) -> bytes:
    return (GOLDEN / name).read_bytes()


def accept_golden_code(store) -> None:
    """The hub's keeper issued the code the golden enrolment carries."""
    now = datetime.now(UTC)
    with store.transaction(write=True) as cur:
        cur.execute("INSERT INTO hall (hall_id, name) VALUES ('h1', '城东营业厅')")
        cur.execute("INSERT INTO enrol_code (code_hash, hall_id, kind, created_at, expires_at) "
                    "VALUES (%s, 'h1', 'desk', %s, %s)",
                    (auth.code_digest(GOLDEN_CODE), iso_z(now), iso_z(now + timedelta(hours=1))))


def test_the_golden_enrolment_and_pushes_are_taken(served, store):
    accept_golden_code(store)
    enrolled = Client(served.url).post("/v1/enrol", golden("enrol.json"))
    assert enrolled.status == 201, enrolled.body
    desk = Client(served.url, enrolled.body["token"])
    first, second = desk.post("/v1/push", golden("push-1.json")), desk.post(
        "/v1/push", golden("push-2.json"))
    events = [json.loads(golden(name))["events"] for name in ("push-1.json", "push-2.json")]
    assert (first.status, first.body["accepted"]) == (200, len(events[0])), first.body
    assert (second.status, second.body["accepted"]) == (200, len(events[1])), second.body
    assert second.body["head"]["link"] == events[1][-1]["link"]
    again = desk.post("/v1/push", golden("push-1.json"))
    assert (again.body["accepted"], again.body["duplicates"]) == (0, len(events[0]))
    (fire,) = desk.get("/v1/board").body["incidents"]
    assert (fire["situation_key"], fire["status"], fire["desk"]) == ("fire", "resolved", "1号台")


def test_the_golden_files_say_protocol_1():
    for path in sorted(GOLDEN.glob("*.json")):
        assert json.loads(path.read_bytes())["proto"] == 1, path.name
