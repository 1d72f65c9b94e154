"""Install Qt's and the program's translations before the first window is built."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.store.paths import resource_path
from models.store.translation_files import TranslationRefused, check_qm

DOMAIN = "emergency_desk"
log = logging.getLogger(__name__)


def install_translations(app: QCoreApplication, language: str,
                         folder: Path | None = None) -> bool:
    """Load Qt's own and our translations for `language`; True if ours was found.

    English is the source language, so "en" needs no file of ours. A missing or damaged file
    of ours is logged and the desk runs in English (a corrupt .qm would crash Qt's parser, so
    it is checked first).
    """
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)  # parented: an unparented one is garbage-collected
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
    if language == "en":
        return True
    qm = (folder or resource_path("resources/i18n")) / f"{DOMAIN}_{language}.qm"
    try:
        check_qm(qm)
    except TranslationRefused as e:
        log.warning("translations for %s not loaded, the desk runs in English: %s",
                    language, e)
        return False
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        log.warning("translations for %s not loaded, the desk runs in English: %s: Qt "
                    "could not read it", language, qm)
        return False
    app.installTranslator(ours)
    return True
