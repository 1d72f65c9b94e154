"""EmergencyHome: one big colour-coded tile per category, the most urgent situations directly.

Keys: 1-9 open a category, the letters shown start an urgent situation at once.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.plans.catalog import Catalog
from ui.common.big_button import BigButton

URGENT_KEYS = "QWERTYUIOP"
CATEGORY_COLUMNS = 4


class EmergencyHome(QWidget):
    category_chosen = Signal(str)
    situation_chosen = Signal(str)

    def __init__(self, *, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyHome")
        self.urgent_buttons: dict[str, BigButton] = {}
        self.category_buttons: dict[str, BigButton] = {}

        urgent_row = QHBoxLayout()
        urgent_row.setSpacing(10)
        urgent = [s for c in catalog.ordered_categories() for s in catalog.situations_in(c.key)
                  if s.urgent][: len(URGENT_KEYS)]
        for key, sit in zip(URGENT_KEYS, urgent, strict=False):
            color = catalog.category(sit.category).color
            button = BigButton(sit.short, sit.name, key, object_name="urgentButton")
            button.setStyleSheet(f"#urgentButton {{ border-left: 10px solid {color}; }}")
            button.clicked.connect(lambda _=False, k=sit.key: self.situation_chosen.emit(k))
            QShortcut(QKeySequence(key), self, activated=button.click)
            self.urgent_buttons[sit.key] = button
            urgent_row.addWidget(button)

        grid = QGridLayout()
        grid.setSpacing(10)
        for index, cat in enumerate(catalog.ordered_categories()[:9]):
            key = str(index + 1)
            inside = catalog.situations_in(cat.key)
            detail = self.tr("{0} situations").format(len(inside)) + "：" + "、".join(
                s.short for s in inside)
            button = BigButton(cat.name, detail, key, object_name=f"category_{cat.key}",
                               color=cat.color)
            button.setProperty("role", "categoryTile")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, k=cat.key: self.category_chosen.emit(k))
            QShortcut(QKeySequence(key), self, activated=button.click)
            self.category_buttons[cat.key] = button
            grid.addWidget(button, index // CATEGORY_COLUMNS, index % CATEGORY_COLUMNS)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(QLabel(self.tr("Most urgent — one press starts the response"),
                                objectName="sectionLabel"))
        layout.addLayout(urgent_row)
        layout.addWidget(QLabel(self.tr("What happened? Choose the kind of incident"),
                                objectName="sectionLabel"))
        layout.addLayout(grid, 1)
