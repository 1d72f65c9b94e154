"""`verify --db FILE --hub URL` against a real hub: an intact synced file passes with the
hub's seal; the forger who recomputes every hash passes `verify` and is caught with `--hub`,
naming the first link changed; a file restored from an older backup lacks what the hub
holds; records not synced yet are a note; a file never enrolled is refused."""

import sqlite3
from contextlib import closing

import pytest

import main
from models.services.sync import SyncService
from models.store.schema import open_database
from tests.helpers.forgery import put_guards_back, recompute_everything
from tests.sync.conftest import press
from tests.sync.hubs import new_code

pytestmark = pytest.mark.skipif(__import__("shutil").which("sqlite3") is None,
                                reason="needs the sqlite3 command line (Debian: sqlite3)")


def verify(capsys, db, *extra) -> tuple[int, str]:
    code = main.main(["verify", "--db", str(db), *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def synced(desk_db, desk_path, incidents, clock, hub, hub_db):
    """Five incidents, every link at the hub; the file closed as the desk leaves it."""
    press(incidents, clock, 5)
    service = SyncService(database=desk_path, now=clock.now)
    service.enrol(hub.url, new_code(hub_db), desk_name="1号台")
    engine = service.engine()
    try:
        report = engine.round()
    finally:
        engine.close()
    assert report.backlog == 0, report.error
    desk_db[0].close()
    return service.enrolment().desk_id


def test_an_intact_synced_file_holds_what_the_hub_received(synced, desk_path, hub, capsys):
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 0, out
    assert "exactly as the hub received them" in out and "hub's seal" in out


def test_the_forger_who_recomputes_everything_is_caught_only_with_the_hub(synced, desk_path,
                                                                          hub, capsys):
    removed_at = first_link_of(desk_path, incident=3)
    recompute_everything(desk_path, incident=3)
    put_guards_back(desk_path)
    code, out = verify(capsys, desk_path)
    assert code == 0, out  # every hash in the file checks
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 2
    assert f"records changed after the hub received them, from link {removed_at} " in out
    assert "incident 20261120-004" in out  # the entry that now stands at that link
    assert "Keep this file as evidence" in out


def first_link_of(path, incident: int) -> int:
    """The position of the incident's first entry in the desk-wide chain."""
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT min(l.id) FROM ledger l JOIN timeline_entry t ON "
                            "t.id = l.entry AND l.kind = 0 WHERE t.incident_id = ?",
                            (incident,)).fetchone()[0]


def test_a_file_restored_from_an_older_backup_lacks_what_the_hub_holds(
        synced, desk_path, hub, tmp_path, capsys, incidents, clock):
    import shutil

    older = tmp_path / "older.db"
    shutil.copy(desk_path, older)
    db = open_database(desk_path)
    try:
        press(incidents, clock, 1)
        service = SyncService(database=desk_path, now=clock.now)
        engine = service.engine()
        try:
            assert engine.round().backlog == 0
        finally:
            engine.close()
    finally:
        db.close()
    code, out = verify(capsys, older, "--hub", hub.url)
    assert code == 2
    assert "lacks the 2 newest records the hub holds" in out
    assert "exactly as the hub received them" in out  # what it has is intact


def test_records_not_synced_yet_are_a_note(synced, desk_path, hub, capsys, incidents, clock):
    db = open_database(desk_path)
    try:
        press(incidents, clock, 1)
    finally:
        db.close()
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 0, out
    assert "Note: the 2 newest records are not synced yet" in out


def test_a_file_never_enrolled_is_refused(desk_db, desk_path, hub, capsys):
    desk_db[0].close()
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 2 and "not enrolled at a hub" in out


def test_the_hub_away_is_exit_1(synced, desk_path, hub, capsys):
    hub.stop()
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 1 and "not compared with the hub" in out and "Traceback" not in out


def test_the_forger_who_enrols_the_file_anew_is_still_caught(synced, desk_path, hub, hub_db,
                                                             capsys, clock):
    """Re-enrolling (`sync enrol --replace`, what a restored file is told to do) pushes the
    forged chain under a new desk id; the hub still holds what the earlier enrolment sent."""
    removed_at = first_link_of(desk_path, incident=3)
    recompute_everything(desk_path, incident=3)
    put_guards_back(desk_path)
    db = open_database(desk_path)
    try:
        service = SyncService(database=desk_path, now=clock.now)
        service.enrol(hub.url, new_code(hub_db), desk_name="1号台", replace=True)
        engine = service.engine()
        try:
            assert engine.round().backlog == 0
        finally:
            engine.close()
    finally:
        db.close()
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 2, out
    assert f"records changed after the hub received them, from link {removed_at} " in out
    assert synced in out  # the earlier desk id, whose chain the hub kept


def test_a_file_restored_and_enrolled_anew_notes_what_its_earlier_enrolment_sent(
        synced, desk_path, hub, hub_db, tmp_path, capsys, incidents, clock):
    import shutil

    older = tmp_path / "older.db"
    shutil.copy(desk_path, older)
    db = open_database(desk_path)
    try:
        press(incidents, clock, 1)
        engine = SyncService(database=desk_path, now=clock.now).engine()
        try:
            assert engine.round().backlog == 0
        finally:
            engine.close()
    finally:
        db.close()
    db = open_database(older)
    try:
        service = SyncService(database=older, now=clock.now)
        service.enrol(hub.url, new_code(hub_db), desk_name="1号台", replace=True)
        engine = service.engine()
        try:
            assert engine.round().backlog == 0
        finally:
            engine.close()
    finally:
        db.close()
    code, out = verify(capsys, older, "--hub", hub.url)
    assert code == 0, out
    assert f"earlier enrolment (desk {synced})" in out
    assert "lacks the 2 newest records" in out


def test_the_forger_who_forgets_the_enrolment_and_enrols_as_a_new_desk_is_still_caught(
        synced, desk_path, hub, hub_db, capsys, clock):
    """No --replace: the forger deletes the file's enrolment and enrols it as a new desk. The
    rewritten chain still begins with the links the first enrolment sent (the forgery is
    later), which names the file at the hub."""
    removed_at = first_link_of(desk_path, incident=3)
    recompute_everything(desk_path, incident=3)
    put_guards_back(desk_path)
    with closing(sqlite3.connect(desk_path)) as conn, conn:
        conn.execute("DELETE FROM sync_state")
    db = open_database(desk_path)
    try:
        service = SyncService(database=desk_path, now=clock.now)
        service.enrol(hub.url, new_code(hub_db), desk_name="1号台")
        engine = service.engine()
        try:
            assert engine.round().backlog == 0
        finally:
            engine.close()
    finally:
        db.close()
    code, out = verify(capsys, desk_path, "--hub", hub.url)
    assert code == 2, out
    assert f"records changed after the hub received them, from link {removed_at} " in out
    assert synced in out


def test_a_file_restored_enrolled_anew_and_written_since_is_told_apart_in_words(
        synced, desk_path, hub, hub_db, tmp_path, capsys, incidents, clock):
    """Its records from the restore point differ from what the earlier enrolment sent: by
    the chain alone that is the forger's file too, so it is not passed (exit 2), and the
    message names the restore as the other reading."""
    import shutil

    older = tmp_path / "older.db"
    shutil.copy(desk_path, older)
    restored_at = first_link_of(desk_path, incident=5) + 2  # the file's head + 1
    for path, anew in ((desk_path, False), (older, True)):
        db = open_database(path)
        try:
            press(incidents, clock, 1)
            service = SyncService(database=path, now=clock.now)
            if anew:
                service.enrol(hub.url, new_code(hub_db), desk_name="1号台", replace=True)
            engine = service.engine()
            try:
                assert engine.round().backlog == 0
            finally:
                engine.close()
        finally:
            db.close()
    code, out = verify(capsys, older, "--hub", hub.url)
    assert code == 2, out
    assert f"from link {restored_at} " in out
    assert "restored from a backup older than that link and written since" in out
