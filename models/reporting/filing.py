"""Filing a formal report: a timeline entry of its incident (kind `formal_report`), so it is
in the record, in the chain and under `verify`. The entry's data holds every field as
filed, the stage and number, both signers, the time filed and the SHA-256 of that content
(printed in the PDF's footer); nothing filed is ever changed — a correction is the next 续报.

Filing checks the order again inside its transaction, from what is stored: a second press,
or a second window offering the same 续报二, is refused ("not_next"), never filed twice.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from models.clock.act import Act
from models.incidents.lifecycle import Status
from models.incidents.timeline import append_entry
from models.reporting.fields import field_keys
from models.reporting.stages import ReportRefused, Slot, check_next, stage_name
from models.store.tables import Incident, TimelineEntry, transaction

KIND = "formal_report"
SIGNER_MAX_CHARS = 100
TEXT_MAX_CHARS = 10_000


@dataclass(frozen=True)
class FiledReport:
    entry_id: int
    incident_id: int
    slot: Slot
    fields: dict[str, str]  # key -> text, in the order of its edition's set
    edition: str
    reporter: str
    approver: str
    filed_at: datetime  # the desk's time when filed (UTC)
    filed_by: str  # the clerk at the desk
    sha256: str  # of `content` as filed

    @property
    def name(self) -> str:
        return stage_name(self.slot)

    def intact(self) -> bool:
        """Whether the stored content still gives the hash it was filed with."""
        return content_hash(content(self.incident_id, self.slot, self.fields, self.edition,
                                    self.reporter, self.approver, self.filed_at)) == self.sha256


def content(incident_id: int, slot: Slot, fields: Mapping[str, str], edition: str,
            reporter: str, approver: str, filed_at: datetime) -> dict:
    """What the hash covers: everything the report says."""
    return {"incident": incident_id, "stage": slot.stage, "number": slot.number,
            "fields": dict(fields), "edition": edition, "reporter": reporter,
            "approver": approver, "filed_at": filed_at.isoformat()}


def content_hash(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def filed_reports(incident_id: int) -> list[FiledReport]:
    """The incident's formal reports, in the order filed."""
    rows = (TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                         TimelineEntry.kind == KIND)
            .order_by(TimelineEntry.id))
    return [_from_entry(row) for row in rows]


def _from_entry(row: TimelineEntry) -> FiledReport:
    data = json.loads(row.data)
    edition = data.get("edition", "")
    stored = data["fields"]  # the timeline keeps its data with sorted keys: the form's order
    order = [k for k in field_keys(edition) if k in stored] + \
        sorted(set(stored) - set(field_keys(edition)))
    return FiledReport(row.id, row.incident_id, Slot(data["stage"], int(data["number"])),
                       {k: stored[k] for k in order}, edition, data["reporter"],
                       data["approver"], datetime.fromisoformat(data["filed_at"]),
                       row.actor, data["sha256"])


def clean_signers(reporter: str, approver: str) -> tuple[str, str]:
    """Both names, trimmed; refused when one is empty or too long."""
    names = tuple(" ".join(n.split()) for n in (reporter, approver))
    if not all(names):
        raise ReportRefused("signer_missing")
    if any(len(n) > SIGNER_MAX_CHARS for n in names):
        raise ReportRefused("signer_too_long")
    return names


def clean_fields(edition: str, fields: Mapping[str, str]) -> dict[str, str]:
    """The edition's fields in their order, each trimmed ("" when not given); refused when a
    key is not the edition's or a text is too long."""
    keys = field_keys(edition)
    unknown = sorted(set(fields) - set(keys))
    if unknown:
        raise ReportRefused("unknown_field", ", ".join(unknown))
    cleaned = {}
    for key in keys:
        text = (fields.get(key) or "").replace("\x00", "").replace("\r\n", "\n").strip()
        if len(text) > TEXT_MAX_CHARS:
            raise ReportRefused("text_too_long", key)
        cleaned[key] = text
    return cleaned


def file_report(incident_id: int, slot: Slot, fields: Mapping[str, str], *, edition: str,
                reporter: str, approver: str, act: Act) -> FiledReport:
    """File `slot` as the incident's next report, or refuse (ReportRefused) and store
    nothing."""
    reporter, approver = clean_signers(reporter, approver)
    cleaned = clean_fields(edition, fields)
    with transaction():
        incident = Incident.get_or_none(Incident.id == incident_id)
        if incident is None:
            raise ReportRefused("no_such_incident", str(incident_id))
        if incident.status == Status.CANCELLED:
            raise ReportRefused("cancelled")
        check_next([r.slot for r in filed_reports(incident_id)], slot)
        filed_at = act.now
        data = content(incident_id, slot, cleaned, edition, reporter, approver, filed_at)
        data["sha256"] = content_hash(data)
        entry = append_entry(incident, KIND, at=filed_at, actor=act.who.clerk,
                             desk=act.who.desk, text=stage_name(slot), data=data)
    return _from_entry(TimelineEntry.get_by_id(entry.id))
