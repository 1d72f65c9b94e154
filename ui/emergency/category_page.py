"""CategoryPage: the situations of one category as big buttons (keys 1-9, Esc goes back)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.plans.catalog import Catalog
from ui.common.big_button import BigButton

COLUMNS = 3


class CategoryPage(QWidget):
    situation_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, *, catalog: Catalog, category_key: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categoryPage")
        category = catalog.category(category_key)
        self.category_key = category_key
        self.back_button = QPushButton(self.tr("← Back  Esc"), objectName="backButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        title = QLabel(category.name, objectName="categoryTitle")
        title.setStyleSheet(f"color: {category.color};")
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(title, 1)

        self.buttons: dict[str, BigButton] = {}
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, sit in enumerate(catalog.situations_in(category_key)):
            key = str(index + 1) if index < 9 else ""
            level = catalog.level(sit.default_level)
            detail = f"{sit.name} · {level.short}"
            button = BigButton(sit.short, detail, key, object_name="situationButton")
            button.setStyleSheet(f"#situationButton {{ border-left: 10px solid "
                                 f"{category.color}; }}")
            button.clicked.connect(lambda _=False, k=sit.key: self.situation_chosen.emit(k))
            if key:
                QShortcut(QKeySequence(key), self, activated=button.click)
            self.buttons[sit.key] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        QShortcut(QKeySequence("Esc"), self, activated=self.back_requested.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addStretch(1)
