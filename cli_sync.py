"""The `sync` commands: enrol a desk's file at a hall hub, and one push and pull without a
window (the running desk syncs by itself). Output is English; exit 0 done, 1 the hub could
not be reached (the backlog is kept), 2 refused (not enrolled, the desk running, a state a
person must act on)."""

from __future__ import annotations

import argparse
import socket
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

EXIT_OK, EXIT_UNREACHABLE, EXIT_REFUSED = 0, 1, 2

# What a stopped state means and what to do, for the sync command.
STATE_WORDS = {
    "behind": "this file is older than what the hub received (restored from a backup, or a "
              "copy?): the hub keeps the newer records. The desk keeps working; to sync this "
              "file again, enrol it anew: main.py sync enrol --replace --db {db} --hub URL "
              "--code CODE.",
    "diverged": "this file no longer holds what the hub received: records were changed after "
                "they were synced. Run main.py verify --db {db} --hub URL to see where, and "
                "keep the file as evidence.",
    "revoked": "the hub withdrew this desk's token. Enrol it again: main.py sync enrol "
               "--replace --db {db} --hub URL --code CODE (a new code from main.py hub code).",
    "hub_older": "the hub is older than this desk and does not speak its protocol: update "
                 "the hub. The desk keeps its records and tries again hourly.",
}


def add_sync_commands(commands) -> None:
    sync = commands.add_parser("sync", help="send this desk's records to its hall hub and take "
                               "the hall's back, once (the running desk does it by itself)")
    sync.add_argument("--db", type=Path, dest="sync_db", metavar="FILE",
                      help="the desk's database file")
    sync.add_argument("--hub", dest="sync_hub", metavar="URL",
                      help="the hub's address, if it moved since enrolment")
    kinds = sync.add_subparsers(dest="sync_command", metavar="COMMAND")
    enrol = kinds.add_parser("enrol", help="enrol the desk's file at a hub with a one-time "
                             "code (main.py hub code prints one)")
    enrol.add_argument("--db", type=Path, dest="enrol_db", metavar="FILE",
                       help="the desk's database file")
    enrol.add_argument("--hub", dest="enrol_hub", metavar="URL", required=True,
                       help="the hub's address, e.g. http://192.168.1.10:8770")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--desk-name", default="", help="how the hall names this desk "
                       "(default: the desk's setting, else the computer's name)")
    enrol.add_argument("--replace", action="store_true", help="enrol a file already enrolled "
                       "anew, as a new desk (a restored backup, a copy)")
    enrol.add_argument("--office-key", metavar="FINGERPRINT", default="",
                       help="head office's key fingerprint, as IT gave it: the desk then runs "
                       "the plans head office signs with it (hub keygen prints it)")


def run_sync(args: argparse.Namespace, default_db: Path) -> int:
    if args.sync_command == "enrol":
        return enrol(args.enrol_db or args.db or default_db, args.enrol_hub, args.code,
                     args.desk_name, args.replace, args.office_key)
    return sync_once(args.sync_db or args.db or default_db, args.sync_hub or "")


class _Refused(Exception):
    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


def enrol(path: Path, hub: str, code: str, desk_name: str, replace: bool,
          office_key: str = "") -> int:
    from models.services.sync import EnrolRefused
    from models.sync.client import HubUnreachable
    from models.sync.protocol import HubError

    try:
        with _desk(path) as (service, store):
            name = desk_name or str(store.get("desk_name")) or socket.gethostname()
            try:
                enrolment = service.enrol(hub, code, desk_name=name, replace=replace,
                                          office_key=office_key)
            except EnrolRefused as e:
                raise _Refused(str(e)) from e
            except ValueError as e:
                raise _Refused(f"{e}.") from e
            except HubUnreachable as e:
                raise _Refused(f"{e}. Check the address and that the hub runs "
                               "(main.py hub).", EXIT_UNREACHABLE) from e
            except HubError as e:
                raise _Refused(_enrol_refusal(e)) from e
            backlog = service.standing().backlog
            trusted = service.trusts_office_key(office_key) if office_key else False
    except _Refused as e:
        print(str(e), file=sys.stderr)
        return e.code
    hall = f" of {enrolment.hall_name}" if enrolment.hall_name else ""
    print(f"Enrolled {path} at {enrolment.hub_url} as desk {name!r}{hall} "
          f"(desk id {enrolment.desk_id}). {backlog:,} records to send: the desk sends them "
          f"when it runs, or now: main.py sync --db {path}")
    if office_key and not trusted:
        print(f"The hub offers no office key with the fingerprint {office_key} (or this desk "
              "trusts another already): the desk takes no plans from head office. Check the "
              f"fingerprint, then: main.py plans take --db {path} --office-key FINGERPRINT",
              file=sys.stderr)
        return EXIT_REFUSED
    if office_key:
        print(f"Head office's key {office_key} is trusted: the desk runs the plans it signs.")
    return EXIT_OK


