"""Command-line arguments and the headless commands (no window is opened for these)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.catalog import Catalog
from models.catalog_loader import CatalogError, load_catalog
from models.paths import default_plans_dir

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
    return parser


def run_command(args: argparse.Namespace) -> int:
    if args.command == "plans":
        folder = args.dir or args.plans or default_plans_dir()
        if args.plans_command == "check":
            return plans_check(folder)
        return plans_dump(folder)
    raise AssertionError(f"unhandled command {args.command}")


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
