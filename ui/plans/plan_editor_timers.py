"""Deadline rows of the plan editor: for each deadline of a situation or a level, what must
be done, its minutes and its minutes on holidays, each a field of the draft; and the key a
new entry of the hall's own gets (hall_1, hall_2...: nothing the supervisor must invent)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QPushButton

from ui.plans.plan_editor_fields import DraftField

translate = QCoreApplication.translate
MakeField = Callable[[str, str], DraftField]  # (path inside the entry, kind) -> its field
Remove = Callable[[int], object]  # the library position of the entry to remove
HALL_KEY = "hall_{0}"


def new_key(taken: Collection[str]) -> str:
    """The first hall_N not taken."""
    number = 1
    while HALL_KEY.format(number) in taken:
        number += 1
    return HALL_KEY.format(number)


def remove_button(name: str, position: int, remove: Remove) -> QPushButton:
    button = QPushButton(translate("PlanEditor", "Remove…"), objectName=name)
    button.setProperty("position", position)
    button.clicked.connect(lambda: remove(position))
    return button


def add_timer_rows(form: QFormLayout, timers: list[dict], field: MakeField,
                   positions: Sequence[int] | None = None, remove: Remove | None = None
                   ) -> None:
    """A row per deadline (paths timer.N.label / minutes / holiday_minutes); `positions`:
    the deadlines shown, by position (None: all); `remove`: a Remove… button on each."""
    shown = [i for i in (range(len(timers)) if positions is None else positions)
             if 0 <= i < len(timers)]
    if not shown and remove is None:
        return
    form.addRow(QLabel(translate("PlanEditor", "Deadlines"), objectName="sectionLabel"))
    for number, index in enumerate(shown):
        timer = timers[index]
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (name, kind, hint) in enumerate((
                ("label", "text", translate("PlanEditor", "What must be done")),
                ("minutes", "whole", translate("PlanEditor", "Minutes")),
                ("holiday_minutes", "optional_whole", translate("PlanEditor", "On holidays")))):
            made = field(f"timer.{index}.{name}", kind)
            made.editor.setPlaceholderText(hint)
            made.editor.setToolTip(hint)
            made.load(timer.get(name))
            grid.addWidget(made.box, 0, column)
        if remove is not None:
            grid.addWidget(remove_button("removeTimer", index, remove), 0, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        form.addRow(translate("PlanEditor", "Deadline {0}").format(number + 1), grid)