def _enrol_refusal(error) -> str:
    if error.code == "bad_code":
        return ("The hub did not accept the code (unknown, used or expired). Ask for a new "
                "one: main.py hub code")
    return f"The hub refused the enrolment: {error}"


def sync_once(path: Path, hub: str) -> int:
    try:
        with _desk(path) as (service, _store):
            engine = service.engine(hub_url=hub, timeout=60)
            if engine is None:
                raise _Refused(f"{path} is not enrolled at a hub. Enrol it first: main.py "
                               f"sync enrol --db {path} --hub URL --code CODE")
            try:
                report = _round(engine)
                applied = service.apply(report.events, report.offset)
                progress = report.progress
                if report.events and not service.applies:  # read again when it can be
                    progress = replace(progress, pull_cursor=service.progress().pull_cursor)
                service.keep(progress, now=True)
            finally:
                engine.close()
            print(_moved(report, applied))
            return _outcome(report, path)
    except _Refused as e:
        print(str(e), file=sys.stderr)
        return e.code


def _round(engine):
    """Rounds until the stream has no more pages (the push empties the outbox in the first),
    as one report: everything pushed and pulled."""
    rounds = [engine.round(wait=0)]
    while rounds[-1].more and not rounds[-1].error:
        rounds.append(engine.round(wait=0))
    pushing = [r for r in rounds if r.pushed]
    return replace(rounds[-1], events=tuple(e for r in rounds for e in r.events),
                   pushed=sum(r.pushed for r in rounds),
                   duplicates=sum(r.duplicates for r in rounds),
                   first_pushed=pushing[0].first_pushed if pushing else 0,
                   last_pushed=pushing[-1].last_pushed if pushing else 0)


def _moved(report, applied) -> str:
    pushed = (f"pushed {report.pushed:,} events ({report.first_pushed:,}–"
              f"{report.last_pushed:,})" if report.pushed else "pushed nothing")
    if report.duplicates:
        pushed += f" ({report.duplicates:,} the hub already held)"
    pulled = f"pulled {len(report.events):,}"
    if applied.incident_id is not None or applied.timeline:
        pulled += " (recorded here)"
    return (f"{pushed}; the hub holds {report.hub_head:,} of {report.local_head:,}; "
            f"{pulled}; backlog {report.backlog:,}")


def _outcome(report, path: Path) -> int:
    words = STATE_WORDS.get(report.state)
    if words:
        print(f"Not syncing: {words.format(db=path)}", file=sys.stderr)
        return EXIT_REFUSED
    if report.error:
        print(f"The hub could not take it now ({report.error}); the backlog of "
              f"{report.backlog:,} is kept and sent when the hub is back.", file=sys.stderr)
        return EXIT_UNREACHABLE
    return EXIT_OK


