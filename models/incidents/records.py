"""The incident record: the form's fields, drafts that survive a crash, closing, amendments.

The form works on raw text (what was typed); `parse_raw` turns it into RecordFields or says,
per field, what is wrong. Drafts keep the raw text whether valid or not, so nothing typed is
ever lost; saving stores only validated content.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.clock.act import Act
from models.clock.clocks import to_db
from models.documents import RecordFields
from models.incidents import search
from models.incidents.lifecycle import Status, move
from models.incidents.timeline import append_entry
from models.plans.catalog import Catalog
from models.store.tables import Amendment, Deadline, Incident, RecordData, RecordDraft, transaction

TEXT_MAX_CHARS = 10_000
AMOUNT_MAX = Decimal("10000000000")
DATETIME_FIELDS = ("happened_at", "discovered_at", "reported_at", "handled_at")
DATE_FIELDS = ("evidence_keep_until", "follow_up_on")
AFTERCARE_PREFIX = "aftercare:"  # raw keys of aftercare items: "aftercare:客户安抚"
DATETIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")


class RecordRefused(Exception):
    def __init__(self, code: str, items: tuple[str, ...] = ()) -> None:
        super().__init__(f"{code}: {', '.join(items)}" if items else code)
        self.code = code
        self.items = items


# ---- raw text <-> fields --------------------------------------------------------------------

def format_datetime(moment: datetime | None, zone: ZoneInfo) -> str:
    return hall_time.local_text(moment, zone)


def raw_from_fields(record: RecordFields, zone: ZoneInfo) -> dict[str, str]:
    """The fields as text; times as the hall's clock read them."""
    raw: dict[str, str] = {}
    for f in fields(RecordFields):
        value = getattr(record, f.name)
        if f.name == "aftercare":
            raw.update({AFTERCARE_PREFIX + k: v for k, v in value.items()})
        elif f.name in DATETIME_FIELDS:
            raw[f.name] = format_datetime(value, zone)
        elif f.name in DATE_FIELDS:
            raw[f.name] = value.isoformat() if value else ""
        else:
            raw[f.name] = value
    return raw


def parse_raw(raw: dict[str, str], zone: ZoneInfo) -> tuple[RecordFields, dict[str, str]]:
    """The fields (times as typed on the hall's clock), and per field a problem code:
    bad_datetime, bad_date, bad_amount, too_long,
    before_happened (discovered/reported/handled before it happened)."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    aftercare = {}
    for key, text in raw.items():
        text = _clean(text)
        if len(text) > TEXT_MAX_CHARS:
            errors[key] = "too_long"
        elif key.startswith(AFTERCARE_PREFIX):
            aftercare[key[len(AFTERCARE_PREFIX):]] = text
        elif key in DATETIME_FIELDS:
            values[key] = _parse(text, DATETIME_FORMATS, errors, key, "bad_datetime", zone)
        elif key in DATE_FIELDS:
            moment = _parse(text, DATE_FORMATS, errors, key, "bad_date", zone)
            values[key] = moment.date() if moment else None
        elif key == "loss_amount":
            values[key] = _amount(text, errors)
        elif key in {f.name for f in fields(RecordFields)}:
            values[key] = text
    happened = values.get("happened_at")
    for key in ("discovered_at", "reported_at", "handled_at"):
        moment = values.get(key)
        if happened and moment and moment < happened and key not in errors:
            errors[key] = "before_happened"
    for key in errors:
        values.pop(key, None)
    return RecordFields(**values, aftercare=aftercare), errors


def _parse(text: str, formats, errors, key, code, zone: ZoneInfo) -> datetime | None:
    if not text:
        return None
    for fmt in formats:
        try:
            return hall_time.at_hall(datetime.strptime(text, fmt), zone)
        except ValueError:
            continue
    errors[key] = code
    return None


def parse_date(text: str) -> date | None:
    """A day as typed (2026-11-20 or 2026/11/20); None when empty or not a real date.
    (A day has no zone: the one given to _parse plays no part.)"""
    moment = _parse(_clean(text), DATE_FORMATS, {}, "date", "bad_date", hall_time.DEFAULT_ZONE)
    return moment.date() if moment else None


def _amount(text: str, errors) -> str:
    if not text:
        return ""
    try:
        amount = Decimal(text.replace(",", "").replace("，", "").replace("元", "").strip())
    except InvalidOperation:
        errors["loss_amount"] = "bad_amount"
        return ""
    if not amount.is_finite() or amount < 0 or amount > AMOUNT_MAX:
        errors["loss_amount"] = "bad_amount"
        return ""
    return f"{amount.normalize():f}"


def _clean(text: str) -> str:
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    return text.encode("utf-8", "replace").decode("utf-8")


def loss_warnings(catalog: Catalog, amount: str) -> list[str]:
    """The documents' advice for a loss over their thresholds (e.g. over 5000 yuan: call 110)."""
    if not amount:
        return []
    value = Decimal(amount)
    return [f"{t.label} > {t.value:g}：{t.then}" for s in catalog.situations
            for t in s.thresholds if t.unit == "yuan" and value > Decimal(str(t.value))]


