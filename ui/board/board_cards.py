"""The hall board's cards: one per running incident of any desk (its desk named, its
deadlines counting down in the hub's time), and one line per desk (running, last heard,
silent, behind, its clock off).

They are fed a HallPicture (models.services.hall) and redraw from it; they query nothing.
A card is kept while its incident runs, so a tick only changes texts: nothing moves.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.clock.hall_time import local_text
from models.services.hall import DeadlineCard, DeskCard, HallPicture, IncidentCard
from ui.common.status_text import status_text
from ui.window.timer_panel import format_countdown

COLUMNS = 3
SOON = timedelta(minutes=5)


def deadline_urgency(d: DeadlineCard, now: datetime) -> str:
    """The countdown's colour: ok, soon (≤ 5 min), overdue (past due, or missed)."""
    if d.status in ("missed", "prompted") or (d.due is not None and d.due <= now):
        return "overdue"
    if d.due is not None and d.due - now <= SOON:
        return "soon"
    return "ok"


def _restyle(widget: QWidget, name: str, value: object) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class DeadlineLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="boardDeadlineLabel")
        self.label.setWordWrap(True)  # a long label wraps: the card keeps its column's width
        self.countdown = QLabel(objectName="boardCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.countdown)

    def show_deadline(self, d: DeadlineCard, now: datetime, zone: ZoneInfo) -> None:
        due = local_text(d.due, zone, "%H:%M") if d.due else ""
        self.label.setText(self.tr("{0} (due {1})").format(d.label, due) if due else d.label)
        if d.status == "missed":
            text = self.tr("MISSED {0}").format(format_countdown(d.remaining(now)).lstrip("+")
                                                 if d.due else "")
            text += self.tr(" · acknowledged") if d.acknowledged else ""
        elif d.status == "prompted":
            text = self.tr("Decide now")
        elif d.due is None:
            text = ""
        else:
            text = format_countdown(d.remaining(now))
        self.countdown.setText(text)
        _restyle(self.countdown, "urgency", deadline_urgency(d, now))


class IncidentCardWidget(QFrame):
    """One running incident: desk, number, situation, level, status; its open deadlines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardIncident")
        self.desk = QLabel(objectName="boardIncidentDesk")
        self.drill = QLabel(self.tr("DRILL"), objectName="boardDrill")
        self.title = QLabel(objectName="boardIncidentTitle")
        self.title.setWordWrap(True)
        self.facts = QLabel(objectName="boardIncidentFacts")
        self.facts.setWordWrap(True)
        # as wide as its column, whatever its texts: three cards fit a 1366 px screen
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.desk)
        top.addStretch(1)
        top.addWidget(self.drill)
        self._lines_box = QVBoxLayout()
        self._lines_box.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(self._lines_box)
        layout.addStretch(1)
        self.lines: list[DeadlineLine] = []

    def show_incident(self, card: IncidentCard, now: datetime, zone: ZoneInfo,
                      alarming: set[int]) -> None:
        self.desk.setText(card.desk)
        self.drill.setVisible(card.is_drill)
        self.title.setText(card.situation)
        level = self.tr("Level {0}").format(card.level) if card.level is not None else ""
        started = local_text(card.started_at, zone, "%H:%M") if card.started_at else ""
        self.facts.setText(" · ".join(p for p in (card.number, level, status_text(card.status),
                                                  self.tr("since {0}").format(started)
                                                  if started else "") if p))
        shown = [d for d in card.deadlines if d.status in ("pending", "missed", "prompted")]
        while len(self.lines) < len(shown):
            line = DeadlineLine(self)
            self._lines_box.addWidget(line)
            self.lines.append(line)
        for line, d in zip(self.lines, shown, strict=False):
            line.show_deadline(d, now, zone)
        for i, line in enumerate(self.lines):
            line.setVisible(i < len(shown))
        state = ("drill" if card.is_drill else "alarm" if card.deadlines and any(
            d.deadline in alarming for d in card.deadlines) else "running")
        _restyle(self, "state", state)


class BoardCards(QWidget):
    """The running incidents of the hall, COLUMNS to a row, oldest first."""

    def __init__(self, *, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardCards")
        self._zone = zone
        self.cards: dict[tuple[str, int], IncidentCardWidget] = {}
        self._order: list[tuple[str, int]] = []
        self.empty = QLabel(self.tr("No incident is running in the hall."),
                            objectName="boardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._grid = QGridLayout()
        self._grid.setSpacing(8)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addLayout(self._grid)
        layout.addStretch(1)

    def show_picture(self, picture: HallPicture, alarming: set[tuple[str, int]]) -> None:
        keys = [(c.origin, c.incident) for c in picture.incidents]
        if keys != self._order:  # an incident came or went: laid out again, in order
            for key in set(self.cards) - set(keys):
                self.cards.pop(key).deleteLater()
            for widget in self.cards.values():
                self._grid.removeWidget(widget)
            for i, key in enumerate(keys):
                widget = self.cards.get(key) or IncidentCardWidget(self)
                self.cards[key] = widget
                self._grid.addWidget(widget, i // COLUMNS, i % COLUMNS)
            self._order = keys
        for card in picture.incidents:
            self.cards[(card.origin, card.incident)].show_incident(
                card, picture.now, self._zone, {d for (o, d) in alarming if o == card.origin})
        self.empty.setVisible(not picture.incidents)


class DeskLine(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardDesk")
        self.name = QLabel(objectName="boardDeskName")
        self.state = QLabel(objectName="boardDeskState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.state)

    def show_desk(self, desk: DeskCard, zone: ZoneInfo) -> None:
        self.name.setText(desk.name)
        parts = [self.tr("{0} running").format(desk.running) if desk.running
                 else self.tr("nothing running")]
        if desk.silent:
            parts.insert(0, self.tr("NOT RESPONDING"))
        if desk.backlog:
            parts.append(self.tr("{0} not synced").format(desk.backlog))
        if desk.clock_ahead_minutes > 0:
            parts.append(self.tr("clock {0} min fast").format(desk.clock_ahead_minutes))
        elif desk.clock_ahead_minutes < 0:
            parts.append(self.tr("clock {0} min slow").format(-desk.clock_ahead_minutes))
        if desk.last_seen is not None:
            parts.append(self.tr("last heard {0}").format(local_text(desk.last_seen, zone,
                                                                      "%H:%M")))
        self.state.setText(" · ".join(parts))
        _restyle(self, "state", "silent" if desk.silent else
                 "warn" if desk.clock_ahead_minutes or desk.backlog else "ok")


def clock_text(desk: DeskCard) -> str:
    """"1号台 时钟比服务器快 60 分钟" (or slow)."""
    minutes = desk.clock_ahead_minutes
    if minutes > 0:
        return QCoreApplication.translate("BoardCards", "{0}'s clock is {1} min ahead of the "
                                          "hub").format(desk.name, minutes)
    return QCoreApplication.translate("BoardCards", "{0}'s clock is {1} min behind the "
                                      "hub").format(desk.name, -minutes)


class DeskList(QWidget):
    """The hall's desks, one line each, by name."""

    def __init__(self, *, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardDesks")
        self._zone = zone
        self.title = QLabel(self.tr("Desks"), objectName="boardDesksTitle")
        self.lines: list[DeskLine] = []
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.addWidget(self.title)
        self._box.addStretch(1)

    def show_picture(self, picture: HallPicture) -> None:
        while len(self.lines) < len(picture.desks):
            line = DeskLine(self)
            self._box.insertWidget(len(self.lines) + 1, line)
            self.lines.append(line)
        for line, desk in zip(self.lines, picture.desks, strict=False):
            line.show_desk(desk, self._zone)
        for i, line in enumerate(self.lines):
            line.setVisible(i < len(picture.desks))
