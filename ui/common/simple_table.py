"""Read-only tables of plain rows, as the trainer's screens show them."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def setup_table(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)  # fill_table sizes the columns


def fill_table(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Fill, then size the columns once. (Columns left to size to their contents while cells
    are written re-measure the whole column at every cell: minutes, not milliseconds, for a few
    hundred rows, and the desk's timers and alarm frozen meanwhile; setup_table leaves them
    interactive.)"""
    table.setUpdatesEnabled(False)
    try:
        table.clearContents()
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()  # once, over a sample of the rows (Qt's precision)
    finally:
        table.setUpdatesEnabled(True)
