"""A refused database (models.store.database.DatabaseRefused) in the desk's language.

The models say what is wrong by code, in English for the command line; the clerk reads the
same problem here, worded for the desk (no command-line options), with SQLite's own words,
if any, as details for support.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.store.backups import Backup
from models.store.database import DatabaseRefused

translate = QCoreApplication.translate


def refusal_texts() -> dict[str, str]:
    """Each refusal code's text; {0} is the file, then the code's own values."""
    return {
        "folder": translate("DatabaseRefusal", "{0} is a folder, not a database file. Start "
                            "the desk with a database file name."),
        "not_sqlite": translate("DatabaseRefusal", "{0} is not a database of Emergency Desk. "
                                "It was left untouched. Move it away, or start the desk with "
                                "another database file."),
        "foreign": translate("DatabaseRefusal", "{0} is a database of another program. It was "
                             "left untouched. Start the desk with another database file."),
        "damaged": translate("DatabaseRefusal", "The database file {0} is damaged and cannot "
                             "be read. It was left untouched. Restore it from a backup, or "
                             "ask support for help."),
        "not_ours": translate("DatabaseRefusal", "{0} is not a database of Emergency Desk. It "
                              "was left untouched. Start the desk with another database file."),
        "no_version": translate("DatabaseRefusal", "{0} has no valid version record; it may "
                                "be damaged. It was left untouched. Restore it from a backup, "
                                "or ask support for help."),
        "newer": translate("DatabaseRefusal", "{0} was written by a newer version of "
                           "Emergency Desk (database version {1}; this program knows up to "
                           "{2}). It was left untouched. Install the newer program."),
        "cannot_open": translate("DatabaseRefusal", "The database {0} cannot be opened or "
                                 "created. Check that its folder exists and can be written "
                                 "to."),
        "missing": translate("DatabaseRefusal", "There is no database at {0}."),
        "empty": translate("DatabaseRefusal", "{0} holds no incidents yet. It was left "
                           "untouched."),
        "read_only_log": translate("DatabaseRefusal", "The database {0} is on read-only media "
                                   "with an unfinished log file beside it, which can only be "
                                   "read where it can be written. It was left untouched. Copy "
                                   "the folder to a writable disk and open the copy."),
        "in_use": translate("DatabaseRefusal", "The database {0} is already open in another "
                            "desk window ({1}, since {2}). One desk works on a database at a "
                            "time: use that window, or close it and start again."),
        "older": translate("DatabaseRefusal", "{0} was written by an older version of "
                           "Emergency Desk (database version {1}; this needs version {2} or "
                           "later). It was left untouched. Open it once in the desk, then try "
                           "again."),
        "migration_failed": translate("DatabaseRefusal", "Upgrading the database {0} from "
                                      "version {1} failed. Nothing was changed; a copy was "
                                      "saved as {2}. Please report this problem to support."),
    }


def refusal_text(refused: DatabaseRefused) -> tuple[str, str]:
    """(what the clerk reads, details for support) for a refused database."""
    p = refused.params
    values = {"newer": (p.get("version"), p.get("known")),
              "older": (p.get("version"), p.get("needed")),
              "migration_failed": (p.get("version"), p.get("saved")),
              "in_use": (p.get("holder"), p.get("since"))}.get(refused.code, ())
    text = refusal_texts().get(refused.code)
    if text is None:  # a code without a text of its own: the English message, not nothing
        return str(refused), ""
    return text.format(str(refused.path), *values), str(p.get("reason", ""))


def backup_advice(newest: Backup | None, folder: Path) -> str:
    """Which backup puts a damaged database right, for the clerk to pass on to support."""
    if newest is None:
        return translate("DatabaseRefusal", "No backup of it was found in {0}.").format(
            str(folder))
    return translate("DatabaseRefusal", "The newest good backup is {0} (made {1}); support "
                     "can restore it.").format(str(newest.path),
                                               newest.made.strftime("%Y-%m-%d %H:%M"))


def refusal_with_backup(refused: DatabaseRefused, folder: Path,
                        newest: Backup | None) -> tuple[str, str]:
    """refusal_text, naming the newest good backup when a backup is what puts it right."""
    text, details = refusal_text(refused)
    if refused.code in ("damaged", "no_version"):
        text = f"{text} {backup_advice(newest, folder)}"
    return text, details
