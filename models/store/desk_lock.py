"""One desk per database file.

Two programs writing one file lose presses (SQLite lets one writer at a time, and a program
writing without pause starves the other), and two desks would ring the same alarms twice. The
desk therefore holds an operating-system lock on `NAME.lock` beside the database for as long as
it runs; the system releases it when the process ends, however it ends (a kill, a power cut),
so a stale lock never keeps a desk out. Who holds it, and since when, is written beside it in
`NAME.lock.json` for the refusal message of a second copy.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from models.store.database import DatabaseRefused
from models.store.files import OWNER_ONLY, write_whole


class DeskLock:
    """The held lock; `release()` (or the end of the process) lets the next desk in. Keep a
    reference for as long as the desk runs: a lock no longer referenced is released."""

    def __init__(self, lock: FileLock, lock_file: Path, info: Path) -> None:
        self._lock, self._files = lock, (info, lock_file)

    def release(self) -> None:
        """Let go, leaving the folder as it was (the files go while the lock is still held)."""
        for path in self._files:
            with contextlib.suppress(OSError):  # Windows: a locked file stays; filelock removes it
                path.unlink(missing_ok=True)
        self._lock.release()


def lock_paths(database: Path) -> tuple[Path, Path]:
    return (database.with_name(database.name + ".lock"),
            database.with_name(database.name + ".lock.json"))


def hold(database: Path, *, holder: str, now: datetime) -> DeskLock:
    """Take the desk's lock on `database` or raise DatabaseRefused("in_use") naming who has
    it. `holder` says who we are (e.g. "城东营业厅 1号台", or "demo")."""
    lock_file, info = lock_paths(Path(database))
    # A real operating-system lock only, never a lock file's mere existence (which a killed
    # desk would leave behind).
    lock = FileLock(lock_file, timeout=0, thread_local=False, fallback_to_soft=False)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseRefused("in_use", Path(database), **_holder_of(info)) from None
    except OSError as e:
        raise DatabaseRefused("cannot_open", Path(database), reason=str(e)) from e
    write_whole(info, json.dumps({"holder": holder, "since": now.strftime("%Y-%m-%d %H:%M"),
                                  "pid": os.getpid(), "host": socket.gethostname()},
                                 ensure_ascii=False).encode("utf-8"), OWNER_ONLY)
    return DeskLock(lock, lock_file, info)


def _holder_of(info: Path) -> dict[str, str]:
    """Who holds the lock, as far as its note says (it may be half-written or gone)."""
    try:
        data = json.loads(info.read_text(encoding="utf-8"))
        return {k: str(data[k]) for k in ("holder", "since", "pid", "host")}
    except (OSError, ValueError, KeyError, TypeError):
        return {"holder": "?", "since": "?", "pid": "?", "host": "?"}
