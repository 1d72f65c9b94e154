"""PlanRevisionsPanel: every version of the plans this desk has used — revised when, reviewed
and approved by whom — the approval of the current one, and the text of any version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.incidents.records import parse_date
from models.plans.catalog import Catalog
from models.plans.revisions import ApprovalRefused, Revision, record_approval, revisions
from models.store.tables import PlanVersion
from ui.common.message_tone import show_message
from ui.common.simple_table import fill_table, setup_table
from ui.plans.plan_version_dialog import PlanVersionDialog


class PlanRevisionsPanel(QWidget):
    approved = Signal()

    def __init__(self, *, catalog: Catalog, plan: PlanVersion, clerk: Callable[[], str],
                 now: Callable[[], datetime], zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planRevisionsPanel")
        self._catalog = catalog
        self._plan = plan
        self._clerk = clerk
        self._now = now
        self._zone = zone  # the hall's: which day today is
        self._revisions: list[Revision] = []
        self.dialog: PlanVersionDialog | None = None
        info = catalog.info
        self.current = QLabel(objectName="currentPlanVersion")
        self.current.setWordWrap(True)
        self.current.setText(self.tr(
            "Plans in use: version {0}, revised {1}; the documents ask for a revision every "
            "{2} months, approved by management.").format(
            info.version, info.revised.isoformat(), catalog.governance.revise_every_months))
        self.table = QTableWidget(0, 6, objectName="revisionTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Version"), self.tr("Revised"), self.tr("Reviewed by"),
            self.tr("Approved by"), self.tr("Used by"), self.tr("In use")])
        setup_table(self.table)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.show_button = QPushButton(self.tr("Show the plans of this version"),
                                       objectName="showPlanVersion")
        self.show_button.clicked.connect(self.show_version)
        self.reviewer = QLineEdit(objectName="approvalReviewer")
        self.reviewer.setPlaceholderText(self.tr("Reviewed by"))
        self.approver = QLineEdit(objectName="approvalApprover")
        self.approver.setPlaceholderText(self.tr("Approved by (management)"))
        self.approved_on = QLineEdit(objectName="approvalDate")
        self.approved_on.setPlaceholderText("YYYY-MM-DD")
        self.note = QLineEdit(objectName="approvalNote")
        self.note.setPlaceholderText(self.tr("Note, e.g. the approval document"))
        self.approve_button = QPushButton(self.tr("Record the approval of the plans in use"),
                                          objectName="recordApproval")
        self.approve_button.clicked.connect(self.approve)
        self.message = QLabel(objectName="approvalMessage")
        self.message.setWordWrap(True)

        form = QGridLayout()
        form.addWidget(self.reviewer, 0, 0)
        form.addWidget(self.approver, 0, 1)
        form.addWidget(self.approved_on, 0, 2)
        form.addWidget(self.note, 1, 0, 1, 2)
        form.addWidget(self.approve_button, 1, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Approval of the plans in use"),
                                objectName="sectionLabel"))
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.approved_on.setText(hall_time.day_of(now(), zone).isoformat())

    def refresh(self) -> None:
        self._revisions = revisions(self._catalog)
        rows = []
        for r in self._revisions:
            reviewers = [r.reviewer] if r.reviewer else []
            reviewers += [a.reviewer for a in r.approvals]
            approvals = [r.approved_by] if r.approved_by else []
            approvals += [self.tr("{0} on {1}").format(a.approved_by, a.approved_on.isoformat())
                          + (f"（{a.note}）" if a.note else "") for a in r.approvals]
            rows.append((r.version, r.revised.isoformat(), "、".join(reviewers) or "—",
                         "；".join(approvals) or self.tr("not yet approved"),
                         self.tr("{0} incidents, {1} drills").format(r.incidents, r.drills),
                         self.tr("in use") if r.current else ""))
        fill_table(self.table, rows)
        current = next((i for i, r in enumerate(self._revisions) if r.current), 0)
        if self._revisions:
            self.table.selectRow(current)

    def selected(self) -> Revision | None:
        row = self.table.currentRow()
        return self._revisions[row] if 0 <= row < len(self._revisions) else None

    def show_version(self) -> None:
        revision = self.selected()
        if revision is None:
            return
        self.dialog = PlanVersionDialog(plan_id=revision.plan_id, parent=self)
        self.dialog.open()

    def approve(self) -> bool:
        today: date = hall_time.day_of(self._now(), self._zone)
        try:
            record_approval(self._plan, reviewer=self.reviewer.text(),
                            approved_by=self.approver.text(),
                            approved_on=parse_date(self.approved_on.text()),
                            note=self.note.text(), recorded_by=self._clerk(), now=self._now(),
                            today=today)
        except ApprovalRefused as refused:
            show_message(self.message, self.refusal_text(refused.code), ok=False)
            return False
        show_message(self.message, self.tr("The approval is recorded with version {0}.")
                     .format(self._plan.version), ok=True)
        self.note.clear()
        self.refresh()
        self.approved.emit()
        return True

    def refusal_text(self, code: str) -> str:
        return {
            "reviewer_required": self.tr("Write who reviewed the plans."),
            "approver_required": self.tr("Write who approved the plans."),
            "bad_date": self.tr("The date is not a real day: write it as 2026-11-20."),
            "future_date": self.tr("The approval date is in the future."),
            "before_revision": self.tr("The approval date is before the revision it approves "
                                       "({0}).").format(self._plan.revised.isoformat()),
            "too_long": self.tr("A field is too long."),
        }.get(code, code)
