"""A real version-5 file (its schema frozen in tests/models/store/data/schema_v5.sql): made
as the desk of that version left it, for the upgrade and read-where-it-lies tests."""

import sqlite3
from datetime import datetime
from pathlib import Path

from models.incidents.timeline import entry_hash
from models.store.ledger import link_hash

DATA = Path(__file__).resolve().parent.parent / "models" / "store" / "data"


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
