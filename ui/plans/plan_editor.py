"""PlanEditor: the supervisor's page for the hall's draft of its plans, inside the plans
screen (the header, the alarm, the timers and 110 / 119 / 120 stay in sight and usable).

Tabs: situations and their steps, deadlines and thresholds; roles and the people behind them;
levels and their reporting deadlines; the change log; approval and publishing. Each field
saves itself through the draft's checks (DraftField); the name at the top is recorded with
every change and act. A draft is never the desk's plans: only a published version is, from
the desk's next start.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import hall_time
from models.plans.catalog import Catalog
from models.services.plan_drafts import EditionScope, PlanDraftService
from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.people import People, no_people
from ui.plans.plan_editor_approval import ApprovalPanel
from ui.plans.plan_editor_levels import HallChain, LevelsEditor
from ui.plans.plan_editor_log import ChangeLog
from ui.plans.plan_editor_new_situation import NewSituationForm
from ui.plans.plan_editor_roles import RolesEditor
from ui.plans.plan_editor_session import DraftSession
from ui.plans.plan_editor_situation import SituationForm
from ui.plans.plan_editor_steps import StepsEditor
from ui.plans.plan_editor_words import status_text

KEY_ROLE = 256  # Qt.ItemDataRole.UserRole
NAME_MAX = 60


def _scrolled(page: QWidget) -> QScrollArea:
    """A tab that scrolls rather than making the editor taller than the screen area."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


