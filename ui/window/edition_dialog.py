"""EditionDialog: which kind of hall this desk is in, asked at first start.

The answer picks the hall's edition of the plans (plans/editions.toml): its documents'
situations, roles and reporting chain. Not modal, like the on-duty question: the alarm, the
timers and 110 / 119 / 120 stay usable while it is open; put away, every plan stays in use
and the question comes again at the next start.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.plans.editions import Edition

COLUMNS = 2


class EditionDialog(QDialog):
    chosen = Signal(str)  # the edition's key

    def __init__(self, *, editions: tuple[Edition, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editionDialog")
        self.setWindowTitle(self.tr("Which hall is this?"))
        hint = QLabel(self.tr(
            "Choose the kind of hall this desk serves. The desk then shows the situations, "
            "people and reporting chain of the plans such a hall follows, and the general "
            "regulation. It can be changed later in Settings."), objectName="hintLabel")
        hint.setWordWrap(True)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, edition in enumerate(editions):
            text = f"{edition.name}\n{edition.description}" if edition.description else (
                edition.name)
            button = QPushButton(text, objectName="editionButton")
            button.setToolTip(edition.description)
            button.clicked.connect(lambda _=False, key=edition.key: self.choose(key))
            self.buttons[edition.key] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.later = QPushButton(self.tr("Not now: show every plan"), objectName="editionLater")
        self.later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.later)

    def choose(self, key: str) -> None:
        self.chosen.emit(key)
        self.accept()
