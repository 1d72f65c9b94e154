import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import peewee as pw
import pytest

from models.plans.versions import record_plan_version
from models.store import database
from models.store.database import DatabaseRefused, MetaEntry, Schema, schema_version
from models.store.schema import ALL_MODELS, SCHEMA_VERSION, open_database
from models.store.tables import Incident, PlanVersion, TimelineEntry

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_wal_full_sync_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "sub" / "desk.db")
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(db) == SCHEMA_VERSION
    db.close()


def test_reopening_keeps_data(tmp_path, catalog_dir):
    from models.plans.loader import load_catalog

    path = tmp_path / "desk.db"
    db = open_database(path)
    record_plan_version(load_catalog(catalog_dir), NOW)
    db.close()
    db = open_database(path)
    assert PlanVersion.select().count() == 1
    db.close()


def test_plan_version_recorded_once_per_content(tmp_path, catalog_dir):
    from models.plans.loader import load_catalog

    db = open_database(tmp_path / "desk.db")
    catalog = load_catalog(catalog_dir)
    first = record_plan_version(catalog, NOW)
    assert record_plan_version(catalog, NOW).id == first.id
    text = (catalog_dir / "catalog.toml").read_text(encoding="utf-8")
    (catalog_dir / "catalog.toml").write_text(text.replace("拨打119", "立即拨打119"), "utf-8")
    second = record_plan_version(load_catalog(catalog_dir), NOW)
    assert second.id != first.id
    assert "拨打119报警" in PlanVersion.get_by_id(first.id).snapshot  # old text stays readable
    db.close()


def test_timeline_is_append_only_in_the_database(tmp_path, catalog_dir):
    from models.plans.loader import load_catalog

    db = open_database(tmp_path / "desk.db")
    plan = record_plan_version(load_catalog(catalog_dir), NOW)
    incident = Incident.create(number="20261120-001", situation_key="fire", situation_name="火灾",
                               category_key="f",
                               level=1, started_at=NOW, plan=plan, updated_at=NOW)
    entry = TimelineEntry.create(incident=incident, at=NOW, kind="start", hash="x")
    with pytest.raises(pw.IntegrityError, match="append-only"):
        TimelineEntry.update(text="changed").where(TimelineEntry.id == entry.id).execute()
    with pytest.raises(pw.IntegrityError, match="append-only"):
        entry.delete_instance()
    db.close()


def write_foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    write_foreign_sqlite(path)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not an SQLite file"):
        open_database(path)
    assert digest(path) == before


def test_damaged_database_is_refused_untouched(tmp_path):
    path = tmp_path / "desk.db"
    db = open_database(path)
    db.execute_sql("PRAGMA journal_mode=delete")  # fold the WAL into the main file
    db.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="damaged"):
        open_database(path)
    assert digest(path) == before


def test_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "desk.db"
    db = open_database(path)
    MetaEntry.replace(key="schema_version", value=str(SCHEMA_VERSION + 5)).execute()
    db.execute_sql("PRAGMA journal_mode=delete")
    db.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer version"):
        open_database(path)
    assert digest(path) == before


def test_folder_or_unwritable_place_gives_clear_message(tmp_path):
    with pytest.raises(DatabaseRefused, match="is a folder"):
        open_database(tmp_path)
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(DatabaseRefused, match="Cannot open or create"):
        open_database(blocked / "desk.db")


def add_note_column(db):
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = SchemaMigrator.from_database(db)
    migrate(migrator.add_column("incident", "note_v2", pw.TextField(default="")))


def with_migrations(path, migrations, **kw):
    """Today's tables with a made-up list of migrations (version = len + 1)."""
    return database.open_database(path, Schema(ALL_MODELS, tuple(migrations)), **kw)


def test_old_version_is_backed_up_then_migrated(tmp_path, catalog_dir):
    from models.plans.loader import load_catalog

    path = tmp_path / "desk.db"
    db = with_migrations(path, [])  # today's tables as "version 1" for this test
    plan = record_plan_version(load_catalog(catalog_dir), NOW)
    Incident.create(number="20261120-001", situation_key="fire", situation_name="火灾",
                    category_key="f", level=1,
                    started_at=NOW, plan=plan, updated_at=NOW)
    db.close()
    stamp = datetime(2026, 11, 21, 8, 30)
    db = with_migrations(path, [add_note_column], now=lambda: stamp)
    assert schema_version(db) == 2
    columns = {c.name for c in db.get_columns("incident")}
    assert "note_v2" in columns
    assert Incident.select().count() == 1
    db.close()
    backup = tmp_path / "desk.v1-20261121-083000.bak"
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT value FROM ed_meta WHERE key='schema_version'").fetchone() == ("1",)
    assert conn.execute("SELECT count(*) FROM incident").fetchone() == (1,)
    conn.close()


