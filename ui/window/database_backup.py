"""Backups while the desk runs: at the day's first start and every few hours, in a worker
thread (a copy of a large database takes seconds); the clerk is told only when one fails."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.store import backups

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
CHECK_EVERY_S = 600  # how often the desk looks whether a backup is due

Warn = Callable[[str, str, str], object]  # title, text, details


async def back_up_if_due(database: Path, folder: Path, *, now: Callable[[], datetime],
                         warn: Warn, known_version: int, executor=None) -> Path | None:
    """One backup if one is due (then rotation); the new file, or None."""
    if not backups.due(folder, database, now()):
        return None
    loop = asyncio.get_running_loop()
    made = now()
    try:
        path = await loop.run_in_executor(executor, lambda: backups.make_backup(
            database, folder, made, known_version=known_version))
    except backups.BackupFailed as e:
        log.error("%s", e)
        warn(translate("DatabaseBackup", "The backup failed"),
             translate("DatabaseBackup", "The desk could not back up its database into {0}. "
                       "The desk goes on and tries again later; check that the folder (or "
                       "the USB stick or network folder it is on) is there and has room.")
             .format(str(folder)), str(e))
        return None
    try:
        await loop.run_in_executor(executor, backups.rotate, folder, database, made)
    except OSError:  # an old copy could not be removed: not worth the clerk's attention
        log.exception("rotating the backups in %s", folder)
    return path


async def keep_backups(database: Path, folder: Path, *, now: Callable[[], datetime],
                       warn: Warn, known_version: int,
                       checkpoint: Callable[[], object] = lambda: None,
                       wait: Callable[[], Awaitable[object]] = lambda: asyncio.sleep(
                           CHECK_EVERY_S), executor=None) -> None:
    """Every CHECK_EVERY_S until cancelled: a backup if one is due, then `checkpoint` on the
    GUI thread — the desk copies its log into the main file, so the file is whole on its own
    for whoever copies it (a copy of the main file alone of a running desk once held
    nothing)."""
    while True:
        await back_up_if_due(database, folder, now=now, warn=warn,
                             known_version=known_version, executor=executor)
        checkpoint()
        await wait()
