"""RolesEditor: the roles of the draft (name, number) and the people behind each role; a
role of the hall's own added (its key made: hall_1...), a role removed that no step, deadline
or level names and no contact holds.

The people are the desk's contacts (a contact holds a role): they are edited in the
contacts screen, which the button opens searched for the role, not here a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.plans.catalog import Role
from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.common.people import People, no_people, person_text
from ui.plans.plan_editor_fields import DraftField, Save
from ui.plans.plan_editor_timers import new_key

KEY_ROLE = 256  # Qt.ItemDataRole.UserRole


class RolesEditor(QWidget):
    def __init__(self, *, save: Save, people: People = no_people,
                 show_people: Callable[[str, str], object] | None = None,
                 confirm: Confirm = ask_yes_no, changed: Callable[[], object] = lambda: None,
                 remove: Callable[[str], str] | None = None,
                 parent: QWidget | None = None) -> None:
        """`people`: role key -> the contacts holding it; `show_people(key, name)`: the
        contacts screen, searched for the role; `changed()`: a role was added or removed
        (set_roles is called again); `remove(key)`: "" when the role left the draft, else
        why not (by default the draft's own checks alone)."""
        super().__init__(parent)
        self.setObjectName("rolesEditor")
        self._save = save
        self._confirm = confirm
        self._changed = changed
        self._remove = remove or (lambda key: save(f"role.{key}", None))
        self._data: dict[str, dict] = {}
        self._hall_names: dict[str, str] = {}
        self.taken: set[str] = set()
        self._people = people
        self._show_people = show_people
        self.roles: list[Role] = []
        self.fields: dict[str, DraftField] = {}
        self.list = QListWidget(objectName="roleList")
        self.list.currentRowChanged.connect(self._show_role)
        self.add_button = QPushButton(self.tr("Add a role"), objectName="addRole")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove…"), objectName="removeRole")
        self.remove_button.clicked.connect(self.ask_remove)
        self.message = QLabel(objectName="rolesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.people_label = QLabel(objectName="rolePeople")
        self.people_label.setWordWrap(True)
        self.people_button = QPushButton(self.tr("Edit these people in Contacts…"),
                                         objectName="editRolePeople")
        self.people_button.clicked.connect(self.open_people)
        self.people_button.setEnabled(show_people is not None)
        hint = QLabel(self.tr("The people behind a role are the desk's contacts holding that "
                              "role; the guided response and the timers offer them."),
                      objectName="hintLabel")
        hint.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.form_box)
        right.addWidget(QLabel(self.tr("People"), objectName="sectionLabel"))
        right.addWidget(self.people_label)
        people_row = QHBoxLayout()
        people_row.addWidget(self.people_button)
        people_row.addStretch(1)
        right.addLayout(people_row)
        right.addWidget(hint)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        left.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)

    def set_roles(self, roles: list[Role], data: dict[str, dict],
                  taken: set[str] | None = None,
                  hall_names: dict[str, str] | None = None) -> None:
        """`data`: each role as the draft stores it, by key; `taken`: every role key of the
        draft (a new role's key is none of them); `hall_names`: the names the hall's kind
        gives roles (editions.toml, shipped): shown, and not edited in the draft."""
        self._data = data
        self._hall_names = dict(hall_names or {})
        self.taken = set(taken if taken is not None else data)
        row = max(self.list.currentRow(), 0)
        self.roles = list(roles)
        self.list.blockSignals(True)
        self.list.clear()
        for role in self.roles:
            name = self._hall_names.get(role.key, role.name)
            item = QListWidgetItem(name + (f"  {role.number}" if role.number else ""))
            item.setData(KEY_ROLE, role.key)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(self.roles) - 1))
        self._show_role(self.list.currentRow())

    def current(self) -> Role | None:
        row = self.list.currentRow()
        return self.roles[row] if 0 <= row < len(self.roles) else None

    def _show_role(self, row: int) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for field in self.fields.values():
            field.deleteLater()
        self.fields = {}
        role = self.current()
        if role is None:
            return
        stored = self._data.get(role.key, {})
        for name, kind, title in (("name", "text", self.tr("Name of the role")),
                                  ("number", "optional_text", self.tr("Public number"))):
            field = DraftField(where=f"role.{role.key}.{name}", kind=kind, save=self._save,
                               name=f"role_{name}", parent=self)
            field.load(stored.get(name))
            field.saved.connect(lambda _where, r=row: self._relabel(r))
            self.fields[name] = field
            self.form.addRow(title, field.box)
            field.box.show()  # at once, not when the layout gets round to it
        self.fields["number"].editor.setPlaceholderText(self.tr("e.g. 110, 95598 (optional)"))
        if hall_name := self._hall_names.get(role.key):
            self.fields["name"].editor.setReadOnly(True)
            self.fields["name"].editor.setText(hall_name)
            note = QLabel(self.tr("This kind of hall calls the role “{0}”: the name ships with "
                                  "the program (plans/editions.toml), so it is not changed in "
                                  "the draft.").format(hall_name), objectName="hintLabel")
            note.setWordWrap(True)
            self.form.addRow(note)
        people = self._people(role.key)
        self.people_label.setText("；".join(person_text(p) for p in people) if people else
                                  self.tr("Nobody in the contacts holds this role yet."))

    def _relabel(self, row: int) -> None:
        name, number = (self.fields[f].text().strip() for f in ("name", "number"))
        self.list.item(row).setText(name + (f"  {number}" if number else ""))

    # -- adding and removing -------------------------------------------------------------------
    def _say(self, problem: str) -> None:
        show_message(self.message, problem, ok=False)
        self.message.setVisible(bool(problem))

    def add(self) -> bool:
        """A role of the hall's own, chosen, its name ready to be written over."""
        key = new_key(self.taken)
        problem = self._save(f"role.{key}", {"key": key, "name": self.tr("New role")})
        self._say(problem)
        if problem:
            return False
        self._changed()
        self.choose(key)
        editor = self.fields["name"].editor
        editor.setFocus()
        editor.selectAll()
        return True

    def choose(self, key: str) -> None:
        keys = [r.key for r in self.roles]
        if key in keys:
            self.list.setCurrentRow(keys.index(key))

    def ask_remove(self) -> None:
        role = self.current()
        if role is None:
            return
        shown = self.fields["name"].text().strip() if "name" in self.fields else ""
        role = replace(role, name=shown or role.name)  # as just written, maybe not reloaded
        people = self._people(role.key)
        if people:
            self._say(self.tr("Not removed: {0} in the contacts hold the role “{1}”. Give them "
                              "another role first (Contacts).").format(
                "、".join(person_text(p) for p in people), role.name))
            return
        self._confirm(self, self.tr("Remove the role “{0}”?").format(role.name),
                      self.tr("The role “{0}” leaves the draft. The change is recorded; a "
                              "step, deadline or level that names it keeps it.")
                      .format(role.name), lambda: self.remove(role.key))

    def remove(self, key: str) -> bool:
        problem = self._remove(key)
        self._say(problem)
        if not problem:
            self._changed()
        return not problem

    def open_people(self) -> None:
        role = self.current()
        if role is not None and self._show_people is not None:
            shown = self.fields["name"].text().strip() if "name" in self.fields else ""
            self._show_people(role.key, shown or role.name)
