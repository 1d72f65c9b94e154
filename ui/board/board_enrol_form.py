"""BoardEnrolForm: the board's first run, when it has no board.json yet: the hub's address,
a board's enrolment code (`main.py hub code --kind board`) and the board's name.

The enrolment is a network call: it runs on a worker thread, and its answer comes back to
the GUI thread through a queued signal. A refusal is said under the form, never a crash.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.services.board_enrolment import BoardEnrolment, EnrolRefused

Enrol = Callable[[str, str, str], BoardEnrolment]  # hub URL, code, name


class BoardEnrolForm(QWidget):
    enrolled = Signal(object)  # BoardEnrolment
    _answered = Signal(object, str, str)  # enrolment or None, refusal code, message

    def __init__(self, *, enrol: Enrol, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardEnrol")
        self.setWindowTitle(self.tr("Emergency Desk — hall board"))
        self._enrol = enrol
        title = QLabel(self.tr("Enrol this PC as the hall's board"), objectName="pageTitle")
        hint = QLabel(self.tr("Ask whoever runs the hall hub for a board's code (main.py hub "
                              "code --kind board)."))
        hint.setWordWrap(True)
        self.hub = QLineEdit(objectName="boardEnrolHub", placeholderText="http://192.168.1.10:8770")
        self.code = QLineEdit(objectName="boardEnrolCode", placeholderText="K7QF2-9XMAB")
        self.name = QLineEdit(name or self.tr("Duty office board"), objectName="boardEnrolName")
        self.button = QPushButton(self.tr("Enrol"), objectName="boardEnrolButton")
        self.button.clicked.connect(self.submit)
        self.message = QLabel(objectName="boardEnrolMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Hub address"), self.hub)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Board name"), self.name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._answered.connect(self._answer)

    def submit(self) -> None:
        hub, code, name = (w.text().strip() for w in (self.hub, self.code, self.name))
        if not (hub and code and name):
            self._say(self.tr("Fill in the hub's address, the code and the board's name."))
            return
        self.button.setEnabled(False)
        self._say(self.tr("Enrolling…"), problem=False)
        threading.Thread(target=self._ask, args=(hub, code, name), name="board-enrol",
                         daemon=True).start()

    def _ask(self, hub: str, code: str, name: str) -> None:  # the worker thread
        try:
            self._answered.emit(self._enrol(hub, code, name), "", "")
        except EnrolRefused as e:
            self._answered.emit(None, e.code, str(e))

    def _answer(self, enrolment: BoardEnrolment | None, code: str, message: str) -> None:
        self.button.setEnabled(True)
        if enrolment is not None:
            self._say("", problem=False)
            self.enrolled.emit(enrolment)
            return
        texts = {"bad_code": self.tr("The code is unknown, used or expired: ask for a new "
                                     "one."),
                 "unreachable": self.tr("The hub could not be reached: check the address "
                                        "and that the hub runs."),
                 "bad_url": self.tr("That is not a hub's address: write it as "
                                    "http://HOST:PORT.")}
        self._say(texts.get(code, self.tr("The hub refused: {0}").format(message)))
        self.message.setToolTip(message)

    def _say(self, text: str, *, problem: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("tone", "problem" if problem else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
