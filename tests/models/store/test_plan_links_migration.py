"""Schema version 6: a version-5 file (schema frozen in data/schema_v5.sql) with an incident
and a published plan gains kinds on its links; the plan's change and acts are linked once,
after the timeline's links, which stay as they were (a seal printed before still holds)."""

import sqlite3
from datetime import datetime

import pytest

from models.incidents.seal import check_chain, current_seal
from models.store.database import schema_version
from models.store.ledger import link_hash
from models.store.plan_links import PLAN_ACT, PLAN_CHANGE, row_hash
from models.store.schema import SCHEMA_VERSION, open_database
from models.store.tables import LedgerEntry
from tests.helpers.version_5 import version_5_file


def test_a_version_5_file_links_its_plan_change_and_acts_after_its_timeline(tmp_path):
    path = tmp_path / "desk.db"
    printed = version_5_file(path)
    db = open_database(path, now=lambda: datetime(2026, 12, 2, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION == 8
    links = [(link.id, link.kind, link.entry) for link in LedgerEntry.select().order_by(
        LedgerEntry.id)]
    # the timeline's links as they were; then the change and the acts, in the order written
    assert links == [(1, 0, 1), (2, 0, 2), (3, 0, 3), (4, PLAN_CHANGE, 1), (5, PLAN_ACT, 1),
                     (6, PLAN_ACT, 2), (7, PLAN_ACT, 3)]
    published = db.execute_sql(
        "SELECT r.id, r.draft_id, r.act, r.at, r.by, r.version, r.digest, r.signer, "
        "r.signed_on, r.note, r.texts, r.plan_id, v.version, v.digest, v.revised, v.snapshot "
        "FROM plan_release r JOIN plan_version v ON v.id = r.plan_id").fetchone()
    assert LedgerEntry.get_by_id(7).hash == link_hash(LedgerEntry.get_by_id(6).hash, 7, 3,
                                                      row_hash(published), PLAN_ACT)
    assert list(check_chain(printed)) == []  # the seal printed before the upgrade still holds
    assert current_seal().startswith("7-")
    db.close()
    assert (tmp_path / "desk.v5-20261202-083000.bak").exists()
    again = open_database(path)  # linked once: opening again adds nothing
    assert LedgerEntry.select().count() == 7
    again.close()


def test_the_upgraded_links_are_unique_per_kind_and_still_append_only(tmp_path):
    path = tmp_path / "desk.db"
    version_5_file(path)
    open_database(path).close()
    conn = sqlite3.connect(path)
    indexes = {row[1]: row[2] for row in conn.execute("PRAGMA index_list(ledger)")}
    assert indexes == {"ledger_kind_entry": 1}  # timeline entry 1 and plan act 1 both linked
    for statement in ("INSERT INTO ledger (id, kind, entry, hash) VALUES (8, 1, 1, 'x')",
                      "INSERT INTO ledger (id, entry, hash) VALUES (8, 2, 'x')"):
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            conn.execute(statement)
    for statement in ("UPDATE ledger SET kind = 0", "DELETE FROM ledger WHERE kind > 0"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()
