"""`plans cards` and `plans booklet`: the printed plan from the command line (no window).

    main.py plans cards --situation fire --format a4 --out fire.pdf
    main.py plans booklet --out plan.pdf
    main.py plans cards --situation fire --edition gas_hall --out fire.pdf

The plans printed are those the desk runs: the edition set at the desk (Settings), or the one
`--edition` names ('all': the whole library), as `plans check`/`dump` and the exports do.
The numbers of the people behind each role and the signer come from the desk's database
(read only, never created); without one the cards print the plans' own numbers and a line
to write the others on. The PDF replaces an earlier PDF whole, or leaves it as it was; it
never replaces anything that is not a PDF (the database, a backup).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("a4", "a6")


def add_plan_card_commands(plans_cmds) -> None:
    cards = plans_cmds.add_parser("cards", help="print a situation's response card: an A4 "
                                  "wall board or an A6 pocket card (PDF)")
    cards.add_argument("--situation", required=True, metavar="KEY",
                       help="the situation's key, e.g. fire (`plans dump --json` lists them)")
    cards.add_argument("--format", choices=FORMATS, default="a4", dest="paper",
                       help="a4: the wall board (default); a6: the pocket card, front and back")
    booklet = plans_cmds.add_parser("booklet", help="print the whole plan as an A5 booklet "
                                    "(cover, contents, every situation) (PDF)")
    for parser in (cards, booklet):
        parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                            help="the PDF to write (replaced whole, or left as it was on "
                            "failure)")
        parser.add_argument("--db", type=Path, dest="cards_db", metavar="FILE",
                            help="the desk's database, for the numbers of the people behind "
                            "the roles and the signer (default: the desk's, if there is one)")
        parser.add_argument("--edition", dest="plans_edition", metavar="KEY",
                            help="one kind of hall's edition (plans/editions.toml; 'all': "
                            "every plan) instead of the desk's")


def run_plan_print(args: argparse.Namespace) -> int:
    import cli
    from models.store.paths import default_database_path, default_plans_dir

    catalog = cli._load_or_report(args.plans or default_plans_dir())
    if catalog is None:
        return cli.EXIT_PROBLEMS
    given = args.cards_db or args.db
    db_path = given or default_database_path()
    if given is None and not db_path.exists():
        print(f"No desk database at {db_path}: the cards print the plans' own numbers, a "
              "line to write the others on, and the signer the plan files name.",
              file=sys.stderr)
        return _write(args, catalog, None, db_path)
    db = cli.open_existing(db_path)
    if db is None:
        return cli.EXIT_PROBLEMS
    try:
        catalog = cli.published_or(catalog)  # the hall's published plans, if it has its own
        if catalog is None:
            return cli.EXIT_PROBLEMS
        return _write(args, catalog, db, db_path)
    finally:
        db.close()


def unknown_situation(key: str, catalog) -> str:
    known = "\n".join(f"  {s.key}: {s.name}" for s in catalog.situations)
    return (f"No situation {key!r} in the plans ({catalog.info.title}). Give one of these "
            f"keys (another kind of hall's: --edition KEY; every plan: --edition all):\n{known}")


def hall_plans(args: argparse.Namespace, library, settings):
    """`library` (the shipped plans, or the hall's published ones) as the hall follows it:
    the edition --edition names, else the desk's setting (one the plans no longer have: the
    whole library); None after printing what is wrong."""
    from cli_plans import in_edition_or_report
    from models.store.paths import default_plans_dir

    chosen = args.plans_edition or args.edition
    return in_edition_or_report(library, args.plans or default_plans_dir(),
                                chosen or str(settings.get("edition")), strict=bool(chosen))


def _write(args: argparse.Namespace, library, db, db_path: Path) -> int:
    import cli
    from models import plan_cards
    from models.contacts.directory import list_contacts, people_by_role
    from reports.document import ReportError
    from reports.words import Words

    settings = cli.settings_beside(db_path)
    hall, words = str(settings.get("hall_name")), Words(str(settings.get("language")))
    catalog = hall_plans(args, library, settings)
    if catalog is None:
        return cli.EXIT_PROBLEMS
    if args.plans_command == "cards" and args.situation not in {
            s.key for s in catalog.situations}:
        print(unknown_situation(args.situation, catalog), file=sys.stderr)
        return cli.EXIT_PROBLEMS

    if db is None:
        stamp, people = plan_cards.catalog_stamp(catalog), plan_cards.no_people
    else:
        from models.plans import publishing

        stamp = publishing.stamp_of(catalog)
        by_role = people_by_role(catalog, list_contacts(catalog))
        people = lambda key: by_role.get(key, [])  # noqa: E731
    pages: list[int] = []
    try:
        if args.plans_command == "cards":
            from reports.plan_cards import write_plan_card

            card = plan_cards.plan_card(catalog, args.situation, stamp, people=people, hall=hall)
            write_plan_card(args.out, card, paper=args.paper, words=words,
                            progress=pages.append)
        else:
            from reports.plan_booklet import write_plan_booklet

            booklet = plan_cards.plan_booklet(catalog, stamp, people=people, hall=hall)
            write_plan_booklet(args.out, booklet, words=words, progress=pages.append)
    except ReportError as e:
        print(str(e), file=sys.stderr)
        return cli.EXIT_PROBLEMS
    except Exception as e:  # a damaged database, or a bug: a plain message, no file written
        if db is not None and cli.say_if_damaged(e, db_path):
            return cli.EXIT_PROBLEMS
        print(f"The PDF could not be made ({type(e).__name__}: {e}). Nothing was written to "
              f"{args.out}.", file=sys.stderr)
        return cli.EXIT_FAILED
    count = pages[-1] if pages else 0
    signer = stamp.signer or "not signed yet"
    print(f"Wrote {args.out} ({count} page{'' if count == 1 else 's'}; plan version "
          f"{stamp.version}, signer: {signer})")
    return cli.EXIT_OK
