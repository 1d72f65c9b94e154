"""The screens of the main window, in navigation order."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.plans.catalog import Catalog
from models.store.settings import SettingsStore
from ui.plans.plans_browser import PlansBrowser
from ui.window.settings_page import SettingsPage

translate = QCoreApplication.translate


def build_screens(*, catalog: Catalog, store: SettingsStore, emergency: QWidget,
                  incidents: QWidget, drills: QWidget,
                  contacts: QWidget) -> list[tuple[str, str, QWidget]]:
    return [
        ("emergency", translate("Screens", "Emergency"), emergency),
        ("incidents", translate("Screens", "Incidents"), incidents),
        ("contacts", translate("Screens", "Contacts"), contacts),
        ("drills", translate("Screens", "Drills"), drills),
        ("plans", translate("Screens", "Plans"), PlansBrowser(catalog=catalog)),
        ("settings", translate("Screens", "Settings"), SettingsPage(store=store)),
    ]
