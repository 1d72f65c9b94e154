"""NewSituationForm: a situation of the hall's own, added to the draft — its name, button
label, category, default level and first step; its key is made (hall_1, hall_2...), not
asked for. It cites no document, so every edition keeps it (models.plans.editions): the
hall's desk shows it once published. Further steps, deadlines and words are then edited
like any situation's.

With an edition chosen, a situation of another kind of hall's documents can be its model
(models.plans.adoption: a bank adopts the gas company's robbery): its steps come with their
citations, those of roles the hall lacks are left out and named."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from models.plans.adoption import Adopted, adopt
from models.plans.catalog import Situation
from ui.common.message_tone import show_message
from ui.plans.plan_editor_fields import Save
from ui.plans.plan_editor_timers import new_key

SHORT_MAX = 8


class NewSituationForm(QWidget):
    added = Signal(str)  # the new situation's key
    cancelled = Signal()

    def __init__(self, *, save: Save, categories: list[tuple[str, str]],
                 levels: list[tuple[int, str]], taken: Collection[str],
                 models: Collection[Situation] = (), roles: Collection[str] = (),
                 runs: Collection[str] = (), shown: Collection[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        """`categories`: (key, name); `levels`: (level, name), the least severe chosen;
        `taken`: the situation keys of the draft; `models`: situations of other halls'
        documents it may copy, for a hall with `roles` that runs the situations `runs`;
        `shown`: (name, button label) of the situations the hall's desk shows: a new one
        takes neither (two 火灾 buttons on one home screen)."""
        self._shown = list(shown)
        super().__init__(parent)
        self.setObjectName("newSituationForm")
        self._save = save
        self.key = new_key(taken)
        self.name = QLineEdit(objectName="newSituationName")
        self.short = QLineEdit(objectName="newSituationShort")
        self.short.setMaxLength(SHORT_MAX)
        self.category = QComboBox(objectName="newSituationCategory")
        for key, name in categories:
            self.category.addItem(name, key)
        self.level = QComboBox(objectName="newSituationLevel")
        for level, name in levels:
            self.level.addItem(f"{level} · {name}", level)
        self.level.setCurrentIndex(self.level.count() - 1)
        self.first_step = QLineEdit(objectName="newSituationStep")
        self.first_step.setPlaceholderText(self.tr("e.g. 通知网点负责人，安排人员值守门口。"))
        self._models = {sit.key: sit for sit in models}
        self._roles, self._runs = set(roles), set(runs)
        self.adopted: Adopted | None = None
        self.model = QComboBox(objectName="newSituationModel")
        self.model.addItem(self.tr("None: I write it myself"), "")
        for sit in models:
            self.model.addItem(sit.name, sit.key)
        self.model.currentIndexChanged.connect(self._model_chosen)
        self.model_summary = QLabel(objectName="newSituationModelSummary")
        self.model_summary.setWordWrap(True)
        self.message = QLabel(objectName="newSituationMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button = QPushButton(self.tr("Add the situation"), objectName="addSituationDone")
        self.add_button.clicked.connect(self.add)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="addSituationCancel")
        self.cancel_button.clicked.connect(self.cancelled)
        title = QLabel(self.tr("A situation of the hall's own"), objectName="sectionLabel")
        hint = QLabel(self.tr("It cites no document: the hall's desk shows it once the draft "
                              "is published. Add its further steps, deadlines and words "
                              "afterwards."), objectName="hintLabel")
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(title)
        self._form = form
        if models:
            form.addRow(self.tr("Model: a situation of another kind of hall's documents"),
                        self.model)
            form.addRow(self.model_summary)
            form.setRowVisible(self.model_summary, False)
        form.addRow(self.tr("Name of the situation"), self.name)
        form.addRow(self.tr("Button label (at most 8 characters)"), self.short)
        form.addRow(self.tr("First step: what to do"), self.first_step)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Default level"), self.level)
        form.addRow(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(hint)  # last: the fields and buttons in sight at 130 % text

    def _model_chosen(self) -> None:
        sit = self._models.get(self.model.currentData())
        self.adopted = None if sit is None else adopt(sit, self.key, self._roles, self._runs)
        # A model none of whose steps the hall can take: its first step is the hall's to write.
        self._form.setRowVisible(self.first_step, sit is None or not self.adopted.value["step"])
        self._form.setRowVisible(self.model_summary, sit is not None)
        if sit is None:
            return
        self.name.setText(sit.name)
        self.short.setText(sit.short)
        self.category.setCurrentIndex(max(0, self.category.findData(sit.category)))
        self.level.setCurrentIndex(max(0, self.level.findData(sit.default_level)))
        taken = len(self.adopted.value["step"])
        summary = self.tr("Its {0} steps come with their sources; edit them to the hall's "
                          "own afterwards.").format(taken)
        if self.adopted.left_out:
            summary += " " + self.tr("Left out, done or called by roles this hall does not "
                                     "have: {0}").format(" / ".join(self.adopted.left_out))
        self.model_summary.setText(summary)

    def value(self) -> dict:
        own = {"key": self.key, "category": self.category.currentData(),
               "name": self.name.text().strip(), "short": self.short.text().strip(),
               "default_level": self.level.currentData()}
        first = [{"text": self.first_step.text().strip()}]
        if self.adopted is not None:
            return {**self.adopted.value, **own, "step": self.adopted.value["step"] or first}
        return {**own, "step": first}

    def add(self) -> bool:
        """Added through the draft's checks; what is missing or wrong is said, nothing saved."""
        value = self.value()
        if not (value["name"] and value["short"] and value["step"]
                and value["step"][0]["text"]):
            problem = self.tr("Write its name, its button label and its first step.")
        elif any(value["name"] == name or value["short"] == short for name, short in self._shown):
            problem = self.tr("The hall's desk already shows a situation of this name or button "
                              "label: give this one its own, or edit that one.")
        else:
            problem = self._save(f"situation.{self.key}", value)
        show_message(self.message, problem, ok=False)
        self.message.setVisible(bool(problem))
        if not problem:
            self.added.emit(self.key)
        return not problem
