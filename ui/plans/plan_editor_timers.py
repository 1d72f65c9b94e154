"""Deadline rows of the plan editor: for each deadline of a situation or a level, what must
be done, its minutes and its minutes on holidays, each a field of the draft."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel

from ui.plans.plan_editor_fields import DraftField

translate = QCoreApplication.translate
MakeField = Callable[[str, str], DraftField]  # (path inside the entry, kind) -> its field


def add_timer_rows(form: QFormLayout, timers: list[dict], field: MakeField) -> None:
    """A row per deadline (paths timer.N.label / minutes / holiday_minutes)."""
    if not timers:
        return
    form.addRow(QLabel(translate("PlanEditor", "Deadlines"), objectName="sectionLabel"))
    for index, timer in enumerate(timers):
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
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        form.addRow(translate("PlanEditor", "Deadline {0}").format(index + 1), grid)
