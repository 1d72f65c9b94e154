"""SQLite's quick check of the desk's database, in the background once the window is up.

It reads every page (about 3 s for a 1.2 GB database, more on a slow disk), too long to hold
the window back; a damaged file is then told to the clerk while the desk stays usable.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.store.database import DatabaseRefused, check_file_intact

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Warn = Callable[[str, str, str], object]  # title, text, details


async def check_database(path: Path, *, warn: Warn, executor=None) -> bool:
    """True if the file passed; otherwise warn(...) once and False."""
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(executor, check_file_intact, path)
    except DatabaseRefused as e:
        warn(translate("DatabaseCheck", "The database file is damaged"),
             translate("DatabaseCheck", "A check of the database file {0} found it damaged. "
                       "The desk goes on, but some records may not be readable or saved. "
                       "Note new incidents on paper too, and ask support to restore the "
                       "database from a backup soon.").format(str(path)),
             str(e.params.get("reason", "")))
        return False
    except sqlite3.Error:  # busy or locked: not a finding about the file
        log.exception("database check of %s could not run", path)
    return True
