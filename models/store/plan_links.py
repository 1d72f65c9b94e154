"""The plans' acts and changes in the desk-wide chain (since schema version 6).

Every PlanRelease row (submitted, withdrawn, approved, published, discarded) and every
PlanChange row is linked, when written, into the same chain as the timeline entries
(models.store.ledger). A plan row keeps no hash of its own: its link covers the hash of the
row as stored, every column of it, and for a publishing act also the stored version it points
at (PlanVersion: version, digest, revised date and snapshot). So a row edited, removed or
slipped in outside the program breaks the chain here, and a forger who rewrites a published
plan and recomputes every hash after it changes the seal printed on the daily logs before.

`plan_link_findings` checks the plan links alone (a few hundred rows: the desk does it at
every start, models.plans.running); models.incidents.seal walks the whole chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import peewee as pw

from models.store.ledger import append_link, link_hash
from models.store.tables import bound_database

PLAN_ACT, PLAN_CHANGE, JOURNAL = 1, 2, 3  # LedgerEntry.kind
# The journal's entries (since schema version 8: models.journal) are linked the same way: a
# row without a hash of its own, its link covering every column.
KINDS = {PLAN_ACT: "plan_release", PLAN_CHANGE: "plan_change", JOURNAL: "journal_entry"}

# Each kind's rows as hashed: every column, in this order (the first is the id).
ROWS_SQL = {
    PLAN_ACT: "SELECT r.id, r.draft_id, r.act, r.at, r.by, r.version, r.digest, r.signer, "
              "r.signed_on, r.note, r.texts, r.plan_id, v.version, v.digest, v.revised, "
              "v.snapshot FROM plan_release r LEFT JOIN plan_version v ON v.id = r.plan_id",
    PLAN_CHANGE: 'SELECT id, draft_id, at, by, "where", old, new FROM plan_change',
    JOURNAL: "SELECT id, at, kind, actor, desk, incident, follows, text, data "
             "FROM journal_entry",
}


# What each finding means, in English, said of the row it names (verify and the desk's
# refusal print them after it).
PLAN_LINK_WORDS = {
    "plan_altered": "changed outside the program (its values, or for a publishing act the "
                    "texts, digest or stored version it published), or its link was",
    "plan_removed": "removed outside the program",
    "plan_unlinked": "added outside the program (not in the desk-wide chain)",
}


@dataclass(frozen=True)
class PlanLinkFinding:
    problem: str  # a key of PLAN_LINK_WORDS
    kind: int  # PLAN_ACT or PLAN_CHANGE
    row: int  # the row's id in its table
    position: int | None = None  # its link, when it has one
    act: str = ""  # a plan act's name as stored (submitted, published ...), if it is there

    def what(self) -> str:
        """The row in words: "plan act #3 (published)", "plan change #12"."""
        name = {PLAN_ACT: "plan act", PLAN_CHANGE: "plan change",
                JOURNAL: "journal entry"}.get(
            self.kind, f"a link of kind {self.kind} to row")  # a kind the program never writes
        return f"{name} #{self.row}" + (f" ({self.act})" if self.act else "")


def row_hash(values: tuple) -> str:
    """The hash of a plan row as stored: its values, as SQLite gives them, in compact JSON
    (a value of a type the program never writes is hashed by its repr: it still differs)."""
    text = json.dumps(list(values), ensure_ascii=False, separators=(",", ":"), default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chained(db: pw.Database) -> bool:
    """Whether the file links plan rows (schema version 6 on; an older file read where it
    lies has no `kind` on its links)."""
    return "kind" in {column.name for column in db.get_columns("ledger")}


def link_plan_row(kind: int, row_id: int) -> None:
    """Link a plan row just written, inside its transaction."""
    values = bound_database().execute_sql(f"{ROWS_SQL[kind]} WHERE {_id_column(kind)} = ?",
                            (row_id,)).fetchone()
    append_link(row_id, row_hash(values), kind)


def link_unlinked_plan_rows(db: pw.Database) -> int:
    """Link the plan rows written before they were linked (a file of schema version 5), in
    the order written. Returns how many."""
    linked = _linked(db)
    rows = sorted((values[_AT[kind]], kind, values[0], row_hash(values))
                  for kind in KINDS for values in _rows(db, kind)
                  if (kind, values[0]) not in linked)
    for _, kind, row_id, digest in rows:
        append_link(row_id, digest, kind)
    return len(rows)


def plan_link_findings(db: pw.Database) -> list[PlanLinkFinding]:
    """Every plan link against its row and the link before it; every plan row linked once;
    no row missing from a table (the program never deletes one, so ids run 1, 2, 3 ...)."""
    if not chained(db):
        return []
    rows = {kind: {values[0]: values for values in _rows(db, kind)} for kind in KINDS}
    findings, seen = [], set()
    # Sorted here: ordered by id in SQL, SQLite would scan every link (0.2 s on ten years'
    # records, at every start) rather than read the few plan links along the kind's index.
    links = sorted(db.execute_sql("SELECT l.id, l.kind, l.entry, l.hash, p.hash FROM ledger l "
                                  "LEFT JOIN ledger p ON p.id = l.id - 1 WHERE l.kind > 0"))
    for position, kind, row_id, digest, prev in links:
        values = rows.get(kind, {}).get(row_id)
        seen.add((kind, row_id))
        if values is None:
            findings.append(PlanLinkFinding("plan_removed", kind, row_id, position))
        elif digest != link_hash(prev or "", position, row_id, row_hash(values), kind):
            findings.append(PlanLinkFinding("plan_altered", kind, row_id, position,
                                            _act(kind, values)))
    for kind, table in rows.items():
        for row_id, values in table.items():
            if (kind, row_id) not in seen:
                findings.append(PlanLinkFinding("plan_unlinked", kind, row_id,
                                                act=_act(kind, values)))
        missing = sorted(set(range(1, max(table, default=0) + 1)) - set(table))
        findings.extend(PlanLinkFinding("plan_removed", kind, row_id) for row_id in missing
                        if (kind, row_id) not in seen)
    return findings


_AT = {PLAN_ACT: 3, PLAN_CHANGE: 2, JOURNAL: 1}  # where each kind's time written is in its row


def _id_column(kind: int) -> str:
    return "r.id" if kind == PLAN_ACT else "id"


def _rows(db: pw.Database, kind: int) -> list[tuple]:
    if not db.table_exists(KINDS[kind]):  # the journal, in a file older than version 8
        return []
    return db.execute_sql(f"{ROWS_SQL[kind]} ORDER BY {_id_column(kind)}").fetchall()


def _linked(db: pw.Database) -> set[tuple[int, int]]:
    return {tuple(row) for row in db.execute_sql("SELECT kind, entry FROM ledger WHERE kind > 0")}


def _act(kind: int, values: tuple) -> str:
    return str(values[2]) if kind == PLAN_ACT else ""

