"""How an incident's status reads in the UI (record form, history, daily view)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.incidents import Status

translate = QCoreApplication.translate


def status_text(status: str) -> str:
    texts = {Status.OPEN: translate("Status", "Open"),
             Status.IN_HAND: translate("Status", "In hand"),
             Status.RESOLVED: translate("Status", "Resolved"),
             Status.CLOSED: translate("Status", "Closed"),
             Status.CANCELLED: translate("Status", "Cancelled")}
    return texts.get(status, status)
