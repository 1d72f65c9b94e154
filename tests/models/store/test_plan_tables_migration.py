"""Schema version 5: an older file gains the plan draft, change, release and trigger tables,
the records among them append-only from the first moment."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from models.store.database import schema_version
from models.store.schema import open_database


def test_a_version_3_file_gains_the_plan_tables_with_their_guards(tmp_path):
    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v3.sql").read_text())
    conn.commit()
    conn.close()
    db = open_database(path, now=lambda: datetime(2026, 12, 1, 8, 30))
    assert schema_version(db) >= 5
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO plan_draft (started_at, started_by, base_version, base_digest, "
                 "texts, status, open_slot, updated_at) VALUES ('2026-12-01', 'a', '', '', "
                 "'{}', 'editing', 1, '2026-12-01')")
    conn.execute("INSERT INTO plan_change (draft_id, at, by, \"where\", old, new) VALUES "
                 "(1, '2026-12-01', 'a', 'catalog.version', '\"1\"', '\"2\"')")
    conn.execute("INSERT INTO plan_trigger (at, by, kind, note) VALUES "
                 "('2026-12-01', 'a', 'law', 'x')")
    conn.commit()
    for statement in ("UPDATE plan_change SET new = '\"3\"'", "DELETE FROM plan_change",
                      "UPDATE plan_trigger SET note = 'y'", "DELETE FROM plan_trigger"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()
