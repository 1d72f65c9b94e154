"""Forgers of a desk's file, for the tests that prove they are caught: with the sqlite3
command line (the append-only triggers dropped first), and one who knows the algorithms and
recomputes every hash, so that every check inside the file passes. Only a copy outside the
file catches that one: the seal on paper, or the hub (`verify --hub`)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path


def sqlite(db: Path, sql: str) -> None:
    subprocess.run(["sqlite3", str(db), "DROP TRIGGER IF EXISTS timeline_no_update; "
                    "DROP TRIGGER IF EXISTS timeline_no_delete; "
                    "DROP TRIGGER IF EXISTS ledger_no_update; "
                    "DROP TRIGGER IF EXISTS ledger_no_delete; " + sql],
                   check=True, capture_output=True, timeout=60)


def put_guards_back(db: Path) -> None:
    """What a thorough forger does last: the append-only triggers created again, as the
    program creates them, so that the file's own protection shows nothing either."""
    from models.store.schema import LEDGER_GUARDS, PLAN_RECORD_GUARDS, TIMELINE_GUARDS

    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for statement in (*TIMELINE_GUARDS, *LEDGER_GUARDS, *PLAN_RECORD_GUARDS):
        if statement.split(" ON ")[1].split()[0] in tables:
            conn.execute(statement)
    conn.commit()
    conn.close()


def recompute_everything(db: Path, incident: int = 3) -> None:
    """What a forger who knows the algorithms does after deleting an incident (3): every
    incident's chain is intact anyway, and the desk-wide chain is rebuilt link by link."""
    from models.store.ledger import link_hash

    sqlite(db, f"DELETE FROM timeline_entry WHERE incident_id = {incident:d}; DELETE FROM "
               f"deadline WHERE incident_id = {incident:d}; DELETE FROM incident_fts WHERE "
               f"rowid = {incident:d}; DELETE FROM incident WHERE id = {incident:d}; "
               "DELETE FROM ledger;")
    conn = sqlite3.connect(db)
    prev = ""
    rows = conn.execute("SELECT id, hash FROM timeline_entry ORDER BY id").fetchall()
    for seq, (entry, entry_hash) in enumerate(rows, start=1):
        digest = link_hash(prev, seq, entry, entry_hash)
        conn.execute("INSERT INTO ledger (id, entry, hash) VALUES (?, ?, ?)",
                     (seq, entry, digest))
        prev = digest
    conn.commit()
    conn.close()
