"""The journal: each entry linked into the desk-wide chain as it is written, read back as
written, append-only in SQLite, and a row changed, removed or slipped in outside the program
found by `verify` (the real command on the real file)."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.journal import book
from models.store.plan_links import JOURNAL, plan_link_findings
from models.store.tables import LedgerEntry, bound_database

T0 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[3]


def _two_entries():
    call = book.append("duty_call", at=T0, actor="张三", desk="1号台", text="区应急局来电",
                       data={"caller_unit": "区应急局", "content": "询问停电情况"})
    answer = book.append("duty_call_told", at=T0 + timedelta(minutes=3), actor="张三",
                         follows=call.id, incident=7, data={"told": "王经理"})
    return call, answer


def test_entries_are_linked_in_the_order_written_and_read_back_as_written(desk_db):
    call, answer = _two_entries()
    links = [(link.kind, link.entry) for link in LedgerEntry.select().order_by(LedgerEntry.id)]
    assert links == [(JOURNAL, call.id), (JOURNAL, answer.id)]
    assert book.entries() == [call, answer]
    assert book.entry(call.id).data == {"caller_unit": "区应急局", "content": "询问停电情况"}
    assert book.entry(call.id).at == T0
    assert plan_link_findings(bound_database()) == []


def test_entries_are_chosen_by_kind_time_incident_and_what_they_follow(desk_db):
    call, answer = _two_entries()
    assert book.entries(("duty_call",)) == [call]
    assert book.entries(since=T0 + timedelta(minutes=3)) == [answer]  # since: inclusive
    assert book.entries(until=T0 + timedelta(minutes=3)) == [call]  # until: exclusive
    assert book.entries(incident=7) == [answer]
    assert book.entries(follows=call.id) == [answer]
    assert book.last_written() == T0 + timedelta(minutes=3)


def test_a_kind_too_long_or_empty_is_refused_and_writes_nothing(desk_db):
    for kind in ("", "k" * (book.KIND_MAX + 1)):
        with pytest.raises(ValueError):
            book.append(kind, at=T0)
    with pytest.raises(ValueError):
        book.append("note", at=T0, text="字" * (book.TEXT_MAX + 1))
    book.append("k" * book.KIND_MAX, at=T0, text="字" * book.TEXT_MAX)  # the limits themselves
    assert LedgerEntry.select().count() == 1


def test_sqlite_itself_refuses_to_change_or_delete_an_entry(desk_db):
    db, _ = desk_db
    _two_entries()
    for sql in ("UPDATE journal_entry SET text = 'x'", "DELETE FROM journal_entry"):
        with pytest.raises(Exception, match="append-only"):
            db.execute_sql(sql)


def _verify(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "verify", "--db", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("forgery, named", [
    ("UPDATE journal_entry SET data = replace(data, '询问', '没有') WHERE id = 1",
     "journal entry #1"),
    ("DELETE FROM journal_entry WHERE id = 1", "journal entry #1"),
    ("INSERT INTO journal_entry (at, kind, actor, desk, text, data) VALUES "
     "('2026-12-01 09:31:00', 'duty_call', '张三', '', '补记', '{}')", "journal entry #3"),
])
def test_a_row_edited_with_sqlite3_is_found_by_verify(desk_db, forgery, named):
    db, _ = desk_db
    _two_entries()
    path = Path(db.database)
    db.close()
    intact = _verify(path)
    assert intact.returncode == 0 and "2 journal entries, all intact" in intact.stdout
    conn = sqlite3.connect(path)
    conn.executescript("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
    conn.execute(forgery)
    conn.commit()
    conn.close()
    result = _verify(path)
    assert result.returncode != 0
    assert named in result.stdout + result.stderr
