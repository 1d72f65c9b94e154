"""Backups of the desk's database: online copies, checked, rotated, restorable.

A copy is made with SQLite's backup API on a connection of its own, so it is consistent even
while the desk writes (WAL mode), and works from a worker thread. It is written as `.part`,
checked (SQLite's quick check, and that it is a database of ours), and only then renamed into
place: a backup that exists is a good one. Names carry their time
(`emergency-desk-20261120-083000.db`), so the newest is found without opening any.

Times are the desk's local wall-clock time, naive (as in the names).

Rotation keeps the newest copy of each of the last 7 days that have one and of each of the
last 4 weeks (ISO weeks) that have one; older copies are removed. Nothing else in the folder
is touched.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from models.store.database import (
    DatabaseRefused,
    check_file_intact,
    inspect,
    looking_at,
    sidecars,
)
from models.store.files import create_private

KEEP_DAYS = 7
KEEP_WEEKS = 4
EVERY = timedelta(hours=4)  # while the desk runs, after the day's first copy
NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.db$")
STAMP = "%Y%m%d-%H%M%S"


class BackupFailed(Exception):
    """A backup could not be made or checked; nothing was left in the folder."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime  # the time in its name (the desk's local time when it was made)


def folder_for(database: Path, setting: str) -> Path:
    """Where the backups of `database` go: the folder the hall set (a USB stick, a NAS), or
    `backups` beside the database."""
    return Path(setting) if setting.strip() else Path(database).parent / "backups"


def backup_name(database: Path, made: datetime) -> str:
    return f"{database.stem}-{made.strftime(STAMP)}.db"


def backups_in(folder: Path, database: Path) -> list[Backup]:
    """The backups of `database` in `folder`, newest first (by the time in their names)."""
    found = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        match = NAME.match(path.name)
        if not match or match["stem"] != database.stem or not path.is_file():
            continue
        try:
            found.append(Backup(path, datetime.strptime(match["stamp"], STAMP)))
        except ValueError:
            continue
    return sorted(found, key=lambda b: b.made, reverse=True)


def make_backup(database: Path, folder: Path, made: datetime, *, known_version: int) -> Path:
    """A checked copy of `database` in `folder`, named for `made`; raises BackupFailed."""
    folder = Path(folder)
    target = folder / backup_name(database, made)
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with looking_at(Path(database)) as source:
            partial.unlink(missing_ok=True)  # a killed copy's: begun again, owner-only
            create_private(partial)
            dest = sqlite3.connect(partial)
            try:
                # In one step: one read transaction, so the copy is one consistent moment even
                # while the desk writes (a copy in steps starts over at every write).
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one file, whole on its own
            finally:
                dest.close()
        check_backup(partial, known_version)
        partial.replace(target)
    except (OSError, sqlite3.Error, DatabaseRefused) as e:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupFailed(f"The backup of {database} into {folder} failed: {e}") from e
    return target


def check_backup(path: Path, known_version: int) -> None:
    """Raise DatabaseRefused unless `path` is an intact database of ours."""
    if inspect(path, known_version) is None:
        raise DatabaseRefused("empty", path)
    check_file_intact(path)


def to_keep(backups: list[Backup], now: datetime) -> set[Path]:
    """The newest backup of each of the last KEEP_DAYS days and KEEP_WEEKS weeks that have
    one (newest first in `backups`), and always the newest of all."""
    keep: set[Path] = set()
    days: dict[object, Path] = {}
    weeks: dict[object, Path] = {}
    for b in backups:  # newest first: the first seen of a day or week is its newest
        if b.made > now:
            keep.add(b.path)  # from a clock that ran ahead: not ours to judge, kept
            continue
        days.setdefault(b.made.date(), b.path)
        weeks.setdefault(b.made.isocalendar()[:2], b.path)
    keep |= set(list(days.values())[:KEEP_DAYS]) | set(list(weeks.values())[:KEEP_WEEKS])
    if backups:
        keep.add(backups[0].path)
    return keep


def rotate(folder: Path, database: Path, now: datetime) -> list[Path]:
    """Remove the backups rotation no longer keeps; returns what was removed."""
    backups = backups_in(folder, database)
    keep = to_keep(backups, now)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def newest_good(folder: Path, database: Path, known_version: int) -> Backup | None:
    """The newest backup that is a database of ours (its header and version: cheap)."""
    for b in backups_in(folder, database):
        try:
            if inspect(b.path, known_version) is not None:
                return b
        except DatabaseRefused:
            continue
    return None


def due(folder: Path, database: Path, now: datetime) -> bool:
    """A backup is due: none today yet, or the newest is EVERY old."""
    backups = backups_in(folder, database)
    if not backups:
        return True
    newest = backups[0].made
    return newest.date() != now.date() or now - newest >= EVERY or newest > now


def restore(backup: Path, database: Path, now: datetime, *,
            known_version: int) -> Path | None:
    """Put `backup` in place of `database` (not running: the caller holds the desk's lock).

    The backup is checked first. The current file and its -wal/-shm are kept, renamed with
    `.before-restore-STAMP`, never deleted; returns the name the current file was kept as
    (None when there was none).
    """
    check_backup(backup, known_version)
    database = Path(database)
    stamp = now.strftime(STAMP)
    kept = database.with_name(f"{database.name}.before-restore-{stamp}")
    partial = database.with_name(database.name + ".restore.part")
    partial.unlink(missing_ok=True)
    create_private(partial)
    with backup.open("rb") as src, partial.open("r+b") as dst:
        shutil.copyfileobj(src, dst)
    for path in (database, *sidecars(database)):
        if path.exists():
            path.replace(path.with_name(f"{path.name}.before-restore-{stamp}"))
    partial.replace(database)
    return kept if kept.exists() else None


def remove_leftovers(folder: Path, now: datetime, *, older_than: timedelta) -> list[Path]:
    """Remove partial files a killed desk or command left in `folder` (a migration's or a
    backup's `.part`, an export's hidden `.NAME.xxxx.part`), once they are `older_than` old
    (a command writing one right now is left alone)."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        if not path.name.endswith(".part") or not path.is_file():
            continue
        try:
            age = now.timestamp() - path.stat().st_mtime
            if age >= older_than.total_seconds():
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
