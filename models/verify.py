"""Checking the timelines: every entry's hash, the chain between entries, and the newest hash
the incident keeps — so an entry altered, inserted or removed outside the program shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from models.incident import Incident, TimelineEntry
from models.timeline import entry_hash

BATCH = 500  # incidents per query: a ten-year database is checked without loading it whole


@dataclass(frozen=True)
class Finding:
    incident_id: int
    number: str
    entry_id: int | None  # the row in the database
    problem: str  # "altered", "chain_broken" (an entry before it removed or inserted),
    #               "last_removed" (the newest entries are gone)
    position: int | None = None  # 1 for the incident's first entry: as the timeline is read


def verify_incident(incident_id: int) -> list[Finding]:
    incident = Incident.get_by_id(incident_id)
    rows = TimelineEntry.select().where(TimelineEntry.incident == incident_id).order_by(
        TimelineEntry.id)
    return list(_check(incident, rows))


def verify_all() -> Iterator[Finding]:
    last = 0
    while True:
        incidents = list(Incident.select(Incident.id, Incident.number, Incident.head_hash)
                         .where(Incident.id > last).order_by(Incident.id).limit(BATCH))
        if not incidents:
            return
        entries = defaultdict(list)
        for row in (TimelineEntry.select()
                    .where(TimelineEntry.incident.in_([i.id for i in incidents]))
                    .order_by(TimelineEntry.incident, TimelineEntry.id)):
            entries[row.incident_id].append(row)
        for incident in incidents:
            yield from _check(incident, entries[incident.id])
        last = incidents[-1].id


def _check(incident: Incident, rows: Iterable[TimelineEntry]) -> Iterator[Finding]:
    prev = ""
    for position, row in enumerate(rows, start=1):
        if row.prev_hash != prev:
            yield Finding(incident.id, incident.number, row.id, "chain_broken", position)
        expected = entry_hash(row.prev_hash, incident.id, row.at, row.kind, row.actor, row.desk,
                              row.text, row.data)
        if row.hash != expected:
            yield Finding(incident.id, incident.number, row.id, "altered", position)
        prev = row.hash
    if prev != incident.head_hash:
        yield Finding(incident.id, incident.number, None, "last_removed")
