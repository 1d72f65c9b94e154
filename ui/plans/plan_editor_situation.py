"""SituationForm: one situation's own fields in the draft — name, button label, default
level, what each document says of it (its description and supplies, [[situation.about]]),
the hall's own description and supplies beside them, words to say — and its deadlines
(label, minutes, holiday minutes) and thresholds (what is measured, value, unit), each
added and removed here. Built for one situation from its stored data; each field saves
itself (DraftField).

For a hall that runs an edition, only what the hall runs of the documents' words, deadlines
and thresholds is shown (`about` / `timers` / `thresholds`: their positions in the library's
situation)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_timers import add_timer_rows, new_key, remove_button
from ui.plans.plan_editor_words import elided

UNITS = ("yuan", "minutes", "hours", "days", "people")
NEW_TIMER_MINUTES = 30


class SituationForm(QWidget):
    def __init__(self, *, key: str, data: dict, levels: list[tuple[int, str]], save: Save,
                 timers: Sequence[int] | None = None, thresholds: Sequence[int] | None = None,
                 about: Sequence[int] | None = None, titles: Mapping[str, str] | None = None,
                 confirm: Confirm = ask_yes_no,
                 changed: Callable[[str], object] = lambda focus: None,
                 parent: QWidget | None = None) -> None:
        """`data`: the situation as the draft stores it (models.plans.drafts.read);
        `levels`: (level, name) to choose the default level from; `timers`, `thresholds`:
        the positions shown (None: all); `titles`: source key -> the document's title, to
        name whose words a description is; `changed(focus)`: a deadline or threshold was added
        or removed (the form is built again; `focus`: the path of the field to write in
        next, "" for none)."""
        super().__init__(parent)
        self.setObjectName("situationForm")
        self.key = key
        self._save = save
        self._confirm = confirm
        self._changed = changed
        self._data = data
        self.fields: dict[str, DraftField] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow column
        documents = data.get("about") or []
        shown = [i for i in (range(len(documents)) if about is None else about)
                 if 0 <= i < len(documents)]
        said = []
        for i in shown:
            ref = str(documents[i].get("source", ""))
            key, _, section = ref.partition(":")
            source = f"《{titles[key]}》{section}" if titles and key in titles else ref
            said += [(f"about.{i}.text", "optional_long_text",
                      self.tr("What {0} says it is").format(source)),
                     (f"about.{i}.supplies", "lines",
                      self.tr("Supplies {0} names (one per line)").format(source))]
        own = (("name", "text", self.tr("Name of the situation")),
               ("short", "text", self.tr("Button label (at most 8 characters)")),
               ("default_level", "choice", self.tr("Default level")),
               *said,
               ("description", "optional_long_text",
                self.tr("The hall's own description (beside the documents')")),
               ("supplies", "lines", self.tr("The hall's own supplies (one per line)")),
               ("scripts", "lines", self.tr("Words to say (one per line)")))
        for name, kind, title in own:
            field = self._field(name, kind)
            if name == "default_level":
                for level, level_name in levels:
                    field.editor.addItem(f"{level} · {level_name}", level)
            field.load(_at(data, name))
            form.addRow(title, field.box)
        add_timer_rows(form, data.get("timer") or [], self._field, timers, self.ask_remove_timer)
        self.add_timer_button = self._add_button(form, self.tr("Add a deadline"), "addTimer",
                                                 self.add_timer)
        self._add_thresholds(form, data.get("threshold") or [], thresholds)
        self.add_threshold_button = self._add_button(form, self.tr("Add a threshold"),
                                                     "addThreshold", self.add_threshold)
        self.message = QLabel(objectName="situationMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form.addRow(self.message)

    def _field(self, path: str, kind: str) -> DraftField:
        where = f"situation.{self.key}.{path}"
        field = DraftField(where=where, kind=kind, save=self._save,
                           name="sit_" + path.replace(".", "_"), parent=self)
        self.fields[path] = field
        return field

    def _add_button(self, form: QFormLayout, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        form.addRow(row)
        return button

    def _add_thresholds(self, form: QFormLayout, thresholds: list[dict],
                        positions: Sequence[int] | None) -> None:
        form.addRow(QLabel(self.tr("Thresholds"), objectName="sectionLabel"))
        units = dict(zip(UNITS, (self.tr("yuan"), self.tr("minutes"), self.tr("hours"),
                                 self.tr("days"), self.tr("people")), strict=True))
        shown = [i for i in (range(len(thresholds)) if positions is None else positions)
                 if 0 <= i < len(thresholds)]
        for number, index in enumerate(shown):
            grid = QGridLayout()
            grid.setContentsMargins(0, 0, 0, 0)
            for column, (name, kind, hint) in enumerate((
                    ("label", "text", self.tr("What is measured")),
                    ("value", "number", self.tr("Value")),
                    ("unit", "choice", self.tr("Unit")))):
                field = self._field(f"threshold.{index}.{name}", kind)
                if kind == "choice":
                    for unit, words in units.items():
                        field.editor.addItem(words, unit)
                else:
                    field.editor.setPlaceholderText(hint)
                field.editor.setToolTip(hint)
                field.load(thresholds[index].get(name))
                grid.addWidget(field.box, 0, column)
            grid.addWidget(remove_button("removeThreshold", index, self.ask_remove_threshold),
                           0, 3)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 1)
            form.addRow(self.tr("Threshold {0}").format(number + 1), grid)

    # -- adding and removing ---------------------------------------------------------------------
    def _entries(self, kind: str) -> list[dict]:
        return list(self._data.get(kind) or [])

    def _put(self, where: str, value: dict | None) -> bool:
        problem = self._save(f"situation.{self.key}.{where}", value)
        show_message(self.message, problem, ok=False)
        self.message.setVisible(bool(problem))
        if not problem:
            self._changed(f"{where}.label" if value is not None else "")
        return not problem

    def add_timer(self) -> bool:
        """A deadline of the hall's own, reported by the clerk, half an hour from the start:
        its words and minutes are then written in its row."""
        timers = self._entries("timer")
        return self._put(f"timer.{len(timers)}", {
            "key": new_key({str(t.get("key")) for t in timers}),
            "label": self.tr("New deadline: write what must be done"), "action": "report",
            "minutes": NEW_TIMER_MINUTES})

    def add_threshold(self) -> bool:
        thresholds = self._entries("threshold")
        return self._put(f"threshold.{len(thresholds)}", {
            "key": new_key({str(t.get("key")) for t in thresholds}),
            "label": self.tr("New threshold: write what is measured"), "value": 0,
            "unit": "minutes"})

    def ask_remove_timer(self, position: int) -> None:
        label = str(self._entries("timer")[position].get("label", ""))
        self._confirm(self, self.tr("Remove this deadline?"),
                      self.tr("The deadline “{0}” leaves the draft. The change is recorded.")
                      .format(elided(label)), lambda: self._put(f"timer.{position}", None))

    def ask_remove_threshold(self, position: int) -> None:
        label = str(self._entries("threshold")[position].get("label", ""))
        self._confirm(self, self.tr("Remove this threshold?"),
                      self.tr("The threshold “{0}” leaves the draft. The change is recorded.")
                      .format(elided(label)), lambda: self._put(f"threshold.{position}", None))


def _at(data: dict, path: str) -> object:
    """The value at a dotted path of the situation's data (about.0.text), None if absent."""
    value: object = data
    for part in path.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value
