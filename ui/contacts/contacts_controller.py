"""ContactsController: the directory screens' Qt side of the ContactService.

It keeps the directory in memory, read once per change, so the guided response can show the
people of a role at every paint without a query. Commands run through the desk's Operations;
whenever the directory changed (Changes.contacts), the memory is dropped and `changed` tells
every view to redraw.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from models.contacts import search
from models.documents import ContactSheet
from models.services.changes import Changes
from models.services.contacts import (
    ContactData,
    ContactRefused,
    ContactService,
    ContactView,
    ImportPreview,
    Person,
    RoleGroup,
)
from ui.common.operations import Operations

NOT_SAVED = {"contact": "not_saved"}


class ContactsController(QObject):
    changed = Signal()

    def __init__(self, *, service: ContactService, operations: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.catalog = service.catalog
        self.clock = service.clock
        self._ops = operations
        self._contacts: list[ContactView] | None = None
        self._people: dict[str, list[Person]] | None = None
        self._index: list[search.Entry] | None = None
        operations.changed.connect(self._on_changed)

    # -- reading (from memory) -------------------------------------------------------------
    @property
    def contacts(self) -> list[ContactView]:
        if self._contacts is None:
            self._contacts = self.service.contacts()
        return self._contacts

    def people(self, role_key: str) -> list[Person]:
        if self._people is None:
            self._people = self.service.people_by_role(self.contacts)
        return self._people.get(role_key, [])

    def search(self, query: str) -> list[ContactView]:
        if not query.strip():
            return list(self.contacts)
        if self._index is None:
            aliases = {r.key: r.aliases for r in self.catalog.roles}
            self._index = search.index(self.contacts, aliases)
        return search.search(self._index, query)

    def groups(self) -> list[RoleGroup]:
        """Our people first: 110, 119 and 120 are on the emergency screen already."""
        return self.service.groups(self.contacts)

    def sheet(self, hall: str) -> ContactSheet:
        return self.service.sheet(self.contacts, hall)

    def _on_changed(self, changes: Changes) -> None:
        if changes.contacts:
            self.reload()

    def reload(self) -> None:
        self._contacts = self._people = self._index = None
        self.changed.emit()

    # -- writing ---------------------------------------------------------------------------
    def add(self, data: ContactData) -> dict[str, str]:
        """Problems by field; empty when saved (or failed: the error path said so)."""
        return self._write(self.service.add, data)

    def edit(self, contact_id: int, data: ContactData) -> dict[str, str]:
        return self._write(self.service.edit, contact_id, data)

    def delete(self, contact_id: int) -> dict[str, str]:
        return self._write(self.service.delete, contact_id)

    def restore(self, contact_id: int) -> None:
        self._ops.run(self.service.restore, contact_id)

    def _write(self, command, *args) -> dict[str, str]:
        try:
            if self._ops.run(command, *args) is None:
                return dict(NOT_SAVED)  # failed: the error path said so; the dialog stays
        except ContactRefused as refused:
            return refused.problems
        return {}

    # -- files -----------------------------------------------------------------------------
    def preview_import(self, path: Path) -> ImportPreview:
        """Raises CsvRefused for a file that cannot be read."""
        return self.service.preview_import(path, self.contacts)

    def commit_import(self, preview: ImportPreview) -> tuple[int, int] | None:
        """(added, updated); None when it failed (the error path said so)."""
        if self._ops.run(self.service.commit_import, preview) is None:
            return None
        return self.service.import_counts(preview)

    def export_csv(self, path: Path) -> Path:
        return self.service.export_csv(path, self.contacts)
