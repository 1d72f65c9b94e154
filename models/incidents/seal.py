"""The desk-wide chain checked, and its seal: the anchor of the records outside the file.

Every timeline entry, and every act and change of the plans, is linked, in the order written,
into one chain (models.store.ledger, models.store.plan_links). Checking it finds an entry
removed with its whole incident, an entry slipped in without a link, links removed or
reordered, and a plan act or change (or a published plan's texts and stored version) edited,
removed or slipped in. A forger who rewrites the file and recomputes every hash
makes a chain that checks — but its newest hash is no longer the one printed as the seal code
on a daily log signed before: `verify --seal CODE` compares the chain with that paper.

A seal code reads `1234-9F3A-07C2-D1E8-44B0`: the position of the newest link, then the first
64 bits of its hash (too many to forge a match by trying).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from models.store.ledger import TIMELINE, head, link_hash
from models.store.plan_links import PLAN_LINK_WORDS, chained, plan_link_findings
from models.store.tables import bound_database

SEAL = re.compile(r"^\s*(\d+)-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{4})-([0-9A-F]{4})\s*$",
                  re.IGNORECASE)

# What each finding about the desk-wide chain means, in English (as verify prints it).
CHAIN_WORDS = {
    "link_broken": "the desk-wide chain is broken here: links, or the entries they link, were "
                   "removed, inserted or changed",
    "entry_removed": "the timeline entry it links was removed (with its incident, perhaps)",
    "entry_unlinked": "timeline entries were added outside the program (not in the chain)",
    "seal_differs": "the file no longer holds what the seal sealed: the records up to it "
                    "were changed after it was printed",
    "seal_beyond": "the seal is newer than anything in the file: records were removed",
    **PLAN_LINK_WORDS,  # said of the plan act or change named
}


@dataclass(frozen=True)
class ChainFinding:
    problem: str  # a key of CHAIN_WORDS
    position: int | None = None  # the link, counted from 1 in the order written
    what: str = ""  # the plan act or change it is about: "plan act #3 (published)"


def seal_code(position: int, digest: str) -> str:
    h = digest[:16].upper()
    return f"{position}-{h[0:4]}-{h[4:8]}-{h[8:12]}-{h[12:16]}"


def current_seal() -> str:
    """The seal of everything the file holds now; "" for a desk that has recorded nothing."""
    position, digest = head()
    return seal_code(position, digest) if position else ""


def parse_seal(code: str) -> tuple[int, str]:
    """(position, first 16 hex digits) of a seal code; ValueError saying what is wrong."""
    match = SEAL.match(code)
    if not match:
        raise ValueError(f"'{code}' is not a seal code (it looks like 1234-9F3A-07C2-D1E8-44B0)")
    return int(match[1]), "".join(match.groups()[1:]).lower()


def check_chain(seal: str = "") -> Iterator[ChainFinding]:
    """Walk the whole chain once, in order (plain rows: fast on ten years of records). The
    plan rows' links are checked apart, all together (models.store.plan_links)."""
    sealed = parse_seal(seal) if seal else None
    db = bound_database()
    prev, expected, seal_seen = "", 1, False
    kinds = chained(db)  # a file older than version 6 has none: timeline entries only
    kind = "l.kind" if kinds else str(TIMELINE)
    rows = db.execute_sql(f"SELECT l.id, l.entry, l.hash, t.hash, {kind} FROM ledger l "
                          f"LEFT JOIN timeline_entry t ON t.id = l.entry AND {kind} = {TIMELINE} "
                          "ORDER BY l.id")
    for position, entry, digest, entry_hash, link_kind in rows:
        if entry_hash is None:  # no timeline entry: removed, or a plan row's link
            if link_kind == TIMELINE:
                yield ChainFinding("entry_removed", position)
            elif position != expected:  # the link itself: plan_link_findings below
                yield ChainFinding("link_broken", position)
        elif position != expected or digest != link_hash(prev, position, entry, entry_hash):
            yield ChainFinding("link_broken", position)
        if sealed and position == sealed[0]:
            seal_seen = True
            if not digest.startswith(sealed[1]):
                yield ChainFinding("seal_differs", position)
        prev, expected = digest, position + 1
    for finding in plan_link_findings(db):
        yield ChainFinding(finding.problem, finding.position, finding.what())
    unlinked = db.execute_sql("SELECT count(*) FROM timeline_entry WHERE id NOT IN (SELECT "
                              f"entry FROM ledger l WHERE {kind} = {TIMELINE})").fetchone()[0]
    if unlinked:
        yield ChainFinding("entry_unlinked")
    if sealed and not seal_seen:
        yield ChainFinding("seal_beyond", sealed[0])
