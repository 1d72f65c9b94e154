"""A desk's records as the hub holds them, rebuilt into a desk-shaped SQLite file, so the
desk's own daily log and checks run on them unchanged (head office's `export daily --hub`).

The hub holds each desk's timeline entries exactly as hashed, with their original ids, and
the desk's chain links. Here they become the file the desk would have: the timeline entries
(original ids, so every hash checks), the incidents and their deadlines, records and
amendments as the entries tell them (the same reading as models.incidents.verify: a
rebuilt file passes verify by construction, and an entry the hub holds altered shows as
altered), and the chain's head link at its own position, so the seal is the desk's own.

What the entries do not tell is taken from the incident's head the hub keeps (its number,
situation name and category; models.sync.protocol), else from the catalog.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from models.clock.clocks import to_db
from models.incidents.deadlines import timers_of
from models.incidents.lifecycle import FINAL, ActionRefused, status_after
from models.incidents.verify import _deadlines_told  # the one reading of deadline entries
from models.plans.catalog import Catalog
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from models.store.tables import transaction

ENTRY_FIELDS = ("entry", "incident", "at", "kind", "actor", "desk", "text", "data", "prev",
                "hash")


@dataclass
class DeskHistory:
    """One desk's part of a hub's history: its entries in its own order."""

    origin: str  # the desk's id at the hub
    name: str
    hall: str
    head: tuple[int, str] = (0, "")  # the chain's head the hub holds: position, link hash
    heads: dict[int, dict] = field(default_factory=dict)  # incident id -> its head at the hub
    entries: list[dict] = field(default_factory=list)  # ENTRY_FIELDS, oldest first


def desks_of(pages: Iterable[dict]) -> list[DeskHistory]:
    """The pages of `GET /v1/history`, gathered per desk (desks in the order first seen)."""
    desks: dict[str, DeskHistory] = {}
    for page in pages:
        for origin, desk in page.get("desks", {}).items():
            head = desk.get("head") or {}
            desks.setdefault(origin, DeskHistory(origin, desk.get("name", ""),
                                                 desk.get("hall", ""),
                                                 (head.get("seq", 0), head.get("link", ""))))
        for head in page.get("incidents", ()):
            desks[head["origin"]].heads[head["incident"]] = head
        for event in page.get("events", ()):
            desks[event["origin"]].entries.append(event)
    for desk in desks.values():
        desk.entries.sort(key=lambda e: e["entry"])
    return list(desks.values())


def build_desk_file(path: Path, desk: DeskHistory, catalog: Catalog, now: datetime):
    """The desk's records rebuilt at `path` (a new file); returns the open database."""
    db = open_database(path)
    by_incident: dict[int, list[tuple]] = {}
    for e in desk.entries:
        by_incident.setdefault(e["incident"], []).append(
            (e["incident"], e["entry"], e["at"], e["kind"], e["actor"], e["desk"], e["text"],
             e["data"], e["prev"], e["hash"]))
    with transaction():
        plan_id = record_plan_version(catalog, now).id
        for incident_id, rows in sorted(by_incident.items()):
            _incident(db, incident_id, rows, desk, catalog, plan_id)
            db.execute_sql(
                "INSERT INTO timeline_entry (incident_id, id, at, kind, actor, desk, text, "
                "data, prev_hash, hash) VALUES " + _marks(len(rows), 10),
                [value for row in rows for value in row])
        if desk.head[0]:
            db.execute_sql("INSERT INTO ledger (id, kind, entry, hash) VALUES (?, 0, 0, ?)",
                           desk.head)
    return db


def _marks(rows: int, columns: int) -> str:
    one = "(" + ", ".join("?" * columns) + ")"
    return ", ".join([one] * rows)


