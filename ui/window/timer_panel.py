"""TimerPanel: every open deadline, most urgent first, on every screen.

Each card says what must be done, by whom to whom, for which incident, and counts down;
green / amber / red by the share of time left, overdue counting up and flashing. A plan's
"立即" (minutes = 0) reads "now", not a countdown of the grace the catalog allows. A duty owed
by someone else says whose it is; when missed it turns red but does not flash or ring (the
clerk chases it, cannot do it). The strip is one row of fixed height whatever the number of
cards (nothing below it moves); the wheel scrolls it sideways and an edge label says how many
are out of sight. Changing today's day type takes two deliberate clicks (a menu), never one
stray click beside the cards.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from models.clock.hall_time import DEFAULT_ZONE, local_text
from models.plans.catalog import Catalog
from models.services.incidents import DeadlineView, urgency
from ui.common.fonts import BASE_POINT_SIZE
from ui.common.people import People, no_people, person_text

CARD_HEIGHT = 70
CARD_WIDTH = 286  # px at 100 % text; wider with the text (card_width)
CARD_SPACING = 6


def card_width() -> int:
    """A card's width at the text size in use: its label keeps the room it has at 100 %
    (at 130 % a fixed width cut "报告应急管理小组联络员"); fewer cards in sight, the others
    counted at the strip's end and a turn of the wheel away. Never narrower than at 100 %."""
    return round(CARD_WIDTH * max(1.0, QApplication.font().pointSizeF() / BASE_POINT_SIZE))


def format_countdown(remaining: timedelta) -> str:
    seconds = int(remaining.total_seconds())
    sign = "+" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def card_state(view: DeadlineView, now: datetime, flash_on: bool) -> str:
    """The card's colour state: urgency by time left; "立即" is urgent from the start; a
    missed duty of the clerk's flashes until acknowledged, another's stays steadily red."""
    state = urgency(view, now)
    if state == "overdue":
        if not view.owed_by_desk:
            return "overdue-other"
        return "overdue-on" if flash_on or view.acknowledged else "overdue-off"
    return "urgent" if view.at_once else state


class DeadlineCard(QFrame):
    done = Signal(int, str)  # deadline id, the person told ("" when the plan names nobody)

    def __init__(self, *, view: DeadlineView, catalog: Catalog, done_text: str,
                 people: People = no_people, zone: ZoneInfo = DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineCard")
        self._people = people
        self.menu: QMenu | None = None
        self.countdown = QLabel(objectName="countdown")
        self.label = QLabel(objectName="deadlineLabel")
        self.label.setMinimumWidth(1)  # a long label is cut, never widens the card
        self.detail = QLabel()
        self.detail.setMinimumWidth(1)
        self.button = QPushButton(objectName="deadlineDone")
        self.button.clicked.connect(self._press)
        # One layout, no nested ones: with two nested box layouts, PySide 6.11 crashed as Qt
        # deleted a card whose deadline had closed (Shiboken::BindingManager::releaseWrapper
        # from ~QBoxLayout), in 3 of 3 runs of tests/ui/window/test_cards_come_and_go.py.
        # With one grid it still did now and then: cards are now reused (set_deadlines).
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.countdown, 0, 0)
        layout.addWidget(self.label, 0, 1, 1, 2)
        layout.addWidget(self.detail, 1, 0, 1, 2)
        layout.addWidget(self.button, 1, 2)
        layout.setColumnStretch(1, 1)
        self.setFixedSize(card_width(), CARD_HEIGHT)
        self.show_view(view, catalog, done_text, zone)

    def show_view(self, view: DeadlineView, catalog: Catalog, done_text: str,
                  zone: ZoneInfo) -> None:
        """The card shows this deadline: a card is made once and then reused for the
        deadlines that come later (TimerPanel.set_deadlines)."""
        self.deadline_id = view.id
        self._to_role = view.to_role
        self._done_text = done_text
        if self.menu is not None:  # a menu still open names the deadline shown before
            self.menu.close()
        self.label.setText(view.label)
        drill = self.tr("[DRILL] ") if view.is_drill else ""
        self.detail.setText(drill + self.whose(view, catalog) + " · " + view.situation_name)
        detail_name = "deadlineDetail" if view.owed_by_desk else "deadlineOwner"
        if self.detail.objectName() != detail_name:  # its colour comes from its name
            self.detail.setObjectName(detail_name)
            self.detail.style().unpolish(self.detail)
            self.detail.style().polish(self.detail)
        # when its clock started (for a level's report: the start, or the change of level,
        # as the plans browser says) and when it is due, as the hall's clock reads them
        counted = self.tr("Counted from {0}, due {1}").format(
            local_text(view.started_at, zone, "%H:%M"), local_text(view.due_at, zone, "%H:%M"))
        self.setToolTip(f"{view.label}\n{self.detail.text()}\n{counted}")
        self.button.setText(done_text)
        self._state = ""
        self._text = ""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size, applied at once
            self.setFixedWidth(card_width())

    def whose(self, view: DeadlineView, catalog: Catalog) -> str:
        """"→ 组长" for the clerk's own duty; "热线中心主管's duty → 职能线负责人" for another's."""
        to = " → " + catalog.role(view.to_role).name if view.to_role else ""
        if view.owed_by_desk:
            return (to.strip() or catalog.role(view.by_role).name)
        return self.tr("{0}'s duty").format(catalog.role(view.by_role).name) + to

    def _press(self) -> None:
        """Done at once, or, when the directory knows who holds the role, whom it was done to:
        the record says exactly who was told."""
        people = self._people(self._to_role) if self._to_role else []
        if not people:
            self.done.emit(self.deadline_id, "")
            return
        self.menu = QMenu(self, objectName="doneToMenu")
        deadline_id = self.deadline_id  # the card may show another deadline by the answer
        for person in people:
            self.menu.addAction(f"{self._done_text}：{person_text(person)}").triggered.connect(
                lambda _=False, name=person.name: self.done.emit(deadline_id, name))
        self.menu.addAction(self.tr("{0}: someone else").format(self._done_text)).triggered \
            .connect(lambda: self.done.emit(deadline_id, ""))
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))

    def show_time(self, view: DeadlineView, now: datetime, flash_on: bool) -> None:
        """Only what changed is touched: a second's new text, a colour's new state."""
        remaining = view.remaining(now)
        if view.action == "decide" and remaining.total_seconds() <= 0:
            text = self.tr("Decide")  # a decision point reached is never time overdue
        elif view.at_once and remaining.total_seconds() > 0:
            text = self.tr("At once")
        else:
            text = format_countdown(remaining)
        if text != self._text:
            self._text = text
            self.countdown.setText(text)
        state = card_state(view, now, flash_on)
        if state != self._state:  # re-polish only when the colour changes
            self._state = state
            for widget in (self, self.countdown):  # the countdown's colour follows the card's
                widget.setProperty("urgency", state)
                widget.style().unpolish(widget)
                widget.style().polish(widget)


