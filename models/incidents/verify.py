"""Checking the timelines: every entry's hash, the chain between entries, and the newest hash
the incident keeps — so an entry altered, inserted or removed outside the program shows.

The incident's own row and its record are checked against what the (hash-chained) timeline
says they are: the level, the situation, the drill mark, closed or cancelled, the record as last
saved and the amendments. A change to any of them made outside the program shows too."""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from operator import itemgetter

from models.clock.clocks import from_db
from models.incidents.deadlines import PROMPTED, status_when_met
from models.incidents.lifecycle import FINAL
from models.incidents.timeline import entry_hash
from models.store.tables import bound_database

BATCH = 500  # incidents per query: a ten-year database is checked without loading it whole


@dataclass(frozen=True)
class Finding:
    incident_id: int
    number: str
    entry_id: int | None  # the row in the database
    problem: str  # "altered", "chain_broken" (an entry before it removed or inserted),
    #               "last_removed" (the newest entries are gone), or one of FACTS: the
    #               incident's row or record no longer says what its timeline says
    position: int | None = None  # 1 for the incident's first entry: as the timeline is read


# What each finding means, in English; the record PDF prints these through its words table
# (resources/i18n/reports.zh_CN.json) and `verify` prints them as they are.
PROBLEM_WORDS = {"altered": "altered after it was recorded",
                 "chain_broken": "an entry before it was removed or inserted",
                 "last_removed": "the newest entries were removed",
                 "level_differs": "the level differs from what the timeline recorded",
                 "situation_differs": "the situation differs from what the timeline recorded",
                 "drill_differs": "the drill mark differs from what the timeline recorded",
                 "status_differs": "closed or cancelled differs from what the timeline recorded",
                 "record_differs": "the record differs from what the timeline last saved",
                 "amendment_removed": "an amendment recorded in the timeline is missing",
                 "started_differs": "when, where or by whom it started differs from what the "
                                    "timeline recorded",
                 "deadline_differs": "a reporting deadline's time or outcome differs from what "
                                     "the timeline recorded",
                 "deadline_removed": "a reporting deadline recorded in the timeline is missing",
                 "deadline_added": "a reporting deadline the timeline never recorded was added",
                 "unreadable": "its rows hold values the program never writes (edited outside "
                               "it)",
                 }

TOLD_BY_DATA = ("started", "level_changed", "situation_changed", "record_saved")
TELLING = frozenset({*TOLD_BY_DATA, "closed", "cancelled", "amended"})  # the rest tell no fact

FACTS = ("level_differs", "situation_differs", "drill_differs", "status_differs",
         "record_differs", "amendment_removed")


# Rows as stored. Timeline entries and deadlines stay the plain tuples sqlite3 gives (their
# columns: ENTRY, DEADLINE): an object built for each of ten years' millions of entries is
# time a check need not spend.
IncidentRow = namedtuple("IncidentRow", "id number head_hash status level situation_key is_drill "
                         "started_at clerk desk hall")
ENTRY = ("incident_id", "id", "at", "kind", "actor", "desk", "text", "data", "prev_hash", "hash")
AT, KIND, DATA = (ENTRY.index(column) for column in ("at", "kind", "data"))
DEADLINE = ("incident_id", "id", "status", "due_at", "met_at", "acknowledged_at")


def _rows(kind, table: str, where: str, params: tuple, order: str = "id") -> list:
    sql = (f"SELECT {', '.join(kind._fields)} FROM {table} WHERE {where} "
           f"ORDER BY {order}")
    return [kind._make(row) for row in bound_database().execute_sql(sql, params)]


def verify_incident(incident_id: int) -> list[Finding]:
    return list(verify_incidents([incident_id]))


def verify_incidents(ids: list[int]) -> Iterator[Finding]:
    """The incidents named, BATCH at a time (a daily log checks the rows it prints)."""
    for at in range(0, len(ids), BATCH):
        batch = tuple(ids[at:at + BATCH])
        marks = ", ".join("?" * len(batch))
        yield from _verify(_rows(IncidentRow, "incident", f"id IN ({marks})", batch))


