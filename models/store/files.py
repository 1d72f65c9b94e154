"""Writing a file whole or not at all: a new file beside the target, flushed to disk, then
renamed over it. A crash, a power cut or an error midway leaves the old file as it was and
no partial file behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

OWNER_ONLY = 0o600  # the desk's records: the database, backups, settings, logs
USUAL = 0o666  # a document the user saves (a PDF): the user's normal permissions (umask)


def create_new(path: Path, mode: int = USUAL) -> None:
    """Create `path` empty with `mode` (less the umask); FileExistsError if it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     mode))


def create_private(path: Path) -> None:
    """Create `path` empty, readable and writable by its user only, unless it exists.

    SQLite gives the log files it keeps beside a database the database's own permissions."""
    with suppress(FileExistsError):
        create_new(path, OWNER_ONLY)


@contextmanager
def replacing(path: Path, mode: int = USUAL) -> Iterator[Path]:
    """Yields the temporary path to write; on leaving without an error it replaces `path`.

    The temporary file, and so the finished one, gets `mode`: by default the user's normal
    permissions, so a document reads like any other file the user saved; OWNER_ONLY for the
    desk's records. Creating it raises OSError when the folder is missing or not writable,
    before anything is written.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    create_new(temp, mode)
    try:
        yield temp
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_whole(path: Path, data: bytes, mode: int = USUAL) -> Path:
    with replacing(path, mode) as temp:
        temp.write_bytes(data)
    return Path(path)
