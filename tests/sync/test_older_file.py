"""A desk file of an older version (5: before plan acts were linked, before the sync tables)
is upgraded when it enrols, and then its whole chain, timeline entries and plan links alike,
is taken by the hub and checks against it."""

import sqlite3
from contextlib import closing

from tests.helpers.version_5 import version_5_file
from tests.sync.hubs import held, new_code
from tests.test_cli import run


def test_a_version_5_file_migrates_enrols_and_syncs_all_its_links(tmp_path, hub, hub_db):
    path = tmp_path / "desk.db"
    version_5_file(path)
    result = run("sync", "enrol", "--db", str(path), "--hub", hub.url, "--code",
                 new_code(hub_db), "--desk-name", "1号台")
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("desk.v5-*.bak")), "upgraded without a backup first"
    result = run("sync", "--db", str(path))
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(path)) as conn:
        links = conn.execute("SELECT id, hash FROM ledger ORDER BY id").fetchall()
        kinds = {row[0] for row in conn.execute("SELECT DISTINCT kind FROM ledger")}
        desk_id = conn.execute("SELECT desk_id FROM sync_state").fetchone()[0]
    assert kinds == {0, 1, 2}  # the plan acts and changes were linked by the upgrade
    assert held(hub_db, desk_id) == links
    assert result.stdout.rstrip().endswith("backlog 0")
    result = run("verify", "--db", str(path), "--hub", hub.url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "exactly as the hub received them" in result.stdout
