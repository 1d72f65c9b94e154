"""--self-test: check that the whole desk came up, and say what was checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

CHINESE_SAMPLE = "应急处置台"


@dataclass
class SelfTestReport:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, passed: str, failed: str) -> None:
        (self.lines if ok else self.failures).append(passed if ok else failed)


def check_window(report: SelfTestReport, app: QApplication, window: QWidget,
                 font_family: str | None, language: str) -> None:
    metrics = QFontMetrics(app.font())
    has_glyphs = all(metrics.inFontUcs4(ord(ch)) for ch in CHINESE_SAMPLE)
    report.check(bool(font_family) and has_glyphs,
                 f"font: {font_family} (Chinese glyphs present)",
                 "no font with Chinese glyphs: install one (Linux: fonts-wqy-microhei)")
    title = QCoreApplication.translate("MainWindow", "Emergency Desk")
    translated = language == "en" or title != "Emergency Desk"
    report.check(translated, f"translations: {language} (window title: {title})",
                 f"translations for {language} not loaded (resources/i18n)")
    size = window.size()
    report.check(window.isVisible(), f"window: shown and painted at {size.width()}x"
                 f"{size.height()}", "window was not shown")
