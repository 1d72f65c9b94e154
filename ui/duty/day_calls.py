"""DayCalls: the calls of the duty phone log of one of the hall's days (today when opened),
from the call form: what came in, who took it, who else was told — and someone told now,
afterwards (a new entry that follows the call: the call itself is never changed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.services.duty import CallRefused, StoredCall
from ui.common.simple_table import fill_table, setup_table
from ui.duty.duty_controller import DutyController


class DayCalls(QDialog):
    def __init__(self, *, controller: DutyController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayCalls")
        self.setWindowTitle(self.tr("Today's calls"))
        self._controller = controller
        self.calls: list[StoredCall] = []
        self.day: date | None = None
        self.heading = QLabel(objectName="dayCallsHeading")
        self.table = QTableWidget(0, 6, objectName="dayCallsTable")
        setup_table(self.table)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Caller"), self.tr("Content"), self.tr("Also told"),
            self.tr("Recorder"), self.tr("Incident")])
        self.told_name = QLineEdit(objectName="toldLaterName")
        self.told_name.setMaxLength(50)
        self.told_name.setPlaceholderText(self.tr("Told now: name"))
        self.told_button = QPushButton(self.tr("Add to the chosen call"),
                                       objectName="toldLaterButton")
        self.told_button.clicked.connect(self.tell)
        self.problem = QLabel(objectName="dayCallsProblem")
        told = QHBoxLayout()
        told.addWidget(self.told_name, 1)
        told.addWidget(self.told_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(told)
        layout.addWidget(self.problem)
        self.resize(1000, 480)

    def show_day(self, day: date | None = None) -> None:
        act = self._controller.service.act()  # real time: a drill's faster clock is not the day's
        self.day = day or act.day_of(act.now)
        self.calls = self._controller.service.calls_of(self.day, self.day)
        self.heading.setText(self.tr("{0}: {1} calls").format(self.day.isoformat(),
                                                              len(self.calls)))
        fill_table(self.table, [self._row(c) for c in self.calls])

    def _row(self, call: StoredCall) -> tuple[str, ...]:
        line, zone = call.line, self._controller.service.act().zone
        caller = " ".join(p for p in (line.unit, line.name, line.post, line.phone) if p)
        told = "；".join(f"{n} {hall_time.local_text(at, zone, '%H:%M')}" for n, at in line.told)
        content = line.content + (" / " + self.tr("Handling: {0}").format(line.handling)
                                  if line.handling else "")
        return (hall_time.local_text(line.at, zone, "%H:%M"), caller, content, told,
                line.recorder, line.incident)

    def tell(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.calls):
            self.problem.setText(self.tr("Choose the call first."))
            return
        now = self._controller.service.act().now
        try:
            done = self._controller.tell(self.calls[row].id, self.told_name.text(), now)
        except CallRefused:
            self.problem.setText(self.tr("Type the name of who was told."))
            return
        if done:
            self.told_name.clear()
            self.problem.clear()
            self.show_day(self.day)
            self.table.selectRow(row)
