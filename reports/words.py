"""The words printed in PDFs, by language.

reports/ has no Qt, so it cannot use Qt's translator: each English text is looked up in
resources/i18n/reports.<language>.json (edited like the UI's zh_CN*.json files). A text with
no translation prints in English, and a test lists any that are missing.
"""

from __future__ import annotations

import json
from functools import cache

from models.store.paths import resource_path

DEFAULT_LANGUAGE = "zh_CN"


@cache
def _table(language: str) -> dict[str, str]:
    if language == "en":
        return {}
    path = resource_path(f"resources/i18n/reports.{language}.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


class Words:
    """`words("Page {0} of {1}")` → the text in the chosen language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        self._table = _table(language)

    def __call__(self, text: str) -> str:
        return self._table.get(text, text)
