"""Finding incidents years later: filters, sorting, paging, and the day's log.

The history view asks for one page at a time, so it stays instant at 200,000 incidents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee as pw

from models.clock import hall_time
from models.clock.clocks import from_db, to_db
from models.documents import DailyLog, DailyRow, DeadlineLine
from models.incidents import search
from models.incidents.deadlines import DECISION
from models.incidents.lifecycle import Status
from models.incidents.seal import current_seal
from models.incidents.verify import verify_incidents
from models.journal import duty_calls, handover
from models.plans.catalog import Catalog
from models.plans.revisions import names_of
from models.store.plan_links import JOURNAL, plan_link_findings
from models.store.tables import Deadline, Incident, bound_database, reading


@dataclass(frozen=True)
class HistoryFilter:
    first_day: date | None = None
    last_day: date | None = None
    category: str = ""
    situation: str = ""
    level: int | None = None
    status: str = ""
    drill: bool | None = None  # None: both
    desk: str = ""
    text: str = ""
    zone: ZoneInfo = hall_time.DEFAULT_ZONE  # the hall's, whose days first_day and last_day are


@dataclass(frozen=True)
class HistoryRow:
    id: int
    number: str
    started_at: datetime
    situation_name: str
    category_key: str
    level: int
    status: str
    is_drill: bool
    desk: str
    place: str


SORT_COLUMNS = {"time": Incident.started_at, "number": Incident.number,
                "situation": Incident.situation_name, "level": Incident.level,
                "status": Incident.status, "desk": Incident.desk, "place": Incident.place}


def day_range(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The hall's days as stored (naive UTC) bounds: [start of first, start of the day after
    last)."""
    start, end = hall_time.days_span(first, last, zone)
    return to_db(start), to_db(end)


def filtered(f: HistoryFilter) -> pw.ModelSelect:
    query = Incident.select()
    if f.first_day or f.last_day:
        start, end = day_range(f.first_day or date(1970, 1, 1), f.last_day or date(9999, 12, 30),
                               f.zone)
        query = query.where(Incident.started_at >= start, Incident.started_at < end)
    if f.category:
        query = query.where(Incident.category_key == f.category)
    if f.situation:
        query = query.where(Incident.situation_key == f.situation)
    if f.level is not None:
        query = query.where(Incident.level == f.level)
    if f.status:
        query = query.where(Incident.status == f.status)
    if f.drill is not None:
        query = query.where(Incident.is_drill == f.drill)
    if f.desk:
        query = query.where(Incident.desk == f.desk)
    return search.matching(query, f.text)


def count(f: HistoryFilter) -> int:
    return filtered(f).count()


def page(f: HistoryFilter, *, sort: str = "time", descending: bool = True, offset: int = 0,
         limit: int = 200) -> list[HistoryRow]:
    column = SORT_COLUMNS[sort]
    order = (column.desc(), Incident.id.desc()) if descending else (column, Incident.id)
    query = (filtered(f).select(Incident.id, Incident.number, Incident.started_at,
                                Incident.situation_name, Incident.category_key, Incident.level,
                                Incident.status, Incident.is_drill, Incident.desk, Incident.place)
             .order_by(*order).offset(offset).limit(limit))
    return [HistoryRow(r.id, r.number, from_db(r.started_at), r.situation_name, r.category_key,
                       r.level, r.status, r.is_drill, r.desk, r.place) for r in query]


# The distinct desks by hopping along the desk index (one lookup per desk, not a scan of
# every incident): instant at 200,000 incidents. Plain SQL that PostgreSQL runs as well.
DESKS_SQL = (
    "WITH RECURSIVE d(desk) AS ("
    " SELECT MIN(desk) FROM incident WHERE desk > ''"
    " UNION ALL SELECT (SELECT MIN(desk) FROM incident WHERE desk > d.desk) FROM d"
    " WHERE d.desk IS NOT NULL)"
    " SELECT desk FROM d WHERE desk IS NOT NULL")


def desks() -> list[str]:
    return [row[0] for row in bound_database().execute_sql(DESKS_SQL)]


# ---- the daily log --------------------------------------------------------------------------

def reporting_of(rows: list[Deadline]) -> str:
    """How an incident's deadlines went: missed > late > pending > in time, or "". A
    decision point is no deadline (models.incidents.deadlines.DECISION): not counted."""
    statuses = {d.status for d in rows if d.status not in ("superseded", "cancelled")
                and d.action != DECISION}
    for status, word in (("missed", "missed"), ("late", "late"), ("pending", "pending"),
                         ("met", "in time")):
        if status in statuses:
            return word
    return ""


