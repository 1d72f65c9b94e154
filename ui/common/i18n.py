"""Install Qt's and the program's translations before the first window is built."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.store.paths import resource_path

DOMAIN = "emergency_desk"


def install_translations(app: QApplication, language: str) -> bool:
    """Load Qt's own and our translations for `language`; True if ours was found.

    English is the source language, so "en" needs no file of ours.
    """
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)  # parented: an unparented one is garbage-collected
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(f"{DOMAIN}_{language}", str(resource_path("resources/i18n"))):
        return False
    app.installTranslator(ours)
    return True
