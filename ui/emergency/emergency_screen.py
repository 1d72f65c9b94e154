"""EmergencyScreen: home → category → guided response, the running incidents and 110/119/120.

A press on an urgent situation (home) or on a situation (category page) starts the incident
at once and opens its guided response: at most two presses from home.

The strip of running incidents and the notice line have places of their own that stay when
they are empty (ui/common/zone.py): nothing below them moves when an incident starts or ends
or a notice comes and goes. The home scrolls when the screen is too short for its tiles
(large text on a small screen) instead of growing the window past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ui.common.after_paint import AfterPaint
from ui.common.elided_label import ElidedLabel
from ui.common.zone import Zone
from ui.emergency.category_page import CategoryPage
from ui.emergency.emergency_home import EmergencyHome
from ui.emergency.emergency_numbers import EmergencyNumbers
from ui.emergency.guided_response import GuidedResponse
from ui.emergency.incident_controller import IncidentController
from ui.emergency.notice_line import NoticeLine
from ui.emergency.open_incidents_strip import OpenIncidentsStrip
from ui.emergency.press_answer import PressAnswer


class EmergencyScreen(QWidget):
    message = Signal(str)

    def __init__(self, *, controller: IncidentController, guided: GuidedResponse | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyScreen")
        self._controller = controller
        catalog = controller.catalog
        self.strip = OpenIncidentsStrip(catalog=catalog, zone=controller.clock.zone)
        self.home = EmergencyHome(catalog=catalog)
        self.guided = guided or GuidedResponse(controller=controller)
        self.numbers = EmergencyNumbers(catalog=catalog)
        self.notice = NoticeLine(self)  # cut, it opens whole over this screen on a click
        self.notice.hide()
        self.strip_zone = Zone(QLabel(self.tr("No incident running"), objectName="stripCalm"),
                               self.strip, object_name="stripZone")
        # While no notice shows, its line says what the keys do on the page shown.
        self.keys_line = ElidedLabel(objectName="noticeCalm")
        self.notice_zone = Zone(self.keys_line, self.notice, object_name="noticeZone")
        self.home_scroll = QScrollArea(objectName="homeScroll")
        self.home_scroll.setWidgetResizable(True)
        self.home_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.home_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.home_scroll.setWidget(self.home)
        self.stack = QStackedWidget(objectName="emergencyStack")
        self.stack.addWidget(self.home_scroll)
        self.stack.addWidget(self.guided)
        self._categories: dict[str, CategoryPage] = {}
        self.answer = PressAnswer(self.stack)  # a number pressed with no incident shown
        self.stack.currentChanged.connect(lambda _index: self.answer.dismiss())
        self.stack.currentChanged.connect(self._show_keys)
        QShortcut(QKeySequence("Esc"), self.home, activated=self.answer.dismiss)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip_zone)
        layout.addWidget(self.notice_zone)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.numbers)

        self.home.category_chosen.connect(self.show_category)
        self.home.situation_chosen.connect(self.start)
        self.guided.back_requested.connect(self.show_home)
        self.strip.incident_chosen.connect(self.show_incident)
        self.numbers.called.connect(self.call_number)
        # While a press opens its guided view, drawn anew just after that view's paint.
        self._opening = False
        self.strip_redraw = AfterPaint(self.refresh_strip, hold=self.opening, parent=self)
        controller.changed.connect(
            lambda changes: changes.incidents and self.strip_redraw.request())
        controller.action_refused.connect(self.show_notice)
        self.refresh_strip()

    # -- navigation ------------------------------------------------------------------------
    def page(self) -> str:
        widget = self.stack.currentWidget()
        if widget is self.home_scroll:
            return "home"
        if widget is self.guided:
            return "guided"
        return "category"

    def show_home(self) -> None:
        self.show_notice("")
        self.stack.setCurrentWidget(self.home_scroll)
        self.refresh_strip()
        self.home.setFocus()

    def show_category(self, key: str) -> None:
        self.show_notice("")
        page = self._categories.get(key)
        if page is None:
            page = CategoryPage(catalog=self._controller.catalog, category_key=key)
            page.situation_chosen.connect(self.start)
            page.back_requested.connect(self.show_home)
            self._categories[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()

    def start(self, situation_key: str) -> None:
        self._opening = True
        try:
            incident_id = self._controller.start(situation_key)
            if incident_id is not None:
                self.show_incident(incident_id)
        finally:
            self._opening = False

    def opening(self) -> bool:
        """A press is starting an incident and opening its guided view: other redraws
        (the strip, the timer cards) wait until that view has been painted."""
        return self._opening

    def show_incident(self, incident_id: int) -> None:
        self.show_notice("")
        # A page the stack never showed has a default size: laid out at that size first,
        # its header would choose its rows for the wrong width and change them a moment later.
        self.guided.resize(self.stack.size())
        self.guided.show_incident(incident_id)
        self.stack.setCurrentWidget(self.guided)
        self.strip.mark_current(incident_id)
        self.guided.setFocus()

    def _show_keys(self) -> None:
        self.keys_line.setText(self.guided.keys_text() if self.page() == "guided" else "")

    def current_incident(self) -> int | None:
        return self.guided.incident_id if self.page() == "guided" else None

    # -- strip, numbers, messages ----------------------------------------------------------
    def refresh_strip(self) -> None:
        self.strip.set_incidents(self._controller.open_incidents(), self.current_incident())

    def call_number(self, role_key: str) -> None:
        role = self._controller.catalog.role(role_key)
        if not self.isVisible():
            # Pressed on another screen or in a history record: the one running incident's
            # call, never the one the hidden guided view was last left on. On this screen's
            # home the clerk may be starting a new one: not guessed either.
            running = self._controller.open_incidents()
            if len(running) == 1:
                self.show_incident(running[0].id)
            else:
                self.show_home()
        if self.current_incident() is not None:
            done = self.guided.call(role_key)  # recorded, and answered there
            said = {"called": self.tr("✓ recorded — dial now"),
                    "asked": self.tr("pressed again: answer the question")}
            self.numbers.say(role.number, said.get(done, self.tr("not recorded")),
                             recorded=done == "called")
            return
        self.answer.answer("dial", self.tr("Dial now: {0}").format(role.name),
                           number=role.number,
                           detail=self.tr("Not recorded: no incident is shown. Open or start "
                                          "it, so the call is recorded."))
        self.numbers.say(role.number, self.tr("not recorded — dial now"), recorded=False)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
