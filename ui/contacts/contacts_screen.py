"""ContactsScreen (F3): the directory, searched as the clerk types, grouped by plan role.

A press on a number copies it. Supervisors add, edit and delete contacts, import and export
CSV, and print the wall sheet. Rows are built once per change of the directory; typing only
shows and hides them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.contacts import search
from models.contacts.phones import display_number
from models.services.contacts import ContactRefused, CsvRefused, RoleGroup
from ui.common.ask import Confirm, ask_yes_no
from ui.common.export_bar import PRINT_KEY, ExportBar
from ui.common.file_dialogs import Chosen, ask_open_file, ask_save_file
from ui.common.over_screen import one_at_a_time, show_over_screen
from ui.common.pdf_export import PdfTools
from ui.common.pdf_jobs import contact_sheet_job
from ui.contacts.contact_dialog import ContactDialog
from ui.contacts.contact_problems import csv_problem, field_problem
from ui.contacts.contact_row import ContactRow
from ui.contacts.contacts_controller import ContactsController
from ui.contacts.import_preview_dialog import ImportPreviewDialog

COPIED_MS = 2500


def ask_open_csv(parent: QWidget | None, title: str, then: Chosen) -> object:
    return ask_open_file(parent, title, "CSV (*.csv *.txt);;* (*)", then)


def ask_save_csv(parent: QWidget | None, title: str, suggested: str, then: Chosen) -> object:
    return ask_save_file(parent, title, suggested, ".csv", then)


class ContactsScreen(QWidget):
    def __init__(self, *, controller: ContactsController, pdf: PdfTools,
                 hall: Callable[[], str] = str,
                 confirm: Confirm = ask_yes_no,
                 open_csv: Callable[[QWidget, str, Chosen], object] = ask_open_csv,
                 save_csv: Callable[[QWidget, str, str, Chosen], object] = ask_save_csv,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsScreen")
        self._controller = controller
        self._hall = hall
        self._confirm = confirm
        self._open_csv, self._save_csv = open_csv, save_csv
        self._pdf = pdf
        self.export_bar = ExportBar(tools=pdf)
        self.dialog: ContactDialog | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.rows: list[ContactRow] = []
        self._groups: list[list[ContactRow]] = []
        self._stale = True
        self.warm_up: threading.Thread | None = None

        self.search = QLineEdit(objectName="contactsSearch")
        self.search.setPlaceholderText(self.tr(
            "Search: name, role, organisation, number or pinyin initials (zs = 张三)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.copy_first)
        self.add_button = self._button(self.tr("New contact") + "  Ctrl+N", "addContact",
                                       self.open_new)
        self.import_button = self._button(self.tr("Import CSV"), "importContacts",
                                          self.import_csv)
        self.export_button = self._button(self.tr("Export CSV"), "exportContacts",
                                          self.export_csv)
        self.sheet_button = self._button(self.tr("Contact sheet PDF"), "saveContactSheet",
                                         self.save_sheet)
        self.print_button = self._button(self.tr("Print contact sheet"), "printContacts",
                                         self.print_sheet)
        self.print_button.setShortcut(PRINT_KEY)
        self.hint = QLabel(self.tr("Press a number to copy it. Enter in the search copies the "
                                   "first number shown."), objectName="hintLabel")
        self.message = QLabel(objectName="contactsMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.empty = QLabel(objectName="contactsEmpty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.list_box = QWidget(objectName="contactsList")
        self.list_layout = QVBoxLayout(self.list_box)
        self.list_layout.setSpacing(4)
        self.scroll = QScrollArea(objectName="contactsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list_box)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.add_button, self.import_button, self.export_button,
                       self.sheet_button, self.print_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.export_bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.open_new)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.setInterval(COPIED_MS)
        self._copied.timeout.connect(self._unmark_copied)
        controller.changed.connect(self._directory_changed)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self._stale:
            first = not self.rows
            self.rebuild()
            if first:  # the pinyin tables load off the GUI thread before the first letter
                self.warm_up = threading.Thread(target=search.warm_up, daemon=True)
                self.warm_up.start()
        self.search.setFocus()
        super().showEvent(event)

    def _directory_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.rebuild()

    def rebuild(self) -> None:
        """Rows for the whole directory, by role; the search then shows and hides them."""
        self._stale = False
        while self.list_layout.count():
            item = self.list_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows, self._groups = [], []
        for group in self._controller.groups():
            title = self._group_title(group)
            self._groups.append([self._row(c, title) for c in group.contacts])
        self.list_layout.addStretch(1)
        self.apply_filter()

    def _group_title(self, group: RoleGroup) -> str:
        return group.role_name or self.tr("Other")

    def _row(self, contact, role_title: str) -> ContactRow:
        row = ContactRow(contact, role_title)
        row.copy_requested.connect(self.copy_number)
        row.edit_requested.connect(self.open_edit)
        self.list_layout.addWidget(row)
        self.rows.append(row)
        return row

    def apply_filter(self) -> None:
        query = self.search.text()
        found = {c.id for c in self._controller.search(query)}
        for rows in self._groups:
            first = True
            for row in rows:
                shown = row.contact.id in found
                row.setVisible(shown)
                row.show_role(shown and first)
                first = first and not shown
        if not self.rows:
            self.empty.setText(self.tr("The directory is empty. Add contacts with “New "
                                       "contact”, or import a CSV file."))
        else:
            self.empty.setText(self.tr("Nothing found for “{0}”. Search by name, role, "
                                       "organisation, number or pinyin initials.").format(query))
        self.empty.setVisible(not found)

    def visible_names(self) -> list[str]:
        return [row.contact.name for row in self.rows if not row.isHidden()]

    # -- copying ---------------------------------------------------------------------------
    def copy_number(self, name: str, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.show_message(self.tr("Copied {0}: {1}. Paste it into the phone software, or dial "
                                  "it.").format(name, display_number(number)))
        self._unmark_copied()
        for row in self.rows:
            for button in row.copy_buttons:
                if row.contact.name == name and button.property("number") == number:
                    self._mark(button, True)
        self._copied.start()

    def copy_first(self) -> None:
        """Enter in the search copies the first number of the first contact shown."""
        for row in self.rows:
            if not row.isHidden() and row.copy_buttons:
                row.copy_buttons[0].click()
                return

    def _unmark_copied(self) -> None:
        for row in self.rows:
            for button in row.copy_buttons:
                if button.property("copied"):
                    self._mark(button, False)

    @staticmethod
    def _mark(button: QPushButton, copied: bool) -> None:
        button.setProperty("copied", copied)
        button.style().unpolish(button)
        button.style().polish(button)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- editing ---------------------------------------------------------------------------
    def open_new(self) -> None:
        self._open_dialog(None)

    def open_edit(self, contact_id: int) -> None:
        self._open_dialog(contact_id)

    def _open_dialog(self, contact_id: int | None) -> None:
        contact = next((c for c in self._controller.contacts if c.id == contact_id), None)
        save = (self._controller.add if contact is None
                else partial(self._controller.edit, contact.id))
        delete = partial(self.delete, contact.id) if contact else None
        self.dialog = ContactDialog(catalog=self._controller.catalog, save=save, delete=delete,
                                    contact=contact.as_data() if contact else None, parent=self)
        self.dialog.accepted.connect(lambda: self.show_message(
            self.tr("Saved: {0}.").format(self.dialog.name.text().strip())))
        one_at_a_time(self.dialog)
        show_over_screen(self.dialog, self)  # not modal: the alarm and the bar stay usable

    def delete(self, contact_id: int) -> None:
        contact = next((c for c in self._controller.contacts if c.id == contact_id), None)
        if contact is None:
            return
        self._confirm(self, self.tr("Delete {0}?").format(contact.name),
                      self.tr("{0} leaves the directory. Incidents that recorded a call "
                              "to {0} keep showing the name and number.").format(contact.name),
                      lambda: self._delete_now(contact))

    def _delete_now(self, contact) -> None:
        problems = self._controller.delete(contact.id)
        self.show_message(field_problem("contact", problems["contact"]) if problems
                          else self.tr("Deleted: {0}.").format(contact.name))
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()

    # -- files -----------------------------------------------------------------------------
    def import_csv(self) -> None:
        """Ask for the file (the dialog blocks nothing), then preview what it would change."""
        self._open_csv(self, self.tr("Import contacts from a CSV file"), self._preview_import)

    def _preview_import(self, path: Path) -> None:
        try:
            preview = self._controller.preview_import(path)
        except CsvRefused as refused:
            self.show_message(csv_problem(refused))
            return
        names = {r.key: r.name for r in self._controller.catalog.roles}
        self.preview_dialog = ImportPreviewDialog(preview=preview, role_names=names, parent=self)
        self.preview_dialog.accepted.connect(self._commit_import)
        self.preview_dialog.rejected.connect(
            lambda: self.show_message(self.tr("Import cancelled: nothing was changed.")))
        self.preview_dialog.open()

    def _commit_import(self) -> None:
        try:
            counts = self._controller.commit_import(self.preview_dialog.preview)
        except ContactRefused:
            self.show_message(self.tr("The directory changed while the file was checked; "
                                      "nothing was imported. Import the file again."))
            return
        if counts is None:
            return  # failed: the error path said so, nothing was imported
        added, updated = counts
        self.show_message(self.tr("Imported: {0} new, {1} changed.").format(added, updated))

    def export_csv(self) -> None:
        self._save_csv(self, self.tr("Export the directory as CSV"), "通讯录.csv",
                       self._export_to)

    def _export_to(self, path: Path) -> None:
        try:
            self._controller.export_csv(path)
        except CsvRefused as refused:
            self.show_message(csv_problem(refused))
            return
        self.show_message(self.tr("Exported {0} contacts to {1}.").format(
            len(self._controller.contacts), str(path)))

    def save_sheet(self) -> None:
        self.export_bar.save(contact_sheet_job(self._controller.sheet(self._hall()), self._pdf))

    def print_sheet(self) -> None:
        self.export_bar.print(contact_sheet_job(self._controller.sheet(self._hall()), self._pdf))
