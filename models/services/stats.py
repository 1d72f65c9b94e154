"""The statistics screen's one query: a period's figures, read in the screen's worker thread
(models.stats.queries.statistics_apart), in the desk's plans and the hall's zone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from models.plans.catalog import Catalog
from models.stats.figures import Statistics
from models.stats.period import Period
from models.stats.queries import statistics_apart


@dataclass(frozen=True)
class StatsService:
    catalog: Catalog
    zone: ZoneInfo  # the hall's: whose months are counted
    today: Callable[[], date]  # the hall's day
    edition: str = ""  # the kind of hall: whose drill rules apply

    def read_apart(self, period: Period, hall: str) -> Statistics:
        """For a worker thread only: its own connection, closed afterwards."""
        return statistics_apart(self.catalog, period, hall=hall, today=self.today(),
                                edition=self.edition, zone=self.zone)
