"""The `hub` command: run a hall hub (or a head office) for desks to sync with, and look after
it: issue enrolment codes, withdraw a desk's token."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime

from hub.office.cli import ACTIONS as OFFICE_ACTIONS
from hub.office.cli import (
    add_office_actions,
    add_upstream_options,
    run_office_action,
    upstream_of,
)
from models.store.paths import user_data_dir

DEFAULT_PORT = 8770
HUB_FILE = "hub.db"
TEST_HOOKS_ENV = "ED_HUB_TEST_HOOKS"


def _port(text: str) -> int:
    port = int(text) if text.strip().lstrip("-").isdigit() else -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535, not {text!r}")
    return port


def add_hub_commands(commands) -> None:
    hub = commands.add_parser("hub", help="run a hall hub: desks of the hall (and a head "
                              "office) sync their records through it")
    _db_option(hub, None)
    hub.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    hub.add_argument("--port", type=_port, default=DEFAULT_PORT,
                     help=f"port to listen on (default {DEFAULT_PORT}; 0: any free port)")
    hub.add_argument("--test-stall-push", type=int, default=0, help=argparse.SUPPRESS)
    add_upstream_options(hub)
    actions = hub.add_subparsers(dest="hub_action")
    code = actions.add_parser("code", help="print a one-time code a desk (board, hub, admin) "
                              "enrols with; works while the hub runs")
    _db_option(code, argparse.SUPPRESS)
    code.add_argument("--kind", choices=("desk", "board", "hub", "admin"), default="desk")
    code.add_argument("--hall", help="the hall it belongs to (default: the hub's only hall)")
    code.add_argument("--valid", type=float, default=24.0, metavar="HOURS",
                      help="hours the code stays valid (default 24)")
    revoke = actions.add_parser("revoke", help="withdraw a desk's token (it must enrol again)")
    _db_option(revoke, argparse.SUPPRESS)
    revoke.add_argument("--desk", required=True, help="the desk's name (or its id)")
    add_office_actions(actions, lambda parser: _db_option(parser, argparse.SUPPRESS))


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("--db", dest="hub_db", default=default,
                        help="where the hub keeps events: a postgresql://… URL, or a SQLite "
                             f"file (default: {HUB_FILE} in the data folder)")


def hub_database(args: argparse.Namespace) -> str:
    return getattr(args, "hub_db", None) or str(user_data_dir() / HUB_FILE)


def run_hub(args: argparse.Namespace) -> int:
    action = getattr(args, "hub_action", None)
    if action == "code":
        return _code(args)
    if action == "revoke":
        return _revoke(args)
    if action in OFFICE_ACTIONS:
        return run_office_action(args, hub_database(args))
    from hub.context import Hooks
    from hub.run import run

    if (args.test_stall_push or args.test_stall_forward) and \
            os.environ.get(TEST_HOOKS_ENV) != "1":
        print(f"hub: test hooks need {TEST_HOOKS_ENV}=1", file=sys.stderr)
        return 2
    return run(hub_database(args), args.host, args.port, Hooks(stall_push=args.test_stall_push),
               upstream=upstream_of(args))


def _code(args: argparse.Namespace) -> int:
    from hub.enrolment import EnrolRefused, issue_code
    from hub.store import HubRefused, open_store

    if not 0 < args.valid <= 24 * 365:
        print("hub code: --valid takes hours, more than 0", file=sys.stderr)
        return 2
    try:
        store = open_store(hub_database(args))
    except HubRefused as e:
        print(f"hub code: {e}", file=sys.stderr)
        return 2
    try:
        code, hall = issue_code(store, kind=args.kind, hall=args.hall, valid_hours=args.valid,
                                now=datetime.now(UTC))
    except EnrolRefused as e:
        print(f"hub code: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(code)
    print(f"(enrols one {args.kind} of {hall}, once, within {args.valid:g} h)", file=sys.stderr)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from hub.enrolment import revoke
    from hub.store import HubRefused, open_store

    try:
        store = open_store(hub_database(args))
    except HubRefused as e:
        print(f"hub revoke: {e}", file=sys.stderr)
        return 2
    try:
        withdrawn = revoke(store, args.desk, datetime.now(UTC))
    finally:
        store.close()
    if not withdrawn:
        print(f"hub revoke: no enrolled desk named {args.desk!r}", file=sys.stderr)
        return 2
    if len(withdrawn) > 1:
        print(f"hub revoke: several desks are named {args.desk!r}; give one id: "
              + ", ".join(d for d, _ in withdrawn), file=sys.stderr)
        return 2
    print(f"withdrew the token of {withdrawn[0][1]} ({withdrawn[0][0]})")
    return 0
