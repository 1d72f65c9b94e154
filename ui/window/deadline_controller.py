"""DeadlineController: keeps the open deadlines, notices misses, drives alarms.

It ticks twice a second against a cached list (no query per tick); only when a cached
deadline has come due does it ask the IncidentService to record the miss, which also starts
what the miss chains. Deadlines that passed while the program was closed are missed on the
first tick. Whatever changes deadlines, on any screen, reloads the list (Changes): only the
incident's own deadlines when the Changes name one (a command about an incident touches no
other's), all of them otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from models.services.changes import Changes
from models.services.incidents import DeadlineRefused, DeadlineView, IncidentService
from ui.common.operations import Operations

TICK_MS = 500


class DeadlineController(QObject):
    changed = Signal()  # the list of open deadlines changed
    ticked = Signal()  # time moved: countdowns redraw
    missed = Signal(list)  # ids of deadlines that have just been missed
    alarm_changed = Signal(bool)  # whether an unacknowledged miss exists

    def __init__(self, *, service: IncidentService, operations: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = service.catalog
        self._service = service
        self._ops = operations
        self.views: list[DeadlineView] = []
        self._alarm = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        operations.changed.connect(self._on_changed)

    def start(self) -> None:
        self.reload()
        self.tick()
        self._timer.start()

    def now(self):
        return self._service.act().now

    # -- reading ---------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not (changes.deadlines or changes.incidents):  # a closed one owes nothing more
            return
        if changes.incident_id is None:
            self.reload()
        else:
            self.reload_incident(changes.incident_id)

    def reload(self) -> None:
        self.views = self._service.open_deadlines()
        self._show()

    def reload_incident(self, incident_id: int) -> None:
        """One incident's deadlines read again, the others' kept; most urgent first."""
        kept = [v for v in self.views if v.incident_id != incident_id]
        read = self._service.open_deadlines(incident_id)
        self.views = sorted(kept + read, key=lambda v: (v.due_at, v.id))
        self._show()

    def _show(self) -> None:
        self.changed.emit()
        self._update_alarm()

    def alarming(self) -> list[DeadlineView]:
        """Missed (or a decision point reached), not yet acknowledged duties of the clerk's
        own: another's miss shows on its card but does not ring (the decision is in the
        README, "Whose alarm")."""
        return [v for v in self.views
                if v.ringing and not v.acknowledged and v.owed_by_desk]

    def manual_triggers(self, incident_id: int) -> list[str]:
        return self._service.manual_triggers(incident_id)

    # -- time ------------------------------------------------------------------------------
    def tick(self) -> None:
        now = self.now()
        if any(v.status == "pending" and v.due_at <= now for v in self.views):
            outcome = self._ops.run(self._service.check_overdue)  # reloads when it missed any
            if outcome is not None and not outcome.value:
                self.reload()  # nothing was missed after all: the cached list was stale
            elif outcome is not None:
                self.missed.emit(outcome.value)
        self.ticked.emit()

    # -- acting ----------------------------------------------------------------------------
    def meet(self, deadline_id: int, person: str = "") -> bool:
        try:
            return self._ops.run(self._service.meet_deadline, deadline_id, person) is not None
        except DeadlineRefused:
            self.reload()  # met or missed meanwhile: show what is stored
            return False

    def acknowledge_all(self) -> None:
        self._ops.run(self._service.acknowledge, [v.id for v in self.alarming()])

    def trigger(self, incident_id: int, trigger: str) -> None:
        self._ops.run(self._service.trigger, incident_id, trigger)

    def _update_alarm(self) -> None:
        alarm = bool(self.alarming())
        if alarm != self._alarm:
            self._alarm = alarm
            self.alarm_changed.emit(alarm)
