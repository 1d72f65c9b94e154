"""LevelsEditor: each level of the hall's draft.

With no edition (the whole library) a level's reporting deadline (minutes to report to
whom) and the deadlines of its chain are edited here. A hall that runs an edition reports
along its own chain instead — the hall kind's, shipped with the program (plans/editions.toml),
which replaces the library's — so the tab shows that chain read-only and says where it comes
from; what the edition still takes from the draft (the level's name, short name, criteria,
and who handles it where the chain does not say) stays editable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from models.plans.catalog import Level
from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_timers import add_timer_rows


@dataclass(frozen=True)
class HallChain:
    """The edition's reporting chain as its desk runs it."""

    name: str  # the kind of hall, e.g. 银行网点
    levels: Mapping[int, Level]  # the edition's levels (its chain in place of the library's)
    roles: Mapping[str, str]  # role key -> the hall's name for it
    own_handling: frozenset[int]  # levels whose "who handles it" the chain gives


class LevelsEditor(QWidget):
    def __init__(self, *, save: Save, read: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelsEditor")
        self._save = save
        self._read = read
        self._roles: dict[str, str] = {}
        self.hall: HallChain | None = None
        self.levels: list[int] = []
        self.fields: dict[str, DraftField] = {}
        self.chain_text: QLabel | None = None
        self.list = QListWidget(objectName="levelList")
        self.list.currentRowChanged.connect(self._show_level)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right = QVBoxLayout()
        right.addWidget(self.form_box)
        right.addStretch(1)  # the form's rows at their height, not spread over the page
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 3)

    def set_levels(self, levels: list[tuple[int, str]], roles: Mapping[str, str],
                   hall: HallChain | None = None) -> None:
        """(level, name) of the draft's levels; `roles`: key -> name, to say whom to report
        to; `hall`: the edition's chain (None: the library's, edited here)."""
        self._roles = dict(roles)
        self.hall = hall
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
        self.chain_text = None
        if not 0 <= row < len(self.levels):
            return
        level = self.levels[row]
        data = self._read(f"level.{level}") or {}

        def field(path: str, kind: str) -> DraftField:
            made = DraftField(where=f"level.{level}.{path}", kind=kind, save=self._save,
                              name="level_" + path.replace(".", "_"), parent=self)
            self.fields[path] = made
            return made

        if self.hall is None:
            report = field("report_within_minutes", "whole")
            report.load(data.get("report_within_minutes"))
            to = self._roles.get(str(data.get("report_to", "")), str(data.get("report_to", "")))
            self.form.addRow(self.tr("Minutes to report to {0}").format(to), report.box)
            add_timer_rows(self.form, data.get("timer") or [], field)
        else:
            self._show_hall_chain(level, data, field)
        for made in self.fields.values():
            made.box.show()  # at once, not when the layout gets round to it

    def _show_hall_chain(self, level: int, data: dict, field) -> None:
        hall = self.hall
        self.chain_text = QLabel(self.chain_words(level), objectName="hallChain")
        self.chain_text.setWordWrap(True)
        self.form.addRow(QLabel(self.tr("Reporting in this hall (read-only)"),
                                objectName="sectionLabel"))
        self.form.addRow(self.chain_text)
        where = QLabel(self.tr("This chain is the {0}'s own: it is shipped with the program "
                               "(the hall kind's definition, plans/editions.toml) and replaces "
                               "the library's reporting chain at this desk. A draft cannot "
                               "change it; a new program version can.").format(hall.name),
                       objectName="hintLabel")
        where.setWordWrap(True)
        self.form.addRow(where)
        self.form.addRow(QLabel(self.tr("What this hall takes from the plans"),
                                objectName="sectionLabel"))
        own = [("name", "text", self.tr("Name of the level")),
               ("short", "text", self.tr("Short name")),
               ("criteria", "lines", self.tr("What makes an incident this level (one per "
                                             "line)"))]
        if level not in hall.own_handling:
            own.append(("handled_by", "long_text", self.tr("Who handles it and how")))
        for name, kind, title in own:
            made = field(name, kind)
            made.load(data.get(name))
            self.form.addRow(title, made.box)

    def chain_words(self, level: int) -> str:
        """Whom the level reports to in this hall, within how long, and what follows."""
        lv = self.hall.levels[level]
        names = self.hall.roles
        start = (self.tr("from the start") if lv.report_starts == "start"
                 else self.tr("from when it is over"))
        to = names.get(lv.report_to, lv.report_to)
        lines = [self.tr("Report to {0} at once ({1}).").format(to, start)
                 if lv.report_within_minutes == 0 else
                 self.tr("Report to {0} within {1} minutes ({2}).").format(
                     to, lv.report_within_minutes, start)]
        if lv.then:
            lines.append(self.tr("Then: {0}").format(lv.then))
        if level in self.hall.own_handling:
            lines.append(self.tr("Who handles it: {0}").format(lv.handled_by))
        for number, timer in enumerate(lv.timers[1:], start=2):
            lines.append(self.tr("Deadline {0}: {1} — at once").format(number, timer.label)
                         if timer.minutes == 0 else
                         self.tr("Deadline {0}: {1} — {2} minutes").format(
                             number, timer.label, timer.minutes))
        return "\n".join(lines)