class WheelStrip(QScrollArea):
    """A one-row strip the mouse wheel scrolls sideways (a wheel only turns vertically)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        step = delta.x() or delta.y()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - step)
        event.accept()


class TimerPanel(QFrame):
    done = Signal(int, str)  # deadline id, the person told
    holiday_toggled = Signal(bool)

    def __init__(self, *, catalog: Catalog, people: People = no_people,
                 zone: ZoneInfo = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self._zone = zone
        self._catalog = catalog
        self._people = people
        self.cards: dict[int, DeadlineCard] = {}
        self._spare_cards: list[DeadlineCard] = []  # cards of closed deadlines, to reuse
        self._views: list[DeadlineView] = []
        self._flash = False
        self._now: datetime | None = None
        self._holiday = False
        self.day = QPushButton(objectName="dayButton")
        self.day.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.day_menu = QMenu(self.day, objectName="dayMenu")
        self.day_change = self.day_menu.addAction("")
        self.day_change.triggered.connect(lambda: self.holiday_toggled.emit(not self._holiday))
        self.day.clicked.connect(self._ask_day)
        self.empty = QLabel(self.tr("No deadlines running"), objectName="noDeadlines")
        self._cards_box = QWidget(objectName="deadlineCards")
        self._cards_layout = QHBoxLayout(self._cards_box)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setSpacing(CARD_SPACING)
        self._cards_layout.addStretch(1)
        scroll = WheelStrip(objectName="deadlineScroll")
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the scroll bar's room is kept always: the strip's height never changes
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self._cards_box)
        scroll.setFixedHeight(CARD_HEIGHT + scroll.horizontalScrollBar().sizeHint().height() + 4)
        keep_place = scroll.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the panel's height never changes
        scroll.setSizePolicy(keep_place)
        scroll.horizontalScrollBar().valueChanged.connect(self._show_hidden_count)
        self.scroll = scroll
        self.hidden = QLabel(objectName="hiddenDeadlines")  # "+4 ▶": cards out of sight
        self.hidden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.day)
        layout.addWidget(self.empty, 1)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.hidden)
        self.setFixedHeight(self.sizeHint().height())  # zones below never move
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
        self._holiday = holiday
        text = self.tr("Today: holiday") if holiday else self.tr("Today: workday")
        if not known:
            text += self.tr(" (calendar has no data for this year)")
        self.day.setText(text + " ▾")
        if self.day.property("holiday") != holiday:  # restyled only on a change: it costs
            self.day.setProperty("holiday", holiday)
            self.day.style().unpolish(self.day)
            self.day.style().polish(self.day)
        self.day_change.setText(
            self.tr("Count today as a workday (deadlines use workday times)") if holiday
            else self.tr("Count today as a holiday (deadlines use holiday times)"))

    def _ask_day(self) -> None:
        """A menu, not a toggle: a stray click changes nothing (Esc or a click away)."""
        self.day_menu.popup(self.day.mapToGlobal(self.day.rect().bottomLeft()))

    def set_deadlines(self, views: list[DeadlineView], now: datetime) -> None:
        """Rebuild the cards (when the list changes), most urgent first."""
        ids = [v.id for v in views]
        # A card whose deadline closed is kept, hidden, for the next deadline, never deleted:
        # PySide 6.11 segfaulted now and then as Qt deleted a card (releaseWrapper on the
        # card's layout, its Python wrapper already freed), in about 1 of 3 runs of
        # tests/ui/window/test_cards_come_and_go.py, even with one layout and the card
        # taken out of the strip first. There are never more cards than at the busiest.
        for gone in set(self.cards) - set(ids):
            card = self.cards.pop(gone)
            self._cards_layout.removeWidget(card)
            card.hide()
            self._spare_cards.append(card)
        for view in views:
            if view.id not in self.cards:
                self.cards[view.id] = self._card_for(view)
        shown = [self._cards_layout.itemAt(i).widget()
                 for i in range(self._cards_layout.count() - 1)]  # the last is the stretch
        if shown != [self.cards[i] for i in ids]:
            for index, view in enumerate(views):  # views come sorted by due time
                self._cards_layout.insertWidget(index, self.cards[view.id])
        self._views = views
        self.empty.setVisible(not views)
        self.scroll.setVisible(bool(views))
        self._show_hidden_count()
        self.show_time(now)

    def _card_for(self, view: DeadlineView) -> DeadlineCard:
        done_text = self.done_text(view.action)
        if self._spare_cards:
            card = self._spare_cards.pop()
            card.show_view(view, self._catalog, done_text, self._zone)
            card.show()  # hidden when its last deadline closed
            return card
        card = DeadlineCard(view=view, catalog=self._catalog, done_text=done_text,
                            people=self._people, zone=self._zone)
        card.done.connect(self.done.emit)
        return card

    def in_sight(self) -> range:
        """The indexes of the cards the strip shows, wholly or in part (all of them while
        the panel is not on screen: nothing is painted then, and tests read any card)."""
        if not self.isVisible():
            return range(len(self._views))
        left = self.scroll.horizontalScrollBar().value()
        step = card_width() + CARD_SPACING
        first = left // step
        last = (left + self.scroll.viewport().width()) // step
        return range(first, min(last + 1, len(self._views)))

    def hidden_sides(self) -> tuple[int, int]:
        """How many cards are wholly or partly out of sight on the left and on the right."""
        viewport = self.scroll.viewport().width()
        left = self.scroll.horizontalScrollBar().value()
        width = card_width()
        starts = [i * (width + CARD_SPACING) for i in range(len(self._views))]
        return (sum(1 for x in starts if x < left),
                sum(1 for x in starts if x >= left and x + width > left + viewport))

    def hidden_count(self) -> int:
        return sum(self.hidden_sides())

    def _show_hidden_count(self) -> None:
        before, after = self.hidden_sides() if self._views else (0, 0)
        more = self.tr("{0} more")
        lines = (["◀ " + more.format(before)] if before else []) + \
            ([more.format(after) + " ▶"] if after else [])
        self.hidden.setText("\n".join(lines))
        self.hidden.setToolTip(self.tr("Turn the mouse wheel over the cards to see the others")
                               if lines else "")
        if self._now is not None:
            self._draw(self._now)  # cards scrolled into sight show the time at once

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_hidden_count()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_hidden_count()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the cards widen: count them again
            QTimer.singleShot(0, self, self._show_hidden_count)

    def show_time(self, now: datetime) -> None:
        """Countdowns of the cards in sight only: the others are drawn when scrolled to."""
        self._flash = not self._flash
        self._now = now
        self._draw(now)

    def _draw(self, now: datetime) -> None:
        for index in self.in_sight():
            view = self._views[index]
            self.cards[view.id].show_time(view, now, self._flash)
