"""The quick note being typed, kept until Enter makes it a timeline note (response.add_note)."""

from __future__ import annotations

from datetime import datetime

from models.clock.clocks import to_db
from models.store.tables import NoteDraft


def save_note_draft(incident_id: int, text: str, now: datetime) -> None:
    """Keep what is typed; an emptied line leaves no draft."""
    if not text.strip():
        NoteDraft.delete().where(NoteDraft.incident == incident_id).execute()
        return
    NoteDraft.insert(incident=incident_id, text=text, saved_at=to_db(now)).on_conflict(
        conflict_target=[NoteDraft.incident],
        update={NoteDraft.text: text, NoteDraft.saved_at: to_db(now)}).execute()


def note_draft(incident_id: int) -> str:
    draft = NoteDraft.get_or_none(NoteDraft.incident == incident_id)
    return draft.text if draft else ""
