"""RecordService: the incident record form — draft, save, finish handling, close, amend —
what the form shows beside it (the plan version used, the timeline's integrity), and the
history of all records (the history screen, the daily log).

Commands return `Changes`; a refusal raises RecordRefused, RecordNotSaved (fields with
problems: nothing is stored but the draft) or ActionRefused, and changes nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from models.clock.act import Act
from models.documents import DailyLog, IncidentRecord
from models.incidents import history, records, response
from models.incidents.history import HistoryFilter, HistoryRow
from models.incidents.record_document import build_record
from models.incidents.records import (
    AFTERCARE_PREFIX,
    DATE_FIELDS,
    TEXT_MAX_CHARS,
    RecordRefused,
    parse_date,
)
from models.incidents.response import IncidentState
from models.incidents.verify import Finding, verify_incident
from models.plans.catalog import Catalog
from models.plans.revisions import incident_plan, names_of, plan_catalog
from models.services.changes import NOTHING, Changes, command

__all__ = ["AFTERCARE_PREFIX", "DATE_FIELDS", "TEXT_MAX_CHARS", "HistoryFilter", "HistoryRow",
           "RecordNotSaved", "RecordRefused", "RecordService", "parse_date"]

SAVED = Changes(incidents=True, timeline=True, record=True)  # the place shows in the history
LIFECYCLE = Changes(incidents=True, timeline=True, deadlines=True, record=True)


class RecordNotSaved(Exception):
    """Some fields cannot be stored as typed: `problems` by field (the typing is kept as a
    draft)."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(sorted(problems)))
        self.problems = problems


class RecordService:
    def __init__(self, *, catalog: Catalog, act: Callable[[], Act]) -> None:
        self.catalog = catalog
        self._act = act

    def now(self) -> datetime:
        return self._act().now

    @property
    def zone(self) -> ZoneInfo:
        """The hall's time zone: its days, and the times its people read."""
        return self._act().zone

    # -- queries ---------------------------------------------------------------------------
    def state(self, incident_id: int) -> IncidentState:
        return response.incident_state(incident_id)

    def form(self, incident_id: int) -> tuple[dict[str, str], bool]:
        """The text to show, and whether it comes from an unsaved draft."""
        return records.load_form(incident_id, self.zone)

    def plan_used(self, incident_id: int) -> tuple[int, str]:
        """The stored plan version the incident followed: its id and its label."""
        return incident_plan(incident_id)

    def plan_catalog(self, plan_id: int) -> Catalog:
        return plan_catalog(plan_id)

    def names(self, plan_id: int) -> Catalog:
        """What names an incident's level, category and roles: the version `plan_id` it ran,
        the plans now only where that version lacks a key."""
        return names_of(plan_id, self.catalog)

    def integrity(self, incident_id: int) -> list[Finding]:
        return verify_incident(incident_id)

    def loss_advice(self, amount_text: str) -> list[str] | None:
        """What the catalog advises for a loss this large; None when it is not an amount."""
        record, errors = records.parse_raw({"loss_amount": amount_text}, self.zone)
        return None if errors else records.loss_warnings(self.catalog, record.loss_amount)

    def document(self, incident_id: int) -> IncidentRecord:
        """The record as plain data, for its PDF."""
        return build_record(self.catalog, incident_id)

    # -- the history -------------------------------------------------------------------------
    def history_count(self, f: HistoryFilter) -> int:
        return history.count(f)

    def history_page(self, f: HistoryFilter, **kwargs) -> list[HistoryRow]:
        return history.page(f, **kwargs)

    def desks(self) -> list[str]:
        return history.desks()

    def daily_log(self, first: date, last: date, *, hall: str, desk: str = "") -> DailyLog:
        return history.daily_log(self.catalog, first, last, hall=hall, desk=desk,
                                 zone=self.zone)

    # -- commands --------------------------------------------------------------------------
    @command(NOTHING)
    def save_draft(self, incident_id: int, raw: dict[str, str]) -> Changes:
        """What is typed, kept as it is: only the form itself shows it."""
        records.save_draft(incident_id, raw, self.now())
        return Changes(incident_id=incident_id)

    @command(SAVED)
    def save(self, incident_id: int, raw: dict[str, str]) -> Changes:
        problems = records.save_record(incident_id, raw, self._act())
        if problems:
            raise RecordNotSaved(problems)
        return SAVED.about(incident_id)

    @command(LIFECYCLE)
    def resolve(self, incident_id: int) -> Changes:
        response.mark_resolved(self.catalog, incident_id, self._act())
        return LIFECYCLE.about(incident_id)

    @command(LIFECYCLE)
    def close(self, incident_id: int) -> Changes:
        records.close_incident(self.catalog, incident_id, self._act())
        return LIFECYCLE.about(incident_id)

    @command(SAVED)
    def amend(self, incident_id: int, field: str, text: str, reason: str) -> Changes:
        records.amend(incident_id, field, text, reason, self._act())
        return SAVED.about(incident_id)
