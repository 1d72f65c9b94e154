"""Writing a file whole or not at all: a new file beside the target, flushed to disk, then
renamed over it. A crash, a power cut or an error midway leaves the old file as it was and
no partial file behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yields the temporary path to write; on leaving without an error it replaces `path`.

    The temporary file is created with the user's normal permissions (not owner-only), so
    the finished file reads like any other file the user saved. Creating it raises OSError
    when the folder is missing or not writable, before anything is written.
    """
    path = Path(path)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    with temp.open("xb"):
        pass
    try:
        yield temp
        with temp.open("rb+") as f:
            os.fsync(f.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_whole(path: Path, data: bytes) -> Path:
    with replacing(path) as temp:
        temp.write_bytes(data)
    return Path(path)
