"""DutyController: the duty phone log and the shift handover, run through the desk's one
Operations, telling the windows what changed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from models.services.duty import CallInput, DutyService, Offer, OpenItems
from ui.common.operations import Operations


class DutyController(QObject):
    call_recorded = Signal(int)  # the journal entry's id
    handover_offered = Signal(object)  # the Offer
    handover_accepted = Signal(str)  # the incoming clerk, now on duty
    handover_refused = Signal(str)  # the reason; the outgoing clerk stays on duty

    def __init__(self, *, service: DutyService, operations: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.operations = operations

    def record_call(self, call: CallInput) -> int | None:
        """The call's id once written; None when the store failed (shown on the one error
        path). A refusal (CallRefused) is raised to the form, which says what is wrong."""
        outcome = self.operations.run(self.service.record_call, call)
        if outcome is None:
            return None
        self.call_recorded.emit(outcome.value)
        return outcome.value

    def tell(self, call_id: int, name: str, at: datetime) -> bool:
        """Someone told of a call afterwards (CallRefused raised to the list)."""
        return self.operations.run(self.service.tell, call_id, name, at) is not None

    def offer_handover(self, items: OpenItems, notes: str) -> Offer | None:
        outcome = self.operations.run(self.service.offer_handover, items, notes)
        if outcome is None:
            return None
        self.handover_offered.emit(outcome.value)
        return outcome.value

    def answer_handover(self, offer_id: int, incoming: str, *, accept: bool,
                        reason: str = "") -> bool:
        done = self.operations.run(self.service.answer_handover, offer_id, incoming,
                                   accept=accept, reason=reason)
        if done is None:
            return False
        name = " ".join(incoming.split())
        if accept:
            self.handover_accepted.emit(name)
        else:
            self.handover_refused.emit(reason.strip())
        return True
