"""ChangeLog: every change made to the draft — when, by whom, where, old → new — newest
first; a cell's tip holds a long value whole."""

from __future__ import annotations

from collections.abc import Mapping
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from models.clock import hall_time
from models.services.plan_drafts import Change
from ui.plans.plan_editor_words import elided, place_text, value_text


class ChangeLog(QTableWidget):
    def __init__(self, *, zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("draftChangeLog")
        self._zone = zone
        self.setHorizontalHeaderLabels([self.tr("When"), self.tr("By"), self.tr("Where"),
                                        self.tr("Was"), self.tr("Changed to")])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 260)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def set_changes(self, changes: list[Change], names: Mapping[str, str]) -> None:
        self.setRowCount(0)
        for change in reversed(changes):
            row = self.rowCount()
            self.insertRow(row)
            cells = (hall_time.local_text(change.at, self._zone), change.by,
                     place_text(change.where, names), value_text(change.old),
                     value_text(change.new))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(elided(text))
                item.setToolTip(text if column != 2 else change.where)
                self.setItem(row, column, item)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows, as text (tests, the screenshot's description)."""
        return [tuple(self.item(r, c).text() for c in range(self.columnCount()))
                for r in range(self.rowCount())]
