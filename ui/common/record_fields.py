"""The record form's fields by name, in the desk's language: the form's labels, and the
names the timeline shows for "record saved: place, what happened"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from models.services.records import AFTERCARE_PREFIX

translate = QCoreApplication.translate


def field_labels(aftercare_items: Sequence[str]) -> list[tuple[str, str]]:
    """(key, label) for every field of the form, in the form's order."""
    labels = [
        ("happened_at", translate("RecordFields", "Happened at")),
        ("discovered_at", translate("RecordFields", "Discovered at")),
        ("reported_at", translate("RecordFields", "Reported at")),
        ("handled_at", translate("RecordFields", "Handled at")),
        ("place", translate("RecordFields", "Place")),
        ("reporter", translate("RecordFields", "Reported by")),
        ("handler", translate("RecordFields", "Handler")),
        ("description", translate("RecordFields", "What happened")),
        ("people", translate("RecordFields", "People involved (customers, staff, contacts)")),
        ("injuries", translate("RecordFields", "Injuries")),
        ("loss_amount", translate("RecordFields", "Loss (yuan)")),
        ("loss_items", translate("RecordFields", "Items lost or damaged")),
        ("evidence", translate("RecordFields", "Evidence kept (e.g. CCTV clip)")),
        ("evidence_keep_until", translate("RecordFields", "Evidence kept until")),
        ("actions", translate("RecordFields", "Actions taken")),
        ("result", translate("RecordFields", "Result")),
    ]
    labels += [(AFTERCARE_PREFIX + item, translate("RecordFields", "Aftercare: {0}").format(item))
               for item in aftercare_items]
    labels.append(("follow_up_on", translate("RecordFields", "Follow up on")))
    return labels


def field_label(key: str) -> str:
    """One field's label; an aftercare item is named by its own text."""
    if key.startswith(AFTERCARE_PREFIX):
        return translate("RecordFields", "Aftercare: {0}").format(key[len(AFTERCARE_PREFIX):])
    return dict(field_labels(())).get(key, key)
