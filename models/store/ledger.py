"""Appending to the desk-wide chain (the `ledger` table): one link per timeline entry (and,
since schema version 6, per plan act and change: models.store.plan_links), in the order they
were written, each hash covering its position, what it links and the previous link's hash.
Checked, and sealed, by models.incidents.seal."""

from __future__ import annotations

import hashlib

import peewee as pw

from models.store.tables import LedgerEntry

TIMELINE = 0  # LedgerEntry.kind of a timeline entry's link (the others: plan_links.KINDS)


def link_hash(prev_hash: str, seq: int, entry_id: int, entry_hash: str,
              kind: int = TIMELINE) -> str:
    # The compact JSON of [prev_hash, seq, entry_id, entry_hash] for a timeline entry (as
    # since version 4), [prev_hash, seq, kind, entry_id, entry_hash] for the others: written
    # out, as hex digests need no escaping and verify links millions of entries.
    if not kind:  # TIMELINE
        content = f'["{prev_hash}",{seq},{entry_id},"{entry_hash}"]'
    else:
        content = f'["{prev_hash}",{seq},{kind},{entry_id},"{entry_hash}"]'
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def head() -> tuple[int, str]:
    """The newest link: (its position, its hash); (0, "") before the first."""
    row = (LedgerEntry.select(LedgerEntry.id, LedgerEntry.hash)
           .order_by(LedgerEntry.id.desc()).limit(1).first())
    return (row.id, row.hash) if row else (0, "")


def append_link(entry_id: int, entry_hash: str, kind: int = TIMELINE) -> LedgerEntry:
    """Link a row just written (inside its transaction: the write lock is held, so no other
    link can come between)."""
    seq, prev = head()
    return LedgerEntry.create(id=seq + 1, kind=kind, entry=entry_id,
                              hash=link_hash(prev, seq + 1, entry_id, entry_hash, kind))


def link_unlinked(db: pw.Database) -> int:
    """Link the entries written without a link, in the order written: all of them when the
    ledger is new (schema version 4), or what a bulk writer (demo) inserted. Returns how many."""
    seq, prev = head()
    last = db.execute_sql("SELECT coalesce(max(entry), 0) FROM ledger WHERE kind = ?",
                          (TIMELINE,)).fetchone()[0]
    rows = db.execute_sql("SELECT id, hash FROM timeline_entry WHERE id > ? ORDER BY id",
                          (last,)).fetchall()
    batch = []
    for entry_id, entry_hash in rows:
        seq += 1
        digest = link_hash(prev, seq, entry_id, entry_hash)
        batch.append((seq, entry_id, digest))
        prev = digest
    for start in range(0, len(batch), 5000):
        db.connection().executemany(
            "INSERT INTO ledger (id, entry, hash) VALUES (?, ?, ?)",
            batch[start:start + 5000])
    return len(batch)