def test_failed_migration_leaves_version_and_data(tmp_path):
    path = tmp_path / "desk.db"
    with_migrations(path, []).close()

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (id INTEGER)")
        raise RuntimeError("boom")

    with pytest.raises(DatabaseRefused, match="Nothing was changed"):
        with_migrations(path, [broken])
    db = with_migrations(path, [])
    assert schema_version(db) == 1
    assert "half_done" not in db.get_tables()
    db.close()


def test_a_version_1_database_migrates_to_drill_reports_and_plan_approvals(tmp_path,
                                                                         shipped_catalog):
    """A real version-1 file (schema frozen in tests/models/data/schema_v1.sql) with a drill
    run and a training record: backed up, migrated, nothing lost, the new parts usable."""
    from models.plans.revisions import record_approval, revisions
    from models.store.tables import DrillRun, TrainingRecord

    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v1.sql").read_text())
    conn.execute("INSERT INTO drill_run (scenario_key, title, trainer, rate, started_at, "
                 "ended_at, score, report) VALUES ('robbery', '营业厅抢劫应对', '王教员', 10, "
                 "'2026-11-01 02:00:00', '2026-11-01 02:10:00', 60, '')")
    conn.execute("INSERT INTO training_record (kind, held_on, topic, trainer, attendees, notes)"
                 " VALUES ('drill', '2026-11-01', '营业厅抢劫应对', '王教员', '张三', '')")
    conn.commit()
    conn.close()
    db = open_database(path, now=lambda: datetime(2026, 11, 21, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION  # every migration since, in order
    run = DrillRun.get()
    assert (run.title, run.score, run.scenario, run.shown, run.plan_id) == (
        "营业厅抢劫应对", 60, "", "[]", None)
    assert TrainingRecord.get().drill_run is None
    plan = record_plan_version(shipped_catalog, NOW)
    record_approval(plan, reviewer="李主管", approved_by="王经理",
                    approved_on=datetime(2026, 11, 25).date(), note="", recorded_by="张三",
                    now=NOW, today=datetime(2026, 11, 25).date())
    assert revisions(shipped_catalog)[0].approvals[0].approved_by == "王经理"
    db.close()
    assert (tmp_path / "desk.v1-20261121-083000.bak").exists()


def test_a_version_2_database_gains_quick_note_drafts(tmp_path, shipped_catalog):
    """A real version-2 file (tests/models/data/schema_v2.sql) with an incident: backed up,
    migrated, the incident kept, and a quick note typed for it survives as a draft."""
    from models.incidents.drafts import note_draft, save_note_draft

    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v2.sql").read_text())
    conn.execute("INSERT INTO plan_version (version, digest, revised, first_used_at, snapshot) "
                 "VALUES ('2026.1', 'x', '2026-11-22', '2026-11-22 08:00:00', '{}')")
    conn.execute("INSERT INTO incident (number, situation_key, situation_name, category_key, "
                 "level, status, is_drill, started_at, hall, desk, clerk, place, description, "
                 "plan_id, updated_at, head_hash) VALUES ('20261122-001', 'fire', '营业场所发生"
                 "火灾', 'fire_safety', 1, 'in_hand', 0, '2026-11-22 09:00:00', '城东营业厅', "
                 "'1号台', '张三', '', '', 1, '2026-11-22 09:00:00', '')")
    conn.commit()
    conn.close()
    db = open_database(path, now=lambda: datetime(2026, 11, 23, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION == 8
    save_note_draft(1, "二楼东侧冒烟", NOW)
    assert note_draft(1) == "二楼东侧冒烟"
    db.close()
    assert (tmp_path / "desk.v2-20261123-083000.bak").exists()


def write_foreign_wal_sqlite(path: Path) -> None:
    """Another program's database in WAL mode, closed (SQLite removed its -wal and -shm)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


def newer_wal_database(path: Path) -> None:
    db = open_database(path)
    MetaEntry.replace(key="schema_version", value=str(SCHEMA_VERSION + 1)).execute()
    db.close()


@pytest.mark.parametrize("make, problem", [(write_foreign_wal_sqlite, "another program"),
                                           (newer_wal_database, "newer version")])
def test_refusing_a_wal_file_leaves_the_folder_as_it_was(tmp_path, make, problem):
    path = tmp_path / "desk.db"
    make(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]
    before = digest(path)
    with pytest.raises(DatabaseRefused, match=problem):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]  # no -wal, no -shm
    assert digest(path) == before


def test_refusing_a_file_in_use_leaves_its_sidecars_to_its_program(tmp_path):
    """Another program has the file open: its -wal and -shm stay, and it goes on working."""
    path = tmp_path / "other.db"
    write_foreign_wal_sqlite(path)
    other = sqlite3.connect(path)
    other.execute("INSERT INTO customers (name) VALUES ('张三')")
    other.commit()  # the row is in other.db-wal, not yet in other.db
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db", "other.db-shm",
                                                         "other.db-wal"]
    other.execute("INSERT INTO customers (name) VALUES ('李四')")
    other.commit()
    other.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM customers").fetchone() == (2,)
    conn.close()


@pytest.mark.parametrize("pragma", ["user_version = 7", "application_id = 1234"])
def test_sqlite_file_without_tables_but_marked_by_another_program_is_refused(tmp_path, pragma):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA {pragma}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_sqlite_file_with_only_a_view_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW answer AS SELECT 42")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(path)
    assert digest(path) == before


def test_empty_sqlite_file_becomes_our_database(tmp_path):
    path = tmp_path / "new.db"
    sqlite3.connect(path).execute("VACUUM").connection.close()  # a valid file, nothing in it
    db = open_database(path)
    assert schema_version(db) == SCHEMA_VERSION
    db.close()


def test_refusing_a_damaged_wal_file_leaves_the_folder_as_it_was(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path).close()  # WAL mode in the header; SQLite removed the sidecars
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseRefused, match="damaged"):
        open_database(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desk.db"]
    assert path.read_bytes() == bytes(data)


def test_a_version_3_database_gains_the_desk_wide_chain_over_what_it_holds(tmp_path):
    """A real version-3 file (schema frozen in data/schema_v3.sql) with an incident of three
    entries: backed up, migrated, every entry linked in the order written, the seal set."""
    from models.incidents.seal import check_chain, current_seal
    from models.incidents.timeline import entry_hash
    from models.store.ledger import link_hash
    from models.store.tables import LedgerEntry

    path = tmp_path / "desk.db"
    conn = sqlite3.connect(path)
    conn.executescript((Path(__file__).parent / "data" / "schema_v3.sql").read_text())
    conn.execute("INSERT INTO plan_version (version, digest, revised, first_used_at, snapshot) "
                 "VALUES ('2026.1', 'x', '2026-11-22', '2026-11-22 08:00:00', '{}')")
    prev = ""
    for n, kind in enumerate(("started", "note", "note"), start=1):
        at = datetime(2026, 11, 22, 9, n)
        digest = entry_hash(prev, 1, at, kind, "张三", "1号台", f"第{n}条", "{}")
        conn.execute("INSERT INTO timeline_entry (incident_id, at, kind, actor, desk, text, data, "
                     "prev_hash, hash) VALUES (1, ?, ?, '张三', '1号台', ?, '{}', ?, ?)",
                     (at.isoformat(sep=" "), kind, f"第{n}条", prev, digest))
        prev = digest
    conn.execute("INSERT INTO incident (number, situation_key, situation_name, category_key, "
                 "level, status, is_drill, started_at, hall, desk, clerk, place, description, "
                 "plan_id, updated_at, head_hash) VALUES ('20261122-001', 'fire', '火灾', "
                 "'fire_safety', 1, 'in_hand', 0, '2026-11-22 09:01:00', '城东营业厅', '1号台', "
                 "'张三', '', '', 1, '2026-11-22 09:03:00', ?)", (prev,))
    conn.commit()
    conn.close()
    db = open_database(path, now=lambda: datetime(2026, 11, 23, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION == 8
    links = list(LedgerEntry.select().order_by(LedgerEntry.id))
    entries = [e.id for e in TimelineEntry.select().order_by(TimelineEntry.id)]
    assert [link.entry for link in links] == entries and [link.id for link in links] == [1, 2, 3]
    third = TimelineEntry.get_by_id(entries[2])
    assert links[2].hash == link_hash(links[1].hash, 3, entries[2], third.hash)
    assert list(check_chain()) == []
    assert current_seal().startswith("3-")
    db.close()
    assert (tmp_path / "desk.v3-20261123-083000.bak").exists()


def test_a_version_6_database_gains_the_sync_tables_and_keeps_its_chain(tmp_path):
    """A file as version 6 left it (no sync tables): upgraded to 7 with its links as they
    were, not enrolled anywhere, and nothing applied from a hub yet."""
    from models.store.tables import AppliedHubEvent, LedgerEntry, SyncState

    path = tmp_path / "desk.db"
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE sync_state; DROP TABLE applied_hub_event;")
    conn.execute("UPDATE ed_meta SET value = '6' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    db = open_database(path, now=lambda: datetime(2026, 12, 1, 8, 30))
    assert schema_version(db) == SCHEMA_VERSION == 8
    assert SyncState.select().count() == 0 and AppliedHubEvent.select().count() == 0
    assert LedgerEntry.select().count() == 0
