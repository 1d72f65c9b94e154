"""The bundled stylesheet, scaled for the desk's text size."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from models.store.paths import resource_path
from ui.common.fonts import apply_cjk_font

_POINT_SIZE = re.compile(r"(\d+(?:\.\d+)?)pt\b")


def scale_stylesheet(qss: str, scale_percent: int) -> str:
    """Every `Npt` in the sheet multiplied by the text-size setting."""
    def scaled(match: re.Match) -> str:
        return f"{float(match.group(1)) * scale_percent / 100:g}pt"

    return _POINT_SIZE.sub(scaled, qss)


def load_stylesheet() -> str:
    """style.qss, then one sheet per area (style.contacts.qss, ...), in name order."""
    folder = resource_path("resources")
    sheets = sorted(folder.glob("style*.qss"), key=lambda p: (p.name != "style.qss", p.name))
    return "\n".join(p.read_text(encoding="utf-8") for p in sheets)


def apply_stylesheet(app: QApplication, scale_percent: int = 100) -> None:
    app.setStyleSheet(scale_stylesheet(load_stylesheet(), scale_percent))


def apply_text_size(app: QApplication, scale_percent: int) -> None:
    """The desk's font and stylesheet at a new text size, on the running desk: Qt re-polishes
    every widget; the one-line banners re-elide (ui/common/elided_label.py)."""
    apply_cjk_font(app, scale_percent)
    apply_stylesheet(app, scale_percent)
