"""ContactDialog: add or edit one contact; problems appear beside their fields and nothing
typed is lost while they are put right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.contacts.phones import check_number
from models.plans.catalog import Catalog
from models.services.contacts import LIMITS, MAX_PHONES, OTHER_ROLE, ContactData, Phone
from ui.contacts.contact_problems import field_problem, phone_problem

Save = Callable[[ContactData], dict[str, str]]  # problems by field; empty when saved
LABELS = ("手机", "办公电话", "值班电话", "座机", "服务电话")


class ContactDialog(QDialog):
    def __init__(self, *, catalog: Catalog, save: Save, contact: ContactData | None = None,
                 delete: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        self.resize(760, 640)
        self._catalog = catalog
        self._save = save
        self.errors: dict[str, QLabel] = {}
        self.name = QLineEdit(objectName="contactName")
        self.name.setMaxLength(LIMITS["name"] + 1)
        self.role = QComboBox(objectName="contactRole")
        for role in catalog.roles:
            self.role.addItem(role.name, role.key)
        self.role.addItem(self.tr("Other (no plan role)"), OTHER_ROLE)
        self.organisation = QLineEdit(objectName="contactOrganisation")
        self.numbers: list[QLineEdit] = []
        self.labels: list[QComboBox] = []
        self.available_24h = QCheckBox(self.tr("Reachable 24 hours"), objectName="contact24h")
        self.outside = QCheckBox(self.tr("Outside number (not our staff)"),
                                 objectName="contactOutside")
        self.on_duty = QLineEdit(objectName="contactOnDuty")
        self.on_duty.setPlaceholderText(self.tr("e.g. weekdays 8:30-17:30; nights: duty phone"))
        self.notes = QPlainTextEdit(objectName="contactNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for key, label, editor in (("name", self.tr("Name"), self.name),
                                   ("role", self.tr("Role in the plans"), self.role),
                                   ("organisation", self.tr("Organisation / department"),
                                    self.organisation)):
            row = self._add_row(grid, row, key, label, editor)
        for index in range(MAX_PHONES):
            row = self._add_row(grid, row, f"phone{index}",
                                self.tr("Phone {0}").format(index + 1), self._phone_line(index))
        row = self._add_row(grid, row, "phones", "", self.available_24h)
        grid.addWidget(self.outside, row, 1)
        row += 1
        row = self._add_row(grid, row, "on_duty", self.tr("On duty (hours, duty phone)"),
                           self.on_duty)
        self._add_row(grid, row, "notes", self.tr("Notes"), self.notes)

        self.save_button = QPushButton(self.tr("Save") + "  Ctrl+S", objectName="saveContact")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"), objectName="cancelContact")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete this contact"),
                                         objectName="deleteContact")
        self.delete_button.setVisible(delete is not None)
        if delete is not None:
            self.delete_button.clicked.connect(delete)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._outside_touched = False
        self.outside.clicked.connect(lambda: setattr(self, "_outside_touched", True))
        self.role.currentIndexChanged.connect(self._role_changed)
        self._fill(contact or ContactData())

    def _add_row(self, grid: QGridLayout, row: int, key: str, label: str,
                 editor: QWidget) -> int:
        grid.addWidget(QLabel(label, objectName="fieldLabel"), row, 0)
        grid.addWidget(editor, row, 1)
        error = QLabel(objectName="fieldError")
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        grid.addWidget(error, row + 1, 1)
        return row + 2

    def _phone_line(self, index: int) -> QWidget:
        label = QComboBox(objectName=f"phoneLabel{index}")
        label.setEditable(True)
        label.addItems(("", *LABELS))
        label.lineEdit().setMaxLength(LIMITS["label"])
        label.lineEdit().setPlaceholderText(self.tr("Label"))
        number = QLineEdit(objectName=f"phoneNumber{index}")
        number.setPlaceholderText(self.tr("e.g. 138 0013 8000, 0755-1234567 ext 123, 95598"))
        number.editingFinished.connect(lambda i=index: self._check_phone(i))
        self.labels.append(label)
        self.numbers.append(number)
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(label)
        line.addWidget(number, 1)
        return box

    def _fill(self, contact: ContactData) -> None:
        self.name.setText(contact.name)
        index = self.role.findData(contact.role_key)
        self.role.setCurrentIndex(index if index >= 0 else self.role.count() - 1)
        self.organisation.setText(contact.organisation)
        for phone, label, number in zip(contact.phones, self.labels, self.numbers, strict=False):
            label.setCurrentText(phone.label)
            number.setText(phone.number)
        self.available_24h.setChecked(contact.available_24h)
        self.outside.setChecked(contact.outside)
        self._outside_touched = contact != ContactData()  # an existing contact keeps its mark
        self.on_duty.setText(contact.on_duty)
        self.notes.setPlainText(contact.notes)

    def _role_changed(self) -> None:
        key = self.role.currentData()
        if not self._outside_touched and key:
            self.outside.setChecked(self._catalog.role(key).outside)

    # -- saving ----------------------------------------------------------------------------
    def data(self) -> ContactData:
        """What is in the form, as typed."""
        return ContactData(
            name=self.name.text(), role_key=self.role.currentData(),
            organisation=self.organisation.text(),
            phones=tuple(Phone(label.currentText(), number.text())
                         for label, number in zip(self.labels, self.numbers, strict=True)),
            available_24h=self.available_24h.isChecked(), on_duty=self.on_duty.text(),
            notes=self.notes.toPlainText(), outside=self.outside.isChecked())

    def submit(self) -> None:
        problems = self._save(self.data())
        self.show_problems(problems)
        if not problems:
            self.accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, label in self.errors.items():
            code = problems.get(key) or problems.get(key.replace("phone", "label"))
            label.setText(field_problem(key, code) if code else "")
            label.setVisible(bool(code))
        for key in problems:
            if key in self.errors:
                self._focus(key)
                break

    def _focus(self, key: str) -> None:
        editors = {"name": self.name, "role": self.role, "organisation": self.organisation,
                   "on_duty": self.on_duty, "notes": self.notes, "phones": self.numbers[0]}
        editors.update({f"phone{i}": n for i, n in enumerate(self.numbers)})
        editors[key].setFocus()

    def _check_phone(self, index: int) -> None:
        """Say at once what is wrong with a number just typed (it is stored only on save)."""
        text = self.numbers[index].text()
        problem = check_number(text).problem if text.strip() else ""
        error = self.errors[f"phone{index}"]
        error.setText(phone_problem(problem) if problem else "")
        error.setVisible(bool(problem))