# ---- storing --------------------------------------------------------------------------------

def stored_fields(incident_id: int) -> RecordFields:
    row = RecordData.get_or_none(RecordData.incident == incident_id)
    return _from_json(json.loads(row.data)) if row else RecordFields()


def load_form(incident_id: int, zone: ZoneInfo) -> tuple[dict[str, str], bool]:
    """The raw text to show (times in the hall's `zone`), and whether it comes from an unsaved
    draft."""
    draft = RecordDraft.get_or_none(RecordDraft.incident == incident_id)
    saved = RecordData.get_or_none(RecordData.incident == incident_id)
    if draft and (saved is None or draft.saved_at >= saved.saved_at):
        return json.loads(draft.data), True
    return raw_from_fields(stored_fields(incident_id), zone), False


def save_draft(incident_id: int, raw: dict[str, str], now: datetime) -> None:
    """Autosave: the typed text as it is, valid or not (one small write)."""
    payload = json.dumps(raw, ensure_ascii=False)
    RecordDraft.insert(incident=incident_id, data=payload, saved_at=to_db(now)).on_conflict(
        conflict_target=[RecordDraft.incident],
        update={RecordDraft.data: payload, RecordDraft.saved_at: to_db(now)}).execute()


def changed_fields(before: RecordFields, after: RecordFields) -> list[str]:
    """The fields that really changed; aftercare item by item ("aftercare:客户安抚"), an
    item left blank being the same as one never written."""
    changed = [f.name for f in fields(RecordFields) if f.name != "aftercare"
               and getattr(before, f.name) != getattr(after, f.name)]
    old = {k: v for k, v in before.aftercare.items() if v.strip()}
    new = {k: v for k, v in after.aftercare.items() if v.strip()}
    changed += [AFTERCARE_PREFIX + item for item in sorted(old.keys() | new.keys())
                if old.get(item) != new.get(item)]
    return changed


def keep_untouched_times(before: RecordFields, record: RecordFields, raw: dict[str, str],
                         zone: ZoneInfo) -> RecordFields:
    """A time the form shows as it was stored (to the minute) keeps its stored value: a time
    stored with seconds (the demo's, one typed "14:05:30") is neither cut to the minute nor
    recorded as "changed" by a save that did not touch it."""
    shown = raw_from_fields(before, zone)
    kept = {key: getattr(before, key) for key in DATETIME_FIELDS + DATE_FIELDS
            if key in raw and _clean(raw[key]) == shown[key]}
    return replace(record, **kept)


