"""GuidedResponse: the running incident — steps to tick, words to say, people to call.

Every tick, call, report and note goes through the controller, which commits it before the
view redraws from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.contacts.phones import display_number
from models.plans.calls import dial_order, plan_calls
from models.plans.catalog import Catalog, Level, Situation, Step
from models.plans.report_targets import report_targets
from models.services.changes import Changes
from models.services.contacts import Person
from models.services.incidents import (
    CANCEL_WINDOW,
    NO_NUMBER,
    OPEN_STATUSES,
    IncidentState,
)
from models.services.records import RecordService
from ui.common.ask import Confirm, ask_yes_no
from ui.common.big_button import MIN_TOUCH
from ui.common.elided_label import ElidedLabel
from ui.common.flow_layout import FlowLayout
from ui.common.pdf_export import PdfTools
from ui.common.people import People, ReportChoice, no_people, person_text, report_choices
from ui.common.time_text import local_time
from ui.common.timeline_text import entry_text
from ui.contacts.contacts_controller import ContactsController
from ui.emergency.header_rows import HeaderRows
from ui.emergency.incident_controller import IncidentController
from ui.emergency.level_dialog import LevelDialog
from ui.emergency.press_answer import PressAnswer
from ui.emergency.readout import compose_readout
from ui.emergency.readout_dialog import ReadoutDialog
from ui.emergency.readout_qr import ReadoutQr
from ui.plans.plan_html import format_minutes
from ui.records.record_dialog import RecordDialog
from ui.reporting.report_opener import ReportOpener

NOTE_DRAFT_MS = 500  # the quick note being typed is saved this long after the last key
BUILD_AHEAD_AFTER_MS = 1500  # the desk has settled after starting: pages are built ahead
LEVEL_MIN_WIDTH, LEVEL_PADDING = 120, 8  # px, the level button's in the sheet


@dataclass
class PlanPage:
    """A situation's widgets, built once and kept: its steps and its call buttons."""

    scroll: QWidget
    rows: list[StepRow]
    calls: QWidget
    person_call_buttons: dict[tuple[str, int], QPushButton]


