"""DeadlineController: keeps the open deadlines, notices misses, drives alarms.

It ticks twice a second against a cached list (no query per tick); only when a cached
deadline has come due does it ask the model to record the miss, which also starts what the
miss chains. Deadlines that passed while the program was closed are missed on the first tick.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from models.clock.act import Act
from models.incidents import deadlines
from models.incidents.deadlines import DeadlineRefused, DeadlineView
from models.plans.catalog import Catalog

TICK_MS = 500


class DeadlineController(QObject):
    changed = Signal()  # the list of open deadlines changed
    ticked = Signal()  # time moved: countdowns redraw
    missed = Signal(list)  # ids of deadlines that have just been missed
    alarm_changed = Signal(bool)  # whether an unacknowledged miss exists

    def __init__(self, *, catalog: Catalog, act: Callable[[], Act],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._act = act
        self.views: list[DeadlineView] = []
        self._alarm = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.reload()
        self.tick()
        self._timer.start()

    def now(self):
        return self._act().now

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.views = deadlines.open_deadlines()
        self.changed.emit()
        self._update_alarm()

    def alarming(self) -> list[DeadlineView]:
        return [v for v in self.views if v.status == "missed" and not v.acknowledged]

    def manual_triggers(self, incident_id: int) -> list[str]:
        return deadlines.manual_triggers(self.catalog, incident_id)

    # -- time ------------------------------------------------------------------------------
    def tick(self) -> None:
        now = self.now()
        if any(v.status == "pending" and v.due_at <= now for v in self.views):
            missed = deadlines.check_overdue(self.catalog, self._act())
            self.reload()
            if missed:
                self.missed.emit(missed)
        self.ticked.emit()

    # -- acting ----------------------------------------------------------------------------
    def meet(self, deadline_id: int, person: str = "") -> bool:
        try:
            deadlines.meet(self.catalog, deadline_id, self._act(), to_person=person)
        except DeadlineRefused:
            return False
        finally:
            self.reload()
        return True

    def acknowledge_all(self) -> None:
        act = self._act()
        for view in self.alarming():
            deadlines.acknowledge(view.id, act)
        self.reload()

    def trigger(self, incident_id: int, trigger: str) -> None:
        deadlines.trigger_manual(self.catalog, incident_id, trigger, self._act())
        self.reload()

    def _update_alarm(self) -> None:
        alarm = bool(self.alarming())
        if alarm != self._alarm:
            self._alarm = alarm
            self.alarm_changed.emit(alarm)
