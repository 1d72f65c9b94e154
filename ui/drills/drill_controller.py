"""DrillController: runs a scenario on the normal screens — drill incidents, accelerated time,
holiday rules when the scenario is played on a holiday, injects at their moments (recorded
for the report) — and scores it at the end."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from models.clock.clocks import DeskClock
from models.drills.results import DrillScore
from models.services.drills import DrillService, Scenario, due_injects
from ui.emergency.incident_controller import IncidentController

TICK_MS = 500


class DrillController(QObject):
    started = Signal(object)  # Scenario
    inject = Signal(str)  # what happens now, for the clerk
    ticked = Signal()
    finished = Signal(object)  # DrillScore
    refused = Signal(str)
    recovered = Signal(list)  # runs a restart found unfinished, ended and scored

    def __init__(self, *, service: DrillService, clock: DeskClock,
                 incidents: IncidentController, parent: QObject | None = None) -> None:
        """Commands run through the incidents' Operations: one error path for the desk."""
        super().__init__(parent)
        self.service = service
        self._clock = clock
        self._incidents = incidents
        self.operations = incidents.operations
        self.scenario: Scenario | None = None
        self.run_id: int | None = None
        self.last_run_id: int | None = None
        self.recovered_runs: list[int] = []  # what recover() ended, for screens built later
        self.started_at: datetime | None = None  # drill time
        self.shown = 0
        self.last_inject = ""
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.run_id is not None

    @property
    def rate(self) -> int:
        return self._clock.rate

    def elapsed(self):
        return self._clock.now() - self.started_at if self.started_at else None

    def recover(self) -> list[int]:
        """At start: a drill cut short by a crash or power cut is ended and scored, so its
        clocks never ring on a real shift."""
        outcome = self.operations.run(self.service.end_interrupted)
        ended = outcome.value if outcome is not None else []
        if ended:
            self.last_run_id = ended[-1]
            self.recovered_runs = ended
            self.recovered.emit(ended)
        return ended

    def start(self, scenario: Scenario, rate: int, trainer: str) -> bool:
        if self.running:
            return False
        if rate > 1 and self.service.real_deadlines_open():
            self.refused.emit(self.tr("Real incidents have deadlines running: a faster drill "
                                      "would speed them up too. Run it at normal speed, or "
                                      "after they are done."))
            return False
        outcome = self.operations.run(self.service.start, scenario, rate, trainer)
        if outcome is None:
            return False  # failed: the error path said so
        self.run_id = outcome.value
        self.scenario = scenario
        self._clock.accelerate(rate)
        self.started_at = self._clock.now()
        self.shown = 0
        self.last_inject = ""
        self._incidents.drill_run = self.run_id
        self._incidents.drill_holiday = scenario.holiday
        self._timer.start()
        self.started.emit(scenario)
        self.tick()
        return True

    def tick(self) -> None:
        if not self.running:
            return
        for inject in due_injects(self.scenario, self.elapsed(), self.shown):
            self.operations.run(self.service.record_shown, self.run_id, self.shown, inject,
                          self._clock.now())
            self.shown += 1
            self.last_inject = inject.text
            self.inject.emit(inject.text)
        self.ticked.emit()

    def stop(self) -> DrillScore | None:
        if not self.running:
            return None
        self._timer.stop()
        if self.operations.run(self.service.finish, self.run_id, self.scenario,
                         self.started_at) is None:
            self._timer.start()  # failed: the error path said so; the drill goes on
            return None
        result = self.service.report(self.run_id).score
        self._incidents.drill_run = None
        self._incidents.drill_holiday = False
        self._clock.restore()
        self.last_run_id, self.run_id = self.run_id, None
        self.finished.emit(result)
        return result
