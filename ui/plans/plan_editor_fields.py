"""DraftField: one field of the plan editor bound to its place in the draft (a path such as
situation.fire.step.2.text).

When the supervisor leaves the field (or picks, or ticks), its value is saved through the
draft's check; a refusal is said under the field, which keeps what was typed so it can be
corrected, and nothing is saved. A value that is not even a number or a date is refused here,
in the same place, before anything is asked of the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate
Save = Callable[[str, object], str]  # (where, value) -> "" when saved, else what is wrong
KINDS = ("text", "optional_text", "long_text", "optional_long_text", "lines", "whole",
         "optional_whole", "number", "choice", "flag", "roles", "date")
ROLE_SEPARATORS = ("、", ",", "，", ";", "；")


class Unreadable(ValueError):
    """The field's text is not a value of its kind; the message says what to write."""


class TextBox(QPlainTextEdit):
    """A text of several lines that says when the supervisor leaves it."""

    editingFinished = Signal()

    def __init__(self, *, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(12 + lines * self.fontMetrics().lineSpacing())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def make_editor(kind: str, name: str) -> QWidget:
    """The widget a field of `kind` is edited with."""
    if kind in ("long_text", "optional_long_text"):
        editor: QWidget = TextBox(lines=2)
    elif kind == "lines":
        editor = TextBox(lines=2)
    elif kind == "choice":
        editor = QComboBox()
    elif kind == "flag":
        editor = QCheckBox()
    else:
        editor = QLineEdit()
    editor.setObjectName(name)
    return editor


class DraftField(QObject):
    saved = Signal(str)  # the path, once a new value is stored

    def __init__(self, *, where: str, kind: str, save: Save, name: str,
                 roles: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        """`roles`: role key -> name, for a field of kind "roles" (typed as names)."""
        super().__init__(parent)
        assert kind in KINDS, kind
        self.where, self.kind = where, kind
        self._save = save
        self._roles = dict(roles or {})
        self._stored: object = None
        self.editor = make_editor(kind, name)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.box = QWidget()
        column = QVBoxLayout(self.box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.editor)
        column.addWidget(self.error)
        self._connect()

    def _connect(self) -> None:
        editor = self.editor
        if isinstance(editor, QComboBox):
            editor.activated.connect(lambda _index: self.commit())
        elif isinstance(editor, QCheckBox):
            editor.clicked.connect(lambda _on: self.commit())
        else:
            editor.editingFinished.connect(self.commit)

    # -- showing -----------------------------------------------------------------------------
    def load(self, value: object) -> None:
        """Show the value stored in the draft (None: the field is not written)."""
        self._stored = value
        self.error.hide()
        editor = self.editor
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(self._as_text(value))
        else:
            editor.setText(self._as_text(value))

    def _as_text(self, value: object) -> str:
        if value is None:
            return ""
        if self.kind == "roles":
            return "、".join(self._roles.get(k, k) for k in value)
        if isinstance(value, list):
            return "\n".join(str(v) for v in value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    @property
    def problem(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    # -- saving ------------------------------------------------------------------------------
    def text(self) -> str:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        return editor.text() if isinstance(editor, QLineEdit) else ""

    def value(self) -> object:
        """The field's value as the draft stores it (None removes the field); Unreadable
        when the text is no value of its kind."""
        kind, text = self.kind, self.text().strip()
        if kind == "choice":
            return self.editor.currentData()
        if kind == "flag":
            return True if self.editor.isChecked() else None
        if kind in ("text", "long_text"):
            return text
        if kind in ("optional_text", "optional_long_text"):
            return text or None
        if kind == "lines":
            return [line.strip() for line in text.splitlines() if line.strip()] or None
        if kind == "roles":
            return self._role_keys(text) or None
        if kind == "date":
            return _date(text)
        if kind == "optional_whole" and not text:
            return None
        if kind in ("whole", "optional_whole"):
            return _whole(text)
        return _number(text)

    def _role_keys(self, text: str) -> list[str]:
        for separator in ROLE_SEPARATORS[1:]:
            text = text.replace(separator, ROLE_SEPARATORS[0])
        by_name = {name: key for key, name in self._roles.items()}
        names = [n.strip() for n in text.split(ROLE_SEPARATORS[0]) if n.strip()]
        return [by_name.get(n, n) for n in names]  # an unknown name is the draft's to refuse

    def commit(self) -> bool:
        """Save the field if it changed; True when the draft holds what it shows."""
        try:
            value = self.value()
        except Unreadable as unreadable:
            self.show_problem(str(unreadable))
            return False
        if value == self._stored:
            self.show_problem("")
            return True
        problem = self._save(self.where, value)
        self.show_problem(problem)
        if problem:
            return False
        self._stored = value
        self.saved.emit(self.where)
        return True


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise Unreadable(translate("PlanEditor", "Write a whole number, e.g. 30.")) from None


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        raise Unreadable(translate("PlanEditor", "Write a number, e.g. 30 or 2.5.")) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Unreadable(translate("PlanEditor", "Write a date like 2026-12-01.")) from None
