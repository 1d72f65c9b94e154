"""A formal report assembled from the record: the incident, the record form's data, the
timeline (measures taken = steps done and calls made, with their times) — prefilled text
the reporter edits before filing — and the plain data its PDF is made from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.clocks import from_db
from models.incidents import records
from models.incidents.response import EntryView, incident_state
from models.incidents.verify import verify_incident
from models.plans.catalog import Catalog
from models.plans.revisions import names_of
from models.reporting.fields import fields_for
from models.reporting.filing import FiledReport
from models.reporting.stages import INITIAL, Slot, stage_name
from models.store.tables import Incident

Describe = Callable[[EntryView], str]  # how a timeline entry reads (the UI's words)


def plain_words(entry: EntryView) -> str:
    return entry.text


@dataclass(frozen=True)
class ReportHeader:
    """Who reports what: the incident the report is about."""

    incident_id: int
    number: str
    hall: str
    desk: str
    clerk: str
    situation: str
    level: str
    started_at: datetime
    is_drill: bool


def header(catalog: Catalog, incident_id: int) -> ReportHeader:
    incident = Incident.get_by_id(incident_id)
    level = names_of(incident.plan_id, catalog).level(incident.level)
    return ReportHeader(incident.id, incident.number, incident.hall, incident.desk,
                        incident.clerk, incident.situation_name,
                        f"{level.name}（{level.short}）", from_db(incident.started_at),
                        incident.is_drill)


def measures_taken(incident_id: int, zone: ZoneInfo, describe: Describe = plain_words) -> str:
    """One line a measure: "14:05 ✓ 疏散客户" — steps still ticked, calls, reports, notes."""
    state = incident_state(incident_id)
    return "\n".join(f"{hall_time.local_text(e.at, zone, '%H:%M')} {describe(e)}"
                     for e in state.actions_taken())


def prefill(catalog: Catalog, incident_id: int, slot: Slot, edition: str, zone: ZoneInfo,
            filed: list[FiledReport], describe: Describe = plain_words) -> dict[str, str]:
    """The report's text as the record has it. A 续报 or 终报 starts from the report filed
    last (what was already said), with the measures read again from the timeline."""
    measures = measures_taken(incident_id, zone, describe)
    if filed and slot.stage != INITIAL:
        last = dict(filed[-1].fields)
        last["measures"] = measures
        return {f.key: last.get(f.key, "") for f in fields_for(edition)}
    head = header(catalog, incident_id)
    record = records.stored_fields(incident_id)
    when = hall_time.local_text(record.happened_at or head.started_at, zone)
    place = record.place or ""
    loss = " · ".join(p for p in (record.loss_amount and f"{record.loss_amount} 元",
                                  record.loss_items) if p)
    text = {
        "unit": " · ".join(p for p in (head.hall, head.desk) if p),
        "time_place": " · ".join(p for p in (when, place, head.situation, head.level) if p),
        "account": record.description,
        "casualties": record.injuries,
        "loss": loss,
        "measures": measures,
        "other": record.result,
        "amount_involved": record.loss_amount,
        "people_involved": "",
        "customer_reaction": "",
        "trend": "",
    }
    return {f.key: text.get(f.key, "") for f in fields_for(edition)}


@dataclass(frozen=True)
class FormalReportDocument:
    """What the PDF prints: a filed report (with its hash), or a draft not yet filed."""

    header: ReportHeader
    slot: Slot
    fields: tuple[tuple[str, str], ...]  # (English label, text), in the edition's order
    reporter: str = ""
    approver: str = ""
    filed_at: datetime | None = None  # None: a draft
    filed_by: str = ""
    sha256: str = ""
    intact: bool = True  # its content still gives its hash, and the timeline checks out

    @property
    def name(self) -> str:
        return stage_name(self.slot)

    @property
    def is_draft(self) -> bool:
        return self.filed_at is None


def document(catalog: Catalog, incident_id: int, report: FiledReport) -> FormalReportDocument:
    labels = {f.key: f.label for f in fields_for(report.edition)}
    return FormalReportDocument(
        header(catalog, incident_id), report.slot,
        tuple((labels.get(k, k), v) for k, v in report.fields.items()),
        report.reporter, report.approver, report.filed_at, report.filed_by, report.sha256,
        report.intact() and not verify_incident(incident_id))


def draft_document(catalog: Catalog, incident_id: int, slot: Slot, edition: str,
                   fields: dict[str, str], reporter: str = "",
                   approver: str = "") -> FormalReportDocument:
    return FormalReportDocument(
        header(catalog, incident_id), slot,
        tuple((f.label, fields.get(f.key, "")) for f in fields_for(edition)),
        reporter, approver)

