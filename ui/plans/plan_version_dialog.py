"""PlanVersionDialog: the plans exactly as one version had them, read from the snapshot the
database keeps — what an incident or drill followed, even after the plan files changed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from models.plans.catalog import Catalog
from ui.plans.plans_browser import PlansBrowser


class PlanVersionDialog(QDialog):
    def __init__(self, *, catalog: Catalog, label: str, situation: str = "",
                 parent: QWidget | None = None) -> None:
        """`catalog`: the plans of that version (from their snapshot); `label` names it."""
        super().__init__(parent)
        self.setObjectName("planVersionDialog")
        self.setWindowTitle(self.tr("Plans, version {0}").format(label))
        self.note = QLabel(self.tr("The plans as they were in version {0} (kept with the "
                                   "records; later revisions do not change this text).")
                           .format(label), objectName="planVersionNote")
        self.note.setWordWrap(True)
        self.browser = PlansBrowser(catalog=catalog)
        if situation in {s.key for s in catalog.situations}:
            self.browser.show_situation(situation)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        self.resize(1100, 700)
