"""The `board` command: enrol this PC as the hall's board (`main.py --board` then shows it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_NAME = "值班室看板"


def add_board_commands(commands) -> None:
    board = commands.add_parser("board", help="the hall board (main.py --board): enrol it "
                                "at the hall's hub")
    actions = board.add_subparsers(dest="board_command", metavar="ACTION", required=True)
    enrol = actions.add_parser("enrol", help="enrol this PC as a board of the hall (kept in "
                               "board.json in the data folder)")
    enrol.add_argument("--hub", required=True, metavar="URL", help="the hall hub, "
                       "e.g. http://192.168.1.10:8770")
    enrol.add_argument("--code", required=True, help="a board's enrolment code "
                       "(main.py hub code --kind board)")
    enrol.add_argument("--name", default=DEFAULT_NAME, help=f"the board's name at the hub "
                       f"(default {DEFAULT_NAME})")
    enrol.add_argument("--db", type=Path, dest="board_db", metavar="FILE",
                       help="keep board.json beside this database file (default: the "
                       "per-user data folder)")


def board_folder(db: Path | None) -> Path:
    """The board keeps board.json in the data folder: beside --db when given."""
    from models.store.paths import user_data_dir

    return db.parent if db else user_data_dir()


def run_board_command(args: argparse.Namespace) -> int:
    from models.services.board_enrolment import EnrolRefused, board_file, enrol, save

    try:
        enrolment = enrol(args.hub, args.code, args.name)
    except EnrolRefused as e:
        print(f"board not enrolled: {e}", file=sys.stderr)
        return 2
    path = save(board_file(board_folder(args.board_db or args.db)), enrolment)
    print(f"enrolled board {enrolment.name!r} at {enrolment.hub_url} "
          f"(hall {enrolment.hall_name or '?'}); kept in {path}; run: main.py --board")
    return 0
