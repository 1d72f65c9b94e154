"""Assembling an incident's printable record (models.documents.IncidentRecord) from the database."""

from __future__ import annotations

from models.clock.clocks import from_db
from models.documents import AmendmentLine, IncidentRecord, TimelineLine
from models.incidents import records
from models.incidents.deadlines import DECISION
from models.incidents.history import deadline_line
from models.incidents.response import incident_state
from models.incidents.verify import verify_incident
from models.plans.catalog import Catalog
from models.plans.publishing import stamp_of_version, stamped_label
from models.plans.revisions import names_of
from models.store.tables import Deadline, Incident, PlanVersion


def build_record(catalog: Catalog, incident_id: int) -> IncidentRecord:
    """The record as the incident ran: its levels, categories and roles named by the plan
    version it followed (`catalog`, the plans now, only for what that version lacks)."""
    incident = Incident.get_by_id(incident_id)
    state = incident_state(incident_id)
    plan = PlanVersion.get_by_id(incident.plan_id)
    names = names_of(plan.id, catalog)
    level = names.level(incident.level)
    findings = verify_incident(incident_id)
    return IncidentRecord(
        number=incident.number, hall=incident.hall, desk=incident.desk, clerk=incident.clerk,
        situation=incident.situation_name,
        category=names.category(incident.category_key).name,
        level=f"{level.name}（{level.short}）", status=incident.status,
        is_drill=incident.is_drill, started_at=from_db(incident.started_at),
        closed_at=from_db(incident.closed_at) if incident.closed_at else None,
        plan_version=stamped_label(stamp_of_version(plan.id)),
        fields=records.stored_fields(incident_id),
        aftercare_items=catalog.general.aftercare,
        timeline=tuple(_timeline_line(e) for e in state.entries),
        deadlines=tuple(deadline_line(names, d) for d in Deadline.select().where(
            Deadline.incident == incident_id).order_by(Deadline.started_at, Deadline.id)),
        integrity_ok=not findings,
        integrity_problems=tuple((f.position or 0, f.problem) for f in findings),
        amendments=tuple(AmendmentLine(from_db(a.at), a.by, a.reason, a.new, a.field)
                         for a in records.amendments_of(incident_id)))


def find_incident(reference: str) -> int | None:
    """The id of the incident a user names by its id ("12") or its number ("20261120-003")."""
    reference = reference.strip()
    if reference.isdigit():
        found = Incident.get_or_none(Incident.id == int(reference))
    else:
        found = Incident.get_or_none(Incident.number == reference)
    return found.id if found else None


def _timeline_line(e) -> TimelineLine:
    late = int(e.data.get("late_seconds", 0) or 0) if e.kind == "deadline_met" else 0
    levels = ((e.data.get("from"), e.data["to"])
              if e.kind == "level_changed" and "to" in e.data else None)
    kind = e.kind
    if kind == "deadline_met" and e.data.get("action") == DECISION:
        kind = "decision_taken"  # pressed at a decision point: no deadline "done in time"
    received = ((e.data.get("by", ""), e.data.get("local_time", ""))
                if e.kind == "leader_received" else None)
    return TimelineLine(e.at, kind, e.actor, e.text, late, levels, received)