def _incident(db, incident_id: int, rows: list[tuple], desk: DeskHistory, catalog: Catalog,
              plan_id: int) -> None:
    head = desk.heads.get(incident_id, {})
    first = rows[0]
    started = json.loads(first[7] or "{}") if first[3] == "started" else {}
    drill = bool(started.get("drill", head.get("is_drill", False)))
    said = _said(rows)
    situation = said["situation"] or head.get("situation_key", "")
    level = said["level"] if said["level"] is not None else head.get("level", 0)
    try:
        status = status_after((r[3] for r in rows), drill=drill)
    except ActionRefused:
        status = head.get("status", "open")
    known = catalog.situation(situation) if _has(catalog, situation) else None
    db.execute_sql(
        "INSERT INTO incident (id, number, situation_key, situation_name, category_key, level, "
        "status, is_drill, started_at, hall, desk, clerk, place, description, plan_id, "
        "updated_at, closed_at, head_hash) VALUES " + _marks(1, 18),
        (incident_id, head.get("number") or f"{desk.name}-{incident_id}", situation,
         head.get("situation_name") or (known.name if known else situation),
         head.get("category_key") or (known.category if known else ""), level, status, drill,
         first[2], started.get("hall", desk.hall), first[5], first[4],
         _place(said["record"], head), "", plan_id, rows[-1][2], said["closed_at"],
         rows[-1][9]))
    if said["record"] is not None:
        db.execute_sql("INSERT INTO record_data (incident_id, data, saved_at, saved_by) "
                       "VALUES (?, ?, ?, ?)", (incident_id, json.dumps(
                           said["record"], ensure_ascii=False), said["saved"][0], said["saved"][1]))
    for at, by, data in said["amended"]:
        db.execute_sql("INSERT INTO amendment (incident_id, at, by, field, reason, old, new) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (incident_id, at, by, data.get("field", ""), "", data.get("old", ""),
                        data.get("new", "")))
    _deadlines(db, incident_id, rows, catalog, situation, level, status in FINAL)


def _place(record: dict | None, head: dict) -> str:
    """Where it happened: as the record last saved says, else as the hub's head keeps it."""
    return str((record or {}).get("place") or head.get("place", ""))[:500]


def _has(catalog: Catalog, situation: str) -> bool:
    try:
        catalog.situation(situation)
    except (KeyError, LookupError):
        return False
    return True


def _said(rows: list[tuple]) -> dict:
    """What the entries say the incident is (as models.incidents.verify._facts reads them)."""
    said = {"level": None, "situation": None, "record": None, "saved": None,
            "closed_at": None, "amended": []}
    for _, _, at, kind, actor, _, _, data, _, _ in rows:
        if kind == "started":
            values = json.loads(data or "{}")
            said.update(level=values.get("level"), situation=values.get("situation"))
        elif kind == "level_changed":
            said["level"] = json.loads(data or "{}").get("to")
        elif kind == "situation_changed":
            said["situation"] = json.loads(data or "{}").get("to")
        elif kind == "record_saved" and "record" in (values := json.loads(data or "{}")):
            said.update(record=values["record"], saved=(at, actor))
        elif kind == "amended":
            said["amended"].append((at, actor, json.loads(data or "{}")))
        elif kind == "closed":
            said["closed_at"] = at
    return said


def _deadlines(db, incident_id: int, rows: list[tuple], catalog: Catalog, situation: str,
               level: int, ended: bool) -> None:
    told = _deadlines_told(rows)
    started = {json.loads(r[7] or "{}").get("deadline"): r for r in rows
               if r[3] == "deadline_started"}
    timers = _timers(catalog, situation, level)
    met = _met(rows)
    for deadline_id, said in told.items():
        entry = started[deadline_id]
        data = json.loads(entry[7] or "{}")
        timer = timers.get((data.get("source"), data.get("key")))
        status = "cancelled" if said["status"] == "pending" and ended else said["status"]
        missed_at, met_by, met_to = met.get(deadline_id, (None, "", ""))
        db.execute_sql(
            "INSERT INTO deadline (id, incident_id, source, key, label, action, to_role, "
            "by_role, holiday, started_at, due_at, status, missed_at, acknowledged_at, "
            "met_at, met_by, met_to) VALUES " + _marks(1, 17),
            (deadline_id, incident_id, data.get("source", ""), data.get("key", ""), entry[6],
             timer.action if timer else "report", timer.to if timer else "",
             timer.by if timer else "clerk", bool(data.get("holiday")), entry[2],
             to_db(datetime.fromisoformat(said["due"])), status, missed_at,
             said["acknowledged_at"], said["met_at"], met_by, met_to))


def _met(rows: list[tuple]) -> dict[int, tuple]:
    """Per deadline: when it was missed, and who met it and to whom (the entries' words)."""
    out: dict[int, tuple] = {}
    for _, _, at, kind, actor, _, _, data, _, _ in rows:
        if kind in ("deadline_missed", "deadline_met"):
            values = json.loads(data or "{}")
            missed, by, to = out.get(values.get("deadline"), (None, "", ""))
            out[values.get("deadline")] = ((at, by, to) if kind == "deadline_missed"
                                           else (missed, actor, values.get("to", "")))
    return out


def _timers(catalog: Catalog, situation: str, level: int) -> dict:
    try:
        return {(source, timer.key): timer for source, timer in
                timers_of(catalog, situation, level)}
    except (KeyError, LookupError, ValueError):
        return {}
