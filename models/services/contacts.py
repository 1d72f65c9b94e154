"""ContactService: the directory — list, group, people by role, the contact sheet — and its
changes: add, edit, delete, restore, CSV import. Commands return `Changes`; a refusal raises
ContactRefused (problems by field) or CsvRefused and changes nothing."""

from __future__ import annotations

from pathlib import Path

from models.clock.clocks import Clock
from models.contacts import csv_import, directory
from models.contacts.csv_import import MAX_BYTES, MAX_ROWS, CsvRefused, ImportPreview, ImportRow
from models.contacts.directory import (
    LIMITS,
    MAX_PHONES,
    OTHER_ROLE,
    ContactData,
    ContactRefused,
    ContactView,
    Person,
    Phone,
    RoleGroup,
)
from models.documents import ContactSheet
from models.plans.catalog import Catalog
from models.services.changes import Changes, command

__all__ = ["LIMITS", "MAX_BYTES", "MAX_PHONES", "MAX_ROWS", "OTHER_ROLE", "ContactData",
           "ContactRefused", "ContactService", "ContactView", "CsvRefused", "ImportPreview",
           "ImportRow", "Person", "Phone", "RoleGroup"]

CHANGED = Changes(contacts=True)


class ContactService:
    def __init__(self, *, catalog: Catalog, clock: Clock) -> None:
        self.catalog = catalog
        self.clock = clock

    # -- queries ---------------------------------------------------------------------------
    def contacts(self) -> list[ContactView]:
        return directory.list_contacts(self.catalog)

    def people_by_role(self, contacts: list[ContactView]) -> dict[str, list[Person]]:
        return directory.people_by_role(self.catalog, contacts)

    def groups(self, contacts: list[ContactView]) -> list[RoleGroup]:
        """Our people first: 110, 119 and 120 are on the emergency screen already."""
        return directory.group_by_role(self.catalog, contacts, outside_first=False)

    def sheet(self, contacts: list[ContactView], hall: str) -> ContactSheet:
        return directory.contact_sheet(self.catalog, contacts, hall=hall,
                                      printed_at=self.clock.now())

    def preview_import(self, path: Path, contacts: list[ContactView]) -> ImportPreview:
        """Raises CsvRefused for a file that cannot be read."""
        return csv_import.preview_import(self.catalog, path, contacts)

    @staticmethod
    def import_counts(preview: ImportPreview) -> tuple[int, int]:
        """(added, updated) when the preview is imported."""
        updated = sum(1 for row in preview.importable
                      if row.action == "update" and row.existing_id is not None)
        return len(preview.importable) - updated, updated

    def export_csv(self, path: Path, contacts: list[ContactView]) -> Path:
        """The directory as a CSV file (a file written; nothing stored changes)."""
        return csv_import.export_csv(path, contacts)

    # -- commands --------------------------------------------------------------------------
    @command(CHANGED)
    def add(self, data: ContactData) -> Changes:
        directory.add_contact(self.catalog, data)
        return CHANGED

    @command(CHANGED)
    def edit(self, contact_id: int, data: ContactData) -> Changes:
        directory.edit_contact(self.catalog, contact_id, data)
        return CHANGED

    @command(CHANGED)
    def delete(self, contact_id: int) -> Changes:
        directory.delete_contact(contact_id, self.clock.now())
        return CHANGED

    @command(CHANGED)
    def restore(self, contact_id: int) -> Changes:
        directory.restore_contact(contact_id)
        return CHANGED

    @command(CHANGED)
    def commit_import(self, preview: ImportPreview) -> Changes:
        """All the importable rows or none (see import_counts for how many)."""
        csv_import.commit_import(self.catalog, preview)
        return CHANGED