class StepRow(QFrame):
    """One step: a big checkbox, who does it, whom to call, and the words to say beside it."""

    def __init__(self, *, catalog: Catalog, number: int, step: Step, people: People = no_people,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepRow")
        self.setProperty("done", False)  # styled as not done from the start: no restyle later
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
                 records: RecordService | None = None, reports: ReportOpener | None = None,
                 parent: QWidget | None = None) -> None:
        """`reports`: the formal reports upward (初报/续报/终报); without it, no button."""
        super().__init__(parent)
        self.setObjectName("guidedResponse")
        self._reports = reports
        self._controller = controller
        self._records = records or RecordService(catalog=controller.catalog, act=controller.act)
        self._pdf = pdf
        self._people: People = contacts.people if contacts is not None else no_people
        self._contacts = contacts
        self._manual_triggers = manual_triggers
        self._catalog = controller.catalog
        self._confirm = confirm
        self.incident_id: int | None = None
        self._situation_key = ""
        self.level_dialog: LevelDialog | None = None
        self.readout_dialog: ReadoutDialog | None = None
        self.readout_qr: ReadoutQr | None = None
        self.step_rows: list[StepRow] = []
        self.person_call_buttons: dict[tuple[str, int], QPushButton] = {}
        # Built plans by situation: a press on a situation seen before reuses its widgets.
        self._plans: dict[str, PlanPage] = {}
        # What is on screen, so a refresh with nothing new redraws nothing (a press paints fast)
        self._shown_report: tuple | None = None
        self._report_choices_shown: list[ReportChoice] = []
        self._shown_entries: tuple[int, ...] = ()  # timeline entry ids, oldest first
        self._just_started: int | None = None  # started here: its first showing says so
        self._stale = False  # something changed while the view was out of sight
        self._to_build: list[Situation] = []  # plans built ahead, one per idle moment
        self._building_ahead = False
        self._builder = QTimer(self, singleShot=True)
        self._builder.timeout.connect(self._build_next)
        self.contact_dialog = None  # the contact editor opened to add a missing number

        # header
        self.back_button = QPushButton(self.tr("← Home  Esc"), objectName="backButton")
        self.back_button.clicked.connect(self.back_requested.emit)
        # One line, never a column; the buttons' places do not depend on its length.
        self.title = ElidedLabel(objectName="incidentTitle", chars=8)
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
        self.reports_button = QPushButton(self.tr("Report upward") + "  U",
                                          objectName="reportsButton")
        self.reports_button.clicked.connect(self.open_reports)
        self.reports_button.setVisible(reports is not None)
        title_row = QHBoxLayout()
        title_row.addWidget(self.back_button)
        title_row.addWidget(self.drill_label)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.elapsed)
        title_row.addWidget(self.level_button)
        self._actions = FlowLayout()  # wraps when even a row of its own is too short
        for button in (self.readout_button, self.record_button, self.resolve_button,
                       self.cancel_button):
            self._actions.addWidget(button)
        self._level: Level | None = None  # the level shown
        self.header = HeaderRows(title_row, self._actions, one_row_width=self._one_row_width)
        self.header.rows_changed.connect(lambda _two: self._show_level_text())

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
        self.calls_stack = QStackedWidget(objectName="callsStack")
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
        # 上报 beside the 报告 heading: it takes no row of its own, here or in the header
        report_head = QHBoxLayout()
        report_head.addWidget(QLabel(self.tr("Report"), objectName="sectionLabel"))
        report_head.addStretch(1)
        if reports is not None:
            report_head.addWidget(self.reports_button)
        side_layout.addLayout(report_head)
        side_layout.addWidget(self.report_label)
        side_layout.addLayout(self.report_box)
        side_layout.addLayout(self.triggers_box)
        side_layout.addWidget(self.note)
        side_layout.addWidget(QLabel(self.tr("Call"), objectName="sectionLabel"))
        side_layout.addWidget(self.calls_stack)
        side_layout.addWidget(QLabel(self.tr("Record"), objectName="sectionLabel"))
        side_layout.addWidget(self.timeline, 1)

        body = QHBoxLayout()
        body.addWidget(self.steps, 1)
        body.addWidget(side_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self.header)
        layout.addLayout(body, 1)

        # What a press did: across the steps column's foot, the buttons beside it stay free.
        self.answer = PressAnswer(self, area=self.steps.geometry)
        QShortcut(QKeySequence("Esc"), self, activated=self.escape)
        # Keys for hands on the keyboard; typing in the note takes precedence over them.
        for number in range(1, 10):
            QShortcut(QKeySequence(str(number)), self,
                      activated=lambda i=number - 1: self.toggle_step(i))
        QShortcut(QKeySequence("L"), self, activated=self.open_level_dialog)
        QShortcut(QKeySequence("B"), self, activated=self.open_readout)
        QShortcut(QKeySequence("N"), self, activated=self.note.setFocus)
        QShortcut(QKeySequence("R"), self, activated=self.open_record)
        QShortcut(QKeySequence("U"), self, activated=self.open_reports)
        controller.changed.connect(self._on_changed)
        controller.incident_started.connect(self._started_here)
        if contacts is not None:
            contacts.changed.connect(self._contacts_changed)
        self._ticker = QTimer(self)  # runs only while the view is on screen
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)

    def showEvent(self, event) -> None:
        self._ticker.start()
        if self._stale:  # changed while out of sight
            self._redraw()
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self._ticker.stop()
        self.answer.dismiss()  # an answer is about the press just made, not for later
        super().hideEvent(event)

    def _level_text(self, *, two_rows: bool) -> str:
        """The level button's words: on two lines beside the actions; on one line when the
        actions are under the title (the title's row has the room, and is lower)."""
        if self._level is None:
            return ""
        between = " · " if two_rows else "\n"
        return f"{self._level.name}{between}{self._level.short}  L"

    def _show_level_text(self) -> None:
        self.level_button.setText(self._level_text(two_rows=self.header.two_rows()))

    def keys_text(self) -> str:
        """What the keys do here: shown by the screen on its notice line while the view is
        (a line of its own under the steps would take a step's room at 130 %)."""
        keys = self.tr("Keys: 1–9 tick a step · N note (Enter adds it) · L level · "
                       "B read-out · R record · Esc home · F10–F12 call 110/119/120")
        if self._reports is not None:  # its own words, put before Esc
            keys = keys.replace(" · Esc", " · " + self.tr("U report upward") + " · Esc", 1)
        return keys

    def _one_row_width(self) -> int:
        """What the title's row and the actions need side by side, whatever is shown now:
        the title its reserved width, the clock its first 100 minutes (then the title gives
        a character to it); a drill's marker, when shown, takes its place from the title."""
        longest_time = self.tr("Running {0}:{1:02d}").format(99, 59)
        clock = self.elapsed.fontMetrics().horizontalAdvance(longest_time) + 20  # its padding
        # the level's name over its short name, as side by side it is (on two rows, one line)
        metrics = self.level_button.fontMetrics()
        lines = self._level_text(two_rows=False).split("\n")
        level = max(LEVEL_MIN_WIDTH,
                    LEVEL_PADDING + max(metrics.horizontalAdvance(line) for line in lines))
        widths = [w.sizeHint().width() for w in (self.back_button, self.title)]
        widths += [level, clock, self._actions.sizeHint().width()]
        return sum(widths) + self.header.spacing() * (len(widths) - 1)

    # -- showing ---------------------------------------------------------------------------
    def show_incident(self, incident_id: int) -> None:
        self.flush_note_draft()  # the note typed for the incident shown before stays with it
        if incident_id != self.incident_id:
            self.answer.dismiss()  # it spoke of the incident shown before
            self._close_questions()  # so did they: "yes" must not act on an unseen incident
            self._shown_report, self._shown_entries = None, ()
        self.incident_id = incident_id
        self._situation_key = ""
        # An incident started by this press has no draft yet: nothing to read.
        self.note.setText("" if incident_id == self._just_started
                          else self._controller.note_draft(incident_id))
        state = self._redraw()
        if incident_id == self._just_started and state is not None:
            self._just_started = None
            self._answer_started(state)

    def _close_questions(self) -> None:
        """Close the questions and the level helper left open for the incident shown before."""
        direct = Qt.FindChildOption.FindDirectChildrenOnly  # not the record window's own
        for window in (*self.findChildren(QMessageBox, "confirmation", direct),
                       *self.findChildren(LevelDialog, options=direct)):
            window.close()

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
        """Draw again from the database; out of sight, only once shown again (a press
        elsewhere does not pay for redrawing a view nobody sees)."""
        if self.isVisible():
            self._redraw()
        else:
            self._stale = True

    def _redraw(self) -> IncidentState | None:
        self._stale = False
        if self.incident_id is None:
            return None
        state = self._controller.state(self.incident_id)
        if state.summary.status not in OPEN_STATUSES and self.isVisible():
            self.back_requested.emit()  # resolved or closed elsewhere (the record form)
            return None
        plans = self._controller.plans_of(self.incident_id)  # the version it started on
        sit = plans.situation(state.summary.situation_key)
        page = sit.key if plans is self._catalog else f"{plans.digest}:{sit.key}"
        if page != self._situation_key:
            self._build_plan(sit, plans, page)
        level = plans.level(state.summary.level)
        self.title.setText(sit.name)
        self.drill_label.setVisible(state.summary.is_drill)
        self._level = level
        self._show_level_text()
        if self.level_button.property("levelColor") != level.color:  # restyling costs
            self.level_button.setProperty("levelColor", level.color)
            self.level_button.setStyleSheet(f"#levelButton {{ background: {level.color}; }}")
        for index, row in enumerate(self.step_rows):
            done = index in state.checked
            row.check.blockSignals(True)
            row.check.setChecked(done)  # always: a press that failed shows undone
            row.check.blockSignals(False)
            if row.property("done") != done:  # restyling every row costs; only the changed
                row.setProperty("done", done)
                row.style().unpolish(row)
                row.style().polish(row)
        self._fill_report(state)
        self._fill_timeline(state)
        self.tick(state)
        return state

    def _contacts_changed(self) -> None:
        """The directory changed: the plans built so far name the old people; drop them."""
        for page in self._plans.values():
            self.steps.removeWidget(page.scroll)
            self.calls_stack.removeWidget(page.calls)
            page.scroll.deleteLater()
            page.calls.deleteLater()
        self._plans.clear()
        self._situation_key = ""
        self._shown_report = None
        self.refresh()
        if self._building_ahead:  # the pages name the old people: built ahead anew
            self.prebuild_plans()

    def prebuild_plans(self) -> None:
        """Build every situation's page ahead, one per turn of the event loop while the desk
        idles, so the first press of a situation shows a page already built."""
        self._building_ahead = True
        self._to_build = [s for s in self._catalog.situations if s.key not in self._plans]
        self._builder.start(BUILD_AHEAD_AFTER_MS)

    def plans_built(self) -> bool:
        """Every situation's page is built (for the benchmarks)."""
        return all(s.key in self._plans for s in self._catalog.situations)

    def _build_next(self) -> None:
        while self._to_build:
            sit = self._to_build.pop(0)
            if sit.key not in self._plans:
                page = self._plans[sit.key] = self._plan_widget(sit)
                self._lay_out_ahead(page)
                break
        if self._to_build:
            self._builder.start(0)

    def _lay_out_ahead(self, page: PlanPage) -> None:
        """Style, lay out and paint a page built ahead once, off screen, at the size it will be
        shown: its first showing then finds its layout done and its glyphs drawn before."""
        if not self.isVisible() and self.parentWidget() is not None:
            self.resize(self.parentWidget().size())  # as its stack will show it
            self.layout().activate()
        for widget, size in ((page.scroll, self.steps.size()),
                             (page.calls, self.calls_stack.size())):
            widget.ensurePolished()
            widget.resize(size)
            widget.grab()

    def _build_plan(self, sit: Situation, plans: Catalog | None = None,
                    key: str = "") -> None:
        """Show the page of `sit` as `plans` have it (the desk's by default), built once
        under `key` (the situation's key; with another version's digest before it for an
        incident that started on another version)."""
        key = key or sit.key
        self._situation_key = key
        if key not in self._plans:
            self._plans[key] = self._plan_widget(sit, plans)
        page = self._plans[key]
        self.step_rows = page.rows
        self.person_call_buttons = page.person_call_buttons
        self.steps.setCurrentWidget(page.scroll)
        self.calls_stack.setCurrentWidget(page.calls)
        page.scroll.verticalScrollBar().setValue(0)

    def _plan_widget(self, sit: Situation, plans: Catalog | None = None) -> PlanPage:
        plans = plans or self._catalog
        box = QWidget(objectName="stepsBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)  # every pixel for the steps at 130 %
        layout.setSpacing(6)
        rows = []
        for index, step in enumerate(sit.steps):
            row = StepRow(catalog=plans, number=index + 1, step=step,
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
        calls = QWidget(objectName="callsBox")
        calls_box = QGridLayout(calls)
        calls_box.setContentsMargins(0, 0, 0, 0)
        person_buttons = self._fill_calls(sit, calls_box, plans)
        self.calls_stack.addWidget(calls)
        return PlanPage(scroll, rows, calls, person_buttons)

    def _fill_calls(self, sit: Situation, calls_box: QGridLayout,
                    plans: Catalog | None = None) -> dict[tuple[str, int], QPushButton]:
        plans = plans or self._catalog
        person_call_buttons = {}
        index = 0
        for key in dial_order(plans, plan_calls(sit)):
            role = plans.role(key)
            holders = self._people(key)
            if not holders or role.number:
                button = QPushButton(f"☎ {role.name} {role.number}".strip(),
                                     objectName="callButton")
                button.clicked.connect(lambda _=False, k=key: self.call(k))
                calls_box.addWidget(button, index // 2, index % 2)
                index += 1
            for person in holders:  # a full row each: "☎ 李四 138 0013 8000" over the role
                index += index % 2
                button = QPushButton(f"☎ {person_text(person)}\n{role.name}",
                                     objectName="personCallButton")
                button.clicked.connect(lambda _=False, p=person: self.call_person(p))
                person_call_buttons[(key, person.contact_id)] = button
                calls_box.addWidget(button, index // 2, 0, 1, 2)
                index += 2
        return person_call_buttons

    def report_targets(self, state: IncidentState) -> list[tuple[str, str]]:
        plans = self._controller.plans_of(state.id)
        keys = report_targets(plans, state.summary.level)
        return [(k, plans.role(k).name) for k in keys]

    def _fill_report(self, state: IncidentState) -> None:
        plans = self._controller.plans_of(state.id)
        level = plans.level(state.summary.level)
        rule = self.tr("{0}: report to {1} within {2}").format(
            level.short, plans.role(level.report_to).name,
            format_minutes(level.report_within_minutes))
        if level.report_within_minutes == 0:  # a hall whose documents say "立即"
            rule = self.tr("{0}: report to {1} at once").format(
                level.short, plans.role(level.report_to).name)
        if level.report_starts == "resolved":
            rule += self.tr(" (after handling is finished)")
        self.report_label.setText(rule)
        reported = state.reported_people()
        choices = self._report_choices(state)
        triggers = self._manual_triggers(state.id)
        shown = (tuple(choices), frozenset(reported), tuple(triggers))
        if shown == self._shown_report:
            return  # the same buttons would be built again
        self._shown_report = shown
        self._report_choices_shown = choices
        while self.report_box.count() > len(choices):  # the buttons are kept and relabelled
            self.report_box.takeAt(self.report_box.count() - 1).widget().deleteLater()
        while self.report_box.count() < len(choices):
            index = self.report_box.count()
            button = QPushButton(objectName="reportButton")
            button.clicked.connect(lambda _=False, i=index: self._report_pressed(i))
            self.report_box.addWidget(button)
        for index, choice in enumerate(choices):
            text = (self.tr("✓ Reported to {0}") if (choice.role_key, choice.person) in reported
                    else self.tr("Reported to {0}")).format(choice.label)
            if choice.number:  # the number to dial, under the name
                text += f"\n☎ {display_number(choice.number)}"
            button = self.report_box.itemAt(index).widget()
            button.setText(text)
            button.setProperty("person", choice.person)
        _clear(self.triggers_box)
        for trigger in triggers:
            button = QPushButton(self.tr("Mark: {0}").format(trigger), objectName="triggerButton")
            button.clicked.connect(
                lambda _=False, t=trigger: self.manual_trigger.emit(self.incident_id, t))
            self.triggers_box.addWidget(button)

    def _report_pressed(self, index: int) -> None:
        choice = self._report_choices_shown[index]
        self.report(choice.role_key, choice.person, choice.number)

    def _fill_timeline(self, state: IncidentState) -> None:
        """Newest first; entries are only ever added, so only the new ones are."""
        ids = tuple(e.id for e in state.entries)
        shown = self._shown_entries
        if ids[:len(shown)] != shown or not shown:
            self.timeline.clear()
            shown = ()
        zone = self._controller.clock.zone
        for entry in state.entries[len(shown):]:
            self.timeline.insertItem(0, f"{local_time(entry.at, zone)}  {entry_text(entry)}")
        self._shown_entries = ids

    def tick(self, state: IncidentState | None = None) -> None:
        if self.incident_id is None:
            return
        state = state or self._controller.state(self.incident_id)
        now = self._controller.clock.now()
        seconds = max(0, int((now - state.summary.started_at).total_seconds()))
        minutes, secs = divmod(seconds, 60)
        self.elapsed.setText(self.tr("Running {0}:{1:02d}").format(minutes, secs))
        cancellable = state.can_cancel(now)
        if cancellable:  # how long the undo stays open, in real seconds (a drill runs faster)
            window = state.summary.cancel_window
            left = (window - (now - state.summary.started_at)) / (window / CANCEL_WINDOW)
            mins, secs = divmod(max(0, int(left.total_seconds())), 60)
            self.cancel_button.setText(self.tr("Cancel (pressed by mistake)") +
                                       f"  {mins}:{secs:02d}")
        self.cancel_button.setVisible(cancellable)
        if self.answer.kind == "started" and not cancellable:
            self.answer.dismiss()  # its undo is no longer possible

    # -- acting ----------------------------------------------------------------------------
    def _tick_step(self, index: int, checked: bool) -> None:
        if not self._controller.set_step(self.incident_id, index, checked):
            self.refresh()  # refused: show what the record holds

    def toggle_step(self, index: int) -> None:
        if self.incident_id is not None and index < len(self.step_rows):
            self.step_rows[index].check.toggle()

    def call(self, role_key: str) -> str:
        """What the press did: "called", NO_NUMBER (recorded as such), "asked" (pressed again
        too soon) or "" (nothing recorded)."""
        return self._call(role_key)

    def call_person(self, person: Person) -> None:
        """Exactly who was called, on which number, goes into the record."""
        self._call(person.role_key, person.name, person.number)

    def _call(self, role_key: str, person: str = "", number: str = "", *,
              again: bool = False) -> str:
        """Record the call and show, at once, the number to dial and what was recorded; a
        role with no number on file says so (recorded as such, never as called); the same
        press again within REPEAT_WINDOW asks first. Returns what it did (see `call`)."""
        if self.incident_id is None:
            return ""
        dial = self._controller.number_to_dial(role_key, number)
        kind = "called" if dial else NO_NUMBER
        name = " ".join(p for p in (self._catalog.role(role_key).name, person) if p)
        if not again and self._asked_again(kind, role_key, person, name, lambda: self._call(
                role_key, person, number, again=True)):
            return "asked"
        if not self._controller.call(self.incident_id, role_key, person=person, number=number):
            return ""  # refused or failed: said elsewhere
        if dial:
            self.answer.answer("call", self.tr("Dial now: {0}").format(name),
                               number=display_number(dial),
                               detail=self.tr("Recorded: called {0} at {1}.").format(
                                   name, self._now_text()))
            return kind
        add = (self.tr("Add a number for {0}…").format(self._catalog.role(role_key).name),
               lambda: self.add_number(role_key)) if self._contacts is not None else None
        self.answer.answer(NO_NUMBER, self.tr("{0}: no number on file").format(name),
                           detail=self.tr("Recorded: no number on file for {0} at {1} — not "
                                          "called. Find the number elsewhere, or add it.").format(
                                              name, self._now_text()),
                           action=add)
        return kind

    def report(self, role_key: str, person: str = "", number: str = "", *,
               incident_id: int | None = None, again: bool = False) -> None:
        """Record a report to the incident shown (or `incident_id`: the read-out's, which
        may no longer be shown); the same report again within REPEAT_WINDOW asks first."""
        incident_id = incident_id if incident_id is not None else self.incident_id
        if incident_id is None:
            return
        name = " ".join(p for p in (self._catalog.role(role_key).name, person) if p)
        if not again and self._asked_again(
                "reported", role_key, person, name, lambda: self.report(
                    role_key, person, number, incident_id=incident_id, again=True),
                incident_id=incident_id):
            return
        if self._controller.report(incident_id, role_key, person=person, number=number):
            self.answer.answer("report", self.tr("✓ Reported to {0}").format(name),
                               number=display_number(number) if number else "",
                               detail=self.tr("Recorded at {0}.").format(self._now_text()))

    def _asked_again(self, kind: str, role_key: str, person: str, name: str,
                     again: Callable[[], None], *, incident_id: int | None = None) -> bool:
        """The same press was recorded moments ago: ask (inline) instead of recording it twice.
        Whether it asked."""
        state = self._controller.state(incident_id if incident_id is not None
                                       else self.incident_id)
        now = self._controller.clock.now()
        earlier = state.same_press_within(kind, role_key, person, now)
        if earlier is None:
            return False
        seconds = max(0, int((now - earlier.at).total_seconds()))
        self.answer.answer("again", self.tr("Already recorded {0} s ago: {1}").format(
            seconds, name), detail=self.tr("Pressed twice? Nothing more was recorded. If this "
                                           "is a second call, record it again."),
            action=(self.tr("Record it again"), again))
        return True

    def _now_text(self) -> str:
        return local_time(self._controller.clock.now(), self._controller.clock.zone, "%H:%M:%S")

    def add_number(self, role_key: str) -> None:
        """The contact editor, for someone holding the role; not modal: calls go on."""
        from ui.contacts.contact_dialog import ContactDialog  # built only when asked for

        if self._contacts is None:
            return
        dialog = ContactDialog(catalog=self._catalog, save=self._contacts.add, parent=self)
        dialog.role.setCurrentIndex(dialog.role.findData(role_key))
        dialog.setModal(False)
        dialog.finished.connect(lambda _result: self._contact_dialog_done(dialog))
        dialog.show()
        dialog.name.setFocus()
        self.contact_dialog = dialog

    def _contact_dialog_done(self, dialog: QWidget) -> None:
        """Saved or cancelled, the editor goes (one was left behind per "add a number")."""
        if self.contact_dialog is dialog:
            self.contact_dialog = None
        dialog.deleteLater()

    def escape(self) -> None:
        """Esc goes home, always (one key, one meaning), and puts the answer away with it."""
        self.answer.dismiss()
        self.back_requested.emit()

    def _started_here(self, incident_id: int) -> None:
        self._just_started = incident_id

    def _answer_started(self, state: IncidentState) -> None:
        """A press (or a key) started this incident: say which, with its undo at hand."""
        if not state.can_cancel(self._controller.clock.now()):
            return
        sit = self._catalog.situation(state.summary.situation_key)
        level = self._catalog.level(state.summary.level)
        self.answer.answer(
            "started", self.tr("Started: {0}").format(sit.name),
            detail=self.tr("{0} · {1}. Pressed by mistake? Cancel it within {2} minutes.").format(
                level.name, level.short, int(CANCEL_WINDOW.total_seconds() // 60)),
            action=(self.tr("Cancel: pressed by mistake"), self._undo_start))

    def _undo_start(self) -> None:
        """The answer's own undo: the press it names was the mistake (no second question)."""
        if self._controller.cancel(self.incident_id, self.tr("pressed by mistake")):
            self.back_requested.emit()

    def add_note(self) -> None:
        self._note_save.stop()  # the note itself replaces its draft
        if self._controller.note(self.incident_id, self.note.text()):
            self.note.clear()
            self.setFocus()  # the keys go back to the view: "1" ticks step 1 again
        else:
            self._save_note_draft()  # refused (e.g. too long): what was typed is kept

    def open_record(self) -> None:
        """The record of the incident shown, in one window built once and refilled (as the
        history does): the record shown before keeps what was typed for it, and no undo of
        it reaches this one. Pressed again for the same incident, the window is raised."""
        if self.incident_id is None:
            return
        if self.record_dialog is None:
            self.record_dialog = RecordDialog(
                service=self._records, operations=self._controller.operations,
                incident_id=self.incident_id, pdf=self._pdf, confirm=self._confirm,
                reports=self._reports, parent=self)
        else:
            self.record_dialog.show_record(self.incident_id)
        self.record_dialog.show_over(self)

    def open_reports(self) -> None:
        """The incident's formal reports upward, over this view (not modal)."""
        if self.incident_id is not None and self._reports is not None:
            self._reports.open(self.incident_id, self)

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
        who has since left the directory — or the role itself, told before anyone was
        entered for it — so a done report keeps its ✓ (from the timeline, after a restart)."""
        targets = self.report_targets(state)
        choices = report_choices(self._people, targets)
        names = dict(targets)
        offered = {(c.role_key, c.person) for c in choices}
        choices += [ReportChoice(role, f"{names[role]} {person}".strip(), person)
                    for role, person in sorted(state.reported_people())
                    if role in names and (role, person) not in offered]
        return choices

    def open_readout(self) -> None:
        state = self._controller.state(self.incident_id)
        targets = self._report_choices(state)
        text = compose_readout(self._catalog, state, self._controller.record_text(state.id),
                               zone=self._controller.clock.zone)
        self.readout_dialog = ReadoutDialog(
            text=text, targets=targets, can_share=self._controller.can_share_readout(),
            parent=self)
        incident_id = self.incident_id  # not modal: another incident may be shown by then
        self.readout_dialog.reported.connect(lambda role, person, number: self.report(
            role, person, number, incident_id=incident_id))  # a double press asks, as elsewhere
        self.readout_dialog.share_requested.connect(
            lambda role, person: self.share_readout(incident_id, role, person, text))
        self.readout_dialog.show_over(self)

    def share_readout(self, incident_id: int, role_key: str, person: str, text: str) -> None:
        """The read-out as shown, shared for the leader's 收到: its page as a QR code."""
        url = self._controller.share_readout(incident_id, role_key, person, text)
        if url is None:
            return
        if self.readout_dialog is not None:
            self.readout_dialog.accept()
        self.readout_qr = ReadoutQr(url=url, person=person, parent=self)
        self.readout_qr.show_over(self)

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
