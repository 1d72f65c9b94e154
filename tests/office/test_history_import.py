"""A desk's records as a hub holds them, rebuilt into a desk-shaped file: the daily log made
from it is the desk's own (every row, outcome, count and the seal), and an entry the hub holds
altered shows as altered."""

import sqlite3
from datetime import UTC, date, datetime

import pytest

from models.demo import generate
from models.incidents.history import daily_log
from models.incidents.verify import verify_all
from models.store.tables import reading
from models.sync.history_import import build_desk_file, desks_of

END = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
DAY = date(2026, 11, 21)


def hub_page(path, origin="d1", name="1号台"):
    """What the hub holds of the desk at `path`: its timeline entries and its chain's head,
    shaped as a page of GET /v1/history."""
    con = sqlite3.connect(path)
    events = [dict(zip(("entry", "incident", "at", "kind", "actor", "desk", "text", "data",
                        "prev", "hash"), row, strict=True)) | {"origin": origin}
              for row in con.execute("SELECT id, incident_id, at, kind, actor, desk, text, data, "
                                     "prev_hash, hash FROM timeline_entry ORDER BY id")]
    heads = [{"origin": origin, "incident": i, "number": n, "situation_name": s,
              "category_key": c, "place": p}
             for i, n, s, c, p in con.execute("SELECT id, number, situation_name, category_key, "
                                              "place FROM incident")]
    seq, link = con.execute("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1").fetchone()
    con.close()
    return {"desks": {origin: {"name": name, "hall": "城东营业厅",
                               "head": {"seq": seq, "link": link}}},
            "incidents": heads, "events": events}


@pytest.fixture
def desk_file(desk_db, shipped_catalog, tmp_path):
    plan = desk_db[1]
    generate(shipped_catalog, plan, incidents=40, days=2, end=END)
    with reading():
        log = daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    return tmp_path / "desk.db", log


def rebuilt_log(page, catalog, tmp_path):
    (desk,) = desks_of([page])
    db = build_desk_file(tmp_path / "rebuilt.db", desk, catalog, END)
    try:
        return daily_log(catalog, DAY, DAY, hall="城东营业厅"), list(verify_all())
    finally:
        db.close()


def test_the_rebuilt_file_gives_the_desks_own_daily_log(desk_file, shipped_catalog, tmp_path):
    path, own = desk_file
    page = hub_page(path)
    log, findings = rebuilt_log(page, shipped_catalog, tmp_path)
    assert own.rows and log.rows == own.rows
    assert all(row.intact for row in log.rows)
    assert (log.by_category, log.by_level) == (own.by_category, own.by_level)
    assert log.missed_or_late == own.missed_or_late and own.missed_or_late
    assert log.seal == own.seal
    assert findings == []


def test_an_entry_the_hub_holds_altered_shows(desk_file, shipped_catalog, tmp_path):
    path, own = desk_file
    page = hub_page(path)
    victim = next(e for e in page["events"] if e["kind"] == "note")
    victim["text"] += "（改）"
    log, findings = rebuilt_log(page, shipped_catalog, tmp_path)
    altered = [row.number for row in log.rows if not row.intact]
    number = next(h["number"] for h in page["incidents"] if h["incident"] == victim["incident"])
    assert [f.problem for f in findings] == ["altered"]
    assert altered == ([number] if number in [r.number for r in own.rows] else [])
