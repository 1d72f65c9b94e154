"""IncidentController: the widgets' one door to the response actions in models.response.

Every action is committed by the model function before a signal tells the widgets to redraw.
A refused action becomes a plain message (action_refused), never an exception in a slot.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from models.clock.act import Act, Who
from models.clock.clocks import Clock
from models.clock.workdays import AlwaysHoliday, HolidayCalendar
from models.incidents import records, response
from models.incidents.drafts import note_draft, save_note_draft
from models.incidents.response import ActionRefused, IncidentState, IncidentSummary
from models.plans.catalog import Catalog
from models.store.tables import PlanVersion


class IncidentController(QObject):
    incident_started = Signal(int)
    incident_changed = Signal(int)
    open_incidents_changed = Signal()
    action_refused = Signal(str)  # a message for the clerk

    def __init__(self, *, catalog: Catalog, plan: PlanVersion, clock: Clock,
                 who: Callable[[], Who],
                 calendar: Callable[[], HolidayCalendar] = HolidayCalendar,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.clock = clock
        self._plan = plan
        self._who = who
        self._calendar = calendar
        self.drill_run: int | None = None  # while a drill runs, what starts belongs to it
        self.drill_holiday = False  # the running drill is played as on a holiday

    # -- reading ---------------------------------------------------------------------------
    def state(self, incident_id: int) -> IncidentState:
        return response.incident_state(incident_id)

    def open_incidents(self) -> list[IncidentSummary]:
        return response.open_incidents()

    def record_text(self, incident_id: int) -> dict[str, str]:
        """The record form's fields as last typed (draft) or saved."""
        return records.load_form(incident_id, self.clock.zone)[0]

    def note_draft(self, incident_id: int) -> str:
        return note_draft(incident_id)

    def save_note_draft(self, incident_id: int, text: str) -> None:
        save_note_draft(incident_id, text, self.clock.now())

    def who(self) -> Who:
        return self._who()

    def act(self) -> Act:
        """Who acts, now, under the desk's calendar: passed to every recorded action."""
        calendar = AlwaysHoliday() if self.drill_holiday else self._calendar()
        return Act(self._who(), self.clock.now(), calendar, self.clock.zone)

    # -- acting ----------------------------------------------------------------------------
    def start(self, situation_key: str) -> int | None:
        ok, incident_id = self._do(response.start_incident, self.catalog, self._plan,
                                   situation_key, self.act(), drill_run=self.drill_run)
        if not ok:
            return None
        self.incident_started.emit(incident_id)
        self.open_incidents_changed.emit()
        return incident_id

    def set_step(self, incident_id: int, index: int, checked: bool) -> bool:
        return self._act(incident_id, response.set_step, self.catalog, incident_id, index,
                         checked, self.act())

    def call(self, incident_id: int, role_key: str, *, person: str = "",
             number: str = "") -> bool:
        return self._act(incident_id, response.record_call, self.catalog, incident_id, role_key,
                         self.act(), person=person, number=number)

    def report(self, incident_id: int, role_key: str, *, person: str = "",
               number: str = "") -> bool:
        return self._act(incident_id, response.mark_reported, self.catalog, incident_id,
                         role_key, self.act(), person=person, number=number)

    def note(self, incident_id: int, text: str) -> bool:
        return self._act(incident_id, response.add_note, incident_id, text, self.act())

    def change_level(self, incident_id: int, level: int, reason: str) -> bool:
        done = self._act(incident_id, response.change_level, self.catalog, incident_id, level,
                         reason, self.act())
        if done:
            self.open_incidents_changed.emit()
        return done

    def switch_situation(self, incident_id: int, situation_key: str) -> bool:
        done = self._act(incident_id, response.switch_situation, self.catalog, incident_id,
                         situation_key, self.act())
        if done:
            self.open_incidents_changed.emit()
        return done

    def cancel(self, incident_id: int, reason: str = "") -> bool:
        done = self._act(incident_id, response.cancel_incident, incident_id, reason, self.act())
        if done:
            self.open_incidents_changed.emit()
        return done

    def resolve(self, incident_id: int) -> bool:
        done = self._act(incident_id, response.mark_resolved, self.catalog, incident_id,
                         self.act())
        if done:
            self.open_incidents_changed.emit()
        return done

    def touched(self, incident_id: int) -> None:
        """Something else (the record form) changed the incident: everyone redraws."""
        self.incident_changed.emit(incident_id)
        self.open_incidents_changed.emit()

    # -- one error path --------------------------------------------------------------------
    def _act(self, incident_id: int, action: Callable, *args, **kwargs) -> bool:
        ok, _ = self._do(action, *args, **kwargs)
        if ok:
            self.incident_changed.emit(incident_id)
        return ok

    def _do(self, action: Callable, *args, **kwargs) -> tuple[bool, object]:
        try:
            return True, action(*args, **kwargs)
        except ActionRefused as refused:
            self.action_refused.emit(self.refusal_text(refused))
            return False, None

    def refusal_text(self, refused: ActionRefused) -> str:
        texts = {
            "empty_note": self.tr("The note is empty."),
            "note_too_long": self.tr("The note is longer than {0} characters; shorten it or "
                                     "split it into two notes.").format(response.NOTE_MAX_CHARS),
            "reason_required": self.tr("Say why the level changes."),
            "reason_too_long": self.tr("The reason is too long."),
            "same_level": self.tr("The incident already has this level."),
            "cancel_window_passed": self.tr("It is too late to cancel: an incident can only be "
                                            "cancelled within {0} minutes of starting. Close it "
                                            "with a note instead.").format(
                                                int(response.CANCEL_WINDOW.total_seconds() // 60)),
            "not_open": self.tr("This incident is no longer open."),
        }
        return texts.get(refused.code, self.tr("Not possible: {0}").format(str(refused)))
