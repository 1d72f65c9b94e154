"""HistoryModel: incidents one page at a time — it never loads all rows.

It is given functions that count and fetch (so tests can feed it rows without a database).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from models.clock import hall_time
from models.plans.catalog import Catalog
from models.services.records import HistoryFilter, HistoryRow
from ui.common.status_text import status_text

PAGE = 200
COLUMNS = ("number", "time", "situation", "level", "status", "desk", "place")
ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self, *, catalog: Catalog, count: Callable[[HistoryFilter], int],
                 fetch: Callable[..., list[HistoryRow]], parent=None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._count = count
        self._fetch = fetch
        self._filter = HistoryFilter()
        self._sort, self._descending = "time", True
        self.rows: list[HistoryRow] = []
        self.total = 0
        self._loaded = False  # nothing is queried until a filter is set (the screen is shown)

    def headers(self) -> dict[str, str]:
        return {"number": self.tr("No."), "time": self.tr("Time"),
                "situation": self.tr("Situation"), "level": self.tr("Level"),
                "status": self.tr("Status"), "desk": self.tr("Desk"), "place": self.tr("Place")}

    # -- loading ---------------------------------------------------------------------------
    def set_filter(self, f: HistoryFilter) -> None:
        self._filter = f
        self._loaded = True
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.total = self._count(self._filter)
        self.rows = self._fetch(self._filter, sort=self._sort, descending=self._descending,
                                offset=0, limit=PAGE)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        if not self.canFetchMore(parent):
            return
        more = self._fetch(self._filter, sort=self._sort, descending=self._descending,
                           offset=len(self.rows), limit=PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column]
        self._sort = "time" if key == "time" else key
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded:  # the view sorts once while being set up: no query for that
            self.reload()

    # -- showing ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.is_drill:
            return QColor("#6a1b9a")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = COLUMNS[index.column()]
        if column == "number":
            return (self.tr("[DRILL] ") if row.is_drill else "") + row.number
        if column == "time":
            return hall_time.local_text(row.started_at, self._filter.zone)  # the filter's days
        if column == "situation":
            return row.situation_name
        if column == "level":
            level = self._catalog.level(row.level)
            return f"{level.level} {level.short}"
        if column == "status":
            return status_text(row.status)
        return getattr(row, column)
