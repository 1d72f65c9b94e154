"""Command-line arguments and the headless commands (no window is opened for these)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.catalog import Catalog
from models.catalog_loader import CatalogError, load_catalog
from models.paths import default_database_path, default_plans_dir

EXIT_OK = 0
EXIT_PROBLEMS = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Emergency Desk (应急处置台): incident response for a service-hall desk. "
        "Without a command, opens the desk window.",
    )
    parser.add_argument("--db", type=Path, help="database file (default: the per-user data "
                        "folder's emergency-desk.db)")
    parser.add_argument("--plans", type=Path, help="plan folder (default: the bundled plans/)")
    parser.add_argument("--self-test", action="store_true",
                        help="open the full window, check it, print what was checked, quit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    plans = commands.add_parser("plans", help="check or print the plan catalog")
    plans_cmds = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    check = plans_cmds.add_parser("check", help="validate the plan files; exit 2 on problems")
    check.add_argument("--dir", type=Path, help="plan folder to check")
    dump = plans_cmds.add_parser("dump", help="print the catalog")
    dump.add_argument("--json", action="store_true", required=True, help="as JSON")
    dump.add_argument("--dir", type=Path, help="plan folder to print")
    verify = commands.add_parser("verify", help="check every incident's timeline for entries "
                                 "altered or removed outside the program; exit 2 if any")
    verify.add_argument("--db", type=Path, dest="verify_db", help="database file to check")
    demo = commands.add_parser("demo", help="fill a database with generated incidents "
                               "(for training, screenshots and benchmarks)")
    demo.add_argument("--incidents", type=int, required=True, help="how many incidents")
    demo.add_argument("--days", type=int, required=True, help="spread over this many days "
                      "ending now")
    demo.add_argument("--db", type=Path, dest="demo_db", help="database file to fill")
    demo.add_argument("--force", action="store_true",
                      help="also write into a database that holds real incidents")
    export = commands.add_parser("export", help="write a PDF from the database")
    exports = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    sheet = exports.add_parser("contacts", help="the contact sheet for the wall")
    sheet.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    sheet.add_argument("--db", type=Path, dest="export_db", help="database file to read")
    return parser


def run_command(args: argparse.Namespace) -> int:
    if args.command == "plans":
        folder = args.dir or args.plans or default_plans_dir()
        if args.plans_command == "check":
            return plans_check(folder)
        return plans_dump(folder)
    if args.command == "demo":
        return fill_demo(args.demo_db or args.db or default_database_path(), args.incidents,
                         args.days, args.force, args.plans or default_plans_dir())
    if args.command == "export" and args.export_command == "contacts":
        return export_contacts(args.export_db or args.db or default_database_path(), args.out,
                               args.plans or default_plans_dir())
    if args.command == "verify":
        return verify_database(args.verify_db or args.db or default_database_path())
    raise AssertionError(f"unhandled command {args.command}")


def open_existing(path: Path):
    """Open a database that must already exist (a command never creates an empty one)."""
    from models.db import DatabaseRefused, open_database

    if not path.is_file():
        print(f"No database at {path}. Give the file with --db.", file=sys.stderr)
        return None
    try:
        return open_database(path)
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return None


def verify_database(path: Path) -> int:
    from models.incident import Incident, TimelineEntry
    from models.verify import verify_all

    db = open_existing(path)
    if db is None:
        return EXIT_PROBLEMS
    try:
        findings = list(verify_all())
        for f in findings:
            where = f"entry {f.entry_id}" if f.entry_id else "its newest entries"
            print(f"incident {f.number} (#{f.incident_id}): {where}: {PROBLEMS[f.problem]}",
                  file=sys.stderr)
        incidents, entries = Incident.select().count(), TimelineEntry.select().count()
    finally:
        db.close()
    if findings:
        print(f"{len(findings)} problem(s) in {path}: the timelines were changed outside "
              "Emergency Desk. Keep this file as evidence and restore from a backup.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"OK: {path}: {incidents} incidents, {entries} timeline entries, all intact")
    return EXIT_OK


PROBLEMS = {
    "altered": "altered after it was recorded",
    "chain_broken": "an entry before it was removed or inserted",
    "last_removed": "removed (the incident's newest entries are missing)",
}


def _load_or_report(folder: Path) -> Catalog | None:
    try:
        return load_catalog(folder)
    except CatalogError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {folder}", file=sys.stderr)
        return None


def plans_check(folder: Path) -> int:
    catalog = _load_or_report(folder)
    if catalog is None:
        return EXIT_PROBLEMS
    print(f"OK: {folder}: {len(catalog.levels)} levels, {len(catalog.categories)} categories, "
          f"{len(catalog.situations)} situations, {len(catalog.roles)} roles "
          f"(version {catalog.info.version})")
    return EXIT_OK


def plans_dump(folder: Path) -> int:
    catalog = _load_or_report(folder)
    if catalog is None:
        return EXIT_PROBLEMS
    text = json.dumps(catalog.to_dict(), ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return EXIT_OK


def fill_demo(path: Path, incidents: int, days: int, force: bool, plans: Path) -> int:
    import time
    from datetime import datetime

    from models.db import DatabaseRefused, open_database
    from models.demo import DemoRefused, generate
    from models.plan_version import record_plan_version

    if not 1 <= incidents <= 2_000_000 or not 1 <= days <= 36_500:
        print("--incidents must be 1 to 2,000,000 and --days 1 to 36,500.", file=sys.stderr)
        return EXIT_PROBLEMS
    catalog = _load_or_report(plans)
    if catalog is None:
        return EXIT_PROBLEMS
    try:
        db = open_database(path)
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    started = time.perf_counter()
    try:
        now = datetime.now().astimezone()
        plan = record_plan_version(catalog, now)
        stats = generate(catalog, plan, incidents=incidents, days=days, end=now,
                         allow_real=force, progress=lambda done: print(
                             f"\r{done}/{incidents}", end="", file=sys.stderr, flush=True))
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
          f"({size * 1e6 / max(1, stats.incidents) / 1024:.1f} KB per incident)")
    return EXIT_OK


def export_contacts(path: Path, out: Path, plans: Path) -> int:
    from datetime import UTC, datetime

    from models.contacts import contact_sheet, list_contacts
    from models.settings import SettingsStore
    from reports.contact_sheet import write_contact_sheet
    from reports.document import ReportError

    catalog = _load_or_report(plans)
    if catalog is None:
        return EXIT_PROBLEMS
    db = open_existing(path)
    if db is None:
        return EXIT_PROBLEMS
    try:
        contacts = list_contacts(catalog)
    finally:
        db.close()
    hall = str(SettingsStore(path.parent / "settings.json").get("hall_name"))
    sheet = contact_sheet(catalog, contacts, hall=hall, printed_at=datetime.now(UTC))
    try:
        write_contact_sheet(out, sheet=sheet)
    except ReportError as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"OK: {out}: {len(contacts)} contacts in {len(sheet.groups)} roles")
    return EXIT_OK
