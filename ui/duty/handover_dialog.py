"""HandoverDialog: the shift handover (交接班), from the clerk button.

The outgoing clerk sees what is open (running incidents, open deadlines), types notes and
hands over: what was shown is what the journal keeps. The incoming clerk then names
themself and accepts (and is on duty) or refuses with a reason (the outgoing clerk stays).
Opened while a handover waits for its answer, the dialog asks for that answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.services.duty import HandoverRefused, Offer, OpenItems
from ui.common.simple_table import fill_table, setup_table
from ui.common.status_text import status_text
from ui.duty.duty_controller import DutyController


class HandoverDialog(QDialog):
    def __init__(self, *, controller: DutyController, clerk: Callable[[], str],
                 names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        """`clerk`: who is on duty (the outgoing clerk); `names`: the clerks known."""
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Shift handover"))
        self._controller = controller
        self._clerk = clerk
        self._names = names
        self.items = OpenItems()
        self.offer: Offer | None = None
        self.pages = QStackedWidget(objectName="handoverPages")
        self.pages.addWidget(self._offer_page())
        self.pages.addWidget(self._answer_page())
        self.problem = QLabel(objectName="handoverProblem")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.problem)
        waiting = controller.service.waiting_handover()
        if waiting is not None:
            self.show_answer(waiting)
        else:
            self.show_open_items()

    # -- the outgoing clerk ------------------------------------------------------------------
    def _offer_page(self) -> QWidget:
        page = QWidget()
        self.outgoing = QLabel(objectName="handoverOutgoing")
        self.incidents = self._table("handoverIncidents", [
            self.tr("No."), self.tr("Situation"), self.tr("Level"), self.tr("Status")])
        self.deadlines = self._table("handoverDeadlines", [
            self.tr("No."), self.tr("Deadline"), self.tr("Due"), self.tr("Status")])
        self.notes = QPlainTextEdit(objectName="handoverNotes")
        self.notes.setPlaceholderText(self.tr("Notes for the incoming clerk (keys, callbacks "
                                              "promised, anything unfinished)"))
        self.notes.setMaximumHeight(80)
        self.offer_button = QPushButton(self.tr("Hand over"), objectName="offerHandover")
        self.offer_button.clicked.connect(self.hand_over)
        # Side by side, the notes and the button under them: the dialog fits over the screen
        # area at 1366×768 and 130 % text, the timers and 110/119/120 left in sight.
        lists = QHBoxLayout()
        for title, table in ((self.tr("Incidents running"), self.incidents),
                             (self.tr("Open deadlines"), self.deadlines)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title, objectName="sectionLabel"))
            column.addWidget(table, 1)
            lists.addLayout(column, 1)
        notes = QHBoxLayout()
        notes.addWidget(self.notes, 1)
        notes.addWidget(self.offer_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.outgoing)
        layout.addLayout(lists, 1)
        layout.addWidget(QLabel(self.tr("Notes"), objectName="sectionLabel"))
        layout.addLayout(notes)
        return page

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), objectName=name)
        setup_table(table)
        table.setHorizontalHeaderLabels(headers)
        table.setMinimumHeight(80)
        return table

    def sizeHint(self) -> QSize:
        return QSize(1180, 440)  # show_over_screen bounds it to the screen area

    def show_open_items(self) -> None:
        self.items = self._controller.service.open_items()
        self.outgoing.setText(self.tr("Handed over by {0}: what is open now").format(
            self._clerk()))
        zone = self._controller.service.act().zone
        fill_table(self.incidents, [
            (i.number, (self.tr("[DRILL] ") if i.drill else "") + i.situation, i.level,
             status_text(i.status)) for i in self.items.incidents])
        fill_table(self.deadlines, [
            (d.number, d.label, hall_time.local_text(d.due_at, zone, "%m-%d %H:%M"),
             self._deadline_status(d.status)) for d in self.items.deadlines])
        self.pages.setCurrentIndex(0)

    def _deadline_status(self, status: str) -> str:
        return {"pending": self.tr("pending"), "missed": self.tr("missed")}.get(status, status)

    def hand_over(self) -> None:
        if self._controller.service.open_items() != self.items:  # changed while shown
            self.show_open_items()
            self.problem.setText(self.tr("What is open changed while this list was shown: "
                                         "check the list again, then hand over."))
            return
        self.offer_button.setEnabled(False)  # a double click offers once
        try:
            offer = self._controller.offer_handover(self.items, self.notes.toPlainText())
        except HandoverRefused as refused:
            self.problem.setText(self.refusal_text(refused.code))
            offer = None
        self.offer_button.setEnabled(True)
        if offer is not None:
            self.show_answer(offer)

    # -- the incoming clerk ------------------------------------------------------------------
    def _answer_page(self) -> QWidget:
        page = QWidget()
        self.offered = QLabel(objectName="handoverOffered")
        self.offered.setWordWrap(True)
        self.incoming = QComboBox(objectName="incomingClerk")
        self.incoming.setEditable(True)
        self.incoming.lineEdit().setMaxLength(50)
        self.incoming.lineEdit().setPlaceholderText(self.tr("Incoming clerk's name"))
        self.accept_button = QPushButton(self.tr("Accept and take over"),
                                         objectName="acceptHandover")
        self.accept_button.clicked.connect(lambda: self.answer(True))
        self.reason = QLineEdit(objectName="refuseReason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why not (required to refuse)"))
        self.refuse_button = QPushButton(self.tr("Refuse"), objectName="refuseHandover")
        self.refuse_button.clicked.connect(lambda: self.answer(False))
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Incoming clerk")))
        name_row.addWidget(self.incoming, 1)
        name_row.addWidget(self.accept_button)
        self.again_button = QPushButton(self.tr("Hand over again with the list now"),
                                        objectName="offerAgain")
        self.again_button.clicked.connect(self.show_open_items)  # the older offer: superseded
        refuse_row = QHBoxLayout()
        refuse_row.addWidget(self.reason, 1)
        refuse_row.addWidget(self.refuse_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.offered)
        layout.addStretch(1)
        layout.addWidget(self.again_button)
        layout.addLayout(name_row)
        layout.addLayout(refuse_row)
        return page

    def show_answer(self, offer: Offer) -> None:
        self.offer = offer
        at = hall_time.local_text(offer.at, self._controller.service.act().zone, "%H:%M")
        text = self.tr("{0} handed over at {1}: {2} incidents running, {3} deadlines "
                       "open.").format(offer.outgoing, at, len(offer.items.incidents),
                                       len(offer.items.deadlines))
        lines = [f"{i.number} {i.situation} {i.level} {status_text(i.status)}"
                 for i in offer.items.incidents]
        lines += [f"{d.number} {d.label} "
                  f"{hall_time.local_text(d.due_at, self._controller.service.act().zone, '%H:%M')}"
                  for d in offer.items.deadlines]
        if offer.notes:
            lines.append(self.tr("Notes: {0}").format(offer.notes))
        self.offered.setText("\n".join([text, *lines]))
        self.incoming.clear()
        self.incoming.addItems([n for n in self._names() if n != offer.outgoing])
        self.incoming.setCurrentText("")
        self.pages.setCurrentIndex(1)
        self.incoming.setFocus()

    def answer(self, accept: bool) -> None:
        if self.offer is None:
            return
        for button in (self.accept_button, self.refuse_button):
            button.setEnabled(False)  # a double click answers once
        try:
            done = self._controller.answer_handover(
                self.offer.id, self.incoming.currentText(), accept=accept,
                reason=self.reason.text())
        except HandoverRefused as refused:
            self.problem.setText(self.refusal_text(refused.code))
            if refused.code in ("answered", "superseded"):
                return  # nothing left to answer here: the buttons stay disabled
            done = False
        if done:
            self.accept()
            return
        for button in (self.accept_button, self.refuse_button):
            button.setEnabled(True)

    def refusal_text(self, code: str) -> str:
        texts = {
            "no_clerk": self.tr("Nobody is on duty: there is nothing to hand over."),
            "same_clerk": self.tr("The incoming clerk must be someone else."),
            "no_incoming": self.tr("Type the incoming clerk's name."),
            "too_long": self.tr("The text is too long."),
            "no_reason": self.tr("Say why the handover is refused."),
            "answered": self.tr("This handover was already answered."),
            "superseded": self.tr("A newer handover was offered; answer that one."),
            "no_such_handover": self.tr("This handover no longer exists."),
        }
        return texts.get(code, code)
