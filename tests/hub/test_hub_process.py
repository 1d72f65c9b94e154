"""The hub runs as a real process: it says where it listens, answers, and stops cleanly."""

import json
import urllib.request

from tests.helpers.hub_process import start_hub


def test_the_hub_says_where_it_listens_answers_and_stops_cleanly(tmp_path):
    hub = start_hub(tmp_path / "hub.db")
    try:
        assert hub.url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(hub.url + "/healthz", timeout=10) as answer:
            body = json.loads(answer.read())
        assert body["ok"] is True and body["proto"] == 1
    finally:
        assert hub.stop() == 0
