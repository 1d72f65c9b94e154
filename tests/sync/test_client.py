"""The hub client's own rules, against a small HTTP server that answers as told: an error
answer is a HubError with its code, a network failure is HubUnreachable, abort() frees a
thread waiting for an answer, and every request carries the token and the envelope.

(The calls against the real hub process are in test_engine_hub.py.)"""

from __future__ import annotations

import json
import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from models.store.schema import SCHEMA_VERSION
from models.sync.client import HubClient, HubUnreachable, parse_wire_time, wire_time
from models.sync.protocol import PROTO, HubError


class Answering(BaseHTTPRequestHandler):
    """Answers each request with the server's `answer` (status, bytes) and keeps what came."""

    protocol_version = "HTTP/1.1"  # keeps the connection open, as aiohttp does

    def do_GET(self):
        self._handle()

    def do_POST(self):
        self._handle()

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        if self.server.hold.is_set() is False:
            self.server.waiting.set()
            self.server.hold.wait(10)
        status, raw = self.server.answer
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    srv.daemon_threads = True
    srv.seen, srv.answer = [], (200, b'{"proto": 1}')
    srv.hold, srv.waiting = threading.Event(), threading.Event()
    srv.hold.set()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.hold.set()
    srv.shutdown()
    srv.server_close()


def url_of(srv) -> str:
    return f"http://127.0.0.1:{srv.server_address[1]}"


@pytest.fixture
def client_of():
    """A client for a server, closed after the test."""
    made = []

    def make(srv, token="t", **kwargs):
        made.append(HubClient(url_of(srv), token, **kwargs))
        return made[-1]

    yield make
    for client in made:
        client.close()


def test_a_push_carries_the_token_the_envelope_and_the_desks_time(server, client_of):
    desk_time = datetime(2026, 11, 20, 2, 3, 5, 131000, tzinfo=UTC)
    client = client_of(server, "edk1.secret", now=lambda: desk_time)
    assert client.push("d1", 3, "abc", [{"seq": 4}]) == {"proto": 1}
    method, path, headers, body = server.seen[0]
    sent = json.loads(body)
    assert (method, path) == ("POST", "/v1/push")
    assert headers["Authorization"] == "Bearer edk1.secret"
    assert sent == {"proto": PROTO, "schema": SCHEMA_VERSION, "app": "0.1.0", "desk_id": "d1",
                    "sent_at": "2026-11-20T02:03:05.131Z", "after": 3, "after_link": "abc",
                    "events": [{"seq": 4}]}


def test_enrolment_sends_no_token_and_pull_asks_with_its_cursor(server, client_of):
    client = client_of(server, "edk1.secret")
    client.enrol("K7QF2-9XMAB", name="1号台")
    client.pull(98700, wait=25)
    client.chain("d1", [1, 2048])
    (_, enrol_path, enrol_headers, enrol_body), pull, chain = server.seen
    assert enrol_path == "/v1/enrol" and "Authorization" not in enrol_headers
    assert json.loads(enrol_body)["code"] == "K7QF2-9XMAB"
    assert json.loads(enrol_body)["name"] == "1号台"
    assert pull[1] == "/v1/events?after=98700&wait=25"
    assert chain[1] == "/v1/chain?desk=d1&at=1%2C2048"


def test_an_error_answer_is_a_hub_error_with_its_code(server, client_of):
    server.answer = (409, json.dumps({"proto": 1, "error": "gap", "message": "resend",
                                      "head": {"seq": 7, "link": "x"}}).encode())
    with pytest.raises(HubError) as caught:
        client_of(server, "t").push("d1", 9, "y", [])
    assert (caught.value.status, caught.value.code) == (409, "gap")
    assert caught.value.body["head"]["seq"] == 7


def test_an_answer_that_is_not_json_is_a_hub_error_not_a_crash(server, client_of):
    server.answer = (502, b"<html>Bad Gateway</html>")
    with pytest.raises(HubError) as caught:
        client_of(server, "t").hello()
    assert (caught.value.status, caught.value.code) == (502, "bad_answer")


def test_a_closed_port_is_unreachable():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(HubUnreachable):
        HubClient(f"http://127.0.0.1:{port}", "t").hello()


def test_abort_frees_a_thread_waiting_for_an_answer(server, client_of):
    server.hold.clear()
    client = client_of(server, "t")
    outcome = []

    def wait_for_answer():
        try:
            client.pull(0, wait=25)
        except HubUnreachable as error:
            outcome.append(error)

    waiter = threading.Thread(target=wait_for_answer)
    waiter.start()
    assert server.waiting.wait(10), "the request never reached the server"
    client.abort()
    waiter.join(10)
    assert not waiter.is_alive(), "abort() left the thread waiting"
    assert len(outcome) == 1
    with pytest.raises(HubUnreachable):
        client.hello()


def test_the_connection_is_reused_between_calls(server, client_of):
    client = client_of(server, "t")
    client.hello()
    first = client._conn
    client.hello()
    assert client._conn is first and first is not None


def test_a_hub_address_must_be_http():
    with pytest.raises(ValueError, match="not a hub address"):
        HubClient("ftp://hub:21")
    with pytest.raises(ValueError, match="not a hub address"):
        HubClient("192.168.1.10:8770")


def test_wire_times_keep_milliseconds_in_utc():
    moment = datetime(2026, 11, 20, 2, 3, 5, 131999, tzinfo=UTC)
    assert wire_time(moment) == "2026-11-20T02:03:05.131Z"
    assert parse_wire_time("2026-11-20T02:03:05.131Z") == moment.replace(microsecond=131000)


def test_the_desks_guard_refuses_a_call_on_the_main_thread(server, client_of):
    from models.sync.client import off_the_main_thread

    client = client_of(server, "t", guard=off_the_main_thread)
    with pytest.raises(RuntimeError, match="GUI thread"):
        client.hello()
    assert server.seen == []
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(client.hello()))
    worker.start()
    worker.join(10)
    assert outcome == [{"proto": 1}]


def test_a_hub_that_never_answers_the_connection_is_given_up_before_the_read_timeout():
    """A hub PC gone from the network drops the connection's first packet: the call waits
    in connect(), where abort() cannot reach it, so the desk's worker (joined when Python
    exits) held a quitting desk for the whole read timeout (35 s). Connecting has its own
    short limit. Here: a listener whose queue is full, so its SYNs are dropped."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = []
    for _ in range(5):  # fill the accept queue
        extra = socket.socket()
        extra.setblocking(False)
        extra.connect_ex(("127.0.0.1", port))
        queued.append(extra)
    client = HubClient(f"http://127.0.0.1:{port}", "t")
    outcome = []
    caller = threading.Thread(target=lambda: outcome.append(_unreachable(client.hello)),
                              daemon=True)
    try:
        caller.start()
        caller.join(20)  # well under the 35 s read timeout
        assert not caller.is_alive(), "still connecting after 20 s"
        assert outcome == [True]
    finally:
        for s in (*queued, listener):
            s.close()


def _unreachable(call) -> bool:
    try:
        call()
    except HubUnreachable:
        return True
    return False
