"""SituationForm: one situation's own fields in the draft — name, button label, default
level, description, supplies, words to say — and its deadlines (label, minutes, holiday
minutes) and thresholds (value). Built for one situation from its stored data; each field
saves itself (DraftField)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_timers import add_timer_rows

UNITS = ("yuan", "minutes", "hours", "days", "people")


class SituationForm(QWidget):
    def __init__(self, *, key: str, data: dict, levels: list[tuple[int, str]], save: Save,
                 parent: QWidget | None = None) -> None:
        """`data`: the situation as the draft stores it (models.plans.drafts.read);
        `levels`: (level, name) to choose the default level from."""
        super().__init__(parent)
        self.setObjectName("situationForm")
        self.key = key
        self._save = save
        self.fields: dict[str, DraftField] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # a narrow column
        own = (("name", "text", self.tr("Name of the situation")),
               ("short", "text", self.tr("Button label (at most 8 characters)")),
               ("default_level", "choice", self.tr("Default level")),
               ("description", "optional_long_text", self.tr("Description")),
               ("supplies", "lines", self.tr("Supplies (one per line)")),
               ("scripts", "lines", self.tr("Words to say (one per line)")))
        for name, kind, title in own:
            field = self._field(name, kind)
            if name == "default_level":
                for level, level_name in levels:
                    field.editor.addItem(f"{level} · {level_name}", level)
            field.load(data.get(name))
            form.addRow(title, field.box)
        add_timer_rows(form, data.get("timer") or [], self._field)
        self._add_thresholds(form, data.get("threshold") or [])

    def _field(self, path: str, kind: str) -> DraftField:
        where = f"situation.{self.key}.{path}"
        field = DraftField(where=where, kind=kind, save=self._save,
                           name="sit_" + path.replace(".", "_"), parent=self)
        self.fields[path] = field
        return field

    def _add_thresholds(self, form: QFormLayout, thresholds: list[dict]) -> None:
        if not thresholds:
            return
        form.addRow(QLabel(self.tr("Thresholds"), objectName="sectionLabel"))
        units = dict(zip(UNITS, (self.tr("yuan"), self.tr("minutes"), self.tr("hours"),
                                 self.tr("days"), self.tr("people")), strict=True))
        for index, threshold in enumerate(thresholds):
            field = self._field(f"threshold.{index}.value", "number")
            field.load(threshold.get("value"))
            unit = units.get(str(threshold.get("unit")), str(threshold.get("unit", "")))
            form.addRow(f"{threshold.get('label', '')}（{unit}）", field.box)
