"""The database: opening, identifying, creating and migrating it.

No module holds a database object: `open_database` and `open_for_reading` bind the schema's
tables to the handle they return, which the entry point keeps and passes on. A file
that is not ours, is damaged, or comes from a newer version is refused before anything is
written to it, so it stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee as pw

from models.store.files import create_private

APP_MARK = "emergency-desk"
SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = {"journal_mode": "wal", "synchronous": "full", "foreign_keys": 1, "busy_timeout": 10000}
# Every transaction takes the write lock when it begins, waiting up to the busy timeout for
# another writer to finish. A transaction that read first and upgraded later would be refused
# at once ("database is locked", no wait) whenever another program committed in between.
LOCK_TYPE = "IMMEDIATE"


class BaseModel(pw.Model):
    """A table of ours. It belongs to no database until `open_database` or
    `open_for_reading` binds the schema's tables to the handle they return."""

    class Meta:
        database = None
        legacy_table_names = False


class MetaEntry(BaseModel):
    """Marks the file as ours and holds the schema version."""

    key = pw.CharField(primary_key=True, max_length=64)
    value = pw.TextField()

    class Meta:
        table_name = "ed_meta"


# What each refusal says on the command line, in English. The desk shows the same problems
# in its own language, by code (ui/window/database_refusal.py); a new code needs a text there.
REFUSALS = {
    "folder": "{path} is a folder, not a database file. Give a file name.",
    "not_sqlite": "{path} is not a database of Emergency Desk (it is not an SQLite file). "
                  "It was left untouched. Choose another file with --db, or move this one away.",
    "foreign": "{path} is an SQLite database of another program. It was left untouched. "
               "Choose another file with --db.",
    "damaged": "{path} is damaged and cannot be read ({reason}). It was left untouched. "
               "Restore it from a backup, or start with another file with --db.",
    "not_ours": "{path} is not a database of Emergency Desk. It was left untouched.",
    "no_version": "{path} has no valid schema version; it may be damaged. It was left "
                  "untouched.",
    "newer": "{path} was written by a newer version of Emergency Desk (database version "
             "{version}, this program knows up to {known}). It was left untouched. "
             "Install the newer program.",
    "cannot_open": "Cannot open or create the database at {path}: {reason}. Check that the "
                   "folder exists and is writable, or choose another with --db.",
    "missing": "No database at {path}. Give the file with --db.",
    "empty": "{path} holds no incidents yet: it is not a database of Emergency Desk (yet). "
             "It was left untouched. Give the desk's database with --db.",
    "older": "{path} was written by an older version of Emergency Desk (database version "
             "{version}); this needs version {needed} or later. It was left untouched. Open "
             "it once in the desk (which upgrades it and keeps a copy of the old file), then "
             "run this again.",
    "read_only_log": "{path} lies on read-only media with SQLite's log file beside it, which "
                     "can be read only where it can be written ({reason}). It was left "
                     "untouched. Copy the folder to a writable disk and read the copy.",
    "in_use": "{path} is in use by another copy of Emergency Desk ({holder}, since {since}, "
              "process {pid} on {host}). One desk works on a database file at a time: use "
              "that one, or close it first.",
    "migration_failed": "Upgrading the database {path} from version {version} failed "
                        "({reason}). Nothing was changed; a copy was saved as {saved}. "
                        "Please report this problem.",
}


class DatabaseRefused(Exception):
    """The file cannot be used: `code` names the problem (a key of REFUSALS), `params` its
    details; str() is the English message saying what is wrong and what to do."""

    def __init__(self, code: str, path: Path, **params: object) -> None:
        self.code, self.path, self.params = code, path, params
        super().__init__(REFUSALS[code].format(path=path, **params))


Migration = Callable[[pw.Database], None]


@dataclass(frozen=True)
class Schema:
    """What a database of ours holds: its tables, the ordered migrations (`migrations[i]`
    upgrades version i+1 to i+2) and SQLite-only statements run when the file is created
    (triggers, the search index)."""

    tables: tuple[type[pw.Model], ...]
    migrations: tuple[Migration, ...]
    sqlite_extras: tuple[str, ...] = ()

    @property
    def version(self) -> int:
        return len(self.migrations) + 1


