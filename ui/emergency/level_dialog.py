"""LevelDialog: change the level with a reason; the documents' criteria propose one.

A window beside the guided view, not modal: while the clerk weighs the criteria the alarm is
acknowledged (F9, the banner) and 110 / 119 / 120 are pressed and recorded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.plans.catalog import Catalog
from models.plans.levels import propose_level, questions
from ui.common.over_screen import one_at_a_time, show_over_screen


class LevelDialog(QDialog):
    def __init__(self, *, catalog: Catalog, current: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelDialog")
        self.setWindowTitle(self.tr("Level"))
        self._catalog = catalog
        self._current = current
        self.levels = QButtonGroup(self)
        level_row = QHBoxLayout()
        for level in catalog.levels:
            button = QRadioButton(f"{level.name}（{level.short}）", objectName="levelChoice")
            button.setStyleSheet(f"QRadioButton {{ color: {level.color}; }}")
            self.levels.addButton(button, level.level)
            level_row.addWidget(button)
        self.levels.button(current).setChecked(True)

        self.criteria: list[QCheckBox] = []
        helper = QVBoxLayout()
        helper.addWidget(QLabel(self.tr("Which of these apply? (proposes a level)"),
                                objectName="sectionLabel"))
        for number, criterion in questions(catalog.levels):
            box = QCheckBox(f"{criterion}", objectName="criterionCheck")
            box.setProperty("level", number)
            box.toggled.connect(self._propose)
            self.criteria.append(box)
            helper.addWidget(box)
        self.proposal = QLabel(objectName="proposalLabel")

        self.reason = QLineEdit(objectName="levelReason")
        self.reason.setPlaceholderText(self.tr("Why the level changes (required)"))
        self.reason.setMaxLength(1000)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.missing = QLabel(objectName="levelMissing")  # why OK cannot be pressed yet
        self.levels.idToggled.connect(self._update_ok)
        self.reason.textChanged.connect(self._update_ok)

        # The criteria scroll: the window fits over the screen area however short it is, and
        # leaves the alarm banner and 110 / 119 / 120 uncovered.
        criteria = QWidget(objectName="levelCriteria")
        criteria.setLayout(helper)
        scroll = QScrollArea(objectName="levelCriteriaScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(criteria)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.proposal)
        layout.addLayout(level_row)
        layout.addWidget(self.reason)
        layout.addWidget(self.missing)
        layout.addWidget(self.buttons)
        self._update_ok()

    def show_over(self, area: QWidget) -> None:
        """Show it, not modal, over `area`'s screen (never over the alarm or the bar)."""
        one_at_a_time(self)
        show_over_screen(self, area)
        self.reason.setFocus()  # the cursor where the clerk types; F9–F12 work from it too

    def chosen_level(self) -> int:
        return self.levels.checkedId()

    def chosen_reason(self) -> str:
        return self.reason.text().strip()

    def _propose(self) -> None:
        yes = [box.text() for box in self.criteria if box.isChecked()]
        proposed = propose_level(self._catalog.levels, yes)
        level = self._catalog.level(proposed)
        self.proposal.setText(self.tr("Proposed: {0}").format(f"{level.name}（{level.short}）"))
        self.levels.button(proposed).setChecked(True)
        if yes:
            self.reason.setText("；".join(yes))

    def _update_ok(self, *_args) -> None:
        missing = ""
        if self.chosen_level() == self._current:
            missing = self.tr("Choose a level other than the current one.")
        elif not self.chosen_reason():
            missing = self.tr("Write why the level changes; it goes into the record.")
        untouched = self.chosen_level() == self._current and not self.chosen_reason()
        self.missing.setProperty("untouched", untouched)  # a hint, not yet a problem
        self.missing.style().unpolish(self.missing)
        self.missing.style().polish(self.missing)
        self.missing.setText(missing)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