def verify_all() -> Iterator[Finding]:
    """Every incident, BATCH at a time. Run it inside one read transaction to check one
    moment of the file (a desk writing meanwhile is then no finding)."""
    last = 0
    while True:
        incidents = _rows(IncidentRow, "incident", "id > ?", (last,), f"id LIMIT {BATCH}")
        if not incidents:
            return
        yield from _verify(incidents)
        last = incidents[-1].id


def _verify(incidents: list[IncidentRow]) -> Iterator[Finding]:
    if not incidents:
        return
    span = (incidents[0].id, incidents[-1].id)
    entries = _by_incident(ENTRY, "timeline_entry", span)
    deadlines = _by_incident(DEADLINE, "deadline", span)
    records, amendments = _kept(span)
    for incident in incidents:
        rows = entries.get(incident.id, [])
        yield from _check(incident, rows)
        try:
            facts = [*_facts(incident, rows, records.get(incident.id),
                             amendments.get(incident.id, 0)),
                     *_deadline_facts(incident, rows, deadlines.get(incident.id, []))]
        except (TypeError, ValueError, AttributeError):  # values the program never writes
            facts = [Finding(incident.id, incident.number, None, "unreadable")]
        yield from facts


def _by_incident(columns: tuple[str, ...], table: str, span: tuple[int, int]) -> dict[int, list]:
    """The rows of the incidents from span[0] to span[1], each incident's in the order written
    (columns[0] is incident_id). A range read along the index on incident_id in its order:
    a list of ids would be sorted first."""
    rows = bound_database().execute_sql(
        f"SELECT {', '.join(columns)} FROM {table} WHERE incident_id BETWEEN ? AND ? "
        "ORDER BY incident_id, id", span)
    return {incident_id: list(group) for incident_id, group in groupby(rows, itemgetter(0))}


def _check(incident: IncidentRow, rows: Iterable[tuple]) -> Iterator[Finding]:
    prev = ""
    for position, (_, entry_id, at, kind, actor, desk, text, data, prev_hash, digest) in (
            enumerate(rows, start=1)):
        if prev_hash != prev:
            yield Finding(incident.id, incident.number, entry_id, "chain_broken", position)
        written = all(isinstance(v, str) for v in (at, kind, actor, desk, text, data, prev_hash))
        if not written or digest != entry_hash(prev_hash, incident.id, at, kind, actor, desk,
                                               text, data):
            yield Finding(incident.id, incident.number, entry_id, "altered", position)
        prev = digest
    if prev != incident.head_hash:
        yield Finding(incident.id, incident.number, None, "last_removed")


def _kept(span: tuple[int, int]) -> tuple[dict[int, str], dict[int, int]]:
    """Per incident: its stored record as saved (JSON; absent when never saved), and how many
    amendments it has."""
    db = bound_database()
    records = dict(db.execute_sql(
        "SELECT incident_id, data FROM record_data WHERE incident_id BETWEEN ? AND ?", span))
    amendments = dict(db.execute_sql(
        "SELECT incident_id, count(*) FROM amendment WHERE incident_id BETWEEN ? AND ? "
        "GROUP BY incident_id", span))
    return records, amendments


def _facts(incident: IncidentRow, rows: list[tuple], record: str | None,
           amendments: int) -> Iterator[Finding]:
    """What the timeline says the incident is, against what its row and record (the JSON
    stored; None when never saved) say."""
    said = {"level": None, "situation": None, "drill": None, "status": None, "record": None}
    amended = 0
    for row in rows:
        kind = row[KIND]
        if kind not in TELLING:
            continue
        data = json.loads(row[DATA] or "{}") if kind in TOLD_BY_DATA else {}
        if kind == "started":
            said.update(level=data.get("level"), situation=data.get("situation"),
                        drill=data.get("drill"))
        elif kind == "level_changed":
            said["level"] = data.get("to")
        elif kind == "situation_changed":
            said["situation"] = data.get("to")
        elif kind in ("closed", "cancelled"):
            said["status"] = kind
        elif kind == "record_saved" and "record" in data:
            said["record"] = data["record"]
        elif kind == "amended":
            amended += 1
    if not rows:
        return
    status = incident.status if incident.status in FINAL else None
    differs = {
        "level_differs": said["level"] is not None and said["level"] != incident.level,
        "situation_differs": (said["situation"] is not None
                              and said["situation"] != incident.situation_key),
        "drill_differs": said["drill"] is not None and said["drill"] != bool(incident.is_drill),
        "status_differs": said["status"] != status,
        "record_differs": (said["record"] is not None and _plain(said["record"])
                           != _plain((json.loads(record) if record is not None else None) or {})),
        "amendment_removed": amended != amendments,
    }
    for problem in FACTS:
        if differs[problem]:
            yield Finding(incident.id, incident.number, None, problem)


