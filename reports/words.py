"""The words printed in PDFs, by language.

reports/ has no Qt, so it cannot use Qt's translator: each English text is looked up in
resources/i18n/reports.<language>.json (edited like the UI's zh_CN*.json files). A text with
no translation prints in English, and a test lists any that are missing; a damaged file
(models.store.translation_files says why) is logged and every PDF prints in English.
"""

from __future__ import annotations

import logging
from functools import cache

from models.store.paths import resource_path
from models.store.translation_files import TranslationRefused, read_words

DEFAULT_LANGUAGE = "zh_CN"
log = logging.getLogger(__name__)


@cache
def _table(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    try:
        return read_words(resource_path(f"resources/i18n/reports.{language}.json"))
    except TranslationRefused as e:  # logged once per language (cached)
        log.warning("PDF words for %s not loaded, PDFs print in English: %s", language, e)
        return {}


class Words:
    """`words("Page {0} of {1}")` → the text in the chosen language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        self._table = _table(language)

    def __call__(self, text: str) -> str:
        return self._table.get(text, text)
