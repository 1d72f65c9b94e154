"""A plans command of a newer program does not upgrade a file an (older) desk holds: that desk
would write plan acts and changes outside the desk-wide chain, and the new program would then
refuse them as edited outside it."""

import sqlite3
import subprocess
import sys

from tests.helpers.version_5 import version_5_file
from tests.test_cli import ROOT, run

HOLD = ("import sys; sys.path.insert(0, sys.argv[1]);"
        "from datetime import datetime; from pathlib import Path;"
        "from models.store.desk_lock import hold;"
        "lock = hold(Path(sys.argv[2]), holder='1号台', now=datetime.now());"
        "print('holding', flush=True); sys.stdin.readline()")


def schema_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT value FROM ed_meta WHERE key = 'schema_version'")
                   .fetchone()[0])
    finally:
        conn.close()


def test_an_older_file_a_desk_holds_is_not_upgraded_under_it(tmp_path):
    db = tmp_path / "desk.db"
    version_5_file(db)
    before = schema_version(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(ROOT), str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        status = run("plans", "status", "--db", str(db))
        assert status.returncode == 2 and "in use by another copy" in status.stderr
        assert "1号台" in status.stderr
        assert schema_version(db) == before == 5 and not list(tmp_path.glob("*.bak"))
    finally:
        holder.kill()
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    status = run("plans", "status", "--db", str(db))  # the desk closed: upgraded
    assert "in use" not in status.stderr  # (the helper's published texts are a stand-in)
    assert schema_version(db) > 5 and not (tmp_path / "desk.db.lock").exists()
