"""Schema version 6: a version-5 file (schema frozen in data/schema_v5.sql) with an incident
and a published plan gains kinds on its links; the plan's change and acts are linked once,
after the timeline's links, which stay as they were (a seal printed before still holds)."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from models.incidents.seal import check_chain, current_seal
from models.incidents.timeline import entry_hash
from models.store.database import schema_version
from models.store.ledger import link_hash
from models.store.plan_links import PLAN_ACT, PLAN_CHANGE, row_hash
from models.store.schema import SCHEMA_VERSION, open_database
from models.store.tables import LedgerEntry

DATA = Path(__file__).parent / "data"


def version_5_file(path: Path) -> str:
    """A version-5 file: one incident of three linked entries, a draft with one change,
    submitted, approved and published. Returns the seal its daily log printed."""
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "schema_v5.sql").read_text())
    conn.execute("INSERT INTO plan_version (version, digest, revised, first_used_at, snapshot) "
                 "VALUES ('2026.1', 'x', '2026-11-22', '2026-11-22 08:00:00', '{}')")
    prev, link = "", ""
    for n, kind in enumerate(("started", "note", "note"), start=1):
        at = datetime(2026, 11, 22, 9, n)
        digest = entry_hash(prev, 1, at, kind, "张三", "1号台", f"第{n}条", "{}")
        conn.execute("INSERT INTO timeline_entry (incident_id, at, kind, actor, desk, text, data, "
                     "prev_hash, hash) VALUES (1, ?, ?, '张三', '1号台', ?, '{}', ?, ?)",
                     (at.isoformat(sep=" "), kind, f"第{n}条", prev, digest))
        link = link_hash(link, n, n, digest)
        conn.execute("INSERT INTO ledger (id, entry, hash) VALUES (?, ?, ?)", (n, n, link))
        prev = digest
    conn.execute("INSERT INTO incident (number, situation_key, situation_name, category_key, "
                 "level, status, is_drill, started_at, hall, desk, clerk, place, description, "
                 "plan_id, updated_at, head_hash) VALUES ('20261122-001', 'fire', '火灾', "
                 "'fire_safety', 1, 'in_hand', 0, '2026-11-22 09:01:00', '城东营业厅', '1号台', "
                 "'张三', '', '', 1, '2026-11-22 09:03:00', ?)", (prev,))
    conn.execute("INSERT INTO plan_version (version, digest, revised, first_used_at, snapshot) "
                 "VALUES ('2026.2', 'd2', '2026-12-01', '2026-12-01 12:00:00', '{\"v\": 2}')")
    conn.execute("INSERT INTO plan_draft (started_at, started_by, base_version, base_digest, "
                 "texts, status, open_slot, updated_at) VALUES ('2026-12-01 09:00:00', '李主管', "
                 "'2026.1', 'x', '{}', 'published', NULL, '2026-12-01 09:00:00')")
    conn.execute("INSERT INTO plan_change (draft_id, at, by, \"where\", old, new) VALUES "
                 "(1, '2026-12-01 09:00:00', '李主管', 'catalog.version', '\"2026.1\"', "
                 "'\"2026.2\"')")
    for act, at, plan in (("submitted", "2026-12-01 09:30:00", None),
                          ("approved", "2026-12-01 10:00:00", None),
                          ("published", "2026-12-01 12:00:00", 2)):
        conn.execute("INSERT INTO plan_release (draft_id, act, at, by, version, digest, signer, "
                     "signed_on, note, texts, plan_id) VALUES (1, ?, ?, '李主管', '2026.2', 'd2', "
                     "'王经理', '2026-12-01', '', ?, ?)",
                     (act, at, '{"catalog.toml": ""}' if plan else "", plan))
    conn.commit()
    conn.close()
    return f"3-{link[:4]}-{link[4:8]}-{link[8:12]}-{link[12:16]}".upper()


def test_a_version_5_file_links_its_plan_change_and_acts_after_its_timeline(tmp_path):
    path = tmp_path / "desk.db"
    printed = version_5_file(path)
    db = open_database(path, now=lambda: datetime(2026, 12, 2, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION == 6
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
