"""ImportPreviewDialog: what a CSV file would bring, row by row, before anything is written."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.contacts.phones import display_number
from models.services.contacts import ImportPreview, ImportRow
from ui.contacts.contact_problems import field_problem

ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16",
             "gb18030": "GBK / GB18030"}
ERROR_BACKGROUND = QColor("#ffebee")


class ImportPreviewDialog(QDialog):
    """Accepting means: import the rows marked new or changed. Rejecting changes nothing."""

    def __init__(self, *, preview: ImportPreview, role_names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import contacts: check before importing"))
        self.resize(1100, 620)
        self.preview = preview
        actions = {"add": self.tr("New"), "update": self.tr("Changes a contact"),
                   "same": self.tr("Already there, skipped"),
                   "error": self.tr("Not imported")}
        summary = QLabel(self.tr(
            "{0} (encoding {1}): {2} rows. {3} new, {4} changed, {5} already there, {6} with "
            "problems (not imported; correct them in the file and import again).").format(
                preview.path.name, ENCODINGS.get(preview.encoding, preview.encoding),
                len(preview.rows), preview.count("add"), preview.count("update"),
                preview.count("same"), preview.count("error")), objectName="importSummary")
        summary.setWordWrap(True)
        ignored = QLabel(self.tr("Columns not used: {0}").format("、".join(
            preview.ignored_columns)), objectName="hintLabel")
        ignored.setVisible(bool(preview.ignored_columns))
        self.table = QTableWidget(len(preview.rows), 6, objectName="importTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Line"), self.tr("Result"), self.tr("Name"), self.tr("Role"),
            self.tr("Numbers"), self.tr("Problems or changes")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Rows follow the wrapped problems at the width the table really gets.
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column, width in enumerate((56, 150, 110, 190, 240)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        rows = sorted(preview.rows, key=lambda r: (r.action != "error", r.line))  # errors first
        for index, row in enumerate(rows):
            self._fill_row(index, row, actions[row.action], role_names)
        count = len(preview.importable)
        self.import_button = QPushButton(self.tr("Import {0} contacts").format(count),
                                         objectName="confirmImport")
        self.import_button.setEnabled(count > 0)
        self.import_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel: import nothing"), objectName="cancelImport")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(ignored)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _fill_row(self, index: int, row: ImportRow, action: str,
                  role_names: dict[str, str]) -> None:
        role = row.role_text if "role" in row.problems else (
            role_names.get(row.data.role_key) or self.tr("Other"))
        numbers = "  ".join(display_number(p.number) for p in row.data.phones if p.number)
        problems = "\n".join(_which(row, k) + field_problem(k, v, row.role_text)
                             for k, v in row.problems.items())
        details = problems or self._changes(row)
        for column, text in enumerate((str(row.line), action, row.data.name, role, numbers,
                                       details)):
            item = QTableWidgetItem(text)
            if row.action == "error":
                item.setBackground(QBrush(ERROR_BACKGROUND))
            self.table.setItem(index, column, item)

    def _changes(self, row: ImportRow) -> str:
        """What an update changes; a field the file empties is said to be cleared."""
        if row.action != "update":
            return ""
        names = {"name": self.tr("Name"), "role_key": self.tr("Role"),
                 "organisation": self.tr("Organisation"), "phones": self.tr("Numbers"),
                 "available_24h": self.tr("24 hours"), "on_duty": self.tr("Duty hours"),
                 "notes": self.tr("Notes"), "outside": self.tr("Outside number")}
        words = [self.tr("{0} (cleared)").format(names[key])
                 if isinstance(getattr(row.data, key), str) and not getattr(row.data, key)
                 else names[key] for key in row.changes]
        return self.tr("Changes: {0}").format("、".join(words))


def _which(row: ImportRow, key: str) -> str:
    """A bad number is named, so a row with several says which one."""
    if not key.startswith("phone") or not key[5:].isdigit():
        return ""
    index = int(key[5:])
    return f"{row.data.phones[index].number}：" if index < len(row.data.phones) else ""
