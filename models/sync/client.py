"""Talking to a hall hub (proto 1, models.sync.protocol) from a worker thread: blocking
stdlib `http.client`, one connection kept open between calls, a bearer token.

Never call it on the GUI thread: a call waits for the network (a long-poll up to 25 s, a read
up to 35 s). `abort()`, from any thread, closes the socket so that a quitting desk never
waits for an answer that is on its way."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from models.store.schema import SCHEMA_VERSION
from models.sync.protocol import HubError, dumps, envelope

APP_VERSION = "0.1.0"
READ_TIMEOUT = 35.0  # a long-poll waits at most 25 s (protocol.MAX_WAIT_SECONDS)
CONNECT_TIMEOUT = 5.0  # abort() cannot cut a connect() short: a quitting desk waits this long
BAD_ANSWER = "bad_answer"  # the code of a HubError for an answer that is not the hub's JSON


class HubUnreachable(Exception):
    """The hub could not be reached, or the connection broke before its answer arrived: a
    state the desk waits out (the request may or may not have arrived; pushes are
    idempotent, so it is simply sent again)."""


def wire_time(moment: datetime) -> str:
    """A UTC moment as the wire writes it: `2026-11-20T02:03:05.131Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{moment.microsecond // 1000:03d}Z"


def parse_wire_time(text: str) -> datetime:
    """A wire time back to an aware UTC datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


class HubClient:
    """One desk's (or board's) calls to one hub. `now` is the desk's clock, sent as
    `sent_at` with each push so the hub can tell how far the desk's clock is off."""

    def __init__(self, url: str, token: str = "", *, timeout: float = READ_TIMEOUT,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 schema: int = SCHEMA_VERSION, app: str = APP_VERSION,
                 guard: Callable[[], None] | None = None) -> None:
        """`guard`: called before each request; the desk's raises on the GUI thread, where
        no network I/O may ever run."""
        parts = urlsplit(url.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not a hub address: {url!r} (write http://HOST:PORT)")
        self.url = url.rstrip("/")
        self.token = token
        self._parts = parts
        self._timeout = timeout
        self._now = now
        self._schema, self._app = schema, app
        self._lock = threading.Lock()
        self._conn: http.client.HTTPConnection | None = None
        self._aborted = False
        self._guard = guard

    # -- the calls ---------------------------------------------------------------------

    def enrol(self, code: str, *, kind: str = "desk", name: str = "",
              replaces: str = "") -> dict[str, Any]:
        """Trade a one-time enrolment code for this desk's id and token (the token is not
        kept here: the caller stores it and makes a client with it). `replaces`: the desk id
        this file had before (a restored or copied file enrolled anew)."""
        extra = {"replaces": replaces} if replaces else {}
        return self._call("POST", "/v1/enrol",
                          self._body(code=code, kind=kind, name=name, **extra), auth=False)

    def hello(self) -> dict[str, Any]:
        """The hub's id, hall, time and what it holds of this desk (`desk.head`)."""
        return self._call("GET", "/v1/hello")

    def push(self, desk_id: str, after: int, after_link: str,
             events: Sequence[dict[str, Any]]) -> dict[str, Any]:
        """Send the links after position `after` (whose hash is `after_link`)."""
        return self._call("POST", "/v1/push", self._body(
            desk_id=desk_id, sent_at=wire_time(self._now()), after=after,
            after_link=after_link, events=list(events)))

    def pull(self, after: int, *, wait: float = 0,
             limit: int | None = None) -> dict[str, Any]:
        """The hall's events after the hub's order `after`; waits up to `wait` seconds for
        the first one to arrive (a long-poll)."""
        query = {"after": after, "wait": _number(wait)}
        if limit is not None:
            query["limit"] = limit
        return self._call("GET", "/v1/events?" + urlencode(query))

    def board(self) -> dict[str, Any]:
        """The hall as the hub sees it now: running incidents, deadlines, desks."""
        return self._call("GET", "/v1/board")

    def chain(self, desk: str, positions: Iterable[int]) -> dict[str, Any]:
        """The link hashes the hub holds for `desk` at `positions` (≤ 64), and its head."""
        at = ",".join(str(int(p)) for p in positions)
        return self._call("GET", "/v1/chain?" + urlencode({"desk": desk, "at": at}))

    def abort(self) -> None:
        """Close the connection from any thread: a call under way raises HubUnreachable, and
        so does every later one."""
        self._aborted = True
        conn = self._conn
        if conn is not None and conn.sock is not None:
            with contextlib.suppress(OSError):  # already closed: what we wanted
                conn.sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the machinery -----------------------------------------------------------------

    def _body(self, **fields: Any) -> dict[str, Any]:
        return envelope(self._schema, self._app, **fields)

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None, *,
              auth: bool = True) -> dict[str, Any]:
        if self._guard is not None:
            self._guard()
        headers = {"Accept": "application/json", "X-Proto": "1",
                   "X-Schema": str(self._schema), "X-Sent-At": wire_time(self._now())}
        if auth and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        payload = None
        if body is not None:
            payload = dumps(body)
            headers["Content-Type"] = "application/json; charset=utf-8"
        with self._lock:
            status, raw = self._exchange(method, path, payload, headers)
        return _answer(status, raw)

    def _exchange(self, method: str, path: str, payload: bytes | None,
                  headers: dict[str, str]) -> tuple[int, bytes]:
        if self._aborted:
            raise HubUnreachable("the connection was closed (the desk is quitting)")
        try:
            conn = self._connection()
            if self._aborted:  # while it was connecting
                self._drop()
                raise HubUnreachable("the connection was closed (the desk is quitting)")
            conn.request(method, self._parts.path + path, body=payload, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            if response.will_close:
                self._drop()
            return response.status, raw
        except (OSError, http.client.HTTPException) as error:
            self._drop()  # a half-used connection is never reused
            where = f"{self._parts.hostname}:{self._parts.port or ''}"
            raise HubUnreachable(f"hub {where} unreachable: {error or type(error).__name__}") \
                from error

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = (http.client.HTTPSConnection if self._parts.scheme == "https"
                   else http.client.HTTPConnection)
            conn = cls(self._parts.hostname, self._parts.port,
                       timeout=min(CONNECT_TIMEOUT, self._timeout))
            self._conn = conn
            conn.connect()  # a hub gone from the network: given up soon, not in 35 s
            conn.sock.settimeout(self._timeout)
            conn.timeout = self._timeout
        return self._conn

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _answer(status: int, raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, ValueError):
        body = None
    if not isinstance(body, dict):
        raise HubError(status, BAD_ANSWER, {"message": f"not the hub's answer: "
                                                       f"{raw[:200]!r}"})
    if status >= 300 or "error" in body:
        raise HubError(status, str(body.get("error", BAD_ANSWER)), body)
    return body


def off_the_main_thread() -> None:
    """A guard for a desk's client: the main thread is the GUI's."""
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("a call to the hub on the GUI thread: it must run on a worker")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
