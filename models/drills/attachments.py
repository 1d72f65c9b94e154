"""Photos, video and files of a drill evaluation, kept by reference: the file's path, size
and SHA-256 in a journal entry `attachment` that `follows` the evaluation. The file is not
copied into the database; opening or printing the evaluation checks each file again and
says when one has changed or gone.

`hash_file` reads the file in chunks and touches no database: the desk runs it off the GUI
thread (a video can be gigabytes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.drills import evaluation as evaluations
from models.journal import book

KIND = "attachment"
CHUNK = 1 << 20
PHOTO = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".heic", ".webp")
VIDEO = (".mp4", ".mov", ".avi", ".mkv", ".wmv", ".3gp")
NOTE_MAX = 500


class AttachmentRefused(Exception):
    """`code`: evaluation, not_a_file, unreadable, too_long."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Hashed:
    path: str  # absolute
    size: int
    sha256: str


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


def hash_file(path: Path | str, progress: Callable[[int, int], None] | None = None) -> Hashed:
    """The file's size and SHA-256; `progress(done, total)` after each chunk. Raises
    AttachmentRefused for a folder, a missing or unreadable file."""
    path = Path(path).expanduser().absolute()
    if not path.is_file():
        raise AttachmentRefused("not_a_file")
    digest, done = hashlib.sha256(), 0
    try:
        total = path.stat().st_size
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    except OSError as e:
        raise AttachmentRefused("unreadable") from e
    return Hashed(str(path), done, digest.hexdigest())


def kind_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return "photo" if suffix in PHOTO else "video" if suffix in VIDEO else "file"


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
    """ok, changed (other size or content) or missing — reads the file: off the GUI
    thread for anything large."""
    path = Path(a.path)
    try:
        if not path.is_file():
            return "missing"
        if path.stat().st_size != a.size:
            return "changed"
        return "ok" if hash_file(path).sha256 == a.sha256 else "changed"
    except (OSError, AttachmentRefused):
        return "missing"


def _attachment(e: book.Entry) -> Attachment:
    d = e.data
    return Attachment(e.id, e.follows or 0, d["path"], Path(d["path"]).name, kind_of(d["path"]),
                      int(d["size"]), d["sha256"], d.get("note", ""), e.at)
