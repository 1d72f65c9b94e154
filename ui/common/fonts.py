"""Choose a font that has Chinese glyphs, so Chinese never shows as empty boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Windows, macOS, then Linux families, best first.
PREFERRED_CJK = (
    "Microsoft YaHei UI", "Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "文泉驿微米黑",
    "WenQuanYi Zen Hei", "SimHei", "黑体", "SimSun", "宋体",
)
BASE_POINT_SIZE = 11


def pick_cjk_family(available: Iterable[str], chinese_capable: Iterable[str]) -> str | None:
    """The best family for Chinese: a preferred one if present, else any that has Chinese."""
    present = set(available)
    for family in PREFERRED_CJK:
        if family in present:
            return family
    return next(iter(sorted(chinese_capable)), None)


def apply_cjk_font(app: QApplication, scale_percent: int = 100) -> str | None:
    """Set the application font; returns the family used, or None when no Chinese font exists."""
    families = QFontDatabase.families()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    family = pick_cjk_family(families, chinese)
    font = QFont(app.font())
    if family:
        font.setFamilies([family])
    font.setPointSizeF(BASE_POINT_SIZE * scale_percent / 100)
    app.setFont(font)
    return family
