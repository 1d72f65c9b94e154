"""PlansScreen (F5): the plans browser, and the supervisor's plan editor in its place when
asked for ("Edit the plans…"), built the first time. Both are pages of the main window's
screen, so the header, the alarm, the timers and 110 / 119 / 120 stay usable while editing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.plans.plans_browser import PlansBrowser


class PlansScreen(QStackedWidget):
    def __init__(self, *, browser: Callable[[Callable[[], object]], PlansBrowser],
                 editor: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        """`browser(edit)`: the browser, whose edit entry calls `edit`; `editor()`: the
        editor page (it has a `back_requested` signal)."""
        super().__init__(parent)
        self.setObjectName("plansScreen")
        self.browser = browser(self.show_editor)
        self._build_editor = editor
        self.editor: QWidget | None = None
        self.addWidget(self.browser)

    def show_editor(self) -> QWidget:
        if self.editor is None:
            self.editor = self._build_editor()
            self.editor.back_requested.connect(self.show_browser)
            self.addWidget(self.editor)
        self.setCurrentWidget(self.editor)
        return self.editor

    def show_browser(self) -> None:
        self.setCurrentWidget(self.browser)
