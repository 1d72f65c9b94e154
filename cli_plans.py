"""The `plans` commands: check and print the plan folder; see, edit, submit, approve and
publish the hall's own version of the plans (models.plans.drafts and publishing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from models.plans.catalog import Catalog
from models.plans.loader import CatalogError, load_catalog
from models.plans.manifest import MANIFEST_NAME, differences

EXIT_OK = 0
EXIT_PROBLEMS = 2

RESTORE_ADVICE = ("The plan folder is not as shipped: reinstall the program, or restore the "
                  "folder {folder} from a backup. If you edited the plan files on purpose "
                  "(a developer), run: uv run python tools/plans_manifest.py --dir {folder}")


def add_plans_commands(commands) -> None:
    plans = commands.add_parser("plans", help="check, print, edit and publish the plans")
    actions = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the plan files and compare them with "
                               f"{MANIFEST_NAME}; exit 2 on problems or differences")
    check.add_argument("--dir", type=Path, help="plan folder to check")
    dump = actions.add_parser("dump", help="print the catalog")
    dump.add_argument("--json", action="store_true", required=True, help="as JSON")
    dump.add_argument("--dir", type=Path, help="plan folder to print")


def run_plans(args, default_folder: Path) -> int:
    folder = getattr(args, "dir", None) or args.plans or default_folder
    if args.plans_command == "check":
        return plans_check(folder)
    if args.plans_command == "dump":
        return plans_dump(folder)
    raise AssertionError(f"unhandled plans command {args.plans_command}")


def load_or_report(folder: Path) -> Catalog | None:
    try:
        return load_catalog(folder)
    except CatalogError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {folder}", file=sys.stderr)
        return None


def plans_check(folder: Path) -> int:
    """The folder's content (every problem, FILE:LINE) and how it differs from its
    manifest (files changed, missing or added; situations missing or added)."""
    found = differences(folder) if Path(folder).is_dir() else None
    catalog = load_or_report(folder)
    if found:
        print(f"{folder} differs from its {MANIFEST_NAME}:", file=sys.stderr)
        for line in found.lines():
            print(f"  {line}", file=sys.stderr)
        print(RESTORE_ADVICE.format(folder=folder), file=sys.stderr)
    if catalog is None or found:
        return EXIT_PROBLEMS
    print(f"OK: {folder}: {len(catalog.levels)} levels, {len(catalog.categories)} categories, "
          f"{len(catalog.situations)} situations, {len(catalog.roles)} roles "
          f"(version {catalog.info.version}), as its {MANIFEST_NAME} lists")
    return EXIT_OK


def plans_dump(folder: Path) -> int:
    catalog = load_or_report(folder)
    if catalog is None:
        return EXIT_PROBLEMS
    text = json.dumps(catalog.to_dict(), ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return EXIT_OK
