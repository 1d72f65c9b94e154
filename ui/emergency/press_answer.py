"""PressAnswer: what a press did, in sight at once — the number to dial in large type and what
was recorded, a role with no number on file, a press repeated too soon, an incident started.

An overlay in a fixed place, one row across the bottom of an area its host names (the guided
view: the steps column, so the call and report buttons beside it stay free): it pushes no
widget anywhere, takes no focus, blocks nothing (a click on its words reaches what lies under
them); it goes away on its own after ANSWER_MS, on
Esc (the host calls dismiss()) or on its ✕.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ANSWER_MS = 8000  # long enough to dial from it; then it goes
MARGIN = 8


class PressAnswer(QFrame):
    def __init__(self, host: QWidget, area: Callable[[], QRect] | None = None) -> None:
        """`area`: where in the host it lies, along the bottom (default: the whole host)."""
        super().__init__(host)
        self.setObjectName("pressAnswer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.headline = QLabel(objectName="pressAnswerHeadline")
        self.headline.setWordWrap(True)
        self.number = QLabel(objectName="pressAnswerNumber")
        self._area = area or host.rect
        self.detail = QLabel(objectName="pressAnswerDetail")
        self.detail.setWordWrap(True)
        # The answer's words let clicks through to what lies under them (a step's call
        # button); its two buttons are the host's, laid over the answer's right end.
        for widget in (self, self.headline, self.number, self.detail):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.action_button = QPushButton(host, objectName="pressAnswerAction")
        self.action_button.clicked.connect(self._act)
        self.close_button = QPushButton("✕  Esc", host, objectName="pressAnswerClose")
        self.close_button.clicked.connect(self.dismiss)
        for button in (self.action_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.hide()
        self._room = QWidget()  # where the buttons lie over the answer
        self._room.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.headline)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)  # one row: the number, what it means, what to do
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.number)
        layout.addLayout(words, 1)
        layout.addWidget(self._room)
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
        for widget in (self, self.headline):  # the sheet colours both by kind
            widget.setProperty("kind", kind)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
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
        for button in self._buttons():
            button.show()
            button.raise_()
        self._timer.start()

    def dismiss(self) -> bool:
        """Put the answer away; whether one was shown (Esc closes it before going back)."""
        shown = self.isVisible()
        self._timer.stop()
        self.hide()
        self.action_button.hide()
        self.close_button.hide()
        self.kind = ""
        self._action = None
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

    def _buttons(self) -> list[QPushButton]:
        return [self.action_button, self.close_button] if self._action else [self.close_button]

    def _place(self) -> None:
        buttons = self._buttons()
        self._room.setFixedWidth(sum(b.sizeHint().width() for b in buttons)
                                 + MARGIN * (len(buttons) - 1))
        area = self._area()
        self.setFixedWidth(max(area.width() - 2 * MARGIN, 0))
        self.adjustSize()
        self.move(area.left() + MARGIN, area.bottom() + 1 - self.height() - MARGIN)
        room = self._room.geometry().translated(self.pos())
        x = room.left()
        for button in buttons:
            button.resize(button.sizeHint())
            button.move(x, room.top() + (room.height() - button.height()) // 2)
            x += button.width() + MARGIN
