"""How an incident's status reads in the UI (record form, history, daily view)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def status_text(status: str) -> str:
    texts = {"open": translate("Status", "Open"), "in_hand": translate("Status", "In hand"),
             "resolved": translate("Status", "Resolved"), "closed": translate("Status", "Closed"),
             "cancelled": translate("Status", "Cancelled")}
    return texts.get(status, status)
