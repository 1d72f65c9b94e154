"""DutyService: the duty phone log (值班电话记录簿) and the shift handover (交接班).

A call about an incident is also a line in that incident's timeline, written in the same
transaction as the call: the incident's record, its PDF, `verify` and the hall hub then know
of it with nothing new to learn (a timeline is what each of them already reads), and the line
cannot exist without the call nor the call without the line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from models.clock import hall_time
from models.clock.act import Act
from models.incidents import deadlines
from models.incidents.lifecycle import OPEN_STATUSES, Status
from models.incidents.timeline import append_entry
from models.journal import call_draft, duty_calls, handover
from models.journal.duty_calls import CallInput, CallRefused, StoredCall
from models.journal.handover import HandoverRefused, Offer, OpenDeadline, OpenIncident, OpenItems
from models.plans.catalog import Catalog
from models.plans.revisions import names_of
from models.services.changes import Changes, Outcome, command
from models.store.tables import Incident, transaction

__all__ = ["CallInput", "CallRefused", "DutyService", "HandoverRefused", "LinkableIncident",
           "Offer", "OpenDeadline", "OpenIncident", "OpenItems", "StoredCall"]

LOGGED = Changes(duty=True)
LOGGED_ON_TIMELINE = Changes(duty=True, timeline=True)
TIMELINE_KIND = "duty_call"  # the incident's line for a call about it


@dataclass(frozen=True)
class LinkableIncident:
    id: int
    number: str
    situation: str
    status: str


class DutyService:
    def __init__(self, *, catalog: Catalog, act: Callable[[], Act], draft_file: Path) -> None:
        """`draft_file`: where the call being typed is kept (models.journal.call_draft)."""
        self.catalog = catalog
        self._act = act
        self._draft = draft_file

    def act(self) -> Act:
        return self._act()

    # -- the phone log -----------------------------------------------------------------------
    def linkable_incidents(self) -> list[LinkableIncident]:
        """What a call can be about: the real incidents running, then today's others (closed
        ones too: a follow-up call about a closed incident is a line of its timeline, as an
        amendment is; not drills, not presses cancelled as made by mistake)."""
        act = self._act()
        since, _ = hall_time.days_span(act.day_of(act.now), act.day_of(act.now), act.zone)
        rows = (Incident.select().where(Incident.is_drill == False)  # noqa: E712
                .where(Incident.status != Status.CANCELLED)  # pressed by mistake: no incident
                .where(Incident.status.in_(OPEN_STATUSES) |
                       (Incident.started_at >= since.replace(tzinfo=None)))
                .order_by(Incident.started_at.desc(), Incident.id.desc()))
        found = [LinkableIncident(r.id, r.number, r.situation_name, r.status) for r in rows]
        return sorted(found, key=lambda i: i.status not in OPEN_STATUSES)  # stable: by time

    @command(LOGGED_ON_TIMELINE)
    def record_call(self, call: CallInput) -> Outcome[int]:
        """The call written (and its draft gone); CallRefused when a field is wrong."""
        act = self._act()
        with transaction():
            number = ""
            incident = None
            if call.incident is not None:
                incident = Incident.get_or_none(Incident.id == call.incident)
                if incident is None:
                    raise CallRefused({"incident": "no_such_incident"})
                number = incident.number
            entry = duty_calls.record(_with_number(call, number), act)
            if incident is not None:
                when = hall_time.local_text(call.at, act.zone, "%H:%M")
                append_entry(incident, TIMELINE_KIND, at=act.now, actor=entry.actor,
                             desk=act.who.desk, text=f"{when} {entry.text}",
                             data={"journal": entry.id})
        call_draft.clear(self._draft)
        changes = LOGGED_ON_TIMELINE.about(incident.id) if incident is not None else LOGGED
        return Outcome(changes, entry.id)

    @command(LOGGED)
    def tell(self, call_id: int, name: str, at: datetime) -> Changes:
        duty_calls.tell(call_id, name, at, self._act())
        return LOGGED

    def calls_of(self, first: date, last: date) -> list[StoredCall]:
        act = self._act()
        return duty_calls.calls(*hall_time.days_span(first, last, act.zone))

    def draft(self) -> dict[str, object]:
        return call_draft.load(self._draft)

    def save_draft(self, fields: dict[str, object]) -> None:
        call_draft.save(self._draft, fields)

    # -- the handover ------------------------------------------------------------------------
    def open_items(self) -> OpenItems:
        """What the outgoing clerk hands over: the incidents running, the deadlines open."""
        rows = list(Incident.select().where(Incident.status.in_(OPEN_STATUSES))
                    .order_by(Incident.started_at, Incident.id))
        numbers = {r.id: r.number for r in rows}
        incidents = tuple(OpenIncident(r.number, r.situation_name, self._level(r), r.status,
                                       r.is_drill) for r in rows)
        owed = tuple(OpenDeadline(numbers.get(d.incident_id, ""), d.label, d.due_at, d.status)
                     for d in deadlines.open_deadlines(self.catalog))
        return OpenItems(incidents, owed)

    def _level(self, row: Incident) -> str:
        level = names_of(row.plan_id, self.catalog).level(row.level)
        return f"{level.name}（{level.short}）"

    def waiting_handover(self) -> Offer | None:
        return handover.waiting(self._act().who.desk)

    @command(LOGGED)
    def offer_handover(self, items: OpenItems, notes: str) -> Outcome[Offer]:
        return Outcome(LOGGED, handover.offer(items, notes, self._act()))

    @command(LOGGED)
    def answer_handover(self, offer_id: int, incoming: str, *, accept: bool,
                        reason: str = "") -> Changes:
        handover.answer(offer_id, incoming, accept=accept, reason=reason, act=self._act())
        return LOGGED


def _with_number(call: CallInput, number: str) -> CallInput:
    return replace(call, incident_number=number)


def draft_beside(settings_file: Path) -> Path:
    """Where the desk keeps the call being typed: beside its settings (one per desk PC)."""
    return call_draft.draft_path(settings_file)
