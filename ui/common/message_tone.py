"""A message line that looks like what it says: a success green, a problem red."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def show_message(label: QLabel, text: str, *, ok: bool) -> None:
    """The stylesheet picks the look by the label's `tone` ("ok" or "problem")."""
    label.setText(text)
    label.setProperty("tone", "ok" if ok else "problem")
    label.style().unpolish(label)
    label.style().polish(label)