def save_record(incident_id: int, raw: dict[str, str], act: Act) -> dict[str, str]:
    """Store the validated fields; returns the problems (nothing is stored if any)."""
    incident = Incident.get_by_id(incident_id)
    if incident.status == Status.CLOSED:
        raise RecordRefused("closed")
    record, errors = parse_raw(raw, act.zone)
    if errors:
        save_draft(incident_id, raw, act.now)
        return errors
    before = stored_fields(incident_id)
    record = keep_untouched_times(before, record, raw, act.zone)
    changed = changed_fields(before, record)
    payload = json.dumps(_to_json(record), ensure_ascii=False)
    with transaction():
        RecordData.insert(incident=incident_id, data=payload, saved_at=to_db(act.now),
                          saved_by=act.who.clerk).on_conflict(
            conflict_target=[RecordData.incident],
            update={RecordData.data: payload, RecordData.saved_at: to_db(act.now),
                    RecordData.saved_by: act.who.clerk}).execute()
        RecordDraft.delete().where(RecordDraft.incident == incident_id).execute()
        if changed:
            append_entry(incident, "record_saved", at=act.now, actor=act.who.clerk,
                         desk=act.who.desk, text="、".join(changed),
                         data={"fields": changed, "record": _to_json(record)})
        if record.place != incident.place:
            Incident.update(place=record.place[:500]).where(Incident.id == incident_id).execute()
        search.reindex(incident_id)
    return {}


def close_incident(catalog: Catalog, incident_id: int, act: Act) -> None:
    """Close a resolved incident whose record holds the aftercare its level requires and
    that owes no deadline; afterwards it is read-only (corrections are amendments)."""
    incident = Incident.get_by_id(incident_id)
    if incident.status != Status.RESOLVED:
        raise RecordRefused("not_resolved")
    required = catalog.level(incident.level).aftercare_required
    record = stored_fields(incident_id)
    missing = tuple(item for item in required if not record.aftercare.get(item))
    if missing:
        raise RecordRefused("aftercare_missing", missing)
    pending = tuple(d.label for d in Deadline.select().where(
        Deadline.incident == incident_id, Deadline.status == "pending"))
    if pending:
        raise RecordRefused("deadlines_pending", pending)
    move(incident, Status.CLOSED, act)


def amend(incident_id: int, field: str, new_text: str, reason: str, act: Act) -> None:
    """A correction to a closed record, with who, when and why; the record stays as closed."""
    incident = Incident.get_by_id(incident_id)
    if incident.status != Status.CLOSED:
        raise RecordRefused("not_closed")
    reason, new_text = _clean(reason), _clean(new_text)
    if not reason:
        raise RecordRefused("reason_required")
    if not new_text or len(new_text) > TEXT_MAX_CHARS or len(reason) > TEXT_MAX_CHARS:
        raise RecordRefused("bad_text")
    _, problems = parse_raw({field: new_text}, act.zone)  # the same checks as the form
    if field in problems:
        raise RecordRefused("bad_value", (problems[field],))
    old = raw_from_fields(stored_fields(incident_id), act.zone).get(field, "")
    with transaction():
        Amendment.create(incident=incident_id, at=to_db(act.now), by=act.who.clerk, field=field,
                         reason=reason, old=old, new=new_text)
        append_entry(incident, "amended", at=act.now, actor=act.who.clerk, desk=act.who.desk,
                     text=reason, data={"field": field, "old": old, "new": new_text})


def amendments_of(incident_id: int) -> list[Amendment]:
    return list(Amendment.select().where(Amendment.incident == incident_id)
                .order_by(Amendment.id))


def _to_json(record: RecordFields) -> dict:
    data = asdict(record)
    for key, value in data.items():
        if isinstance(value, (datetime, date)):
            data[key] = value.isoformat()
    return data


def _from_json(data: dict) -> RecordFields:
    values = dict(data)
    for key in DATETIME_FIELDS:
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key])
    for key in DATE_FIELDS:
        if values.get(key):
            values[key] = date.fromisoformat(values[key])
    known = {f.name for f in fields(RecordFields)}
    return RecordFields(**{k: v for k, v in values.items() if k in known})
