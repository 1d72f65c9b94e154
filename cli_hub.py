"""The `hub` command: run a hall hub (or a head office) for desks to sync with."""

from __future__ import annotations

import argparse

DEFAULT_PORT = 8770


def add_hub_commands(commands) -> None:
    hub = commands.add_parser("hub", help="run a hall hub: desks of the hall (and a head "
                              "office) sync their records through it")
    hub.add_argument("--db", dest="hub_db", help="where the hub keeps events: a "
                     "postgresql://… URL, or a SQLite file (default: hub.db in the data folder)")
    hub.add_argument("--host", default="0.0.0.0", help="address to listen on (default: all)")
    hub.add_argument("--port", type=int, default=DEFAULT_PORT,
                     help=f"port to listen on (default {DEFAULT_PORT}; 0: any free port)")


def run_hub(args: argparse.Namespace) -> int:
    from hub.run import run

    return run(args.host, args.port)
