"""The statistics of a period read with SQL aggregates, so a month of a ten-year file reads in
milliseconds.

Every figure counts the real incidents started in the period (hall time): no drills, no
presses cancelled as made by mistake — the daily log's rule (models.documents.DailyLog.
counted_rows). Deadlines are counted with their incident, in the month it started, and a
decision point (action "decide", plans/SCHEMA.md) is no deadline: never counted.

The first action is the first timeline entry of the clerk's handling — a step ticked, a call,
a report, a note, a call pressed for a role with no number (models.incidents.lifecycle.
HANDLING, the entries that put an open incident in hand), or a deadline met from its timer
card (a report made by phone and ticked on the card writes no "reported") — at or after the
press. The entries the desk writes by itself (deadline started, missed, superseded) are not
the clerk's action; nor is silencing an alarm (it answers the desk, not the incident), a
record saved or a resolution. An entry stamped before the press (the PC's clock set back)
is not counted: the incident shows as "never", and `verify` names the clock's jump.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import peewee as pw

from models.clock import hall_time
from models.clock.clocks import to_db
from models.incidents.deadlines import DECISION
from models.incidents.lifecycle import HANDLING, Status
from models.incidents.seal import current_seal
from models.incidents.verify import verify_incidents
from models.plans.catalog import Catalog
from models.stats.drills_due import drills_due
from models.stats.figures import Distribution, MonthLine, Statistics, distribution
from models.stats.period import Period
from models.store.tables import Deadline, Incident, TimelineEntry, bound_database, reading

NOT_COUNTED = ("superseded", "cancelled")  # deadlines that gave way: no outcome to count
FIRST_ACTS = (*HANDLING, "deadline_met")  # the clerk's acts (see the module's docstring)


def statistics(catalog: Catalog, period: Period, *, hall: str, today: date, edition: str = "",
               zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Statistics:
    """The period's figures, all read in one moment of the file (a desk writing meanwhile
    changes none of them halfway). `today`: the hall's day (a drill calendar's period still
    running is not yet overdue); `edition`: the kind of hall, whose drill rules apply."""
    with reading():
        months = period.trend_months()
        bounds = [_db_start(m, zone) for m in months] + [_db_start(period.after, zone)]
        start, end = _db_start(period.first, zone), bounds[-1]
        incidents = _count_by_month(bounds)
        missed, late = _problems_by_month(bounds)
        drills, source = drills_due(catalog, period, edition=edition, today=today)
        return Statistics(
            hall=hall or _recorded_hall(start, end), period=period, total=_real(start, end).count(),
            by_category=_by_category(catalog, start, end),
            by_level=_by_level(catalog, start, end),
            by_desk=_grouped(Incident.desk, start, end),
            months=tuple(MonthLine(m, incidents.get(n, 0), missed.get(n, 0), late.get(n, 0))
                         for n, m in enumerate(months)),
            first_action=first_actions(start, end), reports=deadlines_met(start, end),
            drills=drills, drills_source=source, seal=_seal(), altered=_altered(start, end))


def statistics_apart(catalog: Catalog, period: Period, *, hall: str, today: date,
                     edition: str = "", zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> Statistics:
    """`statistics` for a worker thread (the screen's: the desk's alarm never waits on a
    quarter's numbers): read through that thread's own connection, closed afterwards so no
    connection outlives the worker's job. Never call it on the thread that owns the desk's
    connection."""
    if threading.current_thread() is threading.main_thread():
        raise RuntimeError("statistics_apart runs in a worker thread")
    database = bound_database()
    try:
        return statistics(catalog, period, hall=hall, today=today, edition=edition, zone=zone)
    finally:
        database.close()


def _db_start(day: date, zone: ZoneInfo) -> datetime:
    """The hall's midnight starting `day`, as stored (naive UTC)."""
    return to_db(hall_time.day_start(day, zone))


def _real(start: datetime, end: datetime, query: pw.ModelSelect | None = None) -> pw.ModelSelect:
    """Real incidents started in [start, end): the range on the (is_drill, started_at) index."""
    query = Incident.select() if query is None else query
    return query.where(Incident.is_drill == False, Incident.started_at >= start,  # noqa: E712
                       Incident.started_at < end, Incident.status != Status.CANCELLED.value)


def _recorded_hall(start: datetime, end: datetime) -> str:
    """The desk's settings lost: the hall its incidents were recorded in."""
    query = _real(start, end, Incident.select(Incident.hall)).where(Incident.hall != "")
    return query.limit(1).scalar() or ""


def _grouped(column: pw.Field, start: datetime, end: datetime) -> tuple[tuple[str, int], ...]:
    query = _real(start, end, Incident.select(column, pw.fn.COUNT(Incident.id)))
    return tuple(sorted(((str(key), n) for key, n in query.group_by(column).tuples()),
                        key=lambda pair: (-pair[1], pair[0])))


def _counts(column: pw.Field, start: datetime, end: datetime) -> dict:
    query = _real(start, end, Incident.select(column, pw.fn.COUNT(Incident.id)))
    return dict(query.group_by(column).tuples())


def _by_category(catalog: Catalog, start: datetime, end: datetime) -> tuple[tuple[str, int], ...]:
    """In the catalog's order, then the keys it no longer has (shown as their key)."""
    counts = _counts(Incident.category_key, start, end)
    own = [(c.key, c.name) for c in catalog.ordered_categories()]
    known = {key for key, _ in own}
    own += [(key, key) for key in sorted(counts) if key not in known]
    return tuple((name, counts[key]) for key, name in own if counts.get(key))


def _by_level(catalog: Catalog, start: datetime, end: datetime) -> tuple[tuple[str, int], ...]:
    counts = _counts(Incident.level, start, end)
    names = [(lv.level, f"{lv.name}（{lv.short}）") for lv in catalog.levels]
    known = {level for level, _ in names}
    names += [(level, str(level)) for level in sorted(counts) if level not in known]
    return tuple((name, counts[level]) for level, name in names if counts.get(level))


def _month_of(column: pw.Field, bounds: list[datetime]) -> pw.Case:
    """The index of the month (between `bounds`) a stored time falls in: portable SQL."""
    return pw.Case(None, [(column < b, n) for n, b in enumerate(bounds[1:])])


def _count_by_month(bounds: list[datetime]) -> dict[int, int]:
    month = _month_of(Incident.started_at, bounds)
    query = _real(bounds[0], bounds[-1], Incident.select(month, pw.fn.COUNT(Incident.id)))
    return dict(query.group_by(month).tuples())


def _problems_by_month(bounds: list[datetime]) -> tuple[dict[int, int], dict[int, int]]:
    """Missed and late deadlines by their incident's month. A deadline is one row whose
    status moves missed → late when it is met after all: it counts once, as late."""
    month = _month_of(Incident.started_at, bounds)
    query = _real(bounds[0], bounds[-1], Deadline.select(month, Deadline.status,
                                                         pw.fn.COUNT(Deadline.id))
                  .join(Incident, on=Deadline.incident == Incident.id))
    query = query.where(Deadline.action != DECISION, Deadline.status.in_(("missed", "late")))
    missed: dict[int, int] = {}
    late: dict[int, int] = {}
    for n, status, count in query.group_by(month, Deadline.status).tuples():
        (missed if status == "missed" else late)[n] = count
    return missed, late


def first_actions(start: datetime, end: datetime) -> Distribution:
    """From the press to the clerk's first act of handling (see the module's docstring);
    "never" for an incident with none."""
    first = pw.fn.MIN(TimelineEntry.at)
    query = _real(start, end, Incident.select(Incident.started_at, first).join(
        TimelineEntry, pw.JOIN.LEFT_OUTER,
        on=((TimelineEntry.incident == Incident.id) & TimelineEntry.kind.in_(FIRST_ACTS)
            & (TimelineEntry.at >= Incident.started_at))))
    rows = query.group_by(Incident.id, Incident.started_at).tuples()
    return distribution([_seconds(started, at) for started, at in rows])


def deadlines_met(start: datetime, end: datetime) -> Distribution:
    """Every deadline of the period's incidents (reports, notices, arrivals, restoring; not
    decisions, not those that gave way): from its clock's start to met, late or not;
    "never" when it was not met (missed, or still pending)."""
    query = _real(start, end, Deadline.select(Deadline.started_at, Deadline.met_at)
                  .join(Incident, on=Deadline.incident == Incident.id))
    query = query.where(Deadline.action != DECISION, Deadline.status.not_in(NOT_COUNTED))
    return distribution([_seconds(started, met) for started, met in query.tuples()])


def _seconds(started, done) -> float | None:
    if done is None:
        return None
    return (_parsed(done) - _parsed(started)).total_seconds()


def _parsed(value) -> datetime:
    """A stored time: an aggregate (MIN) comes back as the text SQLite holds."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _altered(start: datetime, end: datetime) -> tuple[str, ...]:
    """Every incident started in [start, end) — drills and cancelled ones too: a real one
    marked a drill outside the program drops out of the counts — checked against its
    timeline, as the daily log checks them; the numbers of those changed."""
    query = Incident.select(Incident.id, Incident.number).where(
        Incident.started_at >= start, Incident.started_at < end)
    numbers = dict(query.tuples())
    found = {f.incident_id for f in verify_incidents(list(numbers))}
    return tuple(numbers[i] for i in sorted(found))


def _seal() -> str:
    return current_seal() if "ledger" in bound_database().get_tables() else ""
