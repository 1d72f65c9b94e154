"""ContactsController: the widgets' one door to the directory.

It keeps the directory in memory, read once per change, so the guided response can show the
people of a role at every paint without a query; `changed` tells every view to redraw.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models.clock.clocks import Clock
from models.contacts import csv_import, directory, search
from models.contacts.csv_import import ImportPreview
from models.contacts.directory import ContactData, ContactRefused, ContactView, Person
from models.documents import ContactSheet
from models.plans.catalog import Catalog


class ContactsController(QObject):
    changed = Signal()

    def __init__(self, *, catalog: Catalog, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.clock = clock
        self._contacts: list[ContactView] | None = None
        self._people: dict[str, list[Person]] | None = None
        self._index: list[search.Entry] | None = None

    # -- reading (from memory) -------------------------------------------------------------
    @property
    def contacts(self) -> list[ContactView]:
        if self._contacts is None:
            self._contacts = directory.list_contacts(self.catalog)
        return self._contacts

    def people(self, role_key: str) -> list[Person]:
        if self._people is None:
            self._people = directory.people_by_role(self.catalog, self.contacts)
        return self._people.get(role_key, [])

    def search(self, query: str) -> list[ContactView]:
        if not query.strip():
            return list(self.contacts)
        if self._index is None:
            aliases = {r.key: r.aliases for r in self.catalog.roles}
            self._index = search.index(self.contacts, aliases)
        return search.search(self._index, query)

    def groups(self) -> list[directory.RoleGroup]:
        """Our people first: 110, 119 and 120 are on the emergency screen already."""
        return directory.group_by_role(self.catalog, self.contacts, outside_first=False)

    def sheet(self, hall: str) -> ContactSheet:
        return directory.contact_sheet(self.catalog, self.contacts, hall=hall,
                                      printed_at=self.clock.now())

    def reload(self) -> None:
        self._contacts = self._people = self._index = None
        self.changed.emit()

    # -- writing ---------------------------------------------------------------------------
    def add(self, data: ContactData) -> dict[str, str]:
        """Problems by field; empty when saved."""
        return self._write(directory.add_contact, self.catalog, data)

    def edit(self, contact_id: int, data: ContactData) -> dict[str, str]:
        return self._write(directory.edit_contact, self.catalog, contact_id, data)

    def delete(self, contact_id: int) -> dict[str, str]:
        return self._write(directory.delete_contact, contact_id, self.clock.now())

    def restore(self, contact_id: int) -> None:
        directory.restore_contact(contact_id)
        self.reload()

    def _write(self, action, *args) -> dict[str, str]:
        try:
            action(*args)
        except ContactRefused as refused:
            return refused.problems
        self.reload()
        return {}

    # -- files -----------------------------------------------------------------------------
    def preview_import(self, path: Path) -> ImportPreview:
        """Raises CsvRefused for a file that cannot be read."""
        return csv_import.preview_import(self.catalog, path, self.contacts)

    def commit_import(self, preview: ImportPreview) -> tuple[int, int]:
        try:
            return csv_import.commit_import(self.catalog, preview)
        finally:
            self.reload()

    def export_csv(self, path: Path) -> Path:
        return csv_import.export_csv(path, self.contacts)
