"""No hall's edition speaks of another kind of hall (issue 15, round 3): a bank clerk's fire
description named 影院, a cinema's natural disaster borrowed the mall's "确保商场设施安全".
The words naming each kind of hall are data (plans/editions.toml `hall_words`, and the
regulation's `other_hall_words` for the hotel no edition is); every edition × situation is
checked: its name, description, supplies, steps (text, words to say, condition) and scripts.
(Notes and sources name the documents a step comes from: attribution, not checked.)"""

from pathlib import Path

import pytest

from models.plans.catalog import About, Situation, Step
from models.plans.editions import edition_catalog

ROOT = Path(__file__).resolve().parents[3]
EDITION_KEYS = ["bank_outlet", "gov_hall", "gas_hall", "mall_desk", "cinema", "conference",
                "other"]


@pytest.fixture
def library(shipped_catalog):
    return shipped_catalog


@pytest.fixture
def editions(shipped_editions):
    return shipped_editions


def foreign_words(editions, key: str) -> set[str]:
    """The words naming every kind of hall but `key`'s own."""
    own = set(editions.get(key).hall_words)
    others = {w for e in editions.editions if e.key != key for w in e.hall_words}
    return (others | set(editions.get(key).other_hall_words)) - own


def situation_texts(sit: Situation) -> list[str]:
    texts = [sit.name, sit.short, sit.described, *sit.all_supplies, *sit.scripts]
    for step in sit.steps:
        texts += [step.text, step.condition, *step.say]
    return [t for t in texts if t]


def other_halls_named(sit: Situation, words: set[str]) -> list[tuple[str, str]]:
    return [(word, text) for text in situation_texts(sit) for word in sorted(words)
            if word in text]


def test_every_edition_names_its_kind_of_hall_and_a_word_list_is_there(editions):
    """The list the test below uses is not empty by accident."""
    assert set(editions.keys()) == set(EDITION_KEYS)
    named = [e.key for e in editions.editions if e.hall_words]
    assert named == ["bank_outlet", "gov_hall", "gas_hall", "mall_desk", "cinema", "conference"]
    assert {"影院", "商场", "银行", "燃气", "酒店"} <= foreign_words(editions, "other")
    assert "影院" not in foreign_words(editions, "cinema")


@pytest.mark.parametrize("key", EDITION_KEYS)
def test_no_edition_names_another_kind_of_hall(library, editions, key):
    catalog = edition_catalog(library, editions.get(key))
    words = foreign_words(editions, key)
    named = {sit.key: found for sit in catalog.situations
             if (found := other_halls_named(sit, words))}
    assert named == {}


def test_the_check_sees_a_word_in_each_kind_of_text():
    """Pinned at its boundary: each kind of text is read, a hall's own word is allowed."""
    words = {"商场"}
    for sit in (Situation("s", "c", "n", "n", 1, (Step("商场"),)),
                Situation("s", "c", "商场火灾", "n", 1, (Step("x"),)),
                Situation("s", "c", "n", "n", 1, (Step("x", say=("商场",)),)),
                Situation("s", "c", "n", "n", 1, (Step("x", condition="商场"),)),
                Situation("s", "c", "n", "n", 1, (Step("x"),), scripts=("商场",)),
                Situation("s", "c", "n", "n", 1, (Step("x"),), description="商场"),
                Situation("s", "c", "n", "n", 1, (Step("x"),),
                          about=(About("mall:四", text="商场"),)),
                Situation("s", "c", "n", "n", 1, (Step("x"),),
                          about=(About("mall:四", supplies=("商场",)),))):
        assert other_halls_named(sit, words), sit
    assert not other_halls_named(Situation("s", "c", "n", "n", 1, (Step("商"),)), words)
