"""DrillScreen: for trainers — choose a scenario and its speed, start it, see the score and
what to practise; keep the training and drill log; see what is due."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import drills
from models.catalog import Catalog
from models.catalog_loader import Problem
from models.drills import DrillScore, Scenario
from ui.drill_controller import DrillController

RATES = (1, 5, 10)


class DrillScreen(QWidget):
    def __init__(self, *, catalog: Catalog, drills_controller: DrillController,
                 scenarios: list[Scenario], problems: list[Problem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drillScreen")
        self._catalog = catalog
        self._drills = drills_controller
        self._scenarios = scenarios
        self.result: DrillScore | None = None
        self.reminder = QLabel(objectName="reminderLabel")
        self.reminder.setWordWrap(True)
        self.list = QListWidget(objectName="scenarioList")
        for scenario in scenarios:
            item = QListWidgetItem(scenario.title)
            item.setData(Qt.ItemDataRole.UserRole, scenario.key)
            self.list.addItem(item)
        self.description = QLabel(objectName="scenarioDescription")
        self.description.setWordWrap(True)
        self.rate = QComboBox(objectName="drillRate")
        for rate in RATES:
            self.rate.addItem(self.tr("Normal speed") if rate == 1
                              else self.tr("{0} times faster").format(rate), rate)
        self.trainer = QLineEdit(objectName="trainerName")
        self.trainer.setPlaceholderText(self.tr("Trainer"))
        self.trainer.setMaxLength(60)
        self.start_button = QPushButton(self.tr("Start the drill"), objectName="startDrill")
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("End the drill and score it"),
                                       objectName="endDrill")
        self.stop_button.clicked.connect(self._drills.stop)
        self.message = QLabel(objectName="drillMessage")
        self.message.setWordWrap(True)
        if problems:
            self.message.setText(self.tr("Some drill files have problems and are left out:")
                                 + "\n" + "\n".join(str(p) for p in problems))
        self.score = QLabel(objectName="drillScore")
        self.items = QTableWidget(0, 3, objectName="scoreItems")
        self.items.setHorizontalHeaderLabels([self.tr("Expected action"), self.tr("Outcome"),
                                              self.tr("Detail")])
        self._setup_table(self.items)
        self.log = QTableWidget(0, 5, objectName="trainingLog")
        self.log.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Topic"),
                                            self.tr("Trainer"), self.tr("Attendees")])
        self._setup_table(self.log)
        self.log_date = QDateEdit(objectName="trainingDate")
        self.log_date.setCalendarPopup(True)
        self.log_date.setDisplayFormat("yyyy-MM-dd")
        self.log_date.setDate(QDate.currentDate())
        self.log_topic = QLineEdit(objectName="trainingTopic")
        self.log_topic.setPlaceholderText(self.tr("Training topic"))
        self.log_people = QLineEdit(objectName="trainingAttendees")
        self.log_people.setPlaceholderText(self.tr("Attendees"))
        self.add_training = QPushButton(self.tr("Record a training session"),
                                        objectName="addTraining")
        self.add_training.clicked.connect(self.record_training)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Scenarios"), objectName="sectionLabel"))
        left.addWidget(self.list, 1)
        left.addWidget(self.description)
        controls = QHBoxLayout()
        controls.addWidget(self.rate)
        controls.addWidget(self.trainer)
        left.addLayout(controls)
        left.addWidget(self.start_button)
        left.addWidget(self.stop_button)
        left.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Result"), objectName="sectionLabel"))
        right.addWidget(self.score)
        right.addWidget(self.items, 2)
        right.addWidget(QLabel(self.tr("Training and drill log"), objectName="sectionLabel"))
        right.addWidget(self.log, 1)
        add = QGridLayout()
        add.addWidget(self.log_date, 0, 0)
        add.addWidget(self.log_topic, 0, 1)
        add.addWidget(self.log_people, 0, 2)
        add.addWidget(self.add_training, 0, 3)
        right.addLayout(add)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addLayout(body, 1)

        self.list.currentRowChanged.connect(self._describe)
        self._drills.finished.connect(self.show_result)
        self._drills.refused.connect(self.message.setText)
        self._drills.started.connect(lambda _s: self._update_buttons())
        if scenarios:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _setup_table(self, table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    def selected(self) -> Scenario | None:
        row = self.list.currentRow()
        return self._scenarios[row] if 0 <= row < len(self._scenarios) else None

    def _describe(self, row: int) -> None:
        scenario = self.selected()
        if scenario is None:
            return
        steps = "\n".join(self.tr("+{0} min: {1}").format(i.at_minutes, i.text)
                          for i in scenario.injects)
        plan = self._catalog.situation(scenario.situation).name
        self.description.setText(f"{scenario.description}\n{plan}\n{steps}")

    def _update_buttons(self) -> None:
        running = self._drills.running
        self.start_button.setEnabled(not running and self.selected() is not None)
        self.stop_button.setEnabled(running)

    def start(self) -> None:
        scenario = self.selected()
        if scenario and self._drills.start(scenario, self.rate.currentData(),
                                           self.trainer.text()):
            self.message.setText(self.tr("The drill is running: the clerk works on the "
                                         "emergency screen (F1)."))
        self._update_buttons()

    def outcome_text(self, outcome: str) -> str:
        return {"on_time": self.tr("on time"), "late": self.tr("late"),
                "missed": self.tr("missed")}.get(outcome, outcome)

    def show_result(self, result: DrillScore) -> None:
        self.result = result
        first = (self.tr("{0} s").format(result.first_action_seconds)
                 if result.first_action_seconds is not None else "—")
        self.score.setText(self.tr("Score {0} / 100 · first action after {1} · to practise: "
                                   "{2}").format(result.score, first,
                                                 len(result.practise)))
        self.items.setRowCount(len(result.items))
        for r, item in enumerate(result.items):
            for c, value in enumerate((item.what, self.outcome_text(item.outcome), item.detail)):
                self.items.setItem(r, c, QTableWidgetItem(value))
        self.message.setText(self.tr("Drill ended and logged."))
        self._update_buttons()
        self.refresh()

    def record_training(self) -> None:
        try:
            drills.add_training("training", self.log_date.date().toPython(),
                                self.log_topic.text(), self.trainer.text(),
                                self.log_people.text(), "")
        except ValueError:
            self.message.setText(self.tr("Write the topic of the training first."))
            return
        self.log_topic.clear()
        self.log_people.clear()
        self.refresh()

    def refresh(self) -> None:
        entries = drills.training_log()
        self.log.setRowCount(len(entries))
        kinds = {"training": self.tr("Training"), "drill": self.tr("Drill")}
        for r, e in enumerate(entries):
            for c, value in enumerate((e.held_on.isoformat(), kinds[e.kind], e.topic, e.trainer,
                                       e.attendees)):
                self.log.setItem(r, c, QTableWidgetItem(value))
        due = drills.reminders(self._catalog, date.today())
        words = {"training": self.tr("quarterly training"), "drill": self.tr("yearly drill"),
                 "revision": self.tr("yearly plan revision")}
        self.reminder.setText(self.tr("Due: {0}").format("、".join(words[k] for k, _ in due))
                              if due else self.tr("Training, drills and plan revision are "
                                                  "up to date."))
        self.reminder.setProperty("due", bool(due))
        self.reminder.style().unpolish(self.reminder)
        self.reminder.style().polish(self.reminder)

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)
