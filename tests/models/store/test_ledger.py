"""The desk-wide chain's link hash: its exact text pinned (a change would break every stored
chain), and every part of a link covered."""

import hashlib
import json

import pytest

from models.store.ledger import link_hash

PREV, ENTRY = "a" * 64, "b" * 64


def test_a_link_hash_is_sha256_of_its_parts_as_compact_json():
    text = json.dumps([PREV, 7, 42, ENTRY], separators=(",", ":"))
    assert link_hash(PREV, 7, 42, ENTRY) == hashlib.sha256(text.encode()).hexdigest()
    assert link_hash("", 1, 1, ENTRY) == hashlib.sha256(
        json.dumps(["", 1, 1, ENTRY], separators=(",", ":")).encode()).hexdigest()


@pytest.mark.parametrize("changed", [("c" * 64, 7, 42, ENTRY), (PREV, 8, 42, ENTRY),
                                     (PREV, 7, 43, ENTRY), (PREV, 7, 42, "c" * 64)])
def test_every_part_of_a_link_is_covered(changed):
    assert link_hash(*changed) != link_hash(PREV, 7, 42, ENTRY)


def test_a_plan_rows_link_hash_also_covers_its_kind():
    text = json.dumps([PREV, 7, 1, 42, ENTRY], separators=(",", ":"))
    assert link_hash(PREV, 7, 42, ENTRY, 1) == hashlib.sha256(text.encode()).hexdigest()
    assert len({link_hash(PREV, 7, 42, ENTRY, kind) for kind in (0, 1, 2)}) == 3
