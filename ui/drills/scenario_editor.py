"""ScenarioEditor: the trainer writes or changes a drill scenario — title, the plan it calls
for, holiday or not, a description, and injects at minute offsets — checked by the same rules
as the scenario files, and saved as a TOML file in the user's data folder.

A shipped scenario is never changed: saving it keeps the trainer's version beside the
database, which then takes the shipped one's place in the list.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.drills import scenarios
from models.drills.scenarios import Scenario, ScenarioProblem, ScenarioRefused
from models.plans.catalog import Catalog
from ui.common.message_tone import show_message
from ui.drills.scenario_list import ScenarioList

COLUMNS = ("at_minutes", "text", "situation")


class ScenarioEditor(QWidget):
    saved = Signal(object)  # the Scenario as written

    def __init__(self, *, catalog: Catalog, own_dir: Path, now: Callable[[], datetime],
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioEditor")
        self._catalog = catalog
        self._own_dir = Path(own_dir)
        self._now = now
        self._zone = zone  # the hall's: a new scenario's key is stamped with its time
        self.editing: Scenario | None = None  # None: a new scenario

        self.list = ScenarioList(name="editorScenarioList")
        self.new_button = QPushButton(self.tr("New scenario"), objectName="newScenario")
        self.new_button.clicked.connect(self.new)
        self.problems = QLabel(objectName="scenarioFileProblems")
        self.problems.setWordWrap(True)
        self.heading = QLabel(objectName="editorHeading")
        self.heading.setWordWrap(True)
        self.title = QLineEdit(objectName="scenarioTitle")
        self.title.setMaxLength(scenarios.TITLE_MAX + 50)  # too long is said, not cut
        self.situation = self._situation_combo("scenarioSituation", optional=False)
        self.holiday = QCheckBox(self.tr("Played as on a holiday (holiday deadlines apply)"),
                                 objectName="scenarioHoliday")
        self.description = QPlainTextEdit(objectName="scenarioDescriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.injects = QTableWidget(0, 3, objectName="injectTable")
        self.injects.setHorizontalHeaderLabels([self.tr("Minute"), self.tr("What happens"),
                                                self.tr("Further plan it calls for")])
        header = self.injects.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 220)
        self.injects.verticalHeader().setDefaultSectionSize(40)
        self.add_inject_button = QPushButton(self.tr("Add an inject"), objectName="addInject")
        self.add_inject_button.clicked.connect(lambda: self.add_inject())
        self.remove_inject_button = QPushButton(self.tr("Remove the inject"),
                                                objectName="removeInject")
        self.remove_inject_button.clicked.connect(self.remove_inject)
        self.save_button = QPushButton(self.tr("Save the scenario"), objectName="saveScenario")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(objectName="editorMessage")
        self.message.setWordWrap(True)
        self.errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.addRow(self.tr("Title"), self._with_error("title", self.title))
        form.addRow(self.tr("Plan to use"), self._with_error("situation", self.situation))
        form.addRow("", self.holiday)
        form.addRow(self.tr("Description"), self._with_error("description", self.description))
        inject_buttons = QHBoxLayout()
        inject_buttons.addWidget(self.add_inject_button)
        inject_buttons.addWidget(self.remove_inject_button)
        inject_buttons.addStretch(1)
        inject_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Injects (minutes from the start)"),
                               objectName="sectionLabel"))
        right.addWidget(self._with_error("inject", self.injects), 1)
        right.addLayout(inject_buttons)
        right.addWidget(self.message)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.problems)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        self.list.currentRowChanged.connect(self._edit_row)
        self.new()

    def _situation_combo(self, name: str, *, optional: bool) -> QComboBox:
        combo = QComboBox(objectName=name)
        if optional:
            combo.addItem(self.tr("(none)"), "")
        for category in self._catalog.ordered_categories():
            for sit in self._catalog.situations_in(category.key):
                combo.addItem(f"{category.name} · {sit.name}", sit.key)
        return combo

    def _with_error(self, key: str, editor: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        error = QLabel(objectName="fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.errors[key] = error
        return box

    # -- the list --------------------------------------------------------------------------
    def set_scenarios(self, found: list[Scenario], problems: list[ScenarioProblem]) -> None:
        self.list.set_scenarios(found, self.editing.key if self.editing else None)
        self.problems.setText("\n".join(
            [self.tr("These files have problems and are left out (they are not changed):")]
            + [self.problem_text(p) for p in problems]) if problems else "")

    def _edit_row(self, _row: int) -> None:
        scenario = self.list.selected()
        if scenario is not None:
            self.edit(scenario)

    # -- the form --------------------------------------------------------------------------
    def new(self) -> None:
        self.editing = None
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.heading.setText(self.tr("A new scenario: it is saved in {0}").format(
            str(self._own_dir)))
        self._fill("", self.situation.itemData(0), False, "", [(0, "", "")])

    def edit(self, scenario: Scenario) -> None:
        self.editing = scenario
        self.heading.setText(
            self.tr("Your scenario, saved in {0}").format(scenario.file) if scenario.own else
            self.tr("A shipped scenario: saving keeps your version in {0}; the shipped file "
                    "stays as it is.").format(str(self._own_dir)))
        self._fill(scenario.title, scenario.situation, scenario.holiday, scenario.description,
                   [(i.at_minutes, i.text, i.situation) for i in scenario.injects])

    def _fill(self, title: str, situation: str, holiday: bool, description: str,
              injects: list[tuple]) -> None:
        self.title.setText(title)
        self.situation.setCurrentIndex(max(0, self.situation.findData(situation)))
        self.holiday.setChecked(holiday)
        self.description.setPlainText(description)
        self.injects.setRowCount(0)
        for minutes, text, further in injects:
            self.add_inject(minutes, text, further)
        self.message.clear()
        self._show_problems([])

    def add_inject(self, minutes: int | str = "", text: str = "", further: str = "") -> None:
        row = self.injects.rowCount()
        self.injects.insertRow(row)
        self.injects.setItem(row, 0, QTableWidgetItem(str(minutes)))
        self.injects.setItem(row, 1, QTableWidgetItem(text))
        combo = self._situation_combo(f"injectSituation{row}", optional=True)
        combo.setCurrentIndex(max(0, combo.findData(further)))
        self.injects.setCellWidget(row, 2, combo)
        if not text:
            self.injects.setCurrentCell(row, 1)

    def remove_inject(self) -> None:
        row = self.injects.currentRow()
        if row < 0:
            row = self.injects.rowCount() - 1
        if row >= 0:
            self.injects.removeRow(row)

    def inject_rows(self) -> list[dict]:
        """The injects as typed; the minute stays text unless it is a whole number, so the
        shared check says what is wrong with it."""
        rows = []
        for r in range(self.injects.rowCount()):
            minutes_item, text_item = self.injects.item(r, 0), self.injects.item(r, 1)
            minutes: int | str = (minutes_item.text() if minutes_item else "").strip()
            with contextlib.suppress(ValueError):
                minutes = int(minutes)
            row = {"at_minutes": minutes, "text": text_item.text() if text_item else ""}
            further = self.injects.cellWidget(r, 2).currentData()
            if further:
                row["situation"] = further
            rows.append(row)
        return rows

    def save(self) -> Scenario | None:
        key = self.editing.key if self.editing else scenarios.new_key(self._own_dir, self._now(),
                                                                        self._zone)
        data = scenarios.scenario_data(self.title.text(), self.situation.currentData(),
                                       self.description.toPlainText(), self.holiday.isChecked(),
                                       self.inject_rows(), key)
        try:
            written = scenarios.save_own(self._own_dir, data, self._catalog, file=(
                self.editing.file if self.editing and self.editing.own else ""))
        except ScenarioRefused as refused:
            self._show_problems(refused.problems)
            show_message(self.message, self.tr("Not saved: correct what is marked in red."),
                         ok=False)
            return None
        except OSError as e:
            show_message(self.message, self.tr(
                "Not saved: the folder {0} cannot be written ({1}). What you typed is still "
                "here.").format(str(self._own_dir), e.strerror or str(e)), ok=False)
            return None
        self._show_problems([])
        self.editing = written
        self.heading.setText(self.tr("Your scenario, saved in {0}").format(written.file))
        show_message(self.message, self.tr("Saved. It is in the list of scenarios to run."),
                     ok=True)
        self.saved.emit(written)
        return written

    def _show_problems(self, problems: list[ScenarioProblem]) -> None:
        by_field: dict[str, list[str]] = {}
        for p in problems:
            key = "inject" if p.inject is not None or p.field == "inject" else p.field
            by_field.setdefault(key if key in self.errors else "inject", []).append(
                self.problem_text(p))
        for key, label in self.errors.items():
            label.setText("\n".join(by_field.get(key, [])))
            label.setVisible(key in by_field)

    def problem_text(self, p: ScenarioProblem) -> str:
        words = {
            "not_utf8": self.tr("the file is not UTF-8 text: save it as UTF-8"),
            "syntax": self.tr("the file cannot be read: {0}"),
            "one_table": self.tr("a scenario file holds one [drill] table"),
            "unknown_field": self.tr("unknown field “{0}”"),
            "key": self.tr("the key may hold lower-case letters, digits and _ only"),
            "title": self.tr("write a title"),
            "too_long": self.tr("too long: at most {0} characters"),
            "situation": self.tr("choose a plan (“{0}” is not one)"),
            "holiday": self.tr("holiday must be true or false"),
            "no_injects": self.tr("add at least one inject"),
            "too_many_injects": self.tr("at most {0} injects"),
            "minutes": self.tr("the minute must be a whole number from 0 to {0}"),
            "text": self.tr("write what happens"),
            "duplicate_key": self.tr("two files have the key “{0}”"),
        }
        text = words.get(p.code, p.code).format(p.detail)
        if p.inject is not None:
            text = self.tr("Inject {0}: {1}").format(p.inject + 1, text)
        if p.file:
            where = f"{Path(p.file).name}:{p.line}" if p.line else Path(p.file).name
            text = f"{where}: {text}"
        return text
