"""TimerPanel: every open deadline, most urgent first, on every screen.

Each card says what must be done, by whom to whom, for which incident, and counts down;
green / amber / red by the share of time left, overdue counting up and flashing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.plans.catalog import Catalog
from models.services.incidents import DeadlineView, urgency
from ui.common.people import People, no_people, person_text

CARD_HEIGHT = 70


def format_countdown(remaining: timedelta) -> str:
    seconds = int(remaining.total_seconds())
    sign = "+" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


class DeadlineCard(QFrame):
    done = Signal(int, str)  # deadline id, the person told ("" when the plan names nobody)

    def __init__(self, *, view: DeadlineView, catalog: Catalog, done_text: str,
                 people: People = no_people, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineCard")
        self.deadline_id = view.id
        self._to_role = view.to_role
        self._done_text = done_text
        self._people = people
        self.menu: QMenu | None = None
        self.countdown = QLabel(objectName="countdown")
        self.label = QLabel(view.label, objectName="deadlineLabel")
        who = catalog.role(view.by_role).name
        if view.to_role:
            who += " → " + catalog.role(view.to_role).name
        drill = self.tr("[DRILL] ") if view.is_drill else ""
        self.detail = QLabel(f"{drill}{who} · {view.situation_name}", objectName="deadlineDetail")
        self.button = QPushButton(done_text, objectName="deadlineDone")
        self.button.clicked.connect(self._press)
        top = QHBoxLayout()
        top.addWidget(self.countdown)
        top.addWidget(self.label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.setFixedSize(330, CARD_HEIGHT)
        self._state = ""

    def _press(self) -> None:
        """Done at once, or, when the directory knows who holds the role, whom it was done to:
        the record says exactly who was told."""
        people = self._people(self._to_role) if self._to_role else []
        if not people:
            self.done.emit(self.deadline_id, "")
            return
        self.menu = QMenu(self, objectName="doneToMenu")
        for person in people:
            self.menu.addAction(f"{self._done_text}：{person_text(person)}").triggered.connect(
                lambda _=False, name=person.name: self.done.emit(self.deadline_id, name))
        self.menu.addAction(self.tr("{0}: someone else").format(self._done_text)).triggered \
            .connect(lambda: self.done.emit(self.deadline_id, ""))
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def show_time(self, view: DeadlineView, now: datetime, flash_on: bool) -> None:
        text = format_countdown(view.remaining(now))
        if self.countdown.text() != text:
            self.countdown.setText(text)
        state = urgency(view, now)
        if state == "overdue":
            state = "overdue-on" if flash_on or view.acknowledged else "overdue-off"
        if state != self._state:  # re-polish only when the colour changes
            self._state = state
            self.setProperty("urgency", state)
            self.style().unpolish(self)
            self.style().polish(self)


class TimerPanel(QFrame):
    done = Signal(int, str)  # deadline id, the person told
    holiday_toggled = Signal(bool)

    def __init__(self, *, catalog: Catalog, people: People = no_people,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self._catalog = catalog
        self._people = people
        self.cards: dict[int, DeadlineCard] = {}
        self._flash = False
        self.day = QPushButton(objectName="dayButton")
        self.day.setCheckable(True)
        self.day.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.day.clicked.connect(lambda: self.holiday_toggled.emit(self.day.isChecked()))
        self.empty = QLabel(self.tr("No deadlines running"), objectName="noDeadlines")
        self._cards_box = QWidget(objectName="deadlineCards")
        self._cards_layout = QHBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.addStretch(1)
        scroll = QScrollArea(objectName="deadlineScroll")
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._cards_box)
        scroll.setFixedHeight(CARD_HEIGHT + scroll.horizontalScrollBar().sizeHint().height() + 4)
        keep_place = scroll.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the panel's height never changes
        scroll.setSizePolicy(keep_place)
        self.scroll = scroll
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.day)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)
        self.set_deadlines([], datetime.now(UTC))  # an instant: no day is shown

    def done_text(self, action: str) -> str:
        texts = {
            "report": self.tr("Reported"), "notify": self.tr("Notified"),
            "arrive": self.tr("Arrived"), "restore": self.tr("Restored"),
            "announce": self.tr("Announced"), "decide": self.tr("Decided"),
            "file": self.tr("Filed"),
        }
        return texts.get(action, self.tr("Done"))

    def set_day(self, holiday: bool, known: bool) -> None:
        text = self.tr("Today: holiday") if holiday else self.tr("Today: workday")
        if not known:
            text += self.tr(" (calendar has no data for this year)")
        self.day.setText(text)
        self.day.setChecked(holiday)

    def set_deadlines(self, views: list[DeadlineView], now: datetime) -> None:
        """Rebuild the cards (when the list changes), most urgent first."""
        ids = [v.id for v in views]
        for gone in set(self.cards) - set(ids):
            self.cards.pop(gone).deleteLater()
        for view in views:
            if view.id not in self.cards:
                card = DeadlineCard(view=view, catalog=self._catalog,
                                    done_text=self.done_text(view.action), people=self._people)
                card.done.connect(self.done.emit)
                self.cards[view.id] = card
        for index, view in enumerate(views):  # views come sorted by due time
            self._cards_layout.insertWidget(index, self.cards[view.id])
        self._views = views
        self.empty.setVisible(not views)
        self.scroll.setVisible(bool(views))
        self.show_time(now)

    def show_time(self, now: datetime) -> None:
        self._flash = not self._flash
        for view in self._views:
            self.cards[view.id].show_time(view, now, self._flash)
