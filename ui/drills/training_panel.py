"""TrainingPanel: the log of training sessions and drills held (date, topic, trainer,
attendees, notes); drills run in the app are logged by themselves, with their score."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.services.drills import DrillService, TrainingRefused
from models.services.records import parse_date
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.simple_table import fill_table, setup_table


class TrainingPanel(QWidget):
    added = Signal()

    def __init__(self, *, service: DrillService, operations: Operations,
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        self._service = service
        self._ops = operations
        self._today = today
        self.kind = QComboBox(objectName="trainingKind")
        self.kind.addItem(self.tr("Training session"), "training")
        self.kind.addItem(self.tr("Drill (held outside the program)"), "drill")
        self.form = QComboBox(objectName="trainingForm")  # a drill's: tabletop or live
        self.form.addItem(self.tr("Live drill (实战)"), "live")
        self.form.addItem(self.tr("Tabletop drill (桌面)"), "tabletop")
        self.fire = QCheckBox(self.tr("Fire and evacuation drill"), objectName="trainingFire")
        self.kind.currentIndexChanged.connect(self._show_drill_fields)
        self.held_on = QLineEdit(objectName="trainingDate")
        self.held_on.setPlaceholderText("YYYY-MM-DD")
        self.topic = QLineEdit(objectName="trainingTopic")
        self.topic.setPlaceholderText(self.tr("Topic, e.g. plans, scripts, safety"))
        self.trainer = QLineEdit(objectName="trainingTrainer")
        self.trainer.setPlaceholderText(self.tr("Trainer"))
        self.attendees = QLineEdit(objectName="trainingAttendees")
        self.attendees.setPlaceholderText(self.tr("Attendees"))
        self.notes = QLineEdit(objectName="trainingNotes")
        self.notes.setPlaceholderText(self.tr("Notes"))
        self.add_button = QPushButton(self.tr("Record it"), objectName="addTraining")
        self.add_button.clicked.connect(self.add)
        self.message = QLabel(objectName="trainingMessage")
        self.message.setWordWrap(True)
        self.log = QTableWidget(0, 6, objectName="trainingLog")
        self.log.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Topic"),
                                            self.tr("Trainer"), self.tr("Attendees"),
                                            self.tr("Notes")])
        setup_table(self.log)
        self.log.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.log.horizontalHeader().setStretchLastSection(False)

        form = QGridLayout()
        form.addWidget(self.kind, 0, 0)
        form.addWidget(self.held_on, 0, 1)
        form.addWidget(self.topic, 0, 2, 1, 2)
        form.addWidget(self.trainer, 1, 0)
        form.addWidget(self.attendees, 1, 1, 1, 2)
        form.addWidget(self.notes, 2, 0, 1, 1)
        form.addWidget(self.form, 2, 1)
        form.addWidget(self.fire, 2, 2)
        form.addWidget(self.add_button, 1, 3, 2, 1)
        form.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.log, 1)
        self.held_on.setText(today().isoformat())
        self._show_drill_fields()

    def _show_drill_fields(self) -> None:
        drill = self.kind.currentData() == "drill"
        self.form.setVisible(drill)
        self.fire.setVisible(drill)

    def add(self) -> bool:
        held_on = parse_date(self.held_on.text())
        texts = (self.topic.text(), self.trainer.text(), self.attendees.text(),
                 self.notes.text())
        try:
            if self.kind.currentData() == "drill":  # with its form, for the calendar
                added = self._ops.run(self._service.add_drill, held_on, *texts,
                                      self.form.currentData(), self.fire.isChecked(),
                                      today=self._today())
            else:
                added = self._ops.run(self._service.add_training, "training", held_on, *texts,
                                      today=self._today())
        except TrainingRefused as refused:
            show_message(self.message, self.refusal_text(refused.code), ok=False)
            return False
        if added is None:
            return False  # failed: the error path said so; what was typed is still here
        show_message(self.message, self.tr("Recorded."), ok=True)
        for field in (self.topic, self.attendees, self.notes):
            field.clear()
        self.refresh()
        self.added.emit()
        return True

    def refusal_text(self, code: str) -> str:
        return {
            "bad_date": self.tr("The date is not a real day: write it as 2026-11-20."),
            "future_date": self.tr("The date is in the future: record a session after it is "
                                   "held."),
            "too_old": self.tr("The date is before 2000: check the year."),
            "topic_required": self.tr("Write the topic first."),
            "too_long": self.tr("A field is too long: shorten the topic, names or notes."),
        }.get(code, code)

    def refresh(self) -> None:
        kinds = {"training": self.tr("Training"), "drill": self.tr("Drill")}
        rows = []
        for e in self._service.training_log():
            notes = e.notes
            if e.drill_score is not None:
                notes = self.tr("score {0} / 100").format(e.drill_score) + (
                    f"；{notes}" if notes else "")
            rows.append((e.held_on.isoformat(), kinds.get(e.kind, e.kind), e.topic, e.trainer,
                         e.attendees, notes))
        fill_table(self.log, rows)
