"""Photos, video and files of a drill evaluation, kept by reference: the file's path, size
and SHA-256 (models.drills.file_hashes, hashed off the GUI thread) in a journal entry
`attachment` that `follows` the evaluation. The file is not copied into the database;
opening or printing the evaluation checks each file again and says when one has changed or
gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.drills import evaluation as evaluations
from models.drills.file_hashes import AttachmentRefused, Hashed, hash_file, kind_of
from models.drills.file_hashes import file_state as _file_state
from models.journal import book

KIND = "attachment"
NOTE_MAX = 500
__all__ = ["Attachment", "AttachmentRefused", "Hashed", "attach", "attachments", "file_state",
           "hash_file", "kind_of"]


@dataclass(frozen=True)
class Attachment:
    id: int
    evaluation: int
    path: str
    name: str
    kind: str  # photo, video, file
    size: int
    sha256: str
    note: str
    at: datetime


def attach(evaluation_id: int, hashed: Hashed, note: str = "", *, at: datetime,
           actor: str = "", desk: str = "") -> Attachment:
    if evaluations.evaluation(evaluation_id) is None:
        raise AttachmentRefused("evaluation")
    note = note.strip()
    if len(note) > NOTE_MAX or len(hashed.path) > book.TEXT_MAX // 4:
        raise AttachmentRefused("too_long")
    name = Path(hashed.path).name
    e = book.append(KIND, at=at, actor=actor, desk=desk, follows=evaluation_id,
                    text=f"附件: {name} sha256 {hashed.sha256[:16]}",
                    data={"path": hashed.path, "size": hashed.size, "sha256": hashed.sha256,
                          "note": note})
    return _attachment(e)


def attachments(evaluation_id: int) -> list[Attachment]:
    return [_attachment(e) for e in book.entries((KIND,), follows=evaluation_id)]


def file_state(a: Attachment) -> str:
    """ok, changed or missing — reads the whole file: off the GUI thread."""
    return _file_state(a.path, a.size, a.sha256)


def _attachment(e: book.Entry) -> Attachment:
    d = e.data
    return Attachment(e.id, e.follows or 0, d["path"], Path(d["path"]).name, kind_of(d["path"]),
                      int(d["size"]), d["sha256"], d.get("note", ""), e.at)
