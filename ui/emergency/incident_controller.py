"""IncidentController: the guided view's Qt side of the IncidentService.

Every action runs through the desk's Operations: committed, it is announced as `changed`
(Changes) and the screens redraw from the database; refused, it becomes a plain message
(action_refused); failed, it takes the one error path and the screens redraw what is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from models.clock.act import Act, Who
from models.plans.catalog import Catalog
from models.services.changes import Changes
from models.services.incidents import (
    CANCEL_WINDOW,
    NOTE_MAX_CHARS,
    ActionRefused,
    IncidentService,
    IncidentState,
    IncidentSummary,
)
from ui.common.operations import Operations


class IncidentController(QObject):
    incident_started = Signal(int)
    action_refused = Signal(str)  # a message for the clerk
    clerk_needed = Signal(str)  # a press made while nobody is on duty: its situation key

    def __init__(self, *, service: IncidentService, operations: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.operations = operations
        self.changed = operations.changed  # Changes, after every command, from every screen
        self.catalog = service.catalog
        self.clock = service.clock

    # -- the drill under way -----------------------------------------------------------------
    @property
    def drill_run(self) -> int | None:
        return self.service.drill_run

    @drill_run.setter
    def drill_run(self, run_id: int | None) -> None:
        self.service.drill_run = run_id

    @property
    def drill_holiday(self) -> bool:
        return self.service.drill_holiday

    @drill_holiday.setter
    def drill_holiday(self, holiday: bool) -> None:
        self.service.drill_holiday = holiday

    # -- reading ---------------------------------------------------------------------------
    def state(self, incident_id: int) -> IncidentState:
        return self.service.state(incident_id)

    def plans_of(self, incident_id: int) -> Catalog:
        """The plans the incident runs on (the version it started on)."""
        return self.service.plans_of(incident_id)

    def open_incidents(self) -> list[IncidentSummary]:
        return self.service.open_incidents()

    def record_text(self, incident_id: int) -> dict[str, str]:
        """The record form's fields as last typed (draft) or saved."""
        return self.service.record_text(incident_id)

    def note_draft(self, incident_id: int) -> str:
        return self.service.note_draft(incident_id)

    def save_note_draft(self, incident_id: int, text: str) -> None:
        self.operations.run(self.service.save_note_draft, incident_id, text)

    def number_to_dial(self, role_key: str, number: str = "") -> str:
        """What a call press dials: the person's number, else the role's; "" if none."""
        return self.service.number_to_dial(role_key, number)

    def who(self) -> Who:
        return self.service.who()

    def act(self) -> Act:
        """Who acts, now, under the desk's calendar: passed to every recorded action."""
        return self.service.act()

    # -- acting ----------------------------------------------------------------------------
    def start(self, situation_key: str) -> int | None:
        """The new incident; None when not started (said, or the clerk is asked who is on
        duty and the press is made again once a name is chosen: `clerk_needed`)."""
        try:
            changes = self._do(self.service.start, situation_key)
        except ActionRefused:  # nobody on duty
            self.clerk_needed.emit(situation_key)
            return None
        if changes is None:
            return None
        self.incident_started.emit(changes.incident_id)
        return changes.incident_id

    def set_step(self, incident_id: int, index: int, checked: bool) -> bool:
        return self._do(self.service.set_step, incident_id, index, checked) is not None

    def call(self, incident_id: int, role_key: str, *, person: str = "",
             number: str = "") -> bool:
        return self._do(self.service.call, incident_id, role_key, person=person,
                        number=number) is not None

    def report(self, incident_id: int, role_key: str, *, person: str = "",
               number: str = "") -> bool:
        return self._do(self.service.report, incident_id, role_key, person=person,
                        number=number) is not None

    def note(self, incident_id: int, text: str) -> bool:
        return self._do(self.service.note, incident_id, text) is not None

    def change_level(self, incident_id: int, level: int, reason: str) -> bool:
        return self._do(self.service.change_level, incident_id, level, reason) is not None

    def switch_situation(self, incident_id: int, situation_key: str) -> bool:
        return self._do(self.service.switch_situation, incident_id, situation_key) is not None

    def can_share_readout(self) -> bool:
        return self.service.can_share_readout()

    def share_readout(self, incident_id: int, role_key: str, person: str,
                      text: str) -> str | None:
        """The address of the leader's page for the read-out `text`; None when refused
        (said) or failed (shown)."""
        try:
            outcome = self.operations.run(self.service.share_readout, incident_id, role_key,
                                          person, text)
        except ActionRefused as refused:
            self.action_refused.emit(self.refusal_text(refused))
            return None
        return outcome.value if outcome is not None else None

    def cancel(self, incident_id: int, reason: str = "") -> bool:
        return self._do(self.service.cancel, incident_id, reason) is not None

    def resolve(self, incident_id: int) -> bool:
        return self._do(self.service.resolve, incident_id) is not None

    # -- one error path --------------------------------------------------------------------
    def _do(self, command: Callable[..., Changes], *args, **kwargs) -> Changes | None:
        """The Changes of a committed command; None when refused (said) or failed (shown).
        Nobody on duty is raised: the clerk is asked, not told."""
        try:
            return self.operations.run(command, *args, **kwargs)
        except ActionRefused as refused:
            if refused.code == "no_clerk":
                raise
            self.action_refused.emit(self.refusal_text(refused))
            return None

    def refusal_text(self, refused: ActionRefused) -> str:
        texts = {
            "empty_note": self.tr("The note is empty."),
            "note_too_long": self.tr("The note is longer than {0} characters; shorten it or "
                                     "split it into two notes.").format(NOTE_MAX_CHARS),
            "reason_required": self.tr("Say why the level changes."),
            "reason_too_long": self.tr("The reason is too long."),
            "same_level": self.tr("The incident already has this level."),
            "cancel_window_passed": self.tr("It is too late to cancel: an incident can only be "
                                            "cancelled within {0} minutes of starting. Close it "
                                            "with a note instead.").format(
                                                int(CANCEL_WINDOW.total_seconds() // 60)),
            "not_open": self.tr("This incident is no longer open."),
            "not_enrolled": self.tr("This desk is not enrolled at a hall hub: the phone's "
                                    "page needs one."),
        }
        return texts.get(refused.code, self.tr("Not possible: {0}").format(str(refused)))