def daily_log(catalog: Catalog, first: date, last: date, *, hall: str, desk: str = "",
              zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> DailyLog:
    """The hall's days `first` to `last` (its midnight to midnight, in `zone`). Every
    incident listed is checked against its timeline; one changed outside the program is
    marked (`DailyRow.intact`), so a forged outcome is never printed as trustworthy."""
    with reading():  # one moment of the file: a desk writing meanwhile is no "※"
        return _daily_log(catalog, first, last, hall=hall, desk=desk, zone=zone)


def _daily_log(catalog: Catalog, first: date, last: date, *, hall: str, desk: str,
               zone: ZoneInfo) -> DailyLog:
    f = HistoryFilter(first_day=first, last_day=last, desk=desk, zone=zone)
    incidents = list(filtered(f).order_by(Incident.started_at, Incident.id))
    by_incident: dict[int, list[Deadline]] = {}
    if incidents:
        for d in Deadline.select().where(Deadline.incident.in_([i.id for i in incidents])):
            by_incident.setdefault(d.incident_id, []).append(d)
    altered = {f.incident_id for f in verify_incidents([i.id for i in incidents])}
    names_by_plan: dict[int, Catalog] = {}  # a few versions among many incidents
    rows, problems, categories = [], [], {}
    for i in incidents:
        if i.plan_id not in names_by_plan:
            names_by_plan[i.plan_id] = names_of(i.plan_id, catalog)
        names = names_by_plan[i.plan_id]
        level = names.level(i.level)
        category = names.category(i.category_key).name
        categories.setdefault(i.category_key, category)
        row = DailyRow(i.number, from_db(i.started_at), i.situation_name, category,
                       f"{level.name}（{level.short}）", i.place, i.status,
                       reporting_of(by_incident.get(i.id, [])), i.is_drill, i.desk,
                       intact=i.id not in altered)
        rows.append(row)
        if not i.is_drill:
            problems += [(row, deadline_line(names, d)) for d in by_incident.get(i.id, [])
                         if d.status in ("missed", "late") and d.action != DECISION]
    real = [i for i in incidents if not i.is_drill and i.status != Status.CANCELLED]  # as counted
    if not hall:  # the desk's settings lost: the hall its incidents were recorded in
        hall = next((i.hall for i in incidents if i.hall), "")
    return DailyLog(hall, desk, first, last, tuple(rows),
                    _counted(Counter(i.category_key for i in real),
                             _category_names(catalog, categories)),
                    _counted(Counter(i.level for i in real),
                             [(lv.level, f"{lv.name}（{lv.short}）") for lv in catalog.levels]),
                    tuple(problems), seal=_seal(), **_journal(first, last, desk, zone))


def _journal(first: date, last: date, desk: str, zone: ZoneInfo) -> dict:
    """The day's calls and handovers (none in a file from before the journal, schema 8)."""
    if "journal_entry" not in bound_database().get_tables():
        return {}
    since, until = hall_time.days_span(first, last, zone)
    altered = {f.row for f in plan_link_findings(bound_database()) if f.kind == JOURNAL}
    return {"calls": tuple(c.line for c in duty_calls.calls(since, until, desk, altered)),
            "handovers": tuple(handover.handovers(since, until, desk, altered))}


def merge_logs(logs: list[tuple[str, DailyLog]]) -> DailyLog:
    """The logs of several desks (each with the name it goes by, e.g. 城东营业厅 1号台) as
    one: rows by time, each naming its desk, totals added up (in the order the first log that
    has each name lists it), and every desk's seal. All of the same days."""
    if not logs:
        raise ValueError("no logs to merge")
    first = logs[0][1]
    rows = sorted(((name, r) for name, log in logs for r in log.rows),
                  key=lambda pair: (pair[1].started_at, pair[0], pair[1].number))
    named = {id(r): replace(r, desk=name) for name, r in rows}
    problems = sorted(((named[id(r)], line) for _, log in logs for r, line in log.missed_or_late),
                      key=lambda pair: (pair[0].started_at, pair[0].desk, pair[1].due_at))
    halls = dict.fromkeys(log.hall for _, log in logs if log.hall)
    return DailyLog("、".join(halls), "", first.first_day, first.last_day,
                    tuple(named[id(r)] for _, r in rows),
                    _added(log.by_category for _, log in logs),
                    _added(log.by_level for _, log in logs), tuple(problems),
                    seals=tuple((name, log.seal) for name, log in logs))


def _added(counts) -> tuple[tuple[str, int], ...]:
    total: dict[str, int] = {}
    for pairs in counts:
        for name, n in pairs:
            total[name] = total.get(name, 0) + n
    return tuple(total.items())


def _category_names(catalog: Catalog, named: dict[str, str]) -> list[tuple[str, str]]:
    """The catalog's categories in its order, then those of incidents it lacks (recorded
    under another edition), named as their own versions named them."""
    own = [(c.key, c.name) for c in catalog.ordered_categories()]
    keys = {key for key, _ in own}
    return own + [(key, name) for key, name in named.items() if key not in keys]


def _seal() -> str:
    """The file's seal now; "" for a file from before the desk-wide chain (schema 4)."""
    return current_seal() if "ledger" in bound_database().get_tables() else ""


def _counted(counts: Counter, names: list[tuple[object, str]]) -> tuple[tuple[str, int], ...]:
    """Counts by name in the catalog's order (not the names' alphabetical order), non-zero."""
    return tuple((name, counts[key]) for key, name in names if counts[key])


def deadline_line(catalog: Catalog, d: Deadline) -> DeadlineLine:
    due = from_db(d.due_at)
    met = from_db(d.met_at) if d.met_at else None
    late = int((met - due).total_seconds()) if met and met > due else 0
    return DeadlineLine(d.label, catalog.role(d.by_role).name,
                        catalog.role(d.to_role).name if d.to_role else "",
                        from_db(d.started_at), due, d.status, met, late)
