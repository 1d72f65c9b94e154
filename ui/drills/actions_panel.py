"""ActionsPanel: the corrective actions of the drill evaluations, each with its owner, due
date and state, followed to done: add one to an evaluation, mark one done (once) with who,
when and the evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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

from models.services.drills import Action, CorrectiveRefused, DrillService
from models.services.records import parse_date
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.simple_table import fill_table, setup_table

STATE_COLOURS = {"done": "#1b5e20", "overdue": "#b71c1c", "open": "#37474f"}


class ActionsPanel(QWidget):
    def __init__(self, *, service: DrillService, operations: Operations,
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsPanel")
        self._service = service
        self._ops = operations
        self._today = today
        self.actions: list[Action] = []
        self.evaluation = QComboBox(objectName="actionEvaluation")
        self.what = QLineEdit(objectName="actionWhat")
        self.what.setPlaceholderText(self.tr("What is to be corrected"))
        self.owner = QLineEdit(objectName="actionOwner")
        self.owner.setPlaceholderText(self.tr("Owner"))
        self.due_on = QLineEdit(objectName="actionDue")
        self.due_on.setPlaceholderText(self.tr("Due by, YYYY-MM-DD"))
        self.add_button = QPushButton(self.tr("Add the action"), objectName="addAction")
        self.add_button.clicked.connect(self.add)
        self.table = QTableWidget(0, 5, objectName="actionsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Evaluation"), self.tr("Action"),
                                              self.tr("Owner"), self.tr("Due by"),
                                              self.tr("State")])
        setup_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.done_by = QLineEdit(objectName="actionDoneBy")
        self.done_by.setPlaceholderText(self.tr("Done by"))
        self.done_on = QLineEdit(objectName="actionDoneOn")
        self.done_on.setPlaceholderText("YYYY-MM-DD")
        self.evidence = QLineEdit(objectName="actionEvidence")
        self.evidence.setPlaceholderText(self.tr("Evidence: what shows it is done"))
        self.done_button = QPushButton(self.tr("Mark the selected action done"),
                                       objectName="completeAction")
        self.done_button.clicked.connect(self.complete)
        self.message = QLabel(objectName="actionsMessage")
        self.message.setWordWrap(True)

        add = QGridLayout()
        add.addWidget(self.evaluation, 0, 0, 1, 2)
        add.addWidget(self.what, 1, 0, 1, 2)
        add.addWidget(self.owner, 0, 2)
        add.addWidget(self.due_on, 1, 2)
        add.addWidget(self.add_button, 0, 3, 2, 1)
        add.setColumnStretch(1, 1)
        done = QGridLayout()
        done.addWidget(self.done_by, 0, 0)
        done.addWidget(self.done_on, 0, 1)
        done.addWidget(self.evidence, 0, 2)
        done.addWidget(self.done_button, 0, 3)
        done.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)  # every control above the list: in sight at 130 % text
        layout.addLayout(add)
        layout.addLayout(done)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def state_text(self, state: str) -> str:
        return {"done": self.tr("done"), "overdue": self.tr("overdue"),
                "open": self.tr("open")}[state]

    def refresh(self) -> None:
        today = self._today()
        evaluations = self._service.evaluations()
        names = {e.id: e.draft.name for e in evaluations}
        chosen = self.evaluation.currentData()
        self.evaluation.clear()
        for e in evaluations:
            self.evaluation.addItem(self.tr("No. {0} · {1}").format(e.id, e.draft.name), e.id)
        if chosen is not None:
            self.evaluation.setCurrentIndex(max(0, self.evaluation.findData(chosen)))
        self.actions = self._service.actions()
        rows = []
        for a in self.actions:
            state = self.state_text(a.status(today))
            if a.done is not None:
                state += f" {a.done.done_on.isoformat()} {a.done.by}"
            rows.append((names.get(a.evaluation, str(a.evaluation)), a.what, a.owner,
                         a.due_on.isoformat(), state))
        fill_table(self.table, rows)
        for r, a in enumerate(self.actions):
            self.table.item(r, 4).setForeground(QColor(STATE_COLOURS[a.status(today)]))
        self.done_on.setText(self.done_on.text() or today.isoformat())

    def add(self) -> bool:
        evaluation = self.evaluation.currentData()
        if evaluation is None:
            show_message(self.message, self.tr("Write an evaluation first: actions come from "
                                               "one."), ok=False)
            return False
        try:
            added = self._ops.run(self._service.add_action, evaluation, self.what.text(),
                                  self.owner.text(), parse_date(self.due_on.text()))
        except CorrectiveRefused as refused:
            show_message(self.message, self.refusal_text(refused.code), ok=False)
            return False
        if added is None:
            return False
        show_message(self.message, self.tr("Action added."), ok=True)
        for field in (self.what, self.owner, self.due_on):
            field.clear()
        self.refresh()
        return True

    def complete(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.actions):
            show_message(self.message, self.tr("Choose an action first."), ok=False)
            return False
        try:
            done = self._ops.run(self._service.complete_action, self.actions[row].id,
                                 self.done_by.text(), parse_date(self.done_on.text()),
                                 self.evidence.text(), today=self._today())
        except CorrectiveRefused as refused:
            show_message(self.message, self.refusal_text(refused.code), ok=False)
            return False
        if done is None:
            return False
        show_message(self.message, self.tr("Marked done."), ok=True)
        self.evidence.clear()
        self.refresh()
        return True

    def refusal_text(self, code: str) -> str:
        return {
            "what_required": self.tr("Write what is to be corrected."),
            "owner_required": self.tr("Name who is responsible."),
            "bad_date": self.tr("The date is not a real day: write it as 2026-11-20."),
            "future_date": self.tr("The date is in the future."),
            "done_twice": self.tr("This action is already done; it is done once."),
            "unknown": self.tr("This action is no longer there."),
            "evaluation": self.tr("That evaluation is not there."),
            "too_long": self.tr("A field is too long: shorten it."),
        }.get(code, code)
