"""The leader's page at the hub, on SQLite and on PostgreSQL: a read-out a desk pushed is
shown by its capability; 收到 stores one acknowledgement and one `leader_ack` for that desk,
however often it is pressed; the page says 已记入处置台 once the desk's record of it arrives
(the long-poll answering when it does); anything else gets a plain Chinese "not valid" page."""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.services.incidents import IncidentService
from models.sync.apply import apply_hub_events
from tests.hub.desk_file import ledger_events
from tests.hub.pushes import push_body

WHO = Who(hall="城东营业厅", desk="1号台", clerk="张三")
CAP = "Xv9kLw0aP4bYcT1rJg3q2A"


@dataclass
class Reply:
    status: int
    headers: dict
    text: str


def fetch(url: str, path: str, form: dict | None = None, timeout: float = 40) -> Reply:
    """One request as a browser makes it, redirects not followed."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        if form is None:
            conn.request("GET", path)
        else:
            conn.request("POST", path, body=urlencode(form).encode("utf-8"),
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        answer = conn.getresponse()
        return Reply(answer.status, dict(answer.getheaders()),
                     answer.read().decode("utf-8"))
    finally:
        conn.close()


class Desk:
    """A desk file with a fire whose read-out is shared under CAP, pushing to the hub."""

    def __init__(self, catalog, plan, client) -> None:
        self.clock = FakeClock()
        self.client = client
        self.service = IncidentService(catalog=catalog, plan=plan, clock=self.clock,
                                       who=lambda: WHO)
        self.pushed = 0
        self.fire = response.start_incident(catalog, plan, "fire", self.act())

    def act(self) -> Act:
        return Act(WHO, self.clock.now(), HolidayCalendar())

    def share(self, cap: str = CAP, person: str = "王经理", text: str = "时间：12:00") -> None:
        response.share_readout(self.service.catalog, self.fire, "group_leader", person, text,
                               self.act(), cap=cap)

    def push(self) -> None:
        events = ledger_events(self.pushed)
        answer = self.client.post("/v1/push", push_body(events))
        assert answer.status == 200, answer.body
        self.pushed = answer.body["head"]["seq"]

    def pull_and_apply(self) -> list[dict]:
        events = self.client.get("/v1/events?after=0&wait=0").body["events"]
        apply_hub_events(events, desk_id=self.client.enrolled["desk_id"],
                         incidents=self.service)
        return [e for e in events if e["kind"] == "leader_ack"]


@pytest.fixture
def desk(enrol, desk_db, shipped_catalog):
    made = Desk(shipped_catalog, desk_db[1], enrol("1号台"))
    made.share()
    made.push()
    return made


def test_the_page_shows_the_readout_and_a_name_ready(served, desk):
    page = fetch(served.url, f"/r/{CAP}")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "时间：12:00" in page.text and 'value="王经理"' in page.text
    assert 'id="ack"' in page.text and ">收到</button>" in page.text
    assert "营业场所发生火灾" in page.text and "1号台" in page.text


def test_a_press_is_stored_once_and_told_to_the_desk_once(served, store, desk):
    for _ in range(3):  # pressed again, or the POST sent again by a reload
        answer = fetch(served.url, f"/r/{CAP}/ack", {"by": " 王经理 "})
        assert answer.status == 303 and answer.headers["Location"] == f"/r/{CAP}"
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM ack").fetchone()[0] == 1
    (ack,) = desk.pull_and_apply()
    data = json.loads(ack["data"])
    assert ack["for"] == desk.client.enrolled["desk_id"] and data["by"] == "王经理"
    assert CAP not in ack["data"]  # the stream names the read-out by its hash only
    page = fetch(served.url, f"/r/{CAP}")
    assert "已收到" in page.text and "等待处置台记录" in page.text and "<form" not in page.text


def test_the_page_says_recorded_once_the_desks_record_arrives(served, desk):
    fetch(served.url, f"/r/{CAP}/ack", {"by": "王经理"})
    desk.pull_and_apply()
    assert json.loads(fetch(served.url, f"/r/{CAP}/state").text)["recorded"] is False
    desk.push()
    state = json.loads(fetch(served.url, f"/r/{CAP}/state").text)
    assert state["acked"] and state["recorded"] and state["by"] == "王经理"
    assert "已记入处置台" in fetch(served.url, f"/r/{CAP}").text


def test_the_long_poll_answers_when_the_desks_record_arrives(served, desk):
    fetch(served.url, f"/r/{CAP}/ack", {"by": "王经理"})
    desk.pull_and_apply()
    answers: list[Reply] = []
    waiting = threading.Thread(target=lambda: answers.append(
        fetch(served.url, f"/r/{CAP}/state?wait=20")))
    waiting.start()
    desk.push()
    waiting.join(40)
    assert answers and json.loads(answers[0].text)["recorded"] is True


def test_a_name_is_needed(served, store, desk):
    answer = fetch(served.url, f"/r/{CAP}/ack", {"by": "  \u200b\x07 "})
    assert answer.status == 422 and "请填写您的姓名" in answer.text
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM ack").fetchone()[0] == 0


@pytest.mark.parametrize("cap", ["Yv9kLw0aP4bYcT1rJg3q2A", "short", "a" * 65, "..%2F..%2Fx",
                                 "Xv9kLw0aP4bYcT1rJg3q2A%00"])
def test_an_address_not_shared_gets_a_plain_page(served, store, desk, cap):
    for page in (fetch(served.url, f"/r/{cap}"),
                 fetch(served.url, f"/r/{cap}/ack", {"by": "王经理"})):
        assert page.status == 404 and "此链接无效" in page.text
    assert fetch(served.url, f"/r/{cap}/state").status == 404
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM ack").fetchone()[0] == 0


def test_what_the_desk_and_the_leader_wrote_is_shown_as_text(served, enrol, desk_db,
                                                             shipped_catalog):
    desk = Desk(shipped_catalog, desk_db[1], enrol("1号台"))
    desk.share(cap=CAP, person='"><script>alert(1)</script>', text="<b>火</b> & 烟")
    desk.push()
    page = fetch(served.url, f"/r/{CAP}").text
    assert "<script>alert" not in page and "<b>火" not in page
    assert "&lt;b&gt;火&lt;/b&gt; &amp; 烟" in page
    fetch(served.url, f"/r/{CAP}/ack", {"by": "<i>王</i>"})
    assert "<i>王" not in fetch(served.url, f"/r/{CAP}").text


def test_an_incident_ended_at_its_desk_takes_no_more_acks(served, store, desk):
    response.cancel_incident(desk.fire, "按错了", desk.act())
    desk.push()
    page = fetch(served.url, f"/r/{CAP}")
    assert page.status == 200 and "此事件已在处置台结束" in page.text and "<form" not in page.text
    assert fetch(served.url, f"/r/{CAP}/ack", {"by": "王经理"}).status == 303
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM ack").fetchone()[0] == 0


def test_the_page_goes_24_hours_after_the_incident_ended(store, enrol, desk_db,
                                                         shipped_catalog):
    from datetime import UTC, datetime, timedelta

    from hub.app import build_app
    from tests.hub.serving import Client, Served

    now = [datetime.now(UTC)]
    served = Served(build_app(store, clock=lambda: now[0])).start()
    try:
        client = Client(served.url, enrol("1号台").token)
        client.enrolled = {"desk_id": ""}
        desk = Desk(shipped_catalog, desk_db[1], client)
        desk.share()
        desk.push()
        response.cancel_incident(desk.fire, "按错了", desk.act())
        desk.push()
        now[0] += timedelta(hours=24) - timedelta(seconds=1)
        assert fetch(served.url, f"/r/{CAP}").status == 200
        now[0] += timedelta(seconds=1)
        assert fetch(served.url, f"/r/{CAP}").status == 404
    finally:
        served.stop()


def test_a_hub_stopping_answers_a_waiting_state_at_once(served, desk):
    """A stop wakes every long-poll (hub.notify): the page's answers with what it has rather
    than asking again until its 20 s are up."""
    from hub.context import HUB

    fetch(served.url, f"/r/{CAP}/ack", {"by": "王经理"})
    wakeups = served.app[HUB].wakeups
    answers: list[Reply] = []
    waiting = threading.Thread(target=lambda: answers.append(
        fetch(served.url, f"/r/{CAP}/state?wait=20")), daemon=True)
    waiting.start()
    deadline = time.monotonic() + 30
    while wakeups.waiting < 1:
        assert time.monotonic() < deadline, "the long-poll never waited"
    served.call_soon(wakeups.close())
    waiting.join(10)
    assert answers, "the long-poll was left asking until its time was up"
    assert json.loads(answers[0].text)["recorded"] is False


def test_presses_at_the_same_moment_make_one_ack(served, store, desk):
    """Two phones (or a double tap on a slow network) posting together: one acknowledgement,
    one event for the desk."""
    start = threading.Barrier(8)
    replies: list[int] = []

    def press(name: str) -> None:
        start.wait()
        replies.append(fetch(served.url, f"/r/{CAP}/ack", {"by": name}).status)

    presses = [threading.Thread(target=press, args=(f"领导{i}",)) for i in range(8)]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join(40)
    assert replies == [303] * 8
    with store.transaction() as cur:
        assert cur.execute("SELECT count(*) FROM ack").fetchone()[0] == 1
        assert cur.execute("SELECT count(*) FROM event WHERE kind = 'leader_ack'"
                           ).fetchone()[0] == 1


def test_another_desk_of_the_hall_is_not_given_the_capability(served, enrol, desk):
    other = enrol("2号台")
    events = other.get("/v1/events?after=0&wait=0").body["events"]
    assert any(e["kind"] == "readout_shared" for e in events)
    assert CAP not in json.dumps(events, ensure_ascii=False)  # else it can press 收到
    board = enrol("看板", kind="board")
    assert CAP not in json.dumps(board.get("/v1/events?after=0&wait=0").body["events"],
                                 ensure_ascii=False)


def test_a_copy_of_the_hubs_database_does_not_give_the_capability_away(store, desk):
    with store.transaction() as cur:
        held = cur.execute("SELECT data FROM event").fetchall()
    assert held and not any(CAP in str(row[0]) for row in held)
