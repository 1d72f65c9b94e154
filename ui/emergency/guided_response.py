"""GuidedResponse: the running incident — steps to tick, words to say, people to call.

Every tick, call, report and note goes through the controller, which commits it before the
view redraws from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.contacts.phones import display_number
from models.plans.calls import dial_order, plan_calls
from models.plans.catalog import Catalog, Situation, Step
from models.plans.report_targets import report_targets
from models.services.changes import Changes
from models.services.contacts import Person
from models.services.incidents import OPEN_STATUSES, IncidentState
from models.services.records import RecordService
from ui.common.ask import Confirm, ask_yes_no
from ui.common.big_button import MIN_TOUCH
from ui.common.pdf_export import PdfTools
from ui.common.people import People, ReportChoice, no_people, person_text, report_choices
from ui.common.time_text import local_time
from ui.common.timeline_text import entry_text
from ui.contacts.contacts_controller import ContactsController
from ui.emergency.incident_controller import IncidentController
from ui.emergency.level_dialog import LevelDialog
from ui.emergency.readout import compose_readout
from ui.emergency.readout_dialog import ReadoutDialog
from ui.plans.plan_html import format_minutes
from ui.records.record_dialog import RecordDialog

NOTE_DRAFT_MS = 500  # the quick note being typed is saved this long after the last key


class StepRow(QFrame):
    """One step: a big checkbox, who does it, whom to call, and the words to say beside it."""

    def __init__(self, *, catalog: Catalog, number: int, step: Step, people: People = no_people,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepRow")
        prefix = f"<i>{escape(step.condition)}：</i>" if step.condition else ""
        if step.after:  # done once the incident is over: not now, but not forgotten
            afterwards = self.tr("Afterwards")
            prefix = f"<i>{escape(afterwards)}：</i>" + prefix
        # A checkbox cannot wrap its text: the box and a wrapping label; the row toggles it.
        self.check = QCheckBox(objectName="stepCheck")
        self.text = QLabel(f"<b>{number}.</b> {prefix}{escape(step.text)}", objectName="stepText")
        self.text.setWordWrap(True)
        self.text.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        holders = "、".join(person_text(p) for p in people(step.role)) \
            if step.role != "clerk" else ""
        meta = QLabel("：".join(t for t in (catalog.role(step.role).name, holders) if t),
                      objectName="stepRole")
        meta.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        line = QHBoxLayout()
        line.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.text, 1)
        left = QVBoxLayout()
        left.addLayout(line)
        left.addWidget(meta)
        self.call_buttons: dict[str, QPushButton] = {}
        self.person_buttons: dict[tuple[str, int], QPushButton] = {}  # (role, contact id)
        if step.call:
            calls = QGridLayout()
            for key in step.call:
                callee = catalog.role(key)
                holders = people(key)
                if not holders or callee.number:  # a public number is always offered itself
                    button = QPushButton(f"☎ {callee.name} {callee.number}".strip(),
                                         objectName="callButton")
                    self.call_buttons[key] = button
                    calls.addWidget(button, calls.count() // 2, calls.count() % 2)
                for person in holders:
                    button = QPushButton(f"☎ {callee.name} — {person_text(person)}",
                                         objectName="callButton")
                    self.person_buttons[(key, person.contact_id)] = button
                    calls.addWidget(button, calls.count() // 2, calls.count() % 2)
            left.addLayout(calls)
        self.switch_button: QPushButton | None = None
        if step.switch_to:
            target = catalog.situation(step.switch_to)
            self.switch_button = QPushButton(self.tr("→ Switch to: {0}").format(target.name),
                                             objectName="switchButton")
            left.addWidget(self.switch_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(left, 3)
        if step.say:
            scripts = QVBoxLayout()
            for text in step.say:
                label = QLabel(f"“{text}”", objectName="scriptLabel")
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                scripts.addWidget(label)
            scripts.addStretch(1)
            layout.addLayout(scripts, 2)
        self.setMinimumHeight(MIN_TOUCH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.check.toggle()
        super().mouseReleaseEvent(event)


class GuidedResponse(QWidget):
    back_requested = Signal()

    manual_trigger = Signal(int, str)  # incident, trigger label (e.g. "预计超过24小时")

    def __init__(self, *, controller: IncidentController,
                 confirm: Confirm = ask_yes_no,
                 manual_triggers: Callable[[int], list[str]] = lambda incident_id: [],
                 pdf: PdfTools | None = None, contacts: ContactsController | None = None,
                 records: RecordService | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidedResponse")
        self._controller = controller
        self._records = records or RecordService(catalog=controller.catalog, act=controller.act)
        self._pdf = pdf
        self._people: People = contacts.people if contacts is not None else no_people
        self._manual_triggers = manual_triggers
        self._catalog = controller.catalog
        self._confirm = confirm
        self.incident_id: int | None = None
        self._situation_key = ""
        self.level_dialog: LevelDialog | None = None
        self.readout_dialog: ReadoutDialog | None = None
        self.step_rows: list[StepRow] = []
        self.person_call_buttons: dict[tuple[str, int], QPushButton] = {}
        # Built plans by situation: a press on a situation seen before reuses its widgets.
        self._plans: dict[str, tuple[QWidget, list[StepRow]]] = {}

        # header
        self.back_button = QPushButton(self.tr("← Home  Esc"), objectName="backButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel(objectName="incidentTitle")
        self.title.setWordWrap(True)
        self.drill_label = QLabel(self.tr("DRILL"), objectName="drillMarker")
        self.level_button = QPushButton(objectName="levelButton")
        self.level_button.clicked.connect(self.open_level_dialog)
        self.elapsed = QLabel(objectName="elapsedLabel")
        self.readout_button = QPushButton(self.tr("Report to read out") + "  B",
                                          objectName="readoutButton")
        self.readout_button.clicked.connect(self.open_readout)
        self.cancel_button = QPushButton(self.tr("Cancel (pressed by mistake)"),
                                         objectName="cancelIncidentButton")
        self.cancel_button.clicked.connect(self.cancel_incident)
        keep_place = self.cancel_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # when the window closes nothing moves
        self.cancel_button.setSizePolicy(keep_place)
        self.resolve_button = QPushButton(self.tr("Handling finished"), objectName="resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        self.record_button = QPushButton(self.tr("Record form") + "  R", objectName="recordButton")
        self.record_button.clicked.connect(self.open_record)
        self.record_dialog: RecordDialog | None = None
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.drill_label)
        header.addWidget(self.title, 1)
        header.addWidget(self.elapsed)
        header.addWidget(self.level_button)
        header.addWidget(self.readout_button)
        header.addWidget(self.record_button)
        header.addWidget(self.resolve_button)
        header.addWidget(self.cancel_button)

        # steps
        self.steps = QStackedWidget(objectName="stepsStack")

        # side panel: report, note, calls, timeline. It scrolls as a whole when the screen is
        # short, so the 110/119/120 bar below always stays in sight; no scroll inside a scroll.
        side = QFrame(objectName="responseSide")
        side_scroll = QScrollArea(objectName="responseSideScroll")
        side_scroll.setWidgetResizable(True)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setFixedWidth(372)
        side_scroll.setWidget(side)
        side_layout = QVBoxLayout(side)
        self.report_label = QLabel(objectName="reportRule")
        self.report_label.setWordWrap(True)
        self.report_box = QVBoxLayout()
        self.triggers_box = QVBoxLayout()
        self.calls_box = QGridLayout()
        calls = QWidget(objectName="callsBox")
        calls.setLayout(self.calls_box)
        self.note = QLineEdit(objectName="quickNote")
        self.note.setPlaceholderText(self.tr("Quick note, Enter adds it to the record") + "  (N)")
        self.note.setMaxLength(10_000)
        self.note.returnPressed.connect(self.add_note)
        self._note_save = QTimer(self, singleShot=True, interval=NOTE_DRAFT_MS)
        self._note_save.timeout.connect(self._save_note_draft)
        self.note.textEdited.connect(lambda _text: self._note_save.start())
        self.timeline = QListWidget(objectName="timelineList")
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(150)
        side_layout.addWidget(QLabel(self.tr("Report"), objectName="sectionLabel"))
        side_layout.addWidget(self.report_label)
        side_layout.addLayout(self.report_box)
        side_layout.addLayout(self.triggers_box)
        side_layout.addWidget(self.note)
        side_layout.addWidget(QLabel(self.tr("Call"), objectName="sectionLabel"))
        side_layout.addWidget(calls)
        side_layout.addWidget(QLabel(self.tr("Record"), objectName="sectionLabel"))
        side_layout.addWidget(self.timeline, 1)

        body = QHBoxLayout()
        body.addWidget(self.steps, 1)
        body.addWidget(side_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(header)
        layout.addLayout(body, 1)

        QShortcut(QKeySequence("Esc"), self, activated=self.back_requested.emit)
        # Keys for hands on the keyboard; typing in the note takes precedence over them.
        for number in range(1, 10):
            QShortcut(QKeySequence(str(number)), self,
                      activated=lambda i=number - 1: self.toggle_step(i))
        QShortcut(QKeySequence("L"), self, activated=self.open_level_dialog)
        QShortcut(QKeySequence("B"), self, activated=self.open_readout)
        QShortcut(QKeySequence("N"), self, activated=self.note.setFocus)
        QShortcut(QKeySequence("R"), self, activated=self.open_record)
        controller.changed.connect(self._on_changed)
        if contacts is not None:
            contacts.changed.connect(self._contacts_changed)
        self._ticker = QTimer(self)  # runs only while the view is on screen
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)

    def showEvent(self, event) -> None:
        self._ticker.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    # -- showing ---------------------------------------------------------------------------
    def show_incident(self, incident_id: int) -> None:
        self.flush_note_draft()  # the note typed for the incident shown before stays with it
        self.incident_id = incident_id
        self._situation_key = ""
        self.note.setText(self._controller.note_draft(incident_id))
        self.refresh()

    def _save_note_draft(self) -> None:
        if self.incident_id is not None:
            self._controller.save_note_draft(self.incident_id, self.note.text())

    def flush_note_draft(self) -> None:
        """Save a pending note draft now (before switching incidents)."""
        if self._note_save.isActive():
            self._note_save.stop()
            self._save_note_draft()

    def _on_changed(self, changes: Changes) -> None:
        if self.incident_id is not None and changes.affects_incident(self.incident_id):
            self.refresh()  # from the database: a press that failed shows undone

    def refresh(self) -> None:
        if self.incident_id is None:
            return
        state = self._controller.state(self.incident_id)
        if state.summary.status not in OPEN_STATUSES and self.isVisible():
            self.back_requested.emit()  # resolved or closed elsewhere (the record form)
            return
        sit = self._catalog.situation(state.summary.situation_key)
        if sit.key != self._situation_key:
            self._build_plan(sit)
        level = self._catalog.level(state.summary.level)
        self.title.setText(sit.name)
        self.drill_label.setVisible(state.summary.is_drill)
        self.level_button.setText(f"{level.name}\n{level.short}  L")
        self.level_button.setStyleSheet(f"#levelButton {{ background: {level.color}; }}")
        for index, row in enumerate(self.step_rows):
            row.check.blockSignals(True)
            row.check.setChecked(index in state.checked)
            row.check.blockSignals(False)
            row.setProperty("done", index in state.checked)
            row.style().unpolish(row)
            row.style().polish(row)
        self._fill_report(state)
        self._fill_timeline(state)
        self.tick(state)

    def _contacts_changed(self) -> None:
        """The directory changed: the plans built so far name the old people; drop them."""
        for scroll, _ in self._plans.values():
            self.steps.removeWidget(scroll)
            scroll.deleteLater()
        self._plans.clear()
        self._situation_key = ""
        self.refresh()

    def _build_plan(self, sit: Situation) -> None:
        self._situation_key = sit.key
        if sit.key not in self._plans:
            self._plans[sit.key] = self._plan_widget(sit)
        scroll, self.step_rows = self._plans[sit.key]
        self.steps.setCurrentWidget(scroll)
        scroll.verticalScrollBar().setValue(0)
        self._fill_calls(sit)

    def _plan_widget(self, sit: Situation) -> tuple[QWidget, list[StepRow]]:
        box = QWidget(objectName="stepsBox")
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        rows = []
        for index, step in enumerate(sit.steps):
            row = StepRow(catalog=self._catalog, number=index + 1, step=step,
                          people=self._people)
            row.check.toggled.connect(lambda checked, i=index: self._tick_step(i, checked))
            for key, button in row.call_buttons.items():
                button.clicked.connect(lambda _=False, k=key: self.call(k))
            for (key, contact_id), button in row.person_buttons.items():
                person = next(p for p in self._people(key) if p.contact_id == contact_id)
                button.clicked.connect(lambda _=False, p=person: self.call_person(p))
            if row.switch_button is not None:
                row.switch_button.clicked.connect(
                    lambda _=False, k=step.switch_to: self.switch_to(k))
            layout.addWidget(row)
            rows.append(row)
        layout.addStretch(1)
        scroll = QScrollArea(objectName="stepsScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        self.steps.addWidget(scroll)
        return scroll, rows

    def _fill_calls(self, sit: Situation) -> None:
        _clear(self.calls_box)
        self.person_call_buttons = {}
        index = 0
        for key in dial_order(self._catalog, plan_calls(sit)):
            role = self._catalog.role(key)
            holders = self._people(key)
            if not holders or role.number:
                button = QPushButton(f"☎ {role.name} {role.number}".strip(),
                                     objectName="callButton")
                button.clicked.connect(lambda _=False, k=key: self.call(k))
                self.calls_box.addWidget(button, index // 2, index % 2)
                index += 1
            for person in holders:  # a full row each: "☎ 李四 138 0013 8000" over the role
                index += index % 2
                button = QPushButton(f"☎ {person_text(person)}\n{role.name}",
                                     objectName="personCallButton")
                button.clicked.connect(lambda _=False, p=person: self.call_person(p))
                self.person_call_buttons[(key, person.contact_id)] = button
                self.calls_box.addWidget(button, index // 2, 0, 1, 2)
                index += 2

    def report_targets(self, state: IncidentState) -> list[tuple[str, str]]:
        keys = report_targets(self._catalog, state.summary.level)
        return [(k, self._catalog.role(k).name) for k in keys]

    def _fill_report(self, state: IncidentState) -> None:
        level = self._catalog.level(state.summary.level)
        rule = self.tr("{0}: report to {1} within {2}").format(
            level.short, self._catalog.role(level.report_to).name,
            format_minutes(level.report_within_minutes))
        if level.report_starts == "resolved":
            rule += self.tr(" (after handling is finished)")
        self.report_label.setText(rule)
        _clear(self.report_box)
        reported = state.reported_people()
        for choice in self._report_choices(state):
            text = (self.tr("✓ Reported to {0}") if (choice.role_key, choice.person) in reported
                    else self.tr("Reported to {0}")).format(choice.label)
            if choice.number:  # the number to dial, under the name
                text += f"\n☎ {display_number(choice.number)}"
            button = QPushButton(text, objectName="reportButton")
            button.setProperty("person", choice.person)
            button.clicked.connect(lambda _=False, c=choice: self.report(
                c.role_key, c.person, c.number))
            self.report_box.addWidget(button)
        _clear(self.triggers_box)
        for trigger in self._manual_triggers(state.id):
            button = QPushButton(self.tr("Mark: {0}").format(trigger), objectName="triggerButton")
            button.clicked.connect(
                lambda _=False, t=trigger: self.manual_trigger.emit(self.incident_id, t))
            self.triggers_box.addWidget(button)

    def _fill_timeline(self, state: IncidentState) -> None:
        self.timeline.clear()
        zone = self._controller.clock.zone
        for entry in reversed(state.entries):
            self.timeline.addItem(f"{local_time(entry.at, zone)}  {entry_text(entry)}")

    def tick(self, state: IncidentState | None = None) -> None:
        if self.incident_id is None:
            return
        state = state or self._controller.state(self.incident_id)
        now = self._controller.clock.now()
        seconds = max(0, int((now - state.summary.started_at).total_seconds()))
        minutes, secs = divmod(seconds, 60)
        self.elapsed.setText(self.tr("Running {0}:{1:02d}").format(minutes, secs))
        self.cancel_button.setVisible(state.can_cancel(now))

    # -- acting ----------------------------------------------------------------------------
    def _tick_step(self, index: int, checked: bool) -> None:
        if not self._controller.set_step(self.incident_id, index, checked):
            self.refresh()  # refused: show what the record holds

    def toggle_step(self, index: int) -> None:
        if self.incident_id is not None and index < len(self.step_rows):
            self.step_rows[index].check.toggle()

    def call(self, role_key: str) -> None:
        self._controller.call(self.incident_id, role_key)

    def call_person(self, person: Person) -> None:
        """Exactly who was called, on which number, goes into the record."""
        self._controller.call(self.incident_id, person.role_key, person=person.name,
                              number=person.number)

    def report(self, role_key: str, person: str = "", number: str = "") -> None:
        self._controller.report(self.incident_id, role_key, person=person, number=number)

    def add_note(self) -> None:
        self._note_save.stop()  # the note itself replaces its draft
        if self._controller.note(self.incident_id, self.note.text()):
            self.note.clear()
        else:
            self._save_note_draft()  # refused (e.g. too long): what was typed is kept

    def open_record(self) -> None:
        if self.incident_id is None:
            return
        shown = self.record_dialog
        if shown is None or not shown.isVisible() or shown.form.incident_id != self.incident_id:
            if shown is not None:
                shown.close()  # its draft is flushed on closing
            self.record_dialog = RecordDialog(
                service=self._records, operations=self._controller.operations,
                incident_id=self.incident_id, pdf=self._pdf, parent=self)
        self.record_dialog.show_over(self)

    def resolve(self) -> None:
        incident_id = self.incident_id  # the answer may come after another incident is shown
        self._confirm(self, self.tr("Handling finished?"),
                      self.tr("The incident leaves the running list. Clocks for "
                              "repairs and arrivals stop; reports still owed stay "
                              "owed; deadlines that run from the end of handling "
                              "start now."),
                      lambda: self._controller.resolve(incident_id) and self._leave(incident_id))

    def switch_to(self, situation_key: str) -> None:
        self._controller.switch_situation(self.incident_id, situation_key)

    def open_level_dialog(self) -> None:
        state = self._controller.state(self.incident_id)
        self.level_dialog = dialog = LevelDialog(catalog=self._catalog,
                                                 current=state.summary.level, parent=self)
        incident_id = self.incident_id  # not modal: another incident may be shown by then
        dialog.accepted.connect(lambda: self._controller.change_level(
            incident_id, dialog.chosen_level(), dialog.chosen_reason()))
        dialog.show_over(self)

    def _report_choices(self, state: IncidentState) -> list[ReportChoice]:
        """Whom the clerk may mark as told: the role's people now, and anyone already told
        who has since left the directory (so a done report keeps its ✓)."""
        targets = self.report_targets(state)
        choices = report_choices(self._people, targets)
        names = dict(targets)
        offered = {(c.role_key, c.person) for c in choices}
        choices += [ReportChoice(role, f"{names[role]} {person}", person)
                    for role, person in sorted(state.reported_people())
                    if person and role in names and (role, person) not in offered]
        return choices

    def open_readout(self) -> None:
        state = self._controller.state(self.incident_id)
        targets = self._report_choices(state)
        text = compose_readout(self._catalog, state, self._controller.record_text(state.id),
                               zone=self._controller.clock.zone)
        self.readout_dialog = ReadoutDialog(text=text,
                                            targets=targets, parent=self)
        incident_id = self.incident_id  # not modal: another incident may be shown by then
        self.readout_dialog.reported.connect(lambda role, person, number: self._controller.report(
            incident_id, role, person=person, number=number))
        self.readout_dialog.show_over(self)

    def cancel_incident(self) -> None:
        incident_id = self.incident_id
        self._confirm(self, self.tr("Cancel this incident?"),
                      self.tr("It stays in the record, marked as cancelled."),
                      lambda: self._controller.cancel(incident_id, self.tr("pressed by mistake"))
                      and self._leave(incident_id))

    def _leave(self, incident_id: int) -> None:
        """Back home after an answered question, if the incident it was about is still shown."""
        if self.incident_id == incident_id:
            self.back_requested.emit()


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
