"""StepsEditor: the steps of one situation in the draft — the list in order (moved up and
down, added, removed) and the chosen step's fields: text, who does it, calls, words to say,
condition, and whether it is done after the incident.

For a hall that runs an edition, the list holds only the steps its edition takes, numbered as
the hall sees them; each is read and written at its position in the library's situation."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_words import elided


class StepForm(QWidget):
    """The fields of step `index` of situation `key`."""

    def __init__(self, *, key: str, index: int, data: dict, roles: Mapping[str, str],
                 save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepForm")
        self.fields: dict[str, DraftField] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, kind, title in (
                ("text", "long_text", self.tr("What to do")),
                ("role", "choice", self.tr("Who does it")),
                ("call", "roles", self.tr("Calls (roles, separated by 、)")),
                ("say", "lines", self.tr("Words to say (one per line)")),
                ("condition", "optional_text", self.tr("Only if")),
                ("after", "flag", self.tr("After the incident"))):
            field = DraftField(where=f"situation.{key}.step.{index}.{name}", kind=kind,
                               save=save, name=f"step_{name}", roles=roles, parent=self)
            if name == "role":
                for role_key, role_name in roles.items():
                    field.editor.addItem(role_name, role_key)
            field.load(data.get(name, "clerk" if name == "role" else None))
            self.fields[name] = field
            form.addRow(title, field.box)
        self.fields["after"].editor.setText(self.tr("done once the incident is over"))
        self.fields["condition"].editor.setPlaceholderText(self.tr("e.g. 火势较大"))


class StepsEditor(QWidget):
    def __init__(self, *, save: Save, read: Callable[[str], object],
                 confirm: Confirm = ask_yes_no,
                 positions: Callable[[str], Sequence[int] | None] = lambda key: None,
                 parent: QWidget | None = None) -> None:
        """`read`: a path's value in the draft now (the steps after a move); `positions`:
        the library positions of the steps the hall's edition takes in a situation, asked
        again after every change (None: every step)."""
        super().__init__(parent)
        self.setObjectName("stepsEditor")
        self._save = save
        self._read = read
        self._confirm = confirm
        self._positions = positions
        self.key = ""
        self.steps: list[dict] = []
        self.positions: list[int] = []  # row -> the step's position in the library
        self.roles: dict[str, str] = {}
        self.form: StepForm | None = None
        self.list = QListWidget(objectName="stepList")
        self.list.currentRowChanged.connect(self._show_step)
        self.up_button = self._button(self.tr("Up"), "stepUp", lambda: self.move(-1))
        self.down_button = self._button(self.tr("Down"), "stepDown", lambda: self.move(1))
        self.add_button = self._button(self.tr("Add a step"), "addStep", self.add)
        self.remove_button = self._button(self.tr("Remove…"), "removeStep", self.ask_remove)
        self.message = QLabel(objectName="stepsMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.form_scroll = QScrollArea(objectName="stepFormScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(80)
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.form_scroll, 3)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    def set_situation(self, key: str, roles: Mapping[str, str], row: int = 0) -> None:
        """Show the steps of situation `key` as the draft has them, step `row` chosen."""
        self.key = key
        self.roles = dict(roles)
        every = list(self._read(f"situation.{key}.step") or [])
        kept = self._positions(key)
        self.positions = [i for i in (range(len(every)) if kept is None else kept)
                          if 0 <= i < len(every)]
        self.steps = [every[i] for i in self.positions]
        self.list.blockSignals(True)
        self.list.clear()
        for index in range(len(self.steps)):
            self.list.addItem(self._item_text(index))
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(max(row, 0), len(self.steps) - 1))
        self.add_button.setEnabled(bool(key))  # "": a new situation's form is shown instead
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(bool(self.steps))
        self._show_step(self.list.currentRow())

    def _show_step(self, row: int) -> None:
        if self.form is not None:
            self.form_scroll.takeWidget()
            self.form.deleteLater()
            self.form = None
        if not 0 <= row < len(self.steps):
            return
        self.form = StepForm(key=self.key, index=self.positions[row], data=self.steps[row],
                             roles=self.roles, save=self._save)
        self.form.fields["text"].saved.connect(lambda _w: self._relabel(row))
        self.form.fields["after"].saved.connect(lambda _w: self._relabel(row))
        self.form_scroll.setWidget(self.form)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(self.steps) - 1)

    def _relabel(self, row: int) -> None:
        """The list says what the step now says (the form stays, with the focus in it)."""
        where = f"situation.{self.key}.step.{self.positions[row]}"
        self.steps[row] = dict(self._read(where) or {})
        self.list.item(row).setText(self._item_text(row))

    def _item_text(self, row: int) -> str:
        step = self.steps[row]
        mark = self.tr(" (after)") if step.get("after") else ""
        return f"{row + 1}. {elided(str(step.get('text', '')), 60)}{mark}"

    def _say(self, problem: str) -> None:
        show_message(self.message, problem, ok=False)
        self.message.setVisible(bool(problem))

    # -- changing the list ---------------------------------------------------------------------
    def move(self, offset: int) -> None:
        row = self.list.currentRow()
        other = row + offset
        if not (0 <= row < len(self.steps) and 0 <= other < len(self.steps)):
            return
        steps = list(self._read(f"situation.{self.key}.step") or [])
        mine, theirs = self.positions[row], self.positions[other]
        steps[mine], steps[theirs] = steps[theirs], steps[mine]
        self._say(self._save(f"situation.{self.key}.step", steps))
        self.set_situation(self.key, self.roles, other if not self.message.text() else row)

    def add(self) -> None:
        """A new last step, chosen, its text ready to be written over."""
        every = self._read(f"situation.{self.key}.step") or []
        problem = self._save(f"situation.{self.key}.step.{len(every)}",
                             {"text": self.tr("New step: write what to do")})
        self._say(problem)
        if problem:
            return
        self.set_situation(self.key, self.roles, len(self.steps))
        editor = self.form.fields["text"].editor
        editor.setFocus()
        editor.selectAll()

    def ask_remove(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.steps):
            return
        self._confirm(self, self.tr("Remove step {0}?").format(row + 1),
                      self.tr("Step {0} leaves the draft: “{1}”. The change is recorded.")
                      .format(row + 1, elided(str(self.steps[row].get("text", "")))),
                      lambda: self.remove(row))

    def remove(self, row: int) -> None:
        self._say(self._save(f"situation.{self.key}.step.{self.positions[row]}", None))
        self.set_situation(self.key, self.roles, row if self.message.text() else row - 1)
