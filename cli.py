"""Command-line arguments and the headless commands (no window is opened for these)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from cli_board import add_board_commands, run_board_command
from cli_hub import add_hub_commands, run_hub
from cli_office import add_hub_options, export_daily_from_hub
from cli_plan_cards import add_plan_card_commands, run_plan_print
from cli_plans import (
    add_plans_commands,
    in_edition_or_report,
    published_or,
    run_plans,
    verified_or_report,
)
from cli_sync import add_sync_commands, run_sync, verify_against_hub
from models.plans.catalog import Catalog
from models.store.paths import default_database_path, default_plans_dir

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_PROBLEMS = 2


def settings_beside(database: Path):
    """The desk's settings, kept beside its database (hall, time zone, backup folder...)."""
    from models.store.settings import SettingsStore

    return SettingsStore(database.parent / "settings.json")


def backup_folder_beside(database: Path) -> Path:
    """Where the desk of `database` keeps its backups (its settings say, or backups/)."""
    from models.store.backups import folder_for

    return folder_for(database, str(settings_beside(database).get("backup_folder")))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Emergency Desk (应急处置台): incident response for a service-hall desk. "
        "Without a command, opens the desk window.",
    )
    parser.add_argument("--db", type=Path, help="database file (default: the per-user data "
                        "folder's emergency-desk.db)")
    parser.add_argument("--plans", type=Path, help="plan folder (default: the bundled plans/)")
    parser.add_argument("--edition", metavar="KEY", help="the kind of hall whose plans to run "
                        "(plans/editions.toml; 'all': every plan), instead of the one set")
    parser.add_argument("--board", action="store_true", help="show the hall board (every "
                        "desk's incidents, from the hall hub) instead of the desk; enrol it "
                        "first: main.py board enrol")
    parser.add_argument("--self-test", action="store_true",
                        help="open the full window, check it, print what was checked, quit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_plan_card_commands(add_plans_commands(commands))
    add_hub_commands(commands)
    add_sync_commands(commands)
    add_board_commands(commands)
    verify = commands.add_parser("verify", help="check every incident's timeline for entries "
                                 "altered or removed outside the program; exit 2 if any")
    verify.add_argument("--db", type=Path, dest="verify_db", help="database file to check")
    verify.add_argument("--seal", default="", metavar="CODE",
                        help="also prove the file holds exactly what this seal (printed on a "
                        "daily log) sealed")
    verify.add_argument("--hub", dest="verify_hub", default="", metavar="URL",
                        help="also prove the file still holds what its hub received (an "
                        "enrolled desk)")
    seal = commands.add_parser("seal", help="print the seal code of everything the database "
                               "holds now (the anchor a signed daily log carries)")
    seal.add_argument("--db", type=Path, dest="seal_db", help="database file to seal")
    demo = commands.add_parser("demo", help="fill a database with generated incidents "
                               "(for training, screenshots and benchmarks)")
    demo.add_argument("--incidents", type=int, required=True, help="how many incidents")
    demo.add_argument("--days", type=int, required=True, help="spread over this many days "
                      "ending now")
    demo.add_argument("--db", type=Path, dest="demo_db", help="database file to fill")
    demo.add_argument("--force", action="store_true",
                      help="also write into a database that holds real incidents")
    backup = commands.add_parser("backup", help="make a checked copy of the database now "
                                 "(also while the desk runs) and rotate the old copies")
    backup.add_argument("--db", type=Path, dest="backup_db", help="database file to copy")
    backup.add_argument("--to", type=Path, dest="backup_to", metavar="FOLDER",
                        help="folder for the copy (default: the desk's backup folder)")
    restore = commands.add_parser("restore", help="put a backup in place of the database (the "
                                  "desk must be closed); the current file is kept beside it")
    restore.add_argument("--db", type=Path, dest="restore_db", help="database file to replace")
    restore.add_argument("--from", type=Path, dest="restore_from", required=True,
                         metavar="BACKUP", help="the backup file to restore")
    add_export_commands(commands)
    return parser


def run_command(args: argparse.Namespace) -> int:
    if args.command == "plans" and args.plans_command in ("cards", "booklet"):
        return run_plan_print(args)
    if args.command == "plans":
        return run_plans(args, default_plans_dir(), default_database_path())
    if args.command == "hub":
        return run_hub(args)
    if args.command == "sync":
        return run_sync(args, default_database_path())
    if args.command == "board":
        return run_board_command(args)
    if args.command == "demo":
        return fill_demo(args.demo_db or args.db or default_database_path(), args.incidents,
                         args.days, args.force, args.plans or default_plans_dir())
    if args.command == "verify":
        return verify_database(args.verify_db or args.db or default_database_path(), args.seal,
                               args.verify_hub)
    if args.command == "seal":
        return print_seal(args.seal_db or args.db or default_database_path())
    if args.command == "export":
        return run_export(args)
    if args.command == "backup":
        return backup_now(args.backup_db or args.db or default_database_path(), args.backup_to)
    if args.command == "restore":
        return restore_backup(args.restore_db or args.db or default_database_path(),
                              args.restore_from)
    raise AssertionError(f"unhandled command {args.command}")


def open_existing(path: Path, oldest: int = 1):
    """Open a database that must already exist, for reading only: a checking or printing
    command never creates, upgrades or writes the file it reads. None (after saying why)
    if it cannot be read."""
    from models.store.database import DatabaseRefused
    from models.store.schema import open_for_reading

    try:
        return open_for_reading(path, oldest=oldest)
    except DatabaseRefused as e:
        print(refused(e, path), file=sys.stderr)
        return None


DAMAGE_CODES = ("damaged", "no_version")  # refusals a backup puts right


def refused(error, path: Path) -> str:
    """A refusal's message; for a damaged file, with the newest good backup to restore."""
    return f"{error} {backup_advice(path)}" if error.code in DAMAGE_CODES else str(error)


def backup_advice(path: Path) -> str:
    from models.store import backups
    from models.store.schema import SCHEMA_VERSION

    folder = backup_folder_beside(path)
    newest = backups.newest_good(folder, path, SCHEMA_VERSION)
    if newest is None:
        return f"No backup of it was found in {folder}."
    return (f"The newest good backup is {newest.path} (made {newest.made:%Y-%m-%d %H:%M}); "
            f"restore it with: main.py restore --db {path} --from {newest.path}")


def verify_database(path: Path, seal: str = "", hub: str = "") -> int:
    """Check the file (SQLite's quick check), every timeline and the desk-wide chain, in one
    consistent snapshot (a desk writing meanwhile is not a finding); exit 2 names what is
    wrong. With `seal`, also that the file holds exactly what that seal sealed; with `hub`,
    what that hub received of it (cli_sync.verify_against_hub)."""
    from models.incidents.seal import parse_seal
    from models.store.database import DatabaseRefused, check_intact

    try:
        parse_seal(seal) if seal else None
    except ValueError as e:
        print(f"{e}. Copy the code exactly as printed on the daily log.", file=sys.stderr)
        return EXIT_PROBLEMS
    db = open_existing(path)
    if db is None:
        return EXIT_PROBLEMS
    try:
        check_intact(db.connection(), path)
        with db.atomic():  # one read transaction: one moment of the file
            findings, chain, guards, incidents, entries, sealed = _verify_timelines(db, seal)
            journal = (db.execute_sql("SELECT count(*) FROM journal_entry").fetchone()[0]
                       if db.table_exists("journal_entry") else 0)  # checked with the chain
    except DatabaseRefused as e:
        print(f"{refused(e, path)} Keep this file as evidence.", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as e:
        if not say_if_damaged(e, path):
            raise
        return EXIT_PROBLEMS
    finally:
        db.close()
    if findings or chain or guards:
        what = "records were" if findings or chain else "the file's own protection was"
        print(f"{len(findings) + len(chain) + len(guards)} problem(s) in {path}: {what} "
              f"changed outside Emergency Desk. Keep this file as evidence. "
              f"{backup_advice(path)}", file=sys.stderr)
        return EXIT_PROBLEMS
    media = " (read where it lies, on read-only media)" if db.on_read_only_media else ""
    print(f"OK: {path}: {incidents} incidents, {entries} timeline entries, {journal} journal "
          f"entries, all intact{media}")
    if not sealed:
        print("Seal now: (nothing recorded)")
    elif seal:
        print(f"Seal now: {sealed}; it holds all that seal {seal.strip()} sealed")
    else:
        print(f"Seal now: {sealed}")
    return verify_against_hub(path, hub) if hub else EXIT_OK


def print_seal(path: Path) -> int:
    from models.incidents.seal import current_seal

    db = open_existing(path, oldest=4)  # the desk-wide chain came with version 4
    if db is None:
        return EXIT_PROBLEMS
    try:
        code = current_seal()
    finally:
        db.close()
    print(code or "(nothing recorded yet: no seal)")
    return EXIT_OK


def _verify_timelines(db, seal: str):
    from models.incidents.seal import CHAIN_WORDS, check_chain, current_seal
    from models.incidents.verify import PROBLEM_WORDS, verify_all
    from models.store.database import schema_version
    from models.store.schema import missing_guards
    from models.store.tables import Incident, TimelineEntry

    findings = list(verify_all())
    for f in findings:
        where = f"entry {f.position} of its timeline (row {f.entry_id}): " if f.entry_id else ""
        print(f"incident {f.number} (#{f.incident_id}): {where}{PROBLEM_WORDS[f.problem]}",
              file=sys.stderr)
    chained = schema_version(db) >= 4  # older files gain the chain when the desk opens them
    if not chained:
        print("This file has no desk-wide chain yet (an older version): a whole incident "
              "removed, or a seal, cannot be checked until the desk has opened it once.")
    if chained and schema_version(db) < 6:
        print("This file's plan acts and changes are not in the desk-wide chain yet (an older "
              "version): they are linked, and then checked, once the desk has opened it.")
    chain = list(check_chain(seal)) if chained else []
    for c in chain:
        where = f"link {c.position}: " if c.position else ""
        what = f"{c.what}: " if c.what else ""  # the plan act or change it is about
        print(f"desk-wide chain: {where}{what}{CHAIN_WORDS[c.problem]}", file=sys.stderr)
    guards = missing_guards(db)
    for trigger, table in guards:
        print(f"guard {trigger}: SQLite's own refusal to change or delete rows of {table} "
              "was removed outside the program; what the checks above found intact is "
              "still intact, but the file was opened with a tool that can change records",
              file=sys.stderr)
    return (findings, chain, guards, Incident.select().count(), TimelineEntry.select().count(),
            current_seal() if chained else "")


def say_if_damaged(error: BaseException, path: Path) -> bool:
    """Print the damaged-file message if `error` is SQLite finding the file damaged."""
    from models.store.database import DatabaseRefused, is_damage

    if not is_damage(error):
        return False
    print(refused(DatabaseRefused("damaged", path, reason=str(error)), path), file=sys.stderr)
    return True




def _load_or_report(folder: Path) -> Catalog | None:
    """The shipped plans, verified against their manifest (the hall's published plans replace
    them once the database is open: cli_plans.published_or)."""
    return verified_or_report(folder)


def fill_demo(path: Path, incidents: int, days: int, force: bool, plans: Path) -> int:
    """Generated incidents into `path`, holding the desk's lock meanwhile (a desk running on
    the file would lose presses to a writer this fast)."""
    from models.store.database import DatabaseRefused
    from models.store.desk_lock import hold
    from models.store.settings import hall_zone

    if not 1 <= incidents <= 2_000_000 or not 1 <= days <= 36_500:
        print("--incidents must be 1 to 2,000,000 and --days 1 to 36,500.", file=sys.stderr)
        return EXIT_PROBLEMS
    catalog = _load_or_report(plans)
    if catalog is None:
        return EXIT_PROBLEMS
    try:
        zone = hall_zone(settings_beside(path))  # the desk's, as set
        lock = hold(path, holder="demo", now=datetime.now(zone))
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        return _fill_demo(path, catalog, incidents, days, force, zone)
    finally:
        lock.release()


def _fill_demo(path: Path, catalog: Catalog, incidents: int, days: int, force: bool,
               zone: ZoneInfo) -> int:
    import time

    from models.demo import DemoRefused, generate
    from models.plans.versions import record_plan_version
    from models.store.database import DatabaseRefused, check_intact
    from models.store.schema import open_database
    from models.store.tables import Incident

    try:
        db = open_database(path)
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        check_intact(db.connection(), path)  # never write into a damaged file
    except DatabaseRefused as e:
        db.close()
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    started = time.perf_counter()
    try:
        catalog = published_or(catalog)
        if catalog is None:
            return EXIT_PROBLEMS
        now = datetime.now(UTC)
        plan = record_plan_version(catalog, now)
        stats = generate(catalog, plan, incidents=incidents, days=days, end=now,
                         allow_real=force, zone=zone, progress=lambda done: print(
                             f"\r{done}/{incidents}", end="", file=sys.stderr, flush=True))
        total = Incident.select().count()
    except DemoRefused:
        print(f"{path} already holds real incidents; demo data would mix with them. Use "
              "another --db, or --force if that is really wanted.", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        db.close()
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(f"\n{stats.incidents} incidents ({stats.drills} drills), {stats.entries} timeline "
          f"entries, {stats.deadlines} deadlines in {seconds:.0f} s; {path} is {size:.0f} MB "
          f"with {total} incidents ({size * 1e6 / max(1, total) / 1024:.1f} KB per incident)")
    return EXIT_OK


# ---- export: PDFs for scheduled printing ----------------------------------------------------
# One small function per kind adds its subcommand (_add_export_KIND) and one prepares its
# PDF (export_KIND); run_export does what they share: the database, the plans, the settings,
# writing the file whole or not at all, and the messages.

class ExportRefused(Exception):
    """The export cannot be made from what was asked; the message says what to do."""


@dataclass(frozen=True)
class ExportContext:
    catalog: Catalog
    hall: str  # the desk's settings (settings.json beside the database)
    language: str
    now: datetime
    zone: ZoneInfo  # the hall's (settings.json beside the database; default Asia/Shanghai)
    edition: str = ""  # the kind of hall (--edition, or the settings')


WriteTo = Callable[[Path, Callable[[int], None]], object]  # writes the PDF, telling pages


def backup_now(path: Path, to: Path | None) -> int:
    from models.store import backups
    from models.store.database import DatabaseRefused
    from models.store.schema import SCHEMA_VERSION

    if not path.is_file():
        print(f"No database at {path}. Give the file with --db.", file=sys.stderr)
        return EXIT_PROBLEMS
    folder = to or backup_folder_beside(path)
    now = datetime.now()
    try:
        backups.check_backup(path, SCHEMA_VERSION)  # never copy a damaged file over good ones
        made = backups.make_backup(path, folder, now, known_version=SCHEMA_VERSION)
    except (DatabaseRefused, backups.BackupFailed) as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    removed = backups.rotate(folder, path, now)
    print(f"Wrote {made} ({made.stat().st_size / 1e6:.1f} MB, checked)"
          + (f"; removed {len(removed)} older backup(s)" if removed else ""))
    return EXIT_OK


def restore_backup(path: Path, source: Path) -> int:
    from models.store import backups
    from models.store.database import DatabaseRefused
    from models.store.desk_lock import hold
    from models.store.schema import SCHEMA_VERSION

    try:
        lock = hold(path, holder="restore", now=datetime.now())
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        kept = backups.restore(source, path, datetime.now(), known_version=SCHEMA_VERSION)
    except DatabaseRefused as e:
        print(f"{e} Nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as e:
        print(f"Restoring {source} failed ({e}). Check {path.parent}: the current database "
              "is there, or kept as *.before-restore-*.", file=sys.stderr)
        return EXIT_FAILED
    finally:
        lock.release()
    print(f"Restored {path} from {source}"
          + (f"; the file it replaced is kept as {kept.name}" if kept else ""))
    return EXIT_OK


def add_export_commands(commands) -> None:
    export = commands.add_parser("export", help="write a PDF (daily log, incident record) "
                                 "without opening the desk, e.g. for scheduled printing")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    _add_export_daily(kinds)
    _add_export_incident(kinds)
    _add_export_drill(kinds)
    _add_export_stats(kinds)
    _add_export_report(kinds)
    _export_parser(kinds, "contacts", "the contact sheet for the wall").set_defaults(
        export=export_contacts)


def _export_parser(kinds, name: str, help: str) -> argparse.ArgumentParser:
    parser = kinds.add_parser(name, help=help)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                        help="the PDF to write (replaced whole, or left as it was on failure)")
    parser.add_argument("--db", type=Path, dest="export_db", metavar="FILE",
                        help="database file to read")
    parser.set_defaults(oldest=1)  # the oldest database version whose tables it can read
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r}; write it as YYYY-MM-DD, e.g. 2026-11-20") from None


def _add_export_daily(kinds) -> None:
    daily = _export_parser(kinds, "daily", "the daily log of a day or a range of days")
    daily.add_argument("--date", type=_day, required=True, metavar="YYYY-MM-DD",
                       help="the day (the first day of a range)")
    daily.add_argument("--to", type=_day, metavar="YYYY-MM-DD", help="the last day of a range")
    daily.add_argument("--desk", default="", metavar="NAME", help="one desk only (default: all)")
    add_hub_options(daily)
    daily.set_defaults(export=export_daily)


def _add_export_incident(kinds) -> None:
    incident = _export_parser(kinds, "incident", "one incident's record")
    incident.add_argument("--id", required=True, metavar="N",
                          help="the incident's id, or its number such as 20261120-003")
    incident.set_defaults(export=export_incident)


def _add_export_drill(kinds) -> None:
    drill = _export_parser(kinds, "drill", "the report of a finished drill, for the trainer")
    drill.add_argument("--run", type=int, required=True, metavar="N",
                       help="the drill's number (listed when the number given is not found)")
    drill.set_defaults(export=export_drill, oldest=2)  # drill runs keep their report since v2


def _period(kind: str):
    def parse(text: str):
        from models.stats.period import parse_period

        try:
            period = parse_period(text)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
        if period.kind != kind:
            other = "--quarter" if kind == "month" else "--month"
            raise argparse.ArgumentTypeError(f"{text!r} is a {period.kind}: give it with {other}")
        return period
    return parse


def _add_export_stats(kinds) -> None:
    stats = _export_parser(kinds, "stats", "the statistics of a month or a quarter, with charts")
    which = stats.add_mutually_exclusive_group(required=True)
    which.add_argument("--month", type=_period("month"), dest="period", metavar="YYYY-MM",
                       help="a month of the hall's calendar, e.g. 2026-11")
    which.add_argument("--quarter", type=_period("quarter"), dest="period", metavar="YYYYQn",
                       help="a quarter, e.g. 2026Q4")
    stats.set_defaults(export=export_stats)


def export_stats(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.clock import hall_time
    from models.stats.queries import statistics
    from reports.statistics import render_statistics
    from reports.words import Words

    figures = statistics(ctx.catalog, args.period, hall=ctx.hall, zone=ctx.zone,
                         today=hall_time.day_of(ctx.now, ctx.zone), edition=ctx.edition)
    return lambda out, progress: render_statistics(
        figures, out, generated_at=ctx.now, words=Words(ctx.language), progress=progress,
        zone=ctx.zone)


def _add_export_report(kinds) -> None:
    report = _export_parser(kinds, "report", "a formal report filed upward (初报/续报/终报)")
    report.add_argument("--incident", required=True, metavar="NUMBER",
                        help="the incident's number such as 20261120-003, or its id")
    report.add_argument("--stage", required=True, choices=("initial", "followup", "final"))
    report.add_argument("--number", type=int, default=1, metavar="N",
                        help="which follow-up report (1 for 续报一; default 1)")
    report.set_defaults(export=export_report)


def export_report(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.incidents.record_document import find_incident
    from models.reporting.assemble import document
    from models.reporting.filing import filed_reports
    from models.reporting.stages import Slot, stage_name
    from reports.formal_report import render_formal_report
    from reports.words import Words

    incident_id = find_incident(args.incident)
    if incident_id is None:
        raise ExportRefused(f"No incident {args.incident!r} in this database. Give its number "
                            "as the history shows it (e.g. 20261120-003) or its id.")
    slot = Slot(args.stage, args.number if args.stage == "followup" else 1)
    filed = filed_reports(incident_id)
    report = next((r for r in filed if r.slot == slot), None)
    if report is None:
        names = ", ".join(f"{r.slot.stage}" + (f" --number {r.slot.number}"
                                                if r.slot.stage == "followup" else "")
                          + f" ({stage_name(r.slot)})" for r in filed)
        raise ExportRefused(f"Incident {args.incident} has no {stage_name(slot)} filed. "
                            + (f"Filed: {names}." if filed else "No report is filed yet."))
    printed = document(ctx.catalog, incident_id, report)
    return lambda out, progress: render_formal_report(
        printed, out, generated_at=ctx.now, words=Words(ctx.language), progress=progress,
        zone=ctx.zone)


def export_daily(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.incidents import history
    from reports.daily_log import render_daily_log
    from reports.words import Words

    last = args.to or args.date
    if last < args.date:
        raise ExportRefused(f"--to {last} is before --date {args.date}: give the first day "
                            "with --date and the last with --to.")
    if args.desk and args.desk not in history.desks():
        known = "、".join(history.desks()) or "none yet"
        raise ExportRefused(f"No incidents from a desk called {args.desk!r} in this database "
                            f"(desks: {known}). Check the name, or leave out --desk.")
    log = history.daily_log(ctx.catalog, args.date, last, hall=ctx.hall, desk=args.desk,
                            zone=ctx.zone)
    return lambda out, progress: render_daily_log(
        log, out, generated_at=ctx.now, words=Words(ctx.language), progress=progress,
        zone=ctx.zone)


def export_incident(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.incidents.record_document import build_record, find_incident
    from reports.incident_record import render_incident_record
    from reports.words import Words

    incident_id = find_incident(args.id)
    if incident_id is None:
        raise ExportRefused(f"No incident {args.id!r} in this database. Give its number as "
                            "the history shows it (e.g. 20261120-003) or its id.")
    record = build_record(ctx.catalog, incident_id)
    return lambda out, progress: render_incident_record(
        record, out, generated_at=ctx.now, words=Words(ctx.language), progress=progress,
        zone=ctx.zone)


def export_drill(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.clock import hall_time
    from models.drills.report import NoDrillReport, build_drill_report, finished_runs
    from reports.drill_report import write_drill_report
    from reports.words import Words

    try:
        report = build_drill_report(args.run)
    except NoDrillReport as e:
        if e.code == "not_finished":
            raise ExportRefused(f"Drill {args.run} has not ended yet: end it on the drill "
                                "screen first.") from None
        runs = [f"  {number}: {hall_time.local_text(started, ctx.zone)} {title} (trainer "
                f"{trainer or '-'}, x{rate}, score {score})"
                for number, started, title, trainer, rate, score in finished_runs()]
        raise ExportRefused("\n".join([f"No drill {args.run} in this database. Finished "
                                        "drills:", *runs] if runs else
                                       [f"No drill {args.run} in this database, and no "
                                        "finished drill yet."])) from None
    return lambda out, progress: write_drill_report(
        out, report, generated_at=ctx.now, words=Words(ctx.language), progress=progress,
        zone=ctx.zone)


def export_contacts(args: argparse.Namespace, ctx: ExportContext) -> WriteTo:
    from models.contacts.directory import contact_sheet, list_contacts
    from reports.contact_sheet import write_contact_sheet
    from reports.words import Words

    sheet = contact_sheet(ctx.catalog, list_contacts(ctx.catalog), hall=ctx.hall,
                          printed_at=ctx.now)
    return lambda out, progress: write_contact_sheet(out, progress, sheet=sheet,
                                                     words=Words(ctx.language), zone=ctx.zone)


def run_export(args: argparse.Namespace) -> int:
    from models.store.settings import hall_zone
    from reports.document import ReportError

    db_path = args.export_db or args.db or default_database_path()
    plans = args.plans or default_plans_dir()
    catalog = _load_or_report(plans)
    if catalog is None:
        return EXIT_PROBLEMS
    if getattr(args, "hub", None):  # head office: every desk that synced to the hub
        return export_daily_from_hub(args, catalog)
    db = open_existing(db_path, args.oldest)
    if db is None:
        return EXIT_PROBLEMS
    settings = settings_beside(db_path)
    catalog = published_or(catalog)  # the hall's published plans, as its edition has them
    catalog = catalog and in_edition_or_report(catalog, plans, args.edition or str(
        settings.get("edition")), strict=bool(args.edition))
    if catalog is None:
        db.close()
        return EXIT_PROBLEMS
    ctx = ExportContext(catalog, str(settings.get("hall_name")), str(settings.get("language")),
                        datetime.now(UTC), hall_zone(settings),
                        args.edition or str(settings.get("edition")))
    pages: list[int] = []
    try:
        args.export(args, ctx)(args.out, pages.append)
    except (ExportRefused, ReportError) as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as e:  # a damaged database, or a bug: a plain message, no file written
        if say_if_damaged(e, db_path):
            return EXIT_PROBLEMS
        print(f"The PDF could not be made ({type(e).__name__}: {e}). Nothing was written to "
              f"{args.out}.", file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.close()
    count = pages[-1] if pages else 0
    media = "; the database was read on read-only media" if db.on_read_only_media else ""
    print(f"Wrote {args.out} ({count} page{'' if count == 1 else 's'}){media}")
    return EXIT_OK
