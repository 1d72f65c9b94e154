"""The period a statistics report covers: a month or a quarter of the hall's calendar, and
the twelve months its trends show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTH, QUARTER = "month", "quarter"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})[Qq]([1-4])$")
TREND_MONTHS = 12
YEARS = range(1971, 9999)  # a trend reaches a year back and a period's end a month on


def add_months(first: date, months: int) -> date:
    """The first day of the month `months` after the month of `first`."""
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    kind: str  # MONTH or QUARTER
    first: date  # the first day of its first month

    @property
    def months(self) -> int:
        return 3 if self.kind == QUARTER else 1

    @property
    def last(self) -> date:
        """Its last day."""
        return date.fromordinal(add_months(self.first, self.months).toordinal() - 1)

    @property
    def after(self) -> date:
        """The first day after it."""
        return add_months(self.first, self.months)

    @property
    def label(self) -> str:
        """2026-11 or 2026Q4: what the CLI takes and a file name shows."""
        if self.kind == QUARTER:
            return f"{self.first.year}Q{(self.first.month - 1) // 3 + 1}"
        return f"{self.first.year}-{self.first.month:02d}"

    def trend_months(self) -> list[date]:
        """The first days of the twelve months ending with this period's last month."""
        start = add_months(self.first, self.months - TREND_MONTHS)
        return [add_months(start, n) for n in range(TREND_MONTHS)]

    def previous(self) -> Period:
        return Period(self.kind, add_months(self.first, -self.months))

    def next(self) -> Period:
        return Period(self.kind, add_months(self.first, self.months))

    def as_kind(self, kind: str) -> Period:
        """The month or quarter holding this period's first day."""
        return containing(kind, self.first)


def containing(kind: str, day: date) -> Period:
    """The month or the quarter `day` falls in."""
    if kind == QUARTER:
        return Period(QUARTER, date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    if kind == MONTH:
        return Period(MONTH, date(day.year, day.month, 1))
    raise ValueError(f"not a kind of period: {kind!r}")


def parse_period(text: str) -> Period:
    """`2026-11` (a month) or `2026Q4` (a quarter); ValueError saying how to write it."""
    text = text.strip()
    month, quarter = _MONTH.match(text), _QUARTER.match(text)
    if month and 1 <= int(month[2]) <= 12 and int(month[1]) in YEARS:
        return Period(MONTH, date(int(month[1]), int(month[2]), 1))
    if quarter and int(quarter[1]) in YEARS:
        return Period(QUARTER, date(int(quarter[1]), (int(quarter[2]) - 1) * 3 + 1, 1))
    raise ValueError(f"not a month or a quarter: {text!r}; write a month as YYYY-MM "
                     f"(e.g. 2026-11) or a quarter as YYYYQn (e.g. 2026Q4), years "
                     f"{YEARS.start} to {YEARS.stop - 1}")
