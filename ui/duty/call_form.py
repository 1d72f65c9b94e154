"""CallForm: an incoming call written into the duty phone log (值班电话记录簿), opened with F8
from any screen.

Not modal, over the screen: the alarm, the timers and 110/119/120 stay usable. What is typed
is kept as a draft within a moment of each change (and when the form is put away), so a crash
loses none of it; saving writes the call once — the first press disables the button, a second
press in the same moment finds it disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.services.duty import CallInput, CallRefused, LinkableIncident
from ui.duty.duty_controller import DutyController

LIMITS = {"unit": 100, "name": 50, "post": 50, "phone": 40, "recorder": 50}
DRAFT_DELAY_MS = 400  # typing is kept this long after the last key
TIME_FORMAT = "yyyy-MM-dd HH:mm"


class CallForm(QDialog):
    saved = Signal(int)  # the call's id
    day_calls_requested = Signal()

    def __init__(self, *, controller: DutyController, clerk: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        """Times are the real time on the hall's clock (the service's), even while a drill
        runs the desk's clock faster: a call is no drill."""
        super().__init__(parent)
        self.setObjectName("callForm")
        self.setWindowTitle(self.tr("Incoming call"))
        self._controller = controller
        self._clerk = clerk
        self._saving = False
        self.at = self._time_edit("callTime")
        self.unit = self._line("callUnit", LIMITS["unit"])
        self.name = self._line("callName", LIMITS["name"])
        self.post = self._line("callPost", LIMITS["post"])
        self.phone = self._line("callPhone", LIMITS["phone"])
        self.content = QPlainTextEdit(objectName="callContent")
        self.content.setTabChangesFocus(True)
        self.content.setMinimumHeight(60)
        self.content.setPlaceholderText(self.tr("What the caller said or asked (required)"))
        self.handling = self._line("callHandling", 1000)
        self.handling.setPlaceholderText(self.tr("What was done or decided (optional)"))
        self.told_name = self._line("toldName", 50)
        self.told_name.setPlaceholderText(self.tr("Name"))
        self.told_at = self._time_edit("toldTime")
        self.add_told = QPushButton(self.tr("Add"), objectName="addTold")
        self.add_told.clicked.connect(self._add_told)
        self.told_name.returnPressed.connect(self._add_told)
        self.told = QListWidget(objectName="toldList")
        self.told.setMaximumHeight(56)
        self.remove_told = QPushButton(self.tr("Remove"), objectName="removeTold")
        self.remove_told.clicked.connect(lambda: self._remove_told(self.told.currentRow()))
        self.told_items: list[tuple[str, datetime]] = []
        self.recorder = self._line("callRecorder", LIMITS["recorder"])
        self.incident = QComboBox(objectName="callIncident")
        self.problem = QLabel(objectName="callProblem")
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save call"), objectName="saveCall")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.day_calls = QPushButton(self.tr("Today's calls"), objectName="dayCallsButton")
        self.day_calls.clicked.connect(self.day_calls_requested.emit)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._lay_out()
        self.start()
        for edit in (self.unit, self.name, self.post, self.phone, self.recorder, self.handling):
            edit.textChanged.connect(self._changed)
        self.content.textChanged.connect(self._changed)
        self.at.dateTimeChanged.connect(self._changed)
        self.incident.currentIndexChanged.connect(self._changed)
        self.unit.setFocus()  # who calls is asked first; the time is already now

    def _line(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setMaxLength(limit)
        return edit

    def _time_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(objectName=name)
        edit.setDisplayFormat(TIME_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def _lay_out(self) -> None:
        form = QFormLayout()
        when = QHBoxLayout()  # two to a row: the form fits the screen area at 130 % text
        when.addWidget(self.at, 1)
        when.addWidget(QLabel(self.tr("Recorder")))
        when.addWidget(self.recorder, 1)
        form.addRow(self.tr("Time of the call"), when)
        form.addRow(self.tr("Caller's unit"), self.unit)
        who = QHBoxLayout()
        for label, edit in ((self.tr("Name"), self.name), (self.tr("Post"), self.post),
                            (self.tr("Phone"), self.phone)):
            who.addWidget(QLabel(label))
            who.addWidget(edit, 1)
        form.addRow(self.tr("Caller"), who)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Handling"), self.handling)
        told_row = QHBoxLayout()
        told_row.addWidget(self.told_name, 1)
        told_row.addWidget(self.told_at)
        told_row.addWidget(self.add_told)
        told_box = QVBoxLayout()
        told_box.addLayout(told_row)
        listed = QHBoxLayout()
        listed.addWidget(self.told, 1)
        listed.addWidget(self.remove_told)
        told_box.addLayout(listed)
        form.addRow(self.tr("Also told (who, when)"), told_box)
        form.addRow(self.tr("About incident"), self.incident)
        buttons = QHBoxLayout()
        buttons.addWidget(self.day_calls)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def sizeHint(self) -> QSize:
        return QSize(900, 440)  # show_over_screen bounds it to the screen area

    # -- what the form shows -----------------------------------------------------------------
    def _now(self) -> QDateTime:
        act = self._controller.service.act()
        local = hall_time.local(act.now, act.zone).replace(tzinfo=None, second=0,
                                                           microsecond=0)
        return QDateTime(local)

    def start(self) -> None:
        """A blank call at the time now, by the clerk on duty; then the draft, if one was kept."""
        now = self._now()
        for edit in (self.at, self.told_at):
            edit.setDateTime(now)
        self.recorder.setText(self._clerk())
        self.incident.clear()
        self.incident.addItem(self.tr("(not about an incident)"), None)
        for i in self._controller.service.linkable_incidents():
            self.incident.addItem(self._incident_text(i), i.id)
        self._restore(self._controller.service.draft())

    def _incident_text(self, i: LinkableIncident) -> str:
        return f"{i.number} {i.situation}"

    def _restore(self, draft: dict) -> None:
        if not draft:
            return
        for key, edit in (("unit", self.unit), ("name", self.name), ("post", self.post),
                          ("phone", self.phone), ("recorder", self.recorder),
                          ("handling", self.handling)):
            if isinstance(draft.get(key), str) and draft[key]:
                edit.setText(draft[key])
        if isinstance(draft.get("content"), str):
            self.content.setPlainText(draft["content"])
        if isinstance(draft.get("at"), str):
            self.at.setDateTime(QDateTime.fromString(draft["at"], TIME_FORMAT))
        for name, at in draft.get("told", []):
            self._told_add(str(name), QDateTime.fromString(str(at), TIME_FORMAT))
        index = self.incident.findData(draft.get("incident"))
        self.incident.setCurrentIndex(max(0, index))
        self.problem.setText(self.tr("The call typed before was kept: it is shown again."))

    # -- people told -------------------------------------------------------------------------
    def _add_told(self) -> None:
        name = " ".join(self.told_name.text().split())
        if name:
            self._told_add(name, self.told_at.dateTime())
            self.told_name.clear()
            self._changed()

    def _told_add(self, name: str, at: QDateTime) -> None:
        self.told_items.append((name, self._moment(at)))
        self.told.addItem(f"{name}　{at.toString('HH:mm')}")

    def _remove_told(self, row: int) -> None:
        if 0 <= row < len(self.told_items):
            del self.told_items[row]
            self.told.takeItem(row)
            self._changed()

    @property
    def _zone(self):
        return self._controller.service.act().zone

    def _moment(self, value: QDateTime) -> datetime:
        return hall_time.at_hall(value.toPython().replace(second=0, microsecond=0),
                                 self._zone)

    # -- keeping and saving ------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        self._draft_timer.start()

    def fields(self) -> dict[str, object]:
        local = self._zone
        return {"at": self.at.dateTime().toString(TIME_FORMAT), "unit": self.unit.text(),
                "name": self.name.text(), "post": self.post.text(),
                "phone": self.phone.text(), "content": self.content.toPlainText(),
                "recorder": self.recorder.text(), "incident": self.incident.currentData(),
                "handling": self.handling.text(),
                "told": [[n, hall_time.local_text(at, local, "%Y-%m-%d %H:%M")]
                         for n, at in self.told_items]}

    def keep_draft(self) -> None:
        self._draft_timer.stop()
        if not self._saving:
            self._controller.service.save_draft(self.fields())

    def call(self) -> CallInput:
        return CallInput(
            at=self._moment(self.at.dateTime()), content=self.content.toPlainText(),
            unit=self.unit.text(), name=self.name.text(), post=self.post.text(),
            phone=self.phone.text(), told=tuple(self.told_items),
            handling=self.handling.text(),
            recorder=self.recorder.text(), incident=self.incident.currentData())

    def save(self) -> None:
        if self._saving:
            return
        self._saving = True  # a second press while this one runs: nothing
        self.save_button.setEnabled(False)
        self._draft_timer.stop()
        try:
            saved = self._controller.record_call(self.call())
        except CallRefused as refused:
            saved = None
            self.problem.setText(self.problem_text(refused.problems))
        if saved is None:  # refused, or the store failed: the typing stays, and its draft
            self._saving = False
            self.save_button.setEnabled(True)
            self.keep_draft()
            return
        self.saved.emit(saved)
        self.accept()

    def problem_text(self, problems: dict[str, str]) -> str:
        fields = {"at": self.tr("Time of the call"), "content": self.tr("Content"),
                  "unit": self.tr("Caller's unit"), "name": self.tr("Name"),
                  "post": self.tr("Post"), "phone": self.tr("Phone"),
                  "recorder": self.tr("Recorder"), "told": self.tr("Also told"),
                  "handling": self.tr("Handling"),
                  "incident": self.tr("About incident")}
        codes = {"empty": self.tr("is empty"), "too_long": self.tr("is too long"),
                 "future": self.tr("is in the future"),
                 "too_old": self.tr("is more than 7 days ago"),
                 "before_call": self.tr("is before the call"),
                 "too_many": self.tr("lists too many people"),
                 "no_such_incident": self.tr("no longer exists")}
        return self.tr("Not saved: {0}.").format("；".join(
            f"{fields.get(k, k)} {codes.get(v, v)}" for k, v in sorted(problems.items())))

    def reject(self) -> None:
        """Put away (Esc, close): what is typed stays as the draft for the next F8."""
        self.keep_draft()
        super().reject()
