"""DayCalls: the calls of the duty phone log of one of the hall's days (today when opened),
from the call form: what came in, who took it, who else was told."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QVBoxLayout, QWidget

from models.clock import hall_time
from models.services.duty import DutyService, StoredCall
from ui.common.simple_table import fill_table, setup_table


class DayCalls(QDialog):
    def __init__(self, *, service: DutyService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayCalls")
        self.setWindowTitle(self.tr("Today's calls"))
        self._service = service
        self.heading = QLabel(objectName="dayCallsHeading")
        self.table = QTableWidget(0, 6, objectName="dayCallsTable")
        setup_table(self.table)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Caller"), self.tr("Content"), self.tr("Also told"),
            self.tr("Recorder"), self.tr("Incident")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        self.resize(1000, 480)

    def show_day(self, day: date | None = None) -> None:
        act = self._service.act()  # real time: a drill's faster clock is not the day's
        day = day or act.day_of(act.now)
        calls = self._service.calls_of(day, day)
        self.heading.setText(self.tr("{0}: {1} calls").format(day.isoformat(), len(calls)))
        fill_table(self.table, [self._row(c) for c in calls])

    def _row(self, call: StoredCall) -> tuple[str, ...]:
        line, zone = call.line, self._service.act().zone
        caller = " ".join(p for p in (line.unit, line.name, line.post, line.phone) if p)
        told = "；".join(f"{n} {hall_time.local_text(at, zone, '%H:%M')}" for n, at in line.told)
        return (hall_time.local_text(line.at, zone, "%H:%M"), caller, line.content, told,
                line.recorder, line.incident)
