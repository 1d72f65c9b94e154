"""The size and SHA-256 of a file kept by reference, and whether it is still as hashed.

Pure file reading, no database: the desk runs it in a worker thread (a drill's video can be
gigabytes), and the evaluation report's worker checks the files again when it prints.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
PHOTO = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".heic", ".webp")
VIDEO = (".mp4", ".mov", ".avi", ".mkv", ".wmv", ".3gp")


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


def file_state(path: str, size: int, sha256: str) -> str:
    """ok, changed (other size or content) or missing."""
    file = Path(path)
    try:
        if not file.is_file():
            return "missing"
        if file.stat().st_size != size:
            return "changed"
        return "ok" if hash_file(file).sha256 == sha256 else "changed"
    except (OSError, AttachmentRefused):
        return "missing"
