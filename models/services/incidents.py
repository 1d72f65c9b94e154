"""IncidentService: the clerk's response actions, the deadlines they start and the list of
open incidents — one door for every screen (the history is the RecordService's).

Commands commit through models.incidents and return `Changes`; a refusal raises ActionRefused
(or DeadlineRefused) and changes nothing. While a drill runs, what starts belongs to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from models.clock.act import Act, Who
from models.clock.clocks import Clock
from models.clock.workdays import AlwaysHoliday, HolidayCalendar
from models.incidents import deadlines, records, response
from models.incidents.deadlines import DeadlineRefused, DeadlineView, urgency
from models.incidents.drafts import note_draft, save_note_draft
from models.incidents.lifecycle import Status
from models.incidents.readout import Readout, ReadoutAction, readout
from models.incidents.response import (
    CANCEL_WINDOW,
    NO_NUMBER,
    NOTE_MAX_CHARS,
    OPEN_STATUSES,
    REPEAT_WINDOW,
    ActionRefused,
    EntryView,
    IncidentState,
    IncidentSummary,
)
from models.plans.catalog import Catalog
from models.plans.revisions import plan_catalog
from models.services.changes import NOTHING, Changes, Outcome, command
from models.store.tables import Deadline, Incident, PlanVersion
from models.sync import leader_page

__all__ = ["CANCEL_WINDOW", "NOTE_MAX_CHARS", "NO_NUMBER", "OPEN_STATUSES", "REPEAT_WINDOW",
           "ActionRefused", "DeadlineRefused", "DeadlineView", "EntryView", "IncidentService",
           "IncidentState", "IncidentSummary", "Readout", "ReadoutAction", "Status", "readout",
           "urgency"]

ACTED = Changes(incidents=True, timeline=True)  # an act may put an incident in hand
ACTED_ON_DEADLINES = Changes(incidents=True, timeline=True, deadlines=True)
DEADLINES = Changes(timeline=True, deadlines=True)  # met, missed, silenced: no status changes


class IncidentService:
    def __init__(self, *, catalog: Catalog, plan: PlanVersion, clock: Clock,
                 who: Callable[[], Who],
                 calendar: Callable[[], HolidayCalendar] = HolidayCalendar) -> None:
        self.catalog = catalog
        self.plan = plan
        self.clock = clock
        self._who = who
        self._calendar = calendar
        self.drill_run: int | None = None  # while a drill runs, what starts belongs to it
        self.drill_holiday = False  # the running drill is played as on a holiday
        self._ran: dict[int, Catalog] = {}  # stored versions running incidents started on

    def who(self) -> Who:
        return self._who()

    def act(self) -> Act:
        """Who acts, now, under the desk's calendar: passed to every recorded action."""
        calendar = AlwaysHoliday() if self.drill_holiday else self._calendar()
        return Act(self._who(), self.clock.now(), calendar, self.clock.zone)

    # -- queries ---------------------------------------------------------------------------
    def state(self, incident_id: int) -> IncidentState:
        return response.incident_state(incident_id)

    def open_incidents(self) -> list[IncidentSummary]:
        return response.open_incidents()

    def record_text(self, incident_id: int) -> dict[str, str]:
        """The record form's fields as last typed (draft) or saved."""
        return records.load_form(incident_id, self.clock.zone)[0]

    def note_draft(self, incident_id: int) -> str:
        return note_draft(incident_id)

    def open_deadlines(self, incident_id: int | None = None) -> list[DeadlineView]:
        """Of every open incident, or of one."""
        return deadlines.open_deadlines(self.catalog, incident_id)

    def manual_triggers(self, incident_id: int) -> list[str]:
        return deadlines.manual_triggers(self.plans_of(incident_id), incident_id)

    def number_to_dial(self, role_key: str, number: str = "") -> str:
        """What a call press dials: the person's number, else the role's; "" if none."""
        return response.number_to_dial(self.catalog, role_key, number)

    def plans_of(self, incident_id: int | None) -> Catalog:
        """The plans an incident runs on: the desk's, or — where it started on another
        version (a revision published, or a program update, since) — the stored text of
        that version, so its steps, checks and clocks stay those it started with (a step
        checked is never read by its position in another text)."""
        plan_id = Incident.select(Incident.plan).where(Incident.id == incident_id).scalar()
        if plan_id is None or plan_id == self.plan.id:
            return self.catalog
        if plan_id not in self._ran:
            try:  # found by key where that version lacks one (a role added since)
                self._ran[plan_id] = plan_catalog(plan_id).backed_by(self.catalog)
            except (ValueError, KeyError, TypeError):  # a snapshot it cannot read: as before
                self._ran[plan_id] = self.catalog
        return self._ran[plan_id]

    def _status(self, incident_id: int) -> str | None:
        return Incident.select(Incident.status).where(Incident.id == incident_id).scalar()

    # -- commands --------------------------------------------------------------------------
    @command(ACTED_ON_DEADLINES)
    def start(self, situation_key: str) -> Changes:
        incident_id = response.start_incident(self.catalog, self.plan, situation_key,
                                              self.act(), drill_run=self.drill_run)
        return ACTED_ON_DEADLINES.about(incident_id)

    @command(ACTED)
    def set_step(self, incident_id: int, index: int, checked: bool) -> Changes:
        was = self._status(incident_id)
        response.set_step(self.plans_of(incident_id), incident_id, index, checked, self.act())
        return _handled(ACTED, incident_id, was)

    @command(Changes(timeline=True))
    def record_clock_jump(self, jump_seconds: float) -> Changes:
        """The PC's clock jumped: said on every open incident's timeline."""
        act = self.act()
        wall = act.now + timedelta(seconds=jump_seconds)
        touched = response.record_clock_jump(jump_seconds, wall, act)
        return Changes(timeline=bool(touched))

    @command(ACTED_ON_DEADLINES)
    def call(self, incident_id: int, role_key: str, *, person: str = "",
             number: str = "") -> Changes:
        was = self._status(incident_id)
        response.record_call(self.plans_of(incident_id), incident_id, role_key, self.act(),
                             person=person, number=number)
        return _handled(ACTED_ON_DEADLINES, incident_id, was)

    @command(ACTED_ON_DEADLINES)
    def report(self, incident_id: int, role_key: str, *, person: str = "",
               number: str = "") -> Changes:
        was = self._status(incident_id)
        response.mark_reported(self.plans_of(incident_id), incident_id, role_key, self.act(),
                               person=person, number=number)
        return _handled(ACTED_ON_DEADLINES, incident_id, was)

    def can_share_readout(self) -> bool:
        """Whether the desk is enrolled at a hall hub, which serves the leader's page."""
        return leader_page.hub_base_url() is not None

    @command(Changes(timeline=True))
    def share_readout(self, incident_id: int, role_key: str, person: str,
                      text: str) -> Outcome[str]:
        """The read-out `text` as shown, shared for `person` (of `role_key`) to acknowledge
        on a phone; the page's address. Written at once; the page exists at the hub once the
        desk has pushed it (seconds later, or when the hub is back)."""
        base = leader_page.hub_base_url()
        if base is None:
            raise ActionRefused("not_enrolled")
        cap = leader_page.new_cap()
        response.share_readout(self.plans_of(incident_id), incident_id, role_key, person, text,
                               self.act(), cap=cap)
        return Outcome(Changes(timeline=True).about(incident_id), leader_page.page_url(base, cap))

    @command(ACTED)
    def note(self, incident_id: int, text: str) -> Changes:
        was = self._status(incident_id)
        response.add_note(incident_id, text, self.act())
        return _handled(ACTED, incident_id, was)

    @command(NOTHING)
    def save_note_draft(self, incident_id: int, text: str) -> Changes:
        """The quick note as typed: kept, but nothing on screen depends on it."""
        save_note_draft(incident_id, text, self.clock.now())
        return Changes(incident_id=incident_id)

    @command(ACTED_ON_DEADLINES)
    def change_level(self, incident_id: int, level: int, reason: str) -> Changes:
        response.change_level(self.plans_of(incident_id), incident_id, level, reason,
                              self.act())
        return ACTED_ON_DEADLINES.about(incident_id)

    @command(ACTED_ON_DEADLINES)
    def switch_situation(self, incident_id: int, situation_key: str) -> Changes:
        response.switch_situation(self.plans_of(incident_id), incident_id, situation_key,
                                  self.act())
        return ACTED_ON_DEADLINES.about(incident_id)

    @command(ACTED_ON_DEADLINES)
    def cancel(self, incident_id: int, reason: str = "") -> Changes:
        response.cancel_incident(incident_id, reason, self.act())
        return ACTED_ON_DEADLINES.about(incident_id)

    @command(ACTED_ON_DEADLINES)
    def resolve(self, incident_id: int) -> Changes:
        response.mark_resolved(self.plans_of(incident_id), incident_id, self.act())
        return ACTED_ON_DEADLINES.about(incident_id)

    # -- deadlines -------------------------------------------------------------------------
    @command(DEADLINES)
    def meet_deadline(self, deadline_id: int, person: str = "") -> Changes:
        incident_id = Deadline.select(Deadline.incident).where(
            Deadline.id == deadline_id).scalar()
        deadlines.meet(self.plans_of(incident_id), deadline_id, self.act(), to_person=person)
        return DEADLINES

    @command(DEADLINES)
    def acknowledge(self, deadline_ids: list[int]) -> Changes:
        act = self.act()
        for deadline_id in deadline_ids:
            deadlines.acknowledge(deadline_id, act)
        return DEADLINES if deadline_ids else Changes()

    @command(DEADLINES)
    def trigger(self, incident_id: int, trigger: str) -> Changes:
        deadlines.trigger_manual(self.plans_of(incident_id), incident_id, trigger, self.act())
        return DEADLINES.about(incident_id)

    @command(DEADLINES)
    def check_overdue(self) -> Outcome[list[int]]:
        """Record the misses of deadlines come due (and what they chain); the ids missed."""
        missed = deadlines.check_overdue(self.catalog, self.act(), plans_of=self.plans_of)
        return Outcome(DEADLINES if missed else Changes(), missed)


def _handled(changes: Changes, incident_id: int, was: str | None) -> Changes:
    """A handling act (step, call, report, note) changes the incident itself only when it
    puts an open incident in hand; otherwise only its timeline (and deadlines) changed."""
    return (changes if was == "open" else replace(changes, incidents=False)).about(incident_id)
