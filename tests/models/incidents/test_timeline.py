"""The timeline's hash chain: what one entry's hash covers, and how entries are linked."""

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.incidents.timeline import append_entry, entry_hash
from models.store.tables import Incident, TimelineEntry

AT = datetime(2026, 11, 20, 4, 0, 5)  # as stored: naive UTC
FIELDS = {"prev_hash": "ab" * 32, "incident_id": 7, "at": AT, "kind": "started",
          "actor": "张三", "desk": "1号台", "text": "营业场所火灾", "data": '{"level": 1}'}


def test_the_hash_is_sha256_of_the_fields_as_compact_json():
    # Stored hashes depend on this exact text: changing it breaks every recorded chain.
    text = ('["' + "ab" * 32 + '",7,"2026-11-20 04:00:05","started","张三","1号台",'
            '"营业场所火灾","{\\"level\\": 1}"]')
    assert entry_hash(**FIELDS) == hashlib.sha256(text.encode("utf-8")).hexdigest()


# Any text a clerk, a plan or a forger can put in a field: quotes, backslashes, control
# characters, line separators, CJK and emoji (lone surrogates cannot be hashed either way).
TEXT = st.text(st.characters(exclude_categories=("Cs",)))


@given(prev_hash=TEXT, incident_id=st.integers(min_value=1), at=TEXT, kind=TEXT, actor=TEXT,
       desk=TEXT, text=TEXT, data=TEXT)
def test_the_hash_is_of_exactly_what_json_dumps_writes(prev_hash, incident_id, at, kind, actor,
                                                       desk, text, data):
    fields = [prev_hash, incident_id, at, kind, actor, desk, text, data]
    written = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    assert entry_hash(*fields) == hashlib.sha256(written.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(("field", "other"), [
    ("prev_hash", "cd" * 32), ("incident_id", 8), ("at", AT + timedelta(seconds=1)),
    ("kind", "closed"), ("actor", "李四"), ("desk", "2号台"), ("text", "火灾"),
    ("data", '{"level": 2}')])
def test_the_hash_covers_every_field(field, other):
    assert entry_hash(**{**FIELDS, field: other}) != entry_hash(**FIELDS)


def head(incident: Incident) -> str:
    return Incident.get_by_id(incident.id).head_hash


def test_entries_chain_within_their_own_incident(new_incident):
    first, second = new_incident(), new_incident()
    at = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    a1 = append_entry(first, "started", at=at)
    b1 = append_entry(second, "started", at=at)
    a2 = append_entry(first, "closed", at=at + timedelta(minutes=1))
    assert (a1.prev_hash, b1.prev_hash, a2.prev_hash) == ("", "", a1.hash)
    assert (head(first), head(second)) == (a2.hash, b1.hash)


def test_an_entry_is_stored_as_hashed(new_incident):
    incident = new_incident()
    at = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)
    entry = append_entry(incident, "note", at=at, actor="张三", desk="1号台", text="备注",
                         data={"z": 1, "a": "现场"})
    stored = TimelineEntry.get_by_id(entry.id)
    assert (stored.at, stored.actor, stored.desk, stored.text) == (
        datetime(2026, 11, 20, 20, 0), "张三", "1号台", "备注")
    assert stored.data == '{"a": "现场", "z": 1}'  # sorted keys, the Chinese as it is
    assert stored.hash == entry_hash("", incident.id, stored.at, "note", "张三", "1号台", "备注",
                                     stored.data)


def test_an_entry_without_details_records_empty_ones(new_incident):
    entry = append_entry(new_incident(), "opened", at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    stored = TimelineEntry.get_by_id(entry.id)
    assert (stored.actor, stored.desk, stored.text, stored.data) == ("", "", "", "{}")


def test_the_stored_data_is_json_of_what_was_given(new_incident):
    entry = append_entry(new_incident(), "note", at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC),
                         data={"b": [1, 2], "a": None})
    assert json.loads(TimelineEntry.get_by_id(entry.id).data) == {"a": None, "b": [1, 2]}


def test_the_desk_s_time_starts_no_earlier_than_the_last_real_entry(new_incident):
    from models.incidents.timeline import last_recorded

    assert last_recorded() is None
    real, drill = new_incident(), new_incident(is_drill=True)
    first = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    append_entry(real, "started", at=first + timedelta(minutes=5))
    append_entry(real, "note", at=first)  # written last: what counts is the order written
    append_entry(drill, "note", at=first + timedelta(hours=2))  # a drill's clock ran ahead
    assert last_recorded() == first
