"""ReportingService: formal reports upward — 初报, numbered 续报, 终报 — for one incident:
what was filed, what may be filed next, the prefilled text, filing, and the PDF's data.

Filing returns an Outcome (its Changes and the report filed); a refusal raises
ReportRefused and stores nothing. The running edition decides the fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from zoneinfo import ZoneInfo

from models.clock.act import Act
from models.plans.catalog import Catalog
from models.plans.revisions import plan_catalog
from models.reporting import assemble, filing, timers
from models.reporting.assemble import Describe, FormalReportDocument, ReportHeader, plain_words
from models.reporting.fields import ReportField, fields_for
from models.reporting.filing import FiledReport
from models.reporting.stages import (
    FINAL,
    FOLLOWUP,
    INITIAL,
    ReportRefused,
    Slot,
    chinese_number,
    next_slots,
)
from models.services.changes import Changes, Outcome, command
from models.store.tables import Incident, transaction

__all__ = ["FINAL", "FOLLOWUP", "INITIAL", "FiledReport", "FormalReportDocument",
           "ReportField", "ReportHeader", "ReportRefused", "ReportingService", "Slot",
           "chinese_number"]

FILED = Changes(timeline=True, deadlines=True)


class ReportingService:
    def __init__(self, *, catalog: Catalog, act: Callable[[], Act],
                 edition: Callable[[], str] = lambda: "") -> None:
        self.catalog = catalog
        self._act = act
        self._edition = edition

    @property
    def zone(self) -> ZoneInfo:
        return self._act().zone

    def edition(self) -> str:
        return self._edition()

    # -- queries ---------------------------------------------------------------------------
    def fields(self) -> tuple[ReportField, ...]:
        """The running edition's fields, in order."""
        return fields_for(self._edition())

    def header(self, incident_id: int) -> ReportHeader:
        return assemble.header(self.catalog, incident_id)

    def filed(self, incident_id: int) -> list[FiledReport]:
        return filing.filed_reports(incident_id)

    def next_slots(self, incident_id: int) -> list[Slot]:
        return next_slots([r.slot for r in self.filed(incident_id)])

    def prefill(self, incident_id: int, slot: Slot,
                describe: Describe = plain_words) -> dict[str, str]:
        return assemble.prefill(self.catalog, incident_id, slot, self._edition(), self.zone,
                                self.filed(incident_id), describe)

    def document(self, incident_id: int, report: FiledReport) -> FormalReportDocument:
        return assemble.document(self.catalog, incident_id, report)

    def draft_document(self, incident_id: int, slot: Slot, fields: Mapping[str, str],
                       reporter: str = "", approver: str = "") -> FormalReportDocument:
        return assemble.draft_document(self.catalog, incident_id, slot, self._edition(),
                                       dict(fields), reporter, approver)

    # -- commands --------------------------------------------------------------------------
    @command(FILED)
    def file(self, incident_id: int, slot: Slot, fields: Mapping[str, str], *, reporter: str,
             approver: str) -> Outcome[FiledReport]:
        """File the report and meet the plan's deadlines for it, in one transaction."""
        act = self._act()
        with transaction():
            report = filing.file_report(incident_id, slot, fields, edition=self._edition(),
                                        reporter=reporter, approver=approver, act=act)
            timers.meet_by_filing(self._plans_of(incident_id), incident_id, slot.stage, act)
        return Outcome(FILED.about(incident_id), report)

    def _plans_of(self, incident_id: int) -> Catalog:
        """The plans the incident runs (the version it started on)."""
        incident = Incident.get_or_none(Incident.id == incident_id)
        if incident is None:
            raise ReportRefused("no_such_incident", str(incident_id))
        return plan_catalog(incident.plan_id)
