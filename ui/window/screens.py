"""The screens of the main window, in navigation order, with their titles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

translate = QCoreApplication.translate

Build = Callable[[], QWidget]


def build_screens(*, incidents: Build, contacts: Build, drills: Build, plans: Build,
                  stats: Build, settings: Build) -> list[tuple[str, str, Build]]:
    """The screens after the emergency one (F2..F7): each is built when first shown."""
    return [
        ("incidents", translate("Screens", "Incidents"), incidents),
        ("contacts", translate("Screens", "Contacts"), contacts),
        ("drills", translate("Screens", "Drills"), drills),
        ("plans", translate("Screens", "Plans"), plans),
        ("stats", translate("Screens", "Statistics"), stats),
        ("settings", translate("Screens", "Settings"), settings),
    ]


def first_screen(emergency: QWidget) -> tuple[str, str, QWidget]:
    """The emergency screen (F1), built at start: it is what the desk is for."""
    return ("emergency", translate("Screens", "Emergency"), emergency)
