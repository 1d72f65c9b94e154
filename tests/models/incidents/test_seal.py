"""The desk-wide chain and its seal at their boundaries: each link's hash, position and entry;
the seal's code, its parsing, and what a seal proves."""

from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.incidents.seal import ChainFinding, check_chain, current_seal, parse_seal, seal_code
from models.store.ledger import head, link_hash, link_unlinked
from models.store.tables import LedgerEntry, TimelineEntry, bound_database

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
DIGEST = "0123456789abcdef" + "f" * 48


@pytest.fixture
def chained(desk_db, shipped_catalog):
    """Two incidents, eleven or so entries, the guards dropped (as a forger has them)."""
    db, plan = desk_db
    for n, key in enumerate(("fire", "power_cut")):
        act = Act(Who("城东营业厅", "1号台", "张三"), T0 + timedelta(minutes=n), HolidayCalendar())
        incident = response.start_incident(shipped_catalog, plan, key, act)
        response.add_note(incident, "已处理", act)
    for statement in ("DROP TRIGGER ledger_no_update", "DROP TRIGGER ledger_no_delete",
                      "DROP TRIGGER timeline_no_update", "DROP TRIGGER timeline_no_delete"):
        db.execute_sql(statement)
    return db


def links() -> int:
    return LedgerEntry.select().count()


def test_a_seal_code_is_the_position_and_64_bits_of_the_hash():
    assert seal_code(1234, DIGEST) == "1234-0123-4567-89AB-CDEF"
    assert parse_seal(" 1234-0123-4567-89ab-cdef ") == (1234, "0123456789abcdef")


@pytest.mark.parametrize("code", ["1234-0123-4567-89AB", "1234-0123-4567-89AB-CDEF-0000",
                                  "x-0123-4567-89AB-CDEF", "1234-0123-4567-89AB-CDEG",
                                  "1234 0123 4567 89AB CDEF", ""])
def test_what_is_not_a_seal_code_is_refused(code):
    with pytest.raises(ValueError, match="not a seal code"):
        parse_seal(code)


def test_an_empty_desk_has_no_seal(desk_db):
    assert (current_seal(), head()) == ("", (0, ""))
    assert list(check_chain()) == []


def test_every_entry_is_linked_in_the_order_written(chained):
    entries = [(e.id, e.hash) for e in TimelineEntry.select().order_by(TimelineEntry.id)]
    prev = ""
    for position, (entry, digest) in enumerate(entries, start=1):
        link = LedgerEntry.get_by_id(position)
        assert (link.entry, link.hash) == (entry, link_hash(prev, position, entry, digest))
        prev = link.hash
    assert head() == (len(entries), prev)
    assert current_seal() == seal_code(len(entries), prev)
    assert list(check_chain()) == [] and list(check_chain(current_seal())) == []


def test_linking_what_is_unlinked_links_it_once(chained):
    count = links()
    chained.execute_sql("INSERT INTO timeline_entry (incident_id, at, kind, actor, desk, text, "
                        "data, prev_hash, hash) VALUES (1, '2026-11-20 03:00:00', 'note', '', "
                        "'', '', '{}', '', 'h')")
    assert list(check_chain()) == [ChainFinding("entry_unlinked")]
    assert link_unlinked(chained) == 1 and link_unlinked(chained) == 0
    assert links() == count + 1 and list(check_chain()) == []


def test_a_link_changed_breaks_it_and_the_next(chained):
    chained.execute_sql("UPDATE ledger SET hash = 'x' || substr(hash, 2) WHERE id = 3")
    assert list(check_chain()) == [ChainFinding("link_broken", 3), ChainFinding("link_broken", 4)]


def test_a_link_removed_shows_where_the_gap_is(chained):
    chained.execute_sql("DELETE FROM ledger WHERE id = 3")
    assert list(check_chain()) == [ChainFinding("link_broken", 4), ChainFinding("entry_unlinked")]


def test_the_last_link_removed_is_caught_by_the_seal(chained):
    sealed = current_seal()
    chained.execute_sql(f"DELETE FROM ledger WHERE id = {links()}")
    assert list(check_chain()) == [ChainFinding("entry_unlinked")]
    last = links() + 1
    assert ChainFinding("seal_beyond", last) in list(check_chain(sealed))


def test_an_entry_removed_or_changed_shows_at_its_link(chained):
    third = LedgerEntry.get_by_id(3).entry
    chained.execute_sql(f"DELETE FROM timeline_entry WHERE id = {third}")
    fifth = LedgerEntry.get_by_id(5).entry
    chained.execute_sql(f"UPDATE timeline_entry SET hash = 'changed' WHERE id = {fifth}")
    assert list(check_chain()) == [ChainFinding("entry_removed", 3),
                                   ChainFinding("link_broken", 5)]


def test_a_seal_holds_for_its_own_moment_and_later_records(chained, shipped_catalog):
    sealed, middle = current_seal(), seal_code(2, LedgerEntry.get_by_id(2).hash)
    response.add_note(1, "补充", Act(Who("城东营业厅", "1号台", "张三"),
                                      T0 + timedelta(minutes=9), HolidayCalendar()))
    assert list(check_chain(sealed)) == [] and list(check_chain(middle)) == []
    position = int(sealed.split("-")[0])
    wrong = seal_code(position, "1" + LedgerEntry.get_by_id(position).hash[1:])
    assert list(check_chain(wrong)) == [ChainFinding("seal_differs", position)]
    beyond = seal_code(links() + 1, DIGEST)
    assert list(check_chain(beyond)) == [ChainFinding("seal_beyond", links() + 1)]


def test_the_ledger_is_append_only_for_the_desk(desk_db, shipped_catalog):
    _, plan = desk_db
    response.start_incident(shipped_catalog, plan, "fire", Act(
        Who("城东营业厅", "1号台", "张三"), T0, HolidayCalendar()))
    for sql in ("UPDATE ledger SET hash = 'x'", "DELETE FROM ledger"):
        with pytest.raises(Exception, match="append-only"):
            bound_database().execute_sql(sql)
