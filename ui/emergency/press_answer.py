"""PressAnswer: what a press did, in sight at once — the number to dial in large type and what
was recorded, a role with no number on file, a press repeated too soon, an incident started.

An overlay in a fixed place (the bottom right of its host, over the timeline): it pushes no
widget anywhere, takes no focus, blocks nothing; it goes away on its own after ANSWER_MS, on
Esc (the host calls dismiss()) or on its ✕.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ANSWER_MS = 8000  # long enough to dial from it; then it goes
WIDTH = 420
MARGIN = 12


class PressAnswer(QFrame):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("pressAnswer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.headline = QLabel(objectName="pressAnswerHeadline")
        self.headline.setWordWrap(True)
        self.number = QLabel(objectName="pressAnswerNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(objectName="pressAnswerDetail")
        self.detail.setWordWrap(True)
        self.action_button = QPushButton(objectName="pressAnswerAction")
        self.action_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_button.clicked.connect(self._act)
        self.close_button = QPushButton("✕  Esc", objectName="pressAnswerClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addLayout(top)
        layout.addWidget(self.number)
        layout.addWidget(self.detail)
        layout.addWidget(self.action_button)
        self._action: Callable[[], object] | None = None
        self._timer = QTimer(self, singleShot=True, interval=ANSWER_MS)
        self._timer.timeout.connect(self.dismiss)
        self.kind = ""  # what is shown: "call", "no_number", "again", "started", "dial"
        host.installEventFilter(self)
        self.hide()

    # -- what is shown ---------------------------------------------------------------------
    def answer(self, kind: str, headline: str, *, number: str = "", detail: str = "",
               action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show one answer, replacing the one shown; `action`: a button's text and what it
        does (the answer goes once it is pressed)."""
        self.kind = kind
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.headline.setText(headline)
        self.number.setText(number)
        self.number.setVisible(bool(number))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def dismiss(self) -> bool:
        """Put the answer away; whether one was shown (Esc closes it before going back)."""
        shown = self.isVisible()
        self._timer.stop()
        self.hide()
        self.kind = ""
        return shown

    def _act(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()

    # -- its place -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        host = self.parentWidget()
        width = min(WIDTH, host.width() - 2 * MARGIN)
        self.setFixedWidth(max(width, 0))
        self.adjustSize()
        self.move(host.width() - self.width() - MARGIN, host.height() - self.height() - MARGIN)
