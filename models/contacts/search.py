"""Searching the directory as the clerk types: Chinese text, pinyin initials, digits.

"张" finds 张三; "zs" finds 张三 (initials in a row); "yjxz" finds 应急管理小组组长 (initials
from the first character on, skipping some: 应急…小组); "1380" and "0755-12" find numbers.
Every word of the query must match. A character with several readings (重 zhong/chong,
长 zhang/chang) matches any of them.

pypinyin takes ~0.2 s to import, so it is never loaded at start-up: `warm_up` loads it
(in a worker thread, when the directory is first shown), else the first query with a letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from models.contacts.directory import ContactView

Initials = tuple[frozenset[str], ...]  # per character: the letters its readings begin with


@dataclass(frozen=True)
class Entry:
    contact: ContactView
    text: str  # lower-cased name, role, aliases, organisation, duty, notes, labels
    digits: tuple[str, ...]  # each number's digits
    words: tuple[str, ...]  # name, role name, organisation: where initials are matched


def index(contacts: Sequence[ContactView], aliases: dict[str, tuple[str, ...]]) -> list[Entry]:
    entries = []
    for c in contacts:
        words = tuple(w for w in (c.name, c.role_name, c.organisation) if w)
        text = " ".join((*words, *aliases.get(c.role_key, ()), c.on_duty, c.notes,
                         *(p.label for p in c.phones)))
        entries.append(Entry(c, _fold(text), tuple(_digits(p.number) for p in c.phones),
                             words))
    return entries


def search(entries: Sequence[Entry], query: str) -> list[ContactView]:
    terms = _fold(query).split()
    return [e.contact for e in entries if all(_matches(e, t) for t in terms)]


def _matches(entry: Entry, term: str) -> bool:
    if term in entry.text:
        return True
    digits = _digits(term)
    if digits and len(digits) == len(term.replace("-", "").replace("+", "")):
        return any(digits in d for d in entry.digits)
    if term.isascii() and term.isalpha():
        return any(initials_match(initials(w), term) for w in entry.words)
    return False


def initials_match(word: Initials, letters: str) -> bool:
    """Letters in a row anywhere in the word, or in order from its first character on."""
    n = len(letters)
    for start in range(len(word) - n + 1):
        if all(letters[k] in word[start + k] for k in range(n)):
            return True
    if not word or letters[0] not in word[0]:
        return False
    position = 1
    for letter in letters[1:]:
        while position < len(word) and letter not in word[position]:
            position += 1
        if position == len(word):
            return False
        position += 1
    return True


def warm_up() -> None:
    """Load pypinyin's tables ahead of the first query (safe to run in a thread)."""
    _char_initials("张")


def initials(word: str) -> Initials:
    return tuple(_char_initials(ch) for ch in word)


@cache
def _char_initials(ch: str) -> frozenset[str]:
    if ch.isascii():
        return frozenset(ch.lower()) if ch.isalnum() else frozenset()
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    letters = {r[0].lower() for group in readings for r in group if r and r[0].isascii()}
    return frozenset(letters)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
