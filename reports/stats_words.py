"""The words and number formats of the statistics report (English; the words table gives
the language)."""

from __future__ import annotations

from datetime import date

from models.stats.period import QUARTER, Period
from reports.words import Words

BUCKET_WORDS = {"le1": "Within 1 min", "le5": "1 to 5 min", "le10": "5 to 10 min",
                "le60": "10 to 60 min", "gt60": "Over 60 min", "never": "Not done"}


def period_title(period: Period, w: Words) -> str:
    if period.kind == QUARTER:
        quarter = w("{0} Q{1}").format(period.first.year, (period.first.month - 1) // 3 + 1)
        return w("Quarterly statistics {0}").format(quarter)
    return w("Monthly statistics {0}").format(month_label(period.first))


def month_label(month: date) -> str:
    return f"{month.year}-{month.month:02d}"


def median_text(seconds: float | None, w: Words) -> str:
    if seconds is None:
        return w("none done")
    minutes, rest = divmod(round(seconds), 60)
    return w("{0} min {1} s").format(minutes, rest) if minutes else w("{0} s").format(rest)


def share(part: int, total: int) -> str:
    return f"{100 * part / total:.1f}%" if total else "—"