class _desk:
    """The desk's file opened for syncing: its lock held (the running desk syncs by itself),
    upgraded if older, checked intact; the sync service and the desk's settings."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock = self.db = None

    def __enter__(self):
        from models.clock.clocks import SystemClock
        from models.incidents.timeline import last_recorded
        from models.services.sync import SyncService
        from models.store.database import DatabaseRefused, check_intact
        from models.store.desk_lock import hold
        from models.store.schema import open_database
        from models.store.settings import SettingsStore, hall_zone

        if not self.path.is_file():  # a mistyped path: no new empty desk, no code used up
            raise _Refused(f"No database at {self.path}. Give the desk's file with --db (a "
                           "new desk makes its file when it first runs: main.py).")
        store = SettingsStore(self.path.parent / "settings.json")
        try:
            self.lock = hold(self.path, holder="sync", now=datetime.now(hall_zone(store)))
        except DatabaseRefused as e:
            if e.code == "in_use":
                raise _Refused(f"{e} The running desk syncs by itself.") from e
            raise _Refused(str(e)) from e
        try:
            self.db = open_database(self.path)
            check_intact(self.db.connection(), self.path)
        except DatabaseRefused as e:
            self.__exit__()
            raise _Refused(str(e)) from e
        clock = SystemClock(hall_zone(store), not_before=last_recorded())
        return SyncService(database=self.path, now=clock.now,
                           incidents=_incidents(self.path, clock, store)), store

    def __exit__(self, *exc: object) -> None:
        if self.db is not None:
            self.db.close()
        if self.lock is not None:
            self.lock.release()


def _incidents(path: Path, clock, store):
    """What applying a pulled event needs of the desk: its plans and who acts (the sync
    command, on the desk's name); None if the plans cannot be read (nothing is applied)."""
    from models.clock.act import Who
    from models.plans.running import running_plan
    from models.services.incidents import IncidentService
    from models.store.paths import default_plans_dir

    try:
        catalog = running_plan(default_plans_dir()).catalog
    except Exception as e:  # the desk refuses to start on such plans and says why
        print(f"The plans cannot be read ({e}); pulled events are not recorded here.",
              file=sys.stderr)
        return None
    who = Who(str(store.get("hall_name")), str(store.get("desk_name")), "sync")
    return IncidentService(catalog=catalog, plan=None, clock=clock, who=lambda: who)


def verify_against_hub(path: Path, hub: str) -> int:
    """`verify --hub`: the file (already checked on its own) against what its hub received.
    Exit 0 equal, 1 the hub unreachable, 2 changed after the hub received it, lacking what
    the hub holds, or not enrolled."""
    from models.store.database import looking_at
    from models.sync import crosscheck
    from models.sync.client import HubClient, HubUnreachable
    from models.sync.protocol import HubError

    with looking_at(path) as conn:
        enrolment = crosscheck.enrolled(conn)
        if enrolment is None:
            print(f"{path} is not enrolled at a hub: there is nothing to compare it with.",
                  file=sys.stderr)
            return EXIT_REFUSED
        try:
            with HubClient(hub, enrolment.token) as client:
                found = crosscheck.compare_all(conn, client, enrolment.desk_id)
        except ValueError as e:
            print(f"{e}.", file=sys.stderr)
            return EXIT_REFUSED
        except HubUnreachable as e:
            print(f"{e}: the file was not compared with the hub.", file=sys.stderr)
            return EXIT_UNREACHABLE
        except HubError as e:
            print(f"The hub refused to show this desk's chain ({e}).", file=sys.stderr)
            return EXIT_REFUSED
        changed = [crosscheck.changed_link(conn, one.first_changed)
                   if one.first_changed else "" for one in found]
    code = _say_compared(path, hub, found[0], changed[0])
    for earlier, words in zip(found[1:], changed[1:], strict=True):
        code = max(code, _say_earlier(path, earlier, words))
    return code


def _say_earlier(path: Path, found, changed: str) -> int:
    """The file against an earlier enrolment's chain: changed is a forgery (exit 2); records
    it sent that the file lacks are a note (a restored file enrolled anew: the hub keeps
    them)."""
    print(f"Its earlier enrolment (desk {found.desk_id}):",
          file=sys.stderr if found.first_changed is not None else sys.stdout)
    if found.first_changed is not None:
        print(f"{path}: records changed after the hub received them, from link "
              f"{found.first_changed:,} ({changed}), or the file was restored from a backup "
              "older than that link and written since; the hub holds links "
              f"1–{found.hub_head:,} as that enrolment sent them (its seal at "
              f"{found.compared_at:,}: {found.hub_seal}). Keep this file as evidence.",
              file=sys.stderr)
        return EXIT_REFUSED
    if found.compared_at:
        print(f"  the file holds links 1–{found.compared_at:,} exactly as it sent them")
    if found.file_lacks:
        print(f"  {path} lacks the {found.file_lacks:,} newest records it sent (links "
              f"{found.file_head + 1:,}–{found.hub_head:,}); the hub keeps them.")
    return EXIT_OK


def _say_compared(path: Path, hub: str, found, changed: str) -> int:
    if found.first_changed is not None:
        print(f"{path}: records changed after the hub received them, from link "
              f"{found.first_changed:,} ({changed}); the hub holds links 1–{found.hub_head:,} "
              f"as received (its seal at {found.compared_at:,}: {found.hub_seal}). Keep this "
              "file as evidence.", file=sys.stderr)
        return EXIT_REFUSED
    if found.compared_at:
        print(f"Hub {hub}: the file holds links 1–{found.compared_at:,} exactly as the hub "
              f"received them (desk {found.desk_id}; hub's seal {found.hub_seal})")
    if found.file_lacks:
        print(f"{path} lacks the {found.file_lacks:,} newest records the hub holds (links "
              f"{found.file_head + 1:,}–{found.hub_head:,}): restored from an older backup, or "
              "records removed. The hub keeps them.", file=sys.stderr)
        return EXIT_REFUSED
    if found.not_synced:
        print(f"Note: the {found.not_synced:,} newest records are not synced yet (not checked "
              "against the hub).")
    return EXIT_OK
