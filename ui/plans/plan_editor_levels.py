"""LevelsEditor: each level's reporting deadline (minutes to report to whom) and the
deadlines of its reporting chain, in the hall's draft."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QListWidget, QWidget

from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_timers import add_timer_rows


class LevelsEditor(QWidget):
    def __init__(self, *, save: Save, read: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelsEditor")
        self._save = save
        self._read = read
        self.levels: list[int] = []
        self.fields: dict[str, DraftField] = {}
        self.list = QListWidget(objectName="levelList")
        self.list.currentRowChanged.connect(self._show_level)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.form_box, 3)

    def set_levels(self, levels: list[tuple[int, str]], roles: Mapping[str, str]) -> None:
        """(level, name) of the draft's levels; `roles`: key -> name, to say whom to report to."""
        self._roles = dict(roles)
        row = max(self.list.currentRow(), 0)
        self.levels = [level for level, _name in levels]
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([name for _level, name in levels])
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(self.levels) - 1))
        self._show_level(self.list.currentRow())

    def _show_level(self, row: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for field in self.fields.values():
            field.deleteLater()
        self.fields = {}
        if not 0 <= row < len(self.levels):
            return
        level = self.levels[row]
        data = self._read(f"level.{level}") or {}

        def field(path: str, kind: str) -> DraftField:
            made = DraftField(where=f"level.{level}.{path}", kind=kind, save=self._save,
                              name="level_" + path.replace(".", "_"), parent=self)
            self.fields[path] = made
            return made

        report = field("report_within_minutes", "whole")
        report.load(data.get("report_within_minutes"))
        to = self._roles.get(str(data.get("report_to", "")), str(data.get("report_to", "")))
        self.form.addRow(self.tr("Minutes to report to {0}").format(to), report.box)
        add_timer_rows(self.form, data.get("timer") or [], field)
        for made in self.fields.values():
            made.box.show()  # at once, not when the layout gets round to it