def _plain(record: dict) -> dict:
    """A record as compared: an aftercare item left blank is one never written."""
    aftercare = {k: v for k, v in (record.get("aftercare") or {}).items() if str(v).strip()}
    return {**record, "aftercare": aftercare}


def _started_differs(incident: IncidentRow, rows: list[tuple]) -> bool:
    """When, where and by whom the incident started, against its first entry."""
    _, _, at, kind, actor, desk, _, data, _, _ = rows[0]
    if kind != "started":
        return False
    hall = json.loads(data or "{}").get("hall")
    return (incident.started_at != at or incident.clerk != actor or incident.desk != desk
            or (hall is not None and incident.hall != hall))


DEADLINE_KINDS = frozenset({"deadline_started", "deadline_met", "deadline_missed",
                            "decision_prompted", "deadline_superseded", "alarm_acknowledged"})


def _deadlines_told(rows: list[tuple]) -> dict[int, dict]:
    """Each deadline as its timeline entries tell it: status, due time, met, acknowledged."""
    told: dict[int, dict] = {}
    for row in rows:
        kind = row[KIND]
        if kind not in DEADLINE_KINDS:
            continue
        data = json.loads(row[DATA] or "{}")
        if kind == "deadline_started":
            told[data.get("deadline")] = {"status": "pending", "due": data.get("due"),
                                          "met_at": None, "acknowledged_at": None}
            continue
        said = told.get(data.get("deadline"))
        if said is None:
            continue
        if kind == "deadline_met":
            late = (data.get("late_seconds") or 0) > 0
            said.update(status=status_when_met(data.get("action", ""), late), met_at=row[AT])
        elif kind in ("deadline_missed", "decision_prompted"):
            said["status"] = "missed" if kind == "deadline_missed" else PROMPTED
        elif kind == "deadline_superseded":
            said["status"] = "superseded"
        else:
            said["acknowledged_at"] = row[AT]
    return told


def _deadline_facts(incident: IncidentRow, rows: list[tuple],
                    deadlines: list[tuple]) -> Iterator[Finding]:
    """Every deadline row against what the timeline says of it: when it was due, and what
    became of it (a miss set to "met" shows, and so does a row added or removed)."""
    if not rows:
        return
    if _started_differs(incident, rows):
        yield Finding(incident.id, incident.number, None, "started_differs")
    told = _deadlines_told(rows)
    ended = incident.status in FINAL  # its pending clocks were cancelled
    for _, deadline_id, status, due_at, met_at, acknowledged_at in deadlines:
        said = told.pop(deadline_id, None)
        if said is None:
            yield Finding(incident.id, incident.number, None, "deadline_added")
            continue
        status_ok = status == said["status"] or (
            said["status"] == "pending" and status == "cancelled" and ended)
        due = said["due"]
        due_ok = (due is not None and datetime.fromisoformat(due)
                  == from_db(datetime.fromisoformat(due_at)))
        met_ok = said["met_at"] is None or met_at == said["met_at"]
        if not (status_ok and due_ok and met_ok and acknowledged_at == said["acknowledged_at"]):
            yield Finding(incident.id, incident.number, None, "deadline_differs")
    if told:
        yield Finding(incident.id, incident.number, None, "deadline_removed")