class PlanEditor(QWidget):
    back_requested = Signal()

    def __init__(self, *, service: PlanDraftService, operations: Operations,
                 clerk: Callable[[], str] = str, people: People = no_people,
                 show_people: Callable[[str, str], object] | None = None,
                 confirm: Confirm = ask_yes_no, zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 parent: QWidget | None = None) -> None:
        """`clerk`: the clerk on duty, the editor's name until another is written."""
        super().__init__(parent)
        self.setObjectName("planEditor")
        self._clerk = clerk
        self.editor_name = QLineEdit(objectName="editorName")
        self.editor_name.setMaxLength(NAME_MAX)
        self.editor_name.setPlaceholderText(self.tr("Your name"))
        self.editor_name.setText(clerk())
        self.session = DraftSession(service=service, operations=operations,
                                    who=lambda: self.editor_name.text(), parent=self)
        self.catalog: Catalog | None = None
        self.scope: EditionScope | None = None  # the hall's edition of it; None: everything
        self.situation_form: SituationForm | None = None
        self.new_situation: NewSituationForm | None = None
        self._confirm = confirm

        self.back_button = QPushButton(self.tr("← Back to the plans"), objectName="backToPlans")
        self.back_button.clicked.connect(self.back_requested)
        self.summary = QLabel(objectName="draftSummary")
        self.summary.setMinimumWidth(100)  # one line: the page never grows taller for it
        self.start_button = QPushButton(self.tr("Start a draft from the plans in use"),
                                        objectName="startDraft")
        self.start_button.clicked.connect(self.start)
        self.message = QLabel(objectName="editorMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.situations = QListWidget(objectName="situationList")
        self.situations.currentRowChanged.connect(self._show_situation)
        self.add_situation_button = QPushButton(self.tr("Add a situation…"),
                                                objectName="addSituation")
        self.add_situation_button.clicked.connect(self.ask_new_situation)
        self.remove_situation_button = QPushButton(self.tr("Remove situation…"),
                                                   objectName="removeSituation")
        self.remove_situation_button.clicked.connect(self.ask_remove_situation)
        self.situation_scroll = QScrollArea(objectName="situationScroll")
        self.situation_scroll.setWidgetResizable(True)
        self.steps = StepsEditor(save=self.session.save, read=self.session.read,
                                 confirm=confirm, positions=self._step_positions)
        self.roles = RolesEditor(save=self.session.save, people=people,
                                 show_people=show_people, confirm=confirm,
                                 changed=self._refresh_tab,
                                 remove=self.session.remove_role)
        self.levels = LevelsEditor(save=self.session.save, read=self.session.read)
        self.log = ChangeLog(zone=zone)
        self.approval = ApprovalPanel(session=self.session, confirm=confirm, zone=zone)
        self.tabs = QTabWidget(objectName="editorTabs")
        self.tabs.addTab(self._situations_page(), self.tr("Situations and steps"))
        self.tabs.addTab(_scrolled(self.roles), self.tr("Roles and people"))
        self.tabs.addTab(_scrolled(self.levels), self.tr("Levels and reporting"))
        self.tabs.addTab(self.log, self.tr("Change log"))
        self.tabs.addTab(_scrolled(self.approval), self.tr("Approval and publishing"))
        self.pages = {"situations": 0, "roles": 1, "levels": 2, "log": 3, "approval": 4}
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        self.tabs.currentChanged.connect(lambda _i: self._say(""))

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.summary, 1)
        top.addWidget(self.start_button)
        top.addWidget(QLabel(self.tr("Edited by")))
        top.addWidget(self.editor_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.session.edited.connect(self._edited)
        self.session.moved.connect(self.reload)
        self.reload()

    def _situations_page(self) -> QWidget:
        left = QWidget(objectName="situationColumn")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.situations, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_situation_button)
        buttons.addWidget(self.remove_situation_button)
        column.addLayout(buttons)
        splitter = QSplitter(objectName="situationSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.situation_scroll)
        splitter.addWidget(self.steps)
        splitter.setSizes([220, 440, 560])
        splitter.setChildrenCollapsible(False)
        return splitter

    # -- showing -----------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if not self.editor_name.text():
            self.editor_name.setText(self._clerk())
        super().showEvent(event)

    def reload(self) -> None:
        """Everything again from the draft (started, submitted, published...)."""
        draft = self.session.draft()
        self.catalog = self.session.catalog()
        self.scope = self.session.scope(self.catalog)
        editing = draft is not None and draft.status == "editing"
        self.start_button.setVisible(draft is None)
        self.summary.setText(self._summary())
        for page in ("situations", "roles", "levels"):
            self.tabs.widget(self.pages[page]).setEnabled(editing)
        self._fill_situations()
        self._refresh_tab()

    def _summary(self) -> str:
        draft = self.session.draft()
        if draft is None:
            return self.tr("No draft: the desk runs the plans in use.")
        if draft.status == "editing":
            return self.tr("Draft #{0} ({1}): every field is checked and saved when you leave "
                           "it; the desk keeps running the plans in use.").format(
                draft.id, status_text(draft.status))
        return self.tr("Draft #{0} is {1}: withdraw it (Approval and publishing) to change it "
                       "again.").format(draft.id, status_text(draft.status))

    def _fill_situations(self) -> None:
        key = self.current_situation()
        self.situations.blockSignals(True)
        self.situations.clear()
        catalog = self.catalog
        if catalog is not None:
            for category in catalog.ordered_categories():
                for sit in catalog.situations_in(category.key):
                    if self.scope is not None and sit.key not in self.scope.situations:
                        continue  # another kind of hall's
                    item = QListWidgetItem(f"{sit.name}")
                    item.setToolTip(category.name)
                    item.setData(KEY_ROLE, sit.key)
                    self.situations.addItem(item)
        self.situations.blockSignals(False)
        keys = [self.situations.item(i).data(KEY_ROLE) for i in range(self.situations.count())]
        self.situations.setCurrentRow(keys.index(key) if key in keys else 0)
        self._show_situation(self.situations.currentRow())

    def current_situation(self) -> str:
        item = self.situations.currentItem()
        return item.data(KEY_ROLE) if item is not None else ""

    def show_situation(self, key: str) -> None:
        for row in range(self.situations.count()):
            if self.situations.item(row).data(KEY_ROLE) == key:
                self.situations.setCurrentRow(row)
                return

    def _clear_situation(self) -> None:
        for form in (self.situation_form, self.new_situation):
            if form is not None:
                form.deleteLater()
        self.situation_form = self.new_situation = None
        self.situation_scroll.takeWidget()

    def _levels(self) -> list[tuple[int, str]]:
        return [(lv.level, lv.name) for lv in self.catalog.levels] if self.catalog else []

    def _say(self, problem: str) -> None:
        """A refusal above the tabs, until the supervisor turns to something else."""
        show_message(self.message, problem, ok=False)
        self.message.setVisible(bool(problem))

    def _show_situation(self, row: int) -> None:
        self._say("")
        self._clear_situation()
        item = self.situations.item(row)
        if item is None or self.catalog is None:
            return
        key = item.data(KEY_ROLE)
        scope = self.scope
        self.situation_form = SituationForm(
            key=key, data=self.session.read(f"situation.{key}") or {}, levels=self._levels(),
            save=self.session.save, confirm=self._confirm,
            timers=None if scope is None else scope.timers.get(key, ()),
            thresholds=None if scope is None else scope.thresholds.get(key, ()),
            about=None if scope is None else scope.about.get(key, ()),
            titles={source.key: source.title for source in self.catalog.sources},
            changed=self._situation_changed)
        self.situation_form.fields["name"].saved.connect(
            lambda _w: item.setText(self.situation_form.fields["name"].text().strip()))
        self.situation_scroll.setWidget(self.situation_form)
        self.steps.set_situation(key, self._role_names())

    def _situation_changed(self, focus: str) -> None:
        """A deadline or threshold added or removed: the form again, the new row's first
        field in sight with the focus (`focus`: its path; "" for none)."""
        self._show_situation(self.situations.currentRow())
        field = self.situation_form.fields.get(focus) if self.situation_form else None
        if field is not None:
            field.editor.setFocus()
            field.editor.selectAll()
            self._in_sight(field.box)

    def _in_sight(self, box: QWidget) -> None:
        """Scrolled to `box`, the new form laid out first: until its layout requests are
        handled every row is at the top and the scroll range is nil, so it went nowhere."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.situation_scroll.ensureWidgetVisible(box)

    # -- adding and removing situations ---------------------------------------------------------
    def ask_new_situation(self) -> None:
        """The form of a new situation in place of the chosen one's."""
        if self.catalog is None:
            return
        self._clear_situation()
        self.steps.set_situation("", self._role_names())
        self.new_situation = NewSituationForm(
            save=self.session.save, levels=self._levels(),
            categories=[(c.key, c.name) for c in self.catalog.ordered_categories()],
            taken={s.key for s in self.catalog.situations}, **self._models(),
            shown=[(s.name, s.short) for s in self.catalog.situations
                   if self.scope is None or s.key in self.scope.situations])
        self.new_situation.added.connect(self._situation_added)
        self.new_situation.cancelled.connect(
            lambda: self._show_situation(self.situations.currentRow()))
        self.situation_scroll.setWidget(self.new_situation)
        self.new_situation.name.setFocus()

    def _models(self) -> dict:
        """What a new situation may copy: with an edition, the situations of other halls'
        documents (none of the hall's own), with the roles and situations the hall runs."""
        if self.scope is None:
            return {}
        models = [s for s in self.catalog.situations
                  if s.sources and s.key not in self.scope.situations]
        return {"models": models, "roles": self.scope.roles, "runs": self.scope.situations}

    def _situation_added(self, key: str) -> None:
        self._fill_situations()
        self.show_situation(key)

    def ask_remove_situation(self) -> None:
        item = self.situations.currentItem()
        if item is None:
            return
        key, name = item.data(KEY_ROLE), item.text()
        self._confirm(self, self.tr("Remove the situation “{0}”?").format(name),
                      self.tr("The situation “{0}” and all its steps, deadlines and thresholds "
                              "leave the draft. The change is recorded; a drill scenario or a "
                              "step that switches to it keeps it.").format(name),
                      lambda: self.remove_situation(key))

    def remove_situation(self, key: str) -> bool:
        problem = self.session.remove_situation(key)
        if not problem:
            self._fill_situations()
        self._say(problem)  # after: showing another situation clears the message
        return not problem

    def _step_positions(self, key: str) -> tuple[int, ...] | None:
        """The library positions of the steps the hall's edition takes in situation `key`."""
        return None if self.scope is None else self.scope.steps.get(key, ())

    def _roles(self) -> list:
        """The roles of the draft the hall's edition has (by the names the draft gives), and
        the hall's own (of no document, shown to every hall until a step names them)."""
        roles = self.catalog.roles if self.catalog else ()
        return [r for r in roles if self.scope is None or r.key in self.scope.roles
                or not r.source]

    def _role_names(self) -> dict[str, str]:
        """The roles' names as the hall's desk shows them."""
        if self.catalog is None:
            return {}
        return {**{r.key: r.name for r in self.catalog.roles}, **self._hall_names()}

    def _hall_names(self) -> dict[str, str]:
        """The names the hall's kind gives library roles: its own word for one, or the name
        of the role that stands in for it (editions.toml role_names, played_by)."""
        edition = self.session.service.edition
        if edition is None or self.catalog is None:
            return {}
        library = {r.key: r.name for r in self.catalog.roles}
        names = dict(edition.role_names)
        for role, by in edition.played_by:
            names[role] = names.get(by) or library.get(by, by)
        return names

    def show_page(self, page: str) -> None:
        self.tabs.setCurrentIndex(self.pages[page])

    def _refresh_tab(self) -> None:
        page = self.tabs.currentIndex()
        if page == self.pages["roles"] and self.catalog is not None:
            roles = self._roles()
            self.roles.set_roles(roles, {r.key: self.session.read(f"role.{r.key}") or {}
                                         for r in roles},
                                 taken={r.key for r in self.catalog.roles},
                                 hall_names=self._hall_names())
        elif page == self.pages["levels"] and self.catalog is not None:
            self.levels.set_levels(self._levels(), self._role_names(), self._hall_chain())
        elif page == self.pages["log"]:
            self.log.set_changes(self.session.changes(), self.session.names())
        elif page == self.pages["approval"]:
            self.approval.refresh()

    def _hall_chain(self) -> HallChain | None:
        """The reporting chain of the hall's edition (None: the library's, edited here)."""
        edition = self.session.service.edition
        if edition is None or self.catalog is None:
            return None
        cut = self.session.service.in_edition(self.catalog)
        return HallChain(name=edition.name, levels={lv.level: lv for lv in cut.levels},
                         roles={r.key: r.name for r in cut.roles},
                         own_handling=frozenset(c.level for c in edition.chain
                                                if c.handled_by))

    def _edited(self) -> None:
        """A field saved: the draft's plans as they now are (role names for the steps)."""
        self.catalog = self.session.catalog()
        self.scope = self.session.scope(self.catalog)
        self.steps.roles = self._role_names()
        if self.tabs.currentIndex() == self.pages["log"]:
            self._refresh_tab()

    # -- the draft ---------------------------------------------------------------------------
    def start(self) -> bool:
        problem = self.session.start()
        self._say(problem)
        return not problem
