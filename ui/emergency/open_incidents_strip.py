"""OpenIncidentsStrip: every open incident as a button; one press switches to it."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from models.clock import hall_time
from models.plans.catalog import Catalog
from models.services.incidents import IncidentSummary
from ui.common.time_text import local_time


class OpenIncidentsStrip(QFrame):
    incident_chosen = Signal(int)

    def __init__(self, *, catalog: Catalog, zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openIncidentsStrip")
        self._catalog = catalog
        self._zone = zone  # the hall's: the times shown
        # Many incidents at once scroll sideways instead of widening the window.
        content = QWidget(objectName="stripContent")
        self._layout = QHBoxLayout(content)
        self._layout.setContentsMargins(8, 4, 8, 4)
        scroll = QScrollArea(objectName="stripScroll")
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        scroll.setFixedHeight(58)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.buttons: dict[int, QPushButton] = {}
        self._label = QLabel(self.tr("Running:"), objectName="stripLabel")
        # One sheet for every level's colour, set once: a sheet per button costs each press.
        content.setStyleSheet("\n".join(
            f'#openIncidentButton[level="{lv.level}"] {{ border-left: 8px solid {lv.color}; }}'
            for lv in catalog.levels))
        self.set_incidents([], None)

    def set_incidents(self, incidents: list[IncidentSummary], current: int | None) -> None:
        """The buttons of incidents still open are kept (relabelled, reordered); only those
        of new incidents are made: a press that starts one pays for one button."""
        kept = {summary.id for summary in incidents}
        for incident_id in [i for i in self.buttons if i not in kept]:
            self.buttons.pop(incident_id).deleteLater()
        while self._layout.count():  # the order may change: laid out again below
            self._layout.takeAt(0)
        self.setVisible(bool(incidents))
        self._label.setVisible(bool(incidents))
        self._layout.addWidget(self._label)
        for summary in incidents:
            button = self.buttons.get(summary.id) or self._button(summary.id)
            level = self._catalog.level(summary.level)
            drill = self.tr("[DRILL] ") if summary.is_drill else ""
            button.setText(f"{drill}{summary.situation_name} · {level.short} · "
                           f"{local_time(summary.started_at, self._zone, '%H:%M')}")
            button.setChecked(summary.id == current)
            if button.property("level") != summary.level:  # restyled only on a change
                button.setProperty("level", summary.level)
                button.style().unpolish(button)
                button.style().polish(button)
            self._layout.addWidget(button)
        self._layout.addStretch(1)

    def _button(self, incident_id: int) -> QPushButton:
        button = QPushButton(objectName="openIncidentButton")
        button.setCheckable(True)
        button.clicked.connect(lambda _=False, i=incident_id: self.incident_chosen.emit(i))
        self.buttons[incident_id] = button
        return button

    def mark_current(self, incident_id: int | None) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == incident_id)
