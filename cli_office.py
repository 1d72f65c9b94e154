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


# ---- a desk taking head office's signed plans --------------------------------------------------

REFUSED = {
    "unsigned": "they are not signed",
    "no_key": "this desk trusts no office key yet: give --office-key FINGERPRINT (head "
              "office's IT reads it out: main.py hub keygen printed it)",
    "other_key": "they are signed with another key than the one this desk trusts",
    "bad_signature": "their signature does not match them (changed on the way?)",
    "broken": "they do not pass the checks",
    "bad_digest": "they are not the plans their signature names",
    "malformed": "the hub sent something that is not a plan bundle",
}


def add_take_command(actions, common) -> None:
    take = actions.add_parser("take", parents=[common], help="take the plans head office "
                              "published, from the desk's hub, if signed by the office key "
                              "the desk trusts")
    take.add_argument("--office-key", metavar="FINGERPRINT", help="the first time: the office "
                      "key's fingerprint IT gave (the hub's key is trusted only if it matches)")


def take_office_plans(args: argparse.Namespace, running, now: datetime) -> int:
    from models.plans.signing import BundleRefused
    from models.store.tables import SyncState
    from models.sync.client import HubUnreachable
    from models.sync.office_plans import OfficeClient, pin_office_key, pinned_key, take_fetched
    from models.sync.protocol import HubError

    state = SyncState.get_or_none(SyncState.id == 1)
    if state is None:
        print("This desk is not enrolled at a hub (main.py sync enrol).", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        with OfficeClient(state.hub_url, state.token) as client:
            answer = client.plans_latest()
    except (HubError, HubUnreachable) as e:
        print(f"The hub did not give the plans: {e}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.office_key and not pin_office_key(str(answer.get("office_key", "")),
                                              args.office_key):
        print(f"The hub offers another office key than {args.office_key} (or this desk "
              "trusts another already): nothing taken.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        taken = take_fetched(answer.get("bundle"), running, now)
    except BundleRefused as e:
        print(f"The plans from head office were refused: {REFUSED.get(e.code, e.code)}. "
              f"This desk keeps its plans.", file=sys.stderr)
        return EXIT_PROBLEMS
    if not taken.version:
        print("Head office has published no plans yet.")
    elif taken.act is None:
        print(f"This desk already runs the plans {taken.version} from head office.")
    else:
        print(f"Took the plans {taken.version} from head office (signed by "
              f"{taken.act.signer}, key {pinned_key()}): the desk runs them from its next "
              "start.")
    return EXIT_OK
