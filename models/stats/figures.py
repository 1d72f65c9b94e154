"""The statistics of a period as plain data: what the screen shows and the PDF prints, made
once so both show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.stats.period import Period

# How long it took, in buckets (upper bounds in seconds, inclusive: exactly 60 s is "≤1 min").
LIMITS = ((60, "le1"), (300, "le5"), (600, "le10"), (3600, "le60"))
OVER, NEVER = "gt60", "never"
CALENDAR = "calendar"  # Statistics.drills_source: the periods of the drill calendar
NO_RULES = "rules_error: "  # ... followed by what is wrong with the rules file
BUCKETS = (*(key for _, key in LIMITS), OVER, NEVER)


def bucket(seconds: float | None) -> str:
    """The bucket of a time taken; NEVER when it was not done (None)."""
    if seconds is None:
        return NEVER
    for limit, key in LIMITS:
        if seconds <= limit:
            return key
    return OVER


@dataclass(frozen=True)
class Distribution:
    """How many took how long: counts by bucket (BUCKETS' order) and the median of those
    done (None: none done)."""

    counts: tuple[tuple[str, int], ...]
    median_seconds: float | None

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, key: str) -> int:
        return dict(self.counts)[key]


def distribution(times: list[float | None]) -> Distribution:
    counts = dict.fromkeys(BUCKETS, 0)
    for seconds in times:
        counts[bucket(seconds)] += 1
    done = sorted(t for t in times if t is not None)
    median = None
    if done:
        middle = len(done) // 2
        median = done[middle] if len(done) % 2 else (done[middle - 1] + done[middle]) / 2
    return Distribution(tuple(counts.items()), median)


@dataclass(frozen=True)
class MonthLine:
    month: date  # its first day
    incidents: int
    missed: int  # report deadlines of the month's incidents still missed
    late: int  # met after their due time (a miss then met counts here, once)


@dataclass(frozen=True)
class DrillsDue:
    """One rule of the drill calendar over the twelve months ending with the period."""

    kind: str  # the rule's key: training, drill, onsite_drill, crowded_drill, fire_drill
    title: str  # as the rules file names it, e.g. 年度应急演练
    every_months: int
    due: int  # periods that fell due in the twelve months
    done: int  # of those, met by a training or drill held in the period
    overdue: int  # ended before today, never met
    due_in_period: int  # periods falling due within the statistics' month or quarter
    done_in_period: int
    last_done: date | None  # the latest day one of those periods was met
    source: str  # the rule and its source, one line


@dataclass(frozen=True)
class Statistics:
    hall: str
    period: Period
    total: int  # real incidents: no drills, no presses cancelled as made by mistake
    by_category: tuple[tuple[str, int], ...]  # (name, count), the catalog's order
    by_level: tuple[tuple[str, int], ...]
    by_desk: tuple[tuple[str, int], ...]  # "" is the desk's own name unknown
    months: tuple[MonthLine, ...]  # the twelve months ending with the period
    first_action: Distribution  # from the press to the clerk's first act of handling
    reports: Distribution  # report deadlines: from their clock's start to met
    drills: tuple[DrillsDue, ...]
    drills_source: str  # CALENDAR, or NO_RULES and why
    seal: str = ""  # the file's seal when the numbers were read ("" none yet)
    # The numbers of the incidents started in the period (drills and cancelled ones too)
    # whose row or record no longer says what their timeline recorded: changed outside the
    # program, so the figures counting them cannot be trusted (models.incidents.verify).
    altered: tuple[str, ...] = ()

    @property
    def period_months(self) -> tuple[MonthLine, ...]:
        return tuple(m for m in self.months if self.period.first <= m.month < self.period.after)
