"""DraftSession: the plan editor's Qt side of the PlanDraftService.

Every command runs through the desk's Operations (one error path for failures); a refusal
comes back as the words to show, nothing saved. `edited` tells the editor's views that the
draft's text changed, `moved` that its status did (started, submitted, approved, published,
withdrawn, discarded).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.plans.catalog import Catalog
from models.services.plan_drafts import (
    Act,
    Change,
    Draft,
    DraftRefused,
    PlanDraftService,
)
from ui.common.operations import Operations
from ui.plans.plan_editor_words import refusal_text, refused_lines

translate = QCoreApplication.translate


class DraftSession(QObject):
    edited = Signal()
    moved = Signal()

    def __init__(self, *, service: PlanDraftService, operations: Operations,
                 who: Callable[[], str], parent: QObject | None = None) -> None:
        """`who`: the supervisor's name as the editor shows it (every change records it)."""
        super().__init__(parent)
        self.service = service
        self._ops = operations
        self._who = who
        self._names: dict[str, str] | None = None  # "situation.fire" -> its name

    # -- reading -----------------------------------------------------------------------------
    def draft(self) -> Draft | None:
        return self.service.draft()

    def read(self, where: str) -> object:
        draft = self.draft()
        return None if draft is None else self.service.read(draft, where)

    def catalog(self) -> Catalog | None:
        draft = self.draft()
        return None if draft is None else self.service.catalog(draft)

    def changes(self) -> list[Change]:
        draft = self.draft() or self.service.latest()
        return [] if draft is None else self.service.changes(draft)

    def acts(self) -> list[Act]:
        draft = self.draft() or self.service.latest()
        return [] if draft is None else self.service.acts(draft)

    def today(self) -> date:
        return self.service.today()

    def names(self) -> dict[str, str]:
        """Situations and roles of the draft by path, for the words of a problem's place."""
        if self._names is None:
            catalog = self.catalog()
            self._names = {} if catalog is None else {
                **{f"situation.{s.key}": s.name for s in catalog.situations},
                **{f"role.{r.key}": r.name for r in catalog.roles}}
        return self._names

    # -- editing -----------------------------------------------------------------------------
    def save(self, where: str, value: object) -> str:
        """"" when the draft holds the value now; otherwise what is wrong (nothing saved)."""
        draft = self.draft()
        if draft is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        try:
            outcome = self._ops.run(self.service.change, draft, where, value, self._who())
        except DraftRefused as refused:
            return refused_lines(refused, self.names(), where)
        if outcome is None:
            return translate("PlanEditor", "Not saved: the desk could not write it (see the "
                             "message).")
        if outcome.value is not None:
            self._names = None
            self.edited.emit()
        return ""

    # -- the draft's life ----------------------------------------------------------------------
    def start(self) -> str:
        return self._act(self.service.open, self._who())

    def submit(self) -> str:
        return self._act(self.service.submit, self.draft(), self._who())

    def withdraw(self) -> str:
        return self._act(self.service.withdraw, self.draft(), self._who())

    def approve(self, signer: str, signed_on: date | None) -> str:
        return self._act(self.service.approve, self.draft(), signer, signed_on, self._who())

    def publish(self) -> str:
        return self._act(self.service.publish, self.draft(), self._who())

    def discard(self) -> str:
        return self._act(self.service.discard, self.draft(), self._who())

    def _act(self, command, draft_or_who, *args) -> str:
        """"" when done; otherwise what is wrong (nothing changed)."""
        if draft_or_who is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        try:
            done = self._ops.run(command, draft_or_who, *args)
        except DraftRefused as refused:
            return refusal_text(refused)
        if done is None:
            return translate("PlanEditor", "Not done: the desk could not write it (see the "
                             "message).")
        self._names = None
        self.moved.emit()
        return ""
