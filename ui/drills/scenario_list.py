"""ScenarioList: the drill scenarios by title, the trainer's own after the shipped ones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from models.services.drills import Scenario


class ScenarioList(QListWidget):
    def __init__(self, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.scenarios: list[Scenario] = []

    def set_scenarios(self, scenarios: list[Scenario], keep: str | None) -> None:
        """Show `scenarios`; the one keyed `keep` stays chosen (none chosen if it is gone)."""
        self.scenarios = sorted(scenarios, key=lambda s: (s.own, s.title))
        self.blockSignals(True)
        self.clear()
        for scenario in self.scenarios:
            mark = self.tr(" (own)") if scenario.own else ""
            item = QListWidgetItem(scenario.title + mark)
            item.setData(Qt.ItemDataRole.UserRole, scenario.key)
            self.addItem(item)
        keys = [s.key for s in self.scenarios]
        self.setCurrentRow(keys.index(keep) if keep in keys else -1)
        self.blockSignals(False)

    def selected(self) -> Scenario | None:
        row = self.currentRow()
        return self.scenarios[row] if 0 <= row < len(self.scenarios) else None
