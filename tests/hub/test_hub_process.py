"""The hub as a real process (`main.py hub`) on SQLite and PostgreSQL: killed in the middle
of a push and started again on the same database, every event is there exactly once; a
second hub on one database is refused; `hub code` and `hub revoke` work while it runs."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from pathlib import Path

from models.store.ledger import link_hash
from tests.helpers.hub_process import ROOT, start_hub
from tests.hub.pushes import push_body
from tests.hub.serving import Client

STALL_LIMIT = 30  # seconds to wait for the hub to say it stalled


def hub_cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", *args, "--db", db],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def enrol_desk(hub_url: str, db: str, name: str = "1号台") -> Client:
    made = hub_cli(db, "code")
    assert made.returncode == 0, made.stderr
    answer = Client(hub_url).post("/v1/enrol", {"proto": 1, "schema": 7, "app": "t",
                                                "code": made.stdout.strip(), "name": name})
    assert answer.status == 201, answer.body
    return Client(hub_url, answer.body["token"])


def stored_chain(store_url: str) -> list[tuple]:
    from hub.store import open_store

    store = open_store(store_url)
    try:
        with store.transaction() as cur:
            return cur.execute("SELECT seq, link_kind, entry_id, entry_hash, link_hash FROM "
                               "event ORDER BY seq").fetchall()
    finally:
        store.close()


def wait_for_line(stream, wanted: str, seconds: float) -> str:
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    line = seen[0].strip() if seen else ""
    assert line == wanted, f"the hub did not say {wanted!r} (it said {line!r})"
    return line


def test_killed_in_the_middle_of_a_push_then_every_event_is_there_once(
        store_url, tmp_path, desk_events):
    db = store_url
    hub = start_hub(db, "--test-stall-push", "2", env={"ED_HUB_TEST_HOOKS": "1"},
                    log=tmp_path / "hub.log")
    try:
        desk = enrol_desk(hub.url, db)
        assert desk.post("/v1/push", push_body(desk_events[:4])).body["accepted"] == 4
        lost = threading.Thread(target=lambda: _ignore_errors(
            desk.post, "/v1/push", push_body(desk_events[4:])), daemon=True)
        lost.start()
        wait_for_line(hub.proc.stdout, "stalled", STALL_LIMIT)
    finally:
        hub.kill()
    assert [row[0] for row in stored_chain(db)] == [1, 2, 3, 4]  # the stalled push: none
    again = start_hub(db, log=tmp_path / "hub2.log")
    try:
        desk = Client(again.url, desk.token)
        assert desk.get("/v1/hello").body["desk"]["head"]["seq"] == 4
        retry = desk.post("/v1/push", push_body(desk_events))  # the desk resends it all
        assert (retry.body["accepted"], retry.body["duplicates"]) == (len(desk_events) - 4, 4)
    finally:
        again.stop()
    rows = stored_chain(db)
    assert [row[0] for row in rows] == [e["seq"] for e in desk_events]
    prev = ""
    for seq, kind, entry, digest, link in rows:
        assert link == link_hash(prev, seq, entry, digest, kind)
        prev = link


def _ignore_errors(call, *args) -> None:
    with contextlib.suppress(OSError):  # the hub was killed under it
        call(*args)


def test_a_second_hub_on_the_same_database_is_refused_with_a_message(store_url, tmp_path):
    first = start_hub(store_url, log=tmp_path / "hub.log")
    try:
        second = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "hub", "--db", store_url, "--host",
             "127.0.0.1", "--port", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        first.stop()
    assert second.returncode == 2
    assert "another hub already runs on" in second.stderr
    assert "Traceback" not in second.stderr


def test_hub_code_while_the_hub_runs_and_revoke(tmp_path):
    db = str(tmp_path / "hub.db")
    hub = start_hub(db)
    try:
        desk = enrol_desk(hub.url, db)
        assert desk.get("/v1/hello").status == 200
        withdrawn = hub_cli(db, "revoke", "--desk", "1号台")
        assert withdrawn.returncode == 0, withdrawn.stderr
        assert desk.get("/v1/hello").body["error"] == "revoked"
        unknown = hub_cli(db, "revoke", "--desk", "9号台")
    finally:
        hub.stop()
    assert (unknown.returncode, "no enrolled desk named" in unknown.stderr) == (2, True)


def test_the_default_database_is_hub_db_in_the_data_folder(tmp_path):
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", "code"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**_env(), "XDG_DATA_HOME": str(tmp_path)})
    assert made.returncode == 0, made.stderr
    assert (Path(tmp_path) / "emergency-desk" / "hub.db").exists()


def test_test_hooks_need_their_environment_variable(tmp_path):
    refused = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "hub", "--db", str(tmp_path / "h.db"),
         "--test-stall-push", "1", "--port", "0"], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env={k: v for k, v in _env().items() if k != "ED_HUB_TEST_HOOKS"})
    assert refused.returncode == 2
    assert "ED_HUB_TEST_HOOKS=1" in refused.stderr


def _env() -> dict:
    import os

    return dict(os.environ)



def test_stopping_the_hub_answers_a_waiting_long_poll_at_once(tmp_path):
    db = str(tmp_path / "hub.db")
    hub = start_hub(db)
    desk = enrol_desk(hub.url, db)
    answers: list = []
    poll = threading.Thread(target=lambda: answers.append(
        desk.get("/v1/events?after=0&wait=25")), daemon=True)
    poll.start()
    _until_waiting(hub)
    code = hub.stop()
    poll.join(15)
    assert code == 0
    assert answers and answers[0].status == 200, "the long-poll was left hanging"
    assert answers[0].body["events"] == []


def _until_waiting(hub) -> None:
    deadline = time.monotonic() + 30
    while Client(hub.url).get("/healthz").body["long_polls"] < 1:
        assert time.monotonic() < deadline, "the long-poll never reached the hub"


def test_a_database_that_does_not_exist_is_said_so_without_a_traceback(pg_cluster):
    url = pg_cluster.url("no_such_database")
    refused = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "hub", "--db", url, "--host", "127.0.0.1",
         "--port", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2
    assert "cannot reach the hub's database" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_port_out_of_range_is_refused_without_a_traceback(tmp_path):
    from tests.test_cli import run

    for port in ("99999", "-1"):
        result = run("hub", "--db", str(tmp_path / "hub.db"), "--port", port)
        assert result.returncode == 2, result.stdout
        assert "--port" in result.stderr and "0 to 65535" in result.stderr
        assert "Traceback" not in result.stderr
