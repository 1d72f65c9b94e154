"""Head office's daily log from a hub (`main.py export daily --hub URL`): every desk that
synced, each named, every row checked against its timeline as the hub holds it, each desk's
seal; a real hub process on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from models.demo import generate
from models.incidents.history import daily_log
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.helpers.hub_process import ROOT, start_hub
from tests.helpers.pdf import page_texts
from tests.office.hub_setup import enrolled, hold_desk_file

END = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
DAY = date(2026, 11, 21)


def desk_file(path, catalog, hall, desk, seed):
    """A desk's file with two busy days of generated incidents; its own daily log of DAY."""
    db = open_database(path)
    try:
        plan = record_plan_version(catalog, END)
        generate(catalog, plan, incidents=30, days=2, end=END, hall=hall, desks=(desk,),
                 seed=seed)
        return daily_log(catalog, DAY, DAY, hall=hall)
    finally:
        db.close()


def export(hub_url, token_file, out, *extra):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "daily", "--hub", hub_url,
         "--token-file", str(token_file), "--date", DAY.isoformat(), "--out", str(out), *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def hub_with_two_desks(pg_url, tmp_path, shipped_catalog):
    east = desk_file(tmp_path / "east.db", shipped_catalog, "城东营业厅", "1号台", 7)
    west = desk_file(tmp_path / "west.db", shipped_catalog, "城西营业厅", "2号台", 8)
    hold_desk_file(pg_url, tmp_path / "east.db", "1号台", "城东营业厅")
    hold_desk_file(pg_url, tmp_path / "west.db", "2号台", "城西营业厅")
    code = hub_cli("code", "--db", pg_url, "--kind", "admin", "--hall", "总部").stdout.strip()
    hub = start_hub(pg_url)
    token_file = tmp_path / "admin.token"
    made = hub_cli("admin-token", "--hub", hub.url, "--code", code, "--out", str(token_file))
    assert made.returncode == 0, made.stderr
    yield hub, token_file, east, west
    hub.stop()


def hub_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "hub", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_an_admin_token_is_kept_private_and_a_code_works_once(hub_with_two_desks, tmp_path,
                                                               pg_url):
    hub, token_file, *_ = hub_with_two_desks
    assert token_file.stat().st_mode & 0o777 == 0o600
    code = hub_cli("code", "--db", pg_url, "--kind", "admin", "--hall", "总部").stdout.strip()
    assert hub_cli("admin-token", "--hub", hub.url, "--code", code, "--out",
                   str(tmp_path / "a.token")).returncode == 0
    again = hub_cli("admin-token", "--hub", hub.url, "--code", code, "--out",
                    str(tmp_path / "b.token"))
    assert again.returncode == 2 and "bad_code" in again.stderr
    assert not (tmp_path / "b.token").exists()


def test_the_daily_log_from_a_hub_names_every_desk(hub_with_two_desks, tmp_path):
    hub, token_file, east, west = hub_with_two_desks
    out = tmp_path / "daily.pdf"
    done = export(hub.url, token_file, out)
    assert done.returncode == 0, done.stderr
    rows = len(east.rows) + len(west.rows)
    assert f"{rows} incidents and drills of 2 desks" in done.stdout
    text = "".join(page_texts(out)).replace(" ", "")
    for hall, desk, log in (("城东营业厅", "1号台", east), ("城西营业厅", "2号台", west)):
        assert f"{hall}{desk}" in text
        assert log.seal.replace(" ", "") in text  # the desk's own seal, as the hub holds it
        assert all(row.number in text for row in log.rows)
    assert "※" not in text  # every row checks against its timeline


def test_a_desk_token_may_not_read_the_history(hub_with_two_desks, tmp_path, pg_url):
    hub, token_file, *_ = hub_with_two_desks
    _, desk_token = enrolled(pg_url, name="3号台", hall="城东营业厅")
    token_file.write_text(desk_token)
    done = export(hub.url, token_file, tmp_path / "daily.pdf")
    assert done.returncode == 2 and "forbidden" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "daily.pdf").exists()


def test_no_token_file_is_said_so(tmp_path):
    done = export("http://127.0.0.1:9", tmp_path / "none.token", tmp_path / "daily.pdf")
    assert done.returncode == 2 and "Cannot read the token file" in done.stderr
