"""Head office's `export daily --hub URL`: the daily log of every desk that synced to a hub,
each desk named, as one PDF (models.sync.hub_daily_log makes it; reports/ renders it)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from models.clock.hall_time import DEFAULT_ZONE

EXIT_OK, EXIT_PROBLEMS = 0, 2


def add_hub_options(daily: argparse.ArgumentParser) -> None:
    daily.add_argument("--hub", metavar="URL", help="make it from a hub's copy of every desk "
                       "that synced there (head office), each desk named")
    daily.add_argument("--token-file", type=Path, metavar="FILE",
                       help="with --hub: a file holding an admin token of that hub")


def export_daily_from_hub(args: argparse.Namespace, catalog) -> int:
    from models.sync.client import HubUnreachable
    from models.sync.hub_daily_log import fetch_history, merged_daily_log
    from models.sync.office_plans import OfficeClient
    from models.sync.protocol import HubError
    from reports.daily_log import render_daily_log
    from reports.document import ReportError
    from reports.words import Words

    last = args.to or args.date
    if last < args.date:
        print(f"--to {last} is before --date {args.date}.", file=sys.stderr)
        return EXIT_PROBLEMS
    token = _token(args.token_file)
    if token is None:
        return EXIT_PROBLEMS
    try:
        with OfficeClient(args.hub, token) as client:
            pages = fetch_history(client.history, args.date, last, DEFAULT_ZONE)
    except ValueError as e:  # not a hub address
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    except (HubError, HubUnreachable) as e:
        print(f"The hub did not give its history: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    now = datetime.now(UTC)
    log = merged_daily_log(pages, catalog, args.date, last, DEFAULT_ZONE, now)
    if args.desk:
        print("--desk is not taken with --hub: every desk is listed, each named.",
              file=sys.stderr)
    pages_made: list[int] = []
    try:
        render_daily_log(log, args.out, generated_at=now, words=Words(), zone=DEFAULT_ZONE,
                         progress=pages_made.append)
    except ReportError as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    desks = len([name for name, _ in log.seals if name])
    print(f"Wrote {args.out} ({pages_made[-1] if pages_made else 0} pages): {len(log.rows)} "
          f"incidents and drills of {desks} desk{'' if desks == 1 else 's'} from {args.hub}")
    return EXIT_OK


def _token(path: Path | None) -> str | None:
    if path is None:
        print("--hub needs --token-file FILE (an admin token: main.py hub code --kind admin, "
              "then enrol)", file=sys.stderr)
        return None
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as e:
        print(f"Cannot read the token file {path}: {e.strerror}", file=sys.stderr)
        return None
    if not token:
        print(f"The token file {path} is empty.", file=sys.stderr)
        return None
    if os.name == "posix" and path.stat().st_mode & 0o077:
        print(f"Note: {path} can be read by others; chmod 600 it.", file=sys.stderr)
    return token
