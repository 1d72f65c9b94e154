"""EvaluationDialog: the evaluation of one drill (AQ/T 9009-2015, GB/T 46792-2025) — overview,
execution, problems, lessons, the score sheet of its form with the total, the evaluators —
and the photos, video and files attached by reference. Saving an evaluation already written
writes a revision; nothing is changed in place.

Not modal: the alarm, the timers and 110 / 119 / 120 stay usable while it is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.services.drills import (
    AttachmentRefused,
    Draft,
    DrillChoice,
    DrillService,
    Evaluation,
    EvaluationRefused,
    Hashed,
)
from ui.common.file_dialogs import ask_open_file
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.simple_table import fill_table, setup_table
from ui.drills.file_hasher import FileHasher

NOT_SCORED = -1  # the spin box's value for an item left unscored
SEPARATORS = ("，", ",", "、", ";", "；")


def scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area


def names(text: str) -> tuple[str, ...]:
    for sep in SEPARATORS:
        text = text.replace(sep, "\n")
    return tuple(n.strip() for n in text.splitlines() if n.strip())


class EvaluationDialog(QDialog):
    saved = Signal(int)  # the evaluation's number

    def __init__(self, *, service: DrillService, operations: Operations, unit: str = "",
                 ask_file=ask_open_file, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationDialog")
        self.setModal(False)
        self._service = service
        self._ops = operations
        self._ask_file = ask_file
        self._unit = unit
        self.drill = ""
        self.drill_name = ""  # the drill in words: its name and date
        self.evaluation: Evaluation | None = None
        self.hasher = FileHasher(self)
        self.hasher.hashed.connect(self._hashed)
        self.hasher.refused.connect(lambda code: show_message(
            self.file_message, self.file_refusal(code), ok=False))
        self.hasher.progressed.connect(self._progress)
        self.hasher.checked.connect(self._checked)
        self.states: dict[int, str] = {}
        self.attaching_to: int | None = None  # the evaluation a file being hashed is for
        self._typed: dict[str, Draft] = {}  # by drill: typed, not saved, another one shown
        self._filled: Draft | None = None  # the form as filled or last saved

        self.drill_label = QLabel(objectName="evaluationDrill")
        self.name = QLineEdit(objectName="evaluationName")
        self.held_at = QLineEdit(objectName="evaluationTime")
        self.held_at.setPlaceholderText("2026-12-01 15:00")
        self.place = QLineEdit(objectName="evaluationPlace")
        self.unit = QLineEdit(objectName="evaluationUnit")
        self.form = QComboBox(objectName="evaluationForm")
        self.form.addItem(self.tr("Live drill (实战)"), "live")
        self.form.addItem(self.tr("Tabletop drill (桌面)"), "tabletop")
        self.form.currentIndexChanged.connect(self._build_scores)
        self.fire = QCheckBox(self.tr("Fire and evacuation drill"), objectName="evaluationFire")
        self.participants = QPlainTextEdit(objectName="evaluationParticipants")
        self.scenario = QPlainTextEdit(objectName="evaluationScenario")
        self.execution = QPlainTextEdit(objectName="evaluationExecution")
        self.problems = QPlainTextEdit(objectName="evaluationProblems")
        self.lessons = QPlainTextEdit(objectName="evaluationLessons")
        self.evaluators = QLineEdit(objectName="evaluationEvaluators")
        self.evaluators.setPlaceholderText(self.tr("Names, separated by 、"))
        self.scores: dict[str, QSpinBox] = {}
        self.score_grid = QGridLayout()
        self.total = QLabel(objectName="evaluationTotal")
        self.save_button = QPushButton(self.tr("Save the evaluation"), objectName="saveEvaluation")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(objectName="evaluationMessage")
        self.message.setWordWrap(True)

        self.built_form = ""  # the form whose sheet the score boxes are
        self.tabs = QTabWidget(objectName="evaluationTabs")
        # Each page scrolls: at 130 % text the window still fits over the screen area.
        self.tabs.addTab(scrolled(self._overview_page()), self.tr("Overview"))
        self.tabs.addTab(scrolled(self._findings_page()), self.tr("Execution, problems, lessons"))
        self.tabs.addTab(scrolled(self._scores_page()), self.tr("Scores"))
        self.tabs.addTab(self._files_page(), self.tr("Photos and files"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drill_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._build_scores()
        self.resize(900, 620)

    # -- pages -----------------------------------------------------------------------------
    def _overview_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Drill name"), self.name)
        form.addRow(self.tr("Time"), self.held_at)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Unit"), self.unit)
        kind = QHBoxLayout()
        kind.addWidget(self.form)
        kind.addWidget(self.fire)
        kind.addStretch(1)
        form.addRow(self.tr("Form"), kind)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Scenario"), self.scenario)
        form.addRow(self.tr("Evaluators"), self.evaluators)
        return page

    def _findings_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Execution"), self.execution)
        form.addRow(self.tr("Problems found"), self.problems)
        form.addRow(self.tr("Lessons and suggestions"), self.lessons)
        return page

    def _scores_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sheet_title = QLabel(objectName="evaluationSheet")
        self.sheet_title.setWordWrap(True)
        layout.addWidget(self.sheet_title)
        layout.addLayout(self.score_grid)
        layout.addWidget(self.total)
        layout.addStretch(1)
        return page

    def _files_page(self) -> QWidget:
        page = QWidget()
        self.files = QTableWidget(0, 4, objectName="evaluationFiles")
        self.files.setHorizontalHeaderLabels([self.tr("File now"), self.tr("File"),
                                              self.tr("Size"), self.tr("SHA-256")])
        setup_table(self.files)
        self.attach_button = QPushButton(self.tr("Attach a file…"), objectName="attachFile")
        self.attach_button.clicked.connect(self.choose_file)
        self.file_message = QLabel(objectName="fileMessage")
        self.file_message.setWordWrap(True)
        note = QLabel(self.tr("Files are kept where they are: the desk records their path, "
                              "size and SHA-256, and says when one has changed or gone."))
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        row.addWidget(self.file_message, 1)
        row.addWidget(self.attach_button)
        layout.addLayout(row)
        return page

    # -- filling ---------------------------------------------------------------------------
    def open_drill(self, choice: DrillChoice) -> None:
        """A new evaluation of `choice`, or the one already written of it (what was typed
        for it and not saved, if any: shown again)."""
        self._keep_typed()
        if choice.evaluated is not None:
            self.open_evaluation(choice.evaluated)
            return
        self.evaluation, self.drill = None, choice.drill
        self.drill_name = f"{choice.name}（{choice.held_on}）"
        self._fill(self._typed.pop(choice.drill, None) or Draft(
            choice.drill, choice.form, choice.name, choice.held_on, unit=self._unit,
            participants=choice.participants, scenario=choice.scenario, fire=choice.fire))

    def open_evaluation(self, evaluation_id: int) -> None:
        self._keep_typed()
        self.evaluation = self._service.evaluation(evaluation_id)
        if self.evaluation is None:
            return
        self.drill = self.evaluation.draft.drill
        self._fill(self._typed.pop(self.drill, None) or self.evaluation.draft)

    def _keep_typed(self) -> None:
        """What is typed and not saved is kept by drill, for when that drill is opened again."""
        if self.drill and self._filled is not None and self.draft() != self._filled:
            self._typed[self.drill] = self.draft()
        self._filled = None

    def _fill(self, d: Draft) -> None:
        self.drill_label.setText(self._heading())
        for field, value in ((self.name, d.name), (self.held_at, d.held_at),
                             (self.place, d.place), (self.unit, d.unit)):
            field.setText(value)
        for field, value in ((self.participants, d.participants), (self.scenario, d.scenario),
                             (self.execution, d.execution), (self.problems, d.problems),
                             (self.lessons, d.lessons)):
            field.setPlainText(value)
        self.evaluators.setText("、".join(d.evaluators))
        self.fire.setChecked(d.fire)
        self.form.setCurrentIndex(max(0, self.form.findData(d.form)))
        self._build_scores()
        for key, box in self.scores.items():
            box.setValue(d.scores.get(key, NOT_SCORED))
        self._update_total()
        show_message(self.message, "", ok=True)
        self.refresh_files()
        self._filled = self.draft()  # as shown: typing after this is kept on leaving

    def _heading(self) -> str:
        if self.evaluation is None:
            return self.tr("New evaluation of {0}").format(self.drill_name)
        if not self.evaluation.revision:  # as first written
            return self.tr("Evaluation No. {0} (as first written); saving writes a revision"
                           ).format(self.evaluation.id)
        return self.tr("Evaluation No. {0} (revision {1}); saving writes a new revision"
                       ).format(self.evaluation.id, self.evaluation.revision)

    def _build_scores(self) -> None:
        """The score boxes of the chosen form's sheet (built again only when the form
        changes; what was typed in items both sheets share is kept)."""
        if self.form.currentData() == self.built_form:
            return
        self.built_form = self.form.currentData()
        kept = {k: b.value() for k, b in self.scores.items()}
        while self.score_grid.count():
            widget = self.score_grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone now, not when the deferred delete comes
                widget.deleteLater()
        self.scores = {}
        sheet = self._service.sheets[self.form.currentData()]
        self.sheet_title.setText(f"{sheet.title}（{sheet.source}）")
        for row, item in enumerate(sheet.items):
            box = QSpinBox(objectName=f"score_{item.key}")
            box.setRange(NOT_SCORED, item.max)
            box.setSpecialValueText(self.tr("not scored"))
            box.setValue(kept.get(item.key, NOT_SCORED))
            box.valueChanged.connect(self._update_total)
            self.score_grid.addWidget(QLabel(item.title), row, 0)
            self.score_grid.addWidget(QLabel(self.tr("of {0}").format(item.max)), row, 2)
            self.score_grid.addWidget(box, row, 1)
            self.scores[item.key] = box
        self._update_total()

    def score_values(self) -> dict[str, int]:
        return {k: b.value() for k, b in self.scores.items() if b.value() != NOT_SCORED}

    def _update_total(self) -> None:
        sheet = self._service.sheets[self.form.currentData()]
        self.total.setText(self.tr("Total: {0} of {1}").format(
            sum(self.score_values().values()), sheet.max_total))

    # -- saving ----------------------------------------------------------------------------
    def draft(self) -> Draft:
        return Draft(self.drill, self.form.currentData(), self.name.text(), self.held_at.text(),
                     self.place.text(), self.unit.text(), self.participants.toPlainText(),
                     self.scenario.toPlainText(), self.execution.toPlainText(),
                     self.problems.toPlainText(), self.lessons.toPlainText(),
                     self.fire.isChecked(), self.score_values(), names(self.evaluators.text()))

    def save(self) -> bool:
        revises = self.evaluation.id if self.evaluation else None
        try:
            outcome = self._ops.run(self._service.evaluate, self.draft(), revises)
        except EvaluationRefused as refused:
            if refused.code == "evaluated":  # what was typed stays: saving again revises
                self.evaluation = self._service.evaluation(int(refused.detail))
                self.drill_label.setText(self._heading())
                self.refresh_files()
            show_message(self.message, self.refusal_text(refused.code), ok=False)
            return False
        if outcome is None:
            return False
        self.evaluation = outcome.value
        self._filled = self.draft()  # saved: nothing left to keep
        self.drill_label.setText(self._heading())
        show_message(self.message, self.tr("Saved."), ok=True)
        self.attach_button.setEnabled(True)
        self.saved.emit(self.evaluation.id)
        return True

    def refusal_text(self, code: str) -> str:
        return {
            "name_required": self.tr("Write the drill's name first."),
            "evaluator_required": self.tr("Name the evaluator(s): the evaluation is signed."),
            "score": self.tr("A score is outside its item's marks."),
            "too_long": self.tr("A field is too long: shorten it."),
            "form": self.tr("Choose tabletop or live."),
            "drill": self.tr("Choose a drill of the training log first."),
            "unknown": self.tr("This evaluation is no longer there."),
            "evaluated": self.tr("This drill was evaluated meanwhile (another desk?): its "
                                 "evaluation is shown now; save again to revise it."),
        }.get(code, code)

    # -- files -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        if self.evaluation is None:
            show_message(self.file_message, self.tr("Save the evaluation before attaching "
                                                    "files."), ok=False)
            return
        self._ask_file(self, self.tr("Attach a photo, video or file"),
                       self.tr("All files (*)"), self.attach_file)

    def attach_file(self, path: Path) -> None:
        """Hash the file in the worker; it is recorded when the hash comes back."""
        self.attach_button.setEnabled(False)
        self.attaching_to = self.evaluation.id if self.evaluation else None
        show_message(self.file_message, self.tr("Reading {0}…").format(Path(path).name), ok=True)
        self.hasher.hash(path)

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.file_message.setText(self.tr("Reading… {0} %").format(done * 100 // total))

    def _hashed(self, hashed: Hashed) -> None:
        """Recorded with the evaluation it was chosen for, even if the window shows another
        one by now (a video takes a while)."""
        self.attach_button.setEnabled(True)
        if self.attaching_to is None:
            return
        try:
            outcome = self._ops.run(self._service.attach, self.attaching_to, hashed)
        except AttachmentRefused as refused:
            show_message(self.file_message, self.file_refusal(refused.code), ok=False)
            return
        if outcome is not None:
            self.states[outcome.value.id] = "ok"
            show_message(self.file_message, self.tr("Attached {0}.").format(
                Path(hashed.path).name), ok=True)
            self.refresh_files(check=False)

    def file_refusal(self, code: str) -> str:
        self.attach_button.setEnabled(True)
        return {"not_a_file": self.tr("That is not a file (or it is gone)."),
                "unreadable": self.tr("The file cannot be read."),
                "too_long": self.tr("The file's path is too long.")}.get(code, code)

    def state_text(self, state: str) -> str:
        return {"ok": self.tr("unchanged"), "changed": self.tr("CHANGED since attached"),
                "missing": self.tr("MISSING"), "": self.tr("checking…")}[state]

    def refresh_files(self, check: bool = True) -> None:
        kept = self._service.attachments(self.evaluation.id) if self.evaluation else []
        self.attach_button.setEnabled(self.evaluation is not None)
        self._attachments = kept
        if check:
            self.states = {}
            self.hasher.check(kept)
        self._draw_files()

    def _checked(self, states: dict) -> None:
        self.states.update(states)
        self._draw_files()

    def _draw_files(self) -> None:
        fill_table(self.files, [(self.state_text(self.states.get(a.id, "")), a.path,
                                 f"{a.size:,}", a.sha256)
                                for a in getattr(self, "_attachments", [])])
