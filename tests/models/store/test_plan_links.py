"""A plan row's hash pinned (a change would break every stored link), each plan act and
change linked as it is written and only if it is written, and an older file's plan rows
left alone where it lies."""

import hashlib
import json
import sqlite3

import pytest

from models.plans import drafts
from models.plans.drafts import DraftRefused
from models.store.plan_links import PLAN_ACT, PLAN_CHANGE, plan_link_findings, row_hash
from models.store.tables import LedgerEntry, bound_database
from tests.models.plans.plan_drafting import EDITOR, FIRST_STEP, T0, published_draft, running


def test_a_rows_hash_is_sha256_of_its_values_as_compact_json():
    values = (3, 1, "published", "2026-12-01 11:00:00+00:00", "李主管", None, 1.5)
    text = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))
    assert row_hash(values) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_a_value_the_program_never_writes_still_hashes_and_differs():
    assert row_hash((1, b"\x00\xff")) != row_hash((1, "b'\\x00\\xff'x"))
    assert row_hash((1, "1")) != row_hash((1, 1))  # a type changed shows


def test_each_change_and_act_is_linked_as_written_in_order(desk_db):
    published_draft()
    plan_links = [(link.kind, link.entry) for link in
                  LedgerEntry.select().where(LedgerEntry.kind > 0).order_by(LedgerEntry.id)]
    assert plan_links == [(PLAN_CHANGE, 1), (PLAN_CHANGE, 2), (PLAN_ACT, 1), (PLAN_ACT, 2),
                          (PLAN_ACT, 3)]
    assert plan_link_findings(bound_database()) == []


def test_a_refused_change_links_nothing(desk_db):
    draft = drafts.open_draft(running(), EDITOR, T0)
    with pytest.raises(DraftRefused):
        drafts.change(draft, FIRST_STEP, "", EDITOR, T0)  # a step must say something
    assert LedgerEntry.select().count() == 0


def test_a_change_to_the_same_value_records_and_links_nothing(desk_db):
    draft = drafts.open_draft(running(), EDITOR, T0)
    first = running().catalog.situation("fire").steps[0].text
    assert drafts.change(draft, FIRST_STEP, first, EDITOR, T0) is None
    assert LedgerEntry.select().count() == 0


def test_an_older_file_read_where_it_lies_has_no_plan_links_to_check(tmp_path):
    from models.store.schema import open_for_reading
    from tests.helpers.version_5 import version_5_file

    path = tmp_path / "desk.db"
    version_5_file(path)
    db = open_for_reading(path)
    try:
        assert plan_link_findings(db) == []
    finally:
        db.close()
    conn = sqlite3.connect(path)
    assert "kind" not in {row[1] for row in conn.execute("PRAGMA table_info(ledger)")}
    conn.close()


def test_a_link_of_a_kind_the_program_never_writes_is_named(desk_db):
    db, _ = desk_db
    db.execute_sql("INSERT INTO ledger (id, kind, entry, hash) VALUES (1, 7, 1, 'x')")
    assert [f.what() for f in plan_link_findings(db)] == ["a link of kind 7 to row #1"]


# ---- each finding, exactly (the forgeries of tests/test_plan_forgeries.py, in the model) ----

def _forge(db, sql: str) -> None:
    """A change made outside the program: the append-only triggers dropped first."""
    for table in ("plan_change", "plan_release", "ledger"):
        for op in ("update", "delete"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {table}_no_{op}")
    db.execute_sql(sql)


def _found(db):
    return [(f.problem, f.kind, f.row, f.position, f.act, f.what())
            for f in plan_link_findings(db)]


def _position(db, kind: int, row: int) -> int:
    return db.execute_sql("SELECT id FROM ledger WHERE kind = ? AND entry = ?",
                          (kind, row)).fetchone()[0]


def test_a_change_edited_is_named_altered_at_its_link(desk_db):
    db, _ = desk_db
    published_draft()
    _forge(db, "UPDATE plan_change SET new = '\"拨打119。\"' WHERE id = 1")
    assert _found(db) == [("plan_altered", PLAN_CHANGE, 1, _position(db, PLAN_CHANGE, 1), "",
                           "plan change #1")]


def test_a_publishing_act_whose_stored_version_was_edited_is_named_with_its_act(desk_db):
    db, _ = desk_db
    published_draft()
    _forge(db, "UPDATE plan_version SET snapshot = snapshot || ' ' WHERE id = "
               "(SELECT plan_id FROM plan_release WHERE id = 3)")
    assert _found(db) == [("plan_altered", PLAN_ACT, 3, _position(db, PLAN_ACT, 3),
                           "published", "plan act #3 (published)")]


def test_a_changed_link_hash_alone_is_found_too(desk_db):
    db, _ = desk_db
    published_draft()
    position = _position(db, PLAN_ACT, 2)
    _forge(db, f"UPDATE ledger SET hash = 'x' || substr(hash, 2) WHERE id = {position}")
    found = _found(db)
    assert found[0] == ("plan_altered", PLAN_ACT, 2, position, "approved",
                        "plan act #2 (approved)")
    assert found[1][:4] == ("plan_altered", PLAN_ACT, 3, position + 1)  # the next link's prev


def test_a_row_deleted_with_its_link_kept_is_removed_at_that_link(desk_db):
    db, _ = desk_db
    published_draft()
    position = _position(db, PLAN_CHANGE, 2)
    _forge(db, "DELETE FROM plan_change WHERE id = 2")
    assert _found(db) == [("plan_removed", PLAN_CHANGE, 2, position, "", "plan change #2")]


def test_a_row_deleted_from_the_middle_with_its_link_shows_as_a_gap(desk_db):
    db, _ = desk_db
    published_draft()
    position = _position(db, PLAN_CHANGE, 1)
    _forge(db, "DELETE FROM plan_change WHERE id = 1")
    db.execute_sql(f"DELETE FROM ledger WHERE id = {position}")  # its link with it
    assert ("plan_removed", PLAN_CHANGE, 1, None, "", "plan change #1") in _found(db)


def test_a_row_slipped_in_is_named_unlinked_with_its_act(desk_db):
    db, _ = desk_db
    published_draft()
    _forge(db, "INSERT INTO plan_release (draft_id, act, at, by, version, digest, signer, "
               "note, texts) SELECT draft_id, 'published', at, by, version, digest, signer, "
               "note, texts FROM plan_release WHERE id = 3")
    assert _found(db) == [("plan_unlinked", PLAN_ACT, 4, None, "published",
                           "plan act #4 (published)")]


def test_linking_again_links_only_the_rows_without_a_link(desk_db):
    """An upgrade run a second time links nothing twice; a row left without a link (written
    by a bulk writer) is linked at the end, in order."""
    from models.store.plan_links import link_unlinked_plan_rows

    db, _ = desk_db
    published_draft()
    assert link_unlinked_plan_rows(db) == 0
    position = _position(db, PLAN_CHANGE, 2)
    db.execute_sql("DROP TRIGGER IF EXISTS ledger_no_delete")
    db.execute_sql(f"DELETE FROM ledger WHERE id > {position - 1}")  # its link and those after
    assert link_unlinked_plan_rows(db) == 4  # change 2, acts 1–3
    assert sorted((link.kind, link.entry) for link in LedgerEntry.select().where(
        LedgerEntry.id >= position)) == [
        (PLAN_ACT, 1), (PLAN_ACT, 2), (PLAN_ACT, 3), (PLAN_CHANGE, 2)]  # by time written
    assert plan_link_findings(db) == []