def inspect(path: Path, known_version: int) -> int | None:
    """The schema version of our database at `path`, None if there is none yet.

    Raises DatabaseRefused for a file that is not ours, damaged or too new. Reads only, and
    leaves the folder as it was (see `looking_at`).
    """
    if path.is_dir():
        raise DatabaseRefused("folder", path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseRefused("not_sqlite", path)
    try:
        with looking_at(path) as conn:
            meta = _read_meta(conn)
    except sqlite3.DatabaseError as e:
        raise unreadable(path, e) from e
    if meta is None:
        return None
    if meta is FOREIGN:
        raise DatabaseRefused("foreign", path)
    if meta.get("app") != APP_MARK:
        raise DatabaseRefused("not_ours", path)
    try:
        version = int(meta.get("schema_version", ""))
    except ValueError:
        raise DatabaseRefused("no_version", path) from None
    if version > known_version:
        raise DatabaseRefused("newer", path, version=version, known=known_version)
    return version


FOREIGN: dict[str, str] = {}  # _read_meta's answer for another program's file


def _read_meta(conn: sqlite3.Connection) -> dict[str, str] | None:
    """Our ed_meta rows; None for an empty SQLite file, FOREIGN for another program's."""
    objects = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if not objects:
        marked = any(conn.execute(f"PRAGMA {p}").fetchone()[0]
                     for p in ("user_version", "application_id"))
        return FOREIGN if marked else None  # a mark with no tables is still someone's file
    if "ed_meta" not in objects:
        return FOREIGN
    return dict(conn.execute("SELECT key, value FROM ed_meta"))


def sidecars(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database in WAL mode."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _has_sidecars(path: Path) -> bool:
    return any(p.exists() for p in sidecars(path))


def on_read_only_media(path: Path) -> bool:
    """The file lies on a file system mounted read-only (a CD, a write-protected stick, a
    read-only share): nobody can change it there."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # Windows has no statvfs
        return not os.access(path.parent, os.W_OK)


def read_only_uri(path: Path) -> str:
    """How SQLite is asked to read `path` without writing anything.

    A database in WAL mode normally needs SQLite's shared-memory file beside it even to be
    read; on read-only media that file cannot be made. There, a file with no log beside it
    is read as immutable (it cannot change); one with a log left beside it is read with it
    (SQLite can, when both files are there)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if on_read_only_media(path) and not _has_sidecars(path):
        uri += "&immutable=1"
    return uri


@contextmanager
def looking_at(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to `path` that leaves the folder as it was.

    Reading a WAL-mode file makes SQLite create its -wal and -shm beside it, and a read-only
    connection leaves them behind. When neither existed before we looked, they are ours, and
    SQLite itself removes them: a second, read-write connection that only reads does so when
    it closes as the file's last user (an empty log is copied nowhere; the file is not
    written). If another program opened the file meanwhile, they are its files and stay.
    Sidecars that existed before are never touched.
    """
    had_sidecars = _has_sidecars(path)
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        yield conn
    finally:
        conn.close()
        if not had_sidecars:
            _let_sqlite_tidy(path)


def _let_sqlite_tidy(path: Path) -> None:
    if not _has_sidecars(path):
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("PRAGMA schema_version").fetchone()  # opens the log, so closing ends it
    except sqlite3.Error:
        pass
    finally:
        conn.close()


def open_database(
    path: Path, schema: Schema, *, now: Callable[[], datetime] = datetime.now,
) -> pw.SqliteDatabase:
    """Open (creating or migrating) our database at `path`; the schema's tables are bound
    to the handle returned. A new file gets the current schema directly."""
    path = Path(path)
    version = inspect(path, schema.version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        create_private(path)  # the records are the desk user's alone (and so are SQLite's logs)
        db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=10, lock_type=LOCK_TYPE)
        db.connect()
    except (OSError, pw.OperationalError) as e:
        raise DatabaseRefused("cannot_open", path, reason=str(e)) from e
    db.bind([MetaEntry, *schema.tables])
    if version is None:
        _create(db, schema)
    elif version < schema.version:
        saved = backup(db, path.with_name(f"{path.stem}.v{version}-{now():%Y%m%d-%H%M%S}.bak"))
        try:
            _migrate(db, version, schema.migrations)
        except Exception as e:
            db.close()
            raise DatabaseRefused("migration_failed", path, version=version, reason=str(e),
                                  saved=saved) from e
    return db


class ReadOnlyDatabase(pw.SqliteDatabase):
    """Our database opened for reading only (SQLite's mode=ro): nothing can be written to it,
    and closing it leaves the folder as it was (see `looking_at`)."""

    def __init__(self, path: Path) -> None:
        self.file = path
        self.had_sidecars = _has_sidecars(path)
        self.on_read_only_media = on_read_only_media(path)
        super().__init__(read_only_uri(path), uri=True, timeout=10,
                         pragmas={"busy_timeout": 10000, "query_only": 1})

    def close(self) -> bool:
        closed = super().close()
        if not self.had_sidecars:
            _let_sqlite_tidy(self.file)
        return closed


def open_for_reading(path: Path, schema: Schema, *, oldest: int = 1) -> pw.SqliteDatabase:
    """Open our existing database at `path` read-only; the schema's tables are bound to it.

    For commands that check or print: the file is never created, migrated or written, so
    it stays byte-for-byte as it was. A database older than version `oldest` (whose tables
    lack what the caller reads) is refused with a message saying to open it in the desk.
    """
    path = Path(path)
    if not path.is_file():
        raise DatabaseRefused("folder" if path.is_dir() else "missing", path)
    version = inspect(path, schema.version)
    if version is None:
        raise DatabaseRefused("empty", path)
    if version < oldest:
        raise DatabaseRefused("older", path, version=version, needed=oldest)
    db = ReadOnlyDatabase(path)
    try:
        db.connect()
    except pw.DatabaseError as e:
        raise DatabaseRefused("cannot_open", path, reason=str(e)) from e
    db.bind([MetaEntry, *schema.tables])
    return db


def unreadable(path: Path, error: sqlite3.Error) -> DatabaseRefused:
    """Why SQLite could not read `path`: "damaged" only when SQLite says the file is."""
    if is_damage(error):
        return DatabaseRefused("damaged", path, reason=str(error))
    if on_read_only_media(path):
        return DatabaseRefused("read_only_log", path, reason=str(error))
    return DatabaseRefused("cannot_open", path, reason=str(error))


def is_damage(error: BaseException | None) -> bool:
    """True if `error` (sqlite3's, or peewee's wrapping of it) says the file is damaged,
    as opposed to busy, locked or misused."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        name = getattr(error, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            return True
        inner = error.args[0] if error.args else None  # peewee keeps sqlite3's error here
        error = inner if isinstance(inner, BaseException) else (
            error.__cause__ or error.__context__)
    return False


def check_intact(conn: sqlite3.Connection, path: Path) -> None:
    """Raise DatabaseRefused("damaged") if SQLite's quick check finds the file damaged.

    Reads every page (about 3 s for a 1.2 GB database), so the desk runs it in the
    background and the command line only where it is worth the wait.
    """
    try:
        finding = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as e:
        if not is_damage(e):
            raise
        finding = str(e)
    if finding != "ok":  # e.g. "*** in database main ***\nPage 1403: btreeInitPage() ..."
        reason = " ".join(finding.replace("*** in database main ***", "").split())
        raise DatabaseRefused("damaged", path, reason=reason)


def check_file_intact(path: Path) -> None:
    """check_intact on a read-only connection of its own (for a worker thread)."""
    with looking_at(path) as conn:
        check_intact(conn, path)


def _create(db: pw.Database, schema: Schema) -> None:
    with db.atomic():
        db.create_tables([MetaEntry, *schema.tables])
        if isinstance(db, pw.SqliteDatabase):
            for statement in schema.sqlite_extras:
                db.execute_sql(statement)
        MetaEntry.replace(key="app", value=APP_MARK).execute()
        MetaEntry.replace(key="schema_version", value=str(schema.version)).execute()


def _migrate(db: pw.Database, version: int, migrations: Sequence[Migration]) -> None:
    """Run every migration after `version`, each in its own transaction."""
    for index in range(version - 1, len(migrations)):
        with db.atomic():
            migrations[index](db)
            MetaEntry.replace(key="schema_version", value=str(index + 2)).execute()


def schema_version(db: pw.Database) -> int:
    return int(MetaEntry.get_by_id("schema_version").value)


def backup(db: pw.SqliteDatabase, target: Path) -> Path:
    """An online copy of the whole database (works while in WAL mode)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    create_private(partial)
    dest = sqlite3.connect(str(partial))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    shutil.move(str(partial), str(target))
    return target
