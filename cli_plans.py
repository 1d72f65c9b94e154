"""The `plans` commands: check and print the plan folder; see, edit, submit, approve and
publish the hall's own version of the plans, and bring it up to date with newer shipped plans
(models.plans.drafts, publishing and updating)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cli_office import add_take_command, take_office_plans
from models.plans.catalog import Catalog
from models.plans.loader import CatalogError, load_catalog
from models.plans.manifest import MANIFEST_NAME, differences

EXIT_OK = 0
EXIT_PROBLEMS = 2

RESTORE_ADVICE = ("The plan folder is not as shipped: reinstall the program, or restore the "
                  "folder {folder} from a backup. If you edited the plan files on purpose "
                  "(a developer), run: uv run python tools/plans_manifest.py --dir {folder}")


def add_plans_commands(commands):
    """The `plans` command and its actions; returns the actions (others add theirs)."""
    plans = commands.add_parser("plans", help="check, print, edit and publish the plans")
    actions = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="validate the plan files and compare them with "
                               f"{MANIFEST_NAME}; exit 2 on problems or differences")
    check.add_argument("--dir", type=Path, help="plan folder to check")
    dump = actions.add_parser("dump", help="print the catalog")
    dump.add_argument("--json", action="store_true", required=True, help="as JSON")
    dump.add_argument("--dir", type=Path, help="plan folder to print")
    for command in (check, dump):
        command.add_argument("--edition", dest="plans_edition", metavar="KEY",
                             help="one kind of hall's edition (plans/editions.toml)")
    add_publishing_commands(actions)
    return actions


def run_plans(args, default_folder: Path, default_db: Path) -> int:
    folder = getattr(args, "dir", None) or args.plans or default_folder
    edition = getattr(args, "plans_edition", None) or args.edition or ""
    if args.plans_command == "check":
        return plans_check(folder, edition)
    if args.plans_command == "dump":
        return plans_dump(folder, edition)
    return run_publishing(args, args.plans or default_folder,
                          args.plans_db or args.db or default_db)


def load_or_report(folder: Path, edition: str = "") -> Catalog | None:
    """The plans in `folder` as `edition`'s hall follows them ("" or "all": the whole
    library), or None with every problem printed."""
    try:
        return in_edition_or_report(load_catalog(folder), folder, edition)
    except CatalogError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {folder}", file=sys.stderr)
        return None


def in_edition_or_report(library: Catalog, folder: Path, edition: str, *,
                         strict: bool = True) -> Catalog | None:
    """`library` (the shipped plans or the hall's published ones) as `edition`'s hall follows
    them, or None with every problem of the editions file printed. Not `strict` (the desk's
    setting, not a command-line choice): an edition the plans no longer have is the library."""
    from models.plans.editions import EditionsError, in_edition, load_editions

    try:
        editions = load_editions(folder, library)
        if not strict and editions.get(edition) is None:
            edition = ""
        return in_edition(library, editions, edition)
    except EditionsError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {folder}", file=sys.stderr)
        return None


def _counts(catalog: Catalog) -> str:
    return (f"{len(catalog.levels)} levels, {len(catalog.categories)} categories, "
            f"{len(catalog.situations)} situations, {len(catalog.roles)} roles")


def plans_check(folder: Path, edition: str = "") -> int:
    """The folder's content (every problem, FILE:LINE), how it differs from its manifest
    (files changed, missing or added; situations missing or added), and what each edition
    (kind of hall) gets of it."""
    from models.plans.editions import edition_catalog, load_editions

    found = differences(folder) if Path(folder).is_dir() else None
    catalog = load_or_report(folder, edition)
    if found:
        print(f"{folder} differs from its {MANIFEST_NAME}:", file=sys.stderr)
        for line in found.lines():
            print(f"  {line}", file=sys.stderr)
        print(RESTORE_ADVICE.format(folder=folder), file=sys.stderr)
    if catalog is None or found:
        return EXIT_PROBLEMS
    print(f"OK: {folder}: {_counts(catalog)} (version {catalog.info.version}), as its "
          f"{MANIFEST_NAME} lists" + (f", edition {edition}" if edition else ""))
    if not edition:  # each edition on a line: what a hall of that kind gets
        for ed in load_editions(folder, catalog).editions:
            cut = edition_catalog(catalog, ed)
            chain = " / ".join(f"{lv.level}→{cut.role(lv.report_to).name} "
                               f"{lv.report_within_minutes}'" for lv in cut.levels)
            print(f"  edition {ed.key} ({ed.name}): {len(cut.situations)} situations, "
                  f"{len(cut.roles)} roles; reports {chain}")
    return EXIT_OK


def plans_dump(folder: Path, edition: str = "") -> int:
    catalog = load_or_report(folder, edition)
    if catalog is None:
        return EXIT_PROBLEMS
    text = json.dumps(catalog.to_dict(), ensure_ascii=False, indent=2)
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return EXIT_OK


# ---- the hall's own plans: status, draft, submit, withdraw, approve, publish ------------------

REFUSALS = {
    "no_draft": "No draft is being worked on. Start one with: plans draft start --by NAME",
    "closed": "The draft is already {detail}. Start a new one with: plans draft start --by NAME",
    "not_editing": "The draft is {detail}: withdraw it first (plans withdraw --by NAME) to "
                   "change it; an approval is then void.",
    "bad_where": "'{where}' names nothing in the draft (at '{detail}'). Paths look like "
                 "situation.fire.step.0.text, role.clerk.number, level.1.report_within_minutes "
                 "or catalog.version; plans draft show PATH prints what is there.",
    "bad_value": "That value cannot be stored ({detail}).",
    "who_required": "Say who you are with --by NAME.",
    "too_long": "A name is too long ({detail}).",
    "broken": "Refused, nothing was saved: the draft would have these problems:",
    "no_changes": "The draft is the same as the plans running: change something first.",
    "same_version": "The draft still carries the version label {detail}, which is already "
                    "used: give it its own, e.g. plans draft set catalog.version 2026.2 --by "
                    "NAME (and catalog.revised, the date of the revision).",
    "signer_required": "Name the manager who signs (签发人) with --signer NAME.",
    "bad_date": "Give the date it was signed as YYYY-MM-DD with --date.",
    "future_date": "The date signed ({detail}) is after today: give the day it was signed.",
    "before_submission": "The date signed is before the draft was submitted (on {detail}): "
                         "nothing is signed before it is submitted. Check the date and the "
                         "computer's clock.",
    "clock_behind": "The computer's clock is earlier than the previous step ({detail}): set "
                    "the clock right first.",
    "own_submission": "{detail} submitted this draft and cannot also sign it: the manager who "
                      "approves it (签发人) must be someone else.",
    "not_submitted": "The draft is {detail}, not submitted: submit it first with plans submit "
                     "--by NAME.",
    "not_approved": "The draft is {detail}, not approved and signed: approve it first with "
                    "plans approve --signer NAME --date YYYY-MM-DD --by NAME.",
    "changed_since_submission": "The draft's text changed after it was submitted (outside the "
                                "program): withdraw it and submit it again.",
    "stale_base": "The draft was started from version {detail}, but the desk now runs other "
                  "plans (published or shipped with the program since): publishing it would "
                  "undo them. Bring it up to date with: plans update --by NAME (its changes "
                  "are carried over where they still apply), or discard it.",
    "up_to_date": "The hall's plans, or the draft open, already build on the plans the "
                  "program ships ({detail}): there is nothing to bring up to date.",
    "editions_broken": "The draft does not fit every kind of hall the program knows "
                       "(plans/editions.toml), so a desk could not start on it: {detail}. "
                       "Change the draft (plans draft set ...) so each edition still finds "
                       "what it names.",
}


def add_publishing_commands(actions) -> None:
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, dest="plans_db", help="database file")
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", required=True, metavar="NAME", help="who does it (recorded)")
    actions.add_parser("status", parents=[common], help="the plans the desk runs, who signed "
                       "them, and the draft being worked on")
    draft = actions.add_parser("draft", help="the hall's draft: start, show, "
                               "set, remove, changes, discard")
    steps = draft.add_subparsers(dest="draft_command", metavar="STEP", required=True)
    steps.add_parser("start", parents=[common, by], help="open the draft (or start one from "
                     "the plans running)")
    show = steps.add_parser("show", parents=[common], help="the draft, or the value at PATH")
    show.add_argument("where", nargs="?", metavar="PATH", help="e.g. situation.fire.step.0.text")
    put = steps.add_parser("set", parents=[common, by], help="set the value at PATH (checked "
                           "like the plan files; refused with its problems, nothing saved)")
    put.add_argument("where", metavar="PATH")
    put.add_argument("value", metavar="VALUE", help="read as TOML (5, true, 2026-12-01, "
                     "[\"a\", \"b\"], {text = \"...\"}); for a text field plain words need no "
                     "quotes")
    remove = steps.add_parser("remove", parents=[common, by], help="remove the field (its "
                              "default applies), the step or the entry at PATH")
    remove.add_argument("where", metavar="PATH")
    steps.add_parser("changes", parents=[common], help="every change: who, when, old -> new")
    steps.add_parser("discard", parents=[common, by], help="give up the draft")
    actions.add_parser("submit", parents=[common, by], help="submit the draft for approval")
    actions.add_parser("withdraw", parents=[common, by], help="take a submitted or approved "
                       "draft back to editing")
    approve = actions.add_parser("approve", parents=[common, by], help="record the approval "
                                 "signed by the manager (签发人)")
    approve.add_argument("--signer", required=True, metavar="NAME", help="签发人")
    approve.add_argument("--date", required=True, metavar="YYYY-MM-DD", dest="signed_on",
                         help="the day it was signed")
    actions.add_parser("publish", parents=[common, by], help="publish the approved draft: the "
                       "desk runs it from its next start")
    actions.add_parser("update", parents=[common, by], help="bring the hall's plans up to "
                       "date with newer plans shipped with the program: a new draft from them "
                       "with the hall's changes carried over where they still apply")
    add_take_command(actions, common)
    trigger = actions.add_parser("trigger", parents=[common, by], help="record a change of law "
                                 "or process that calls for a plan revision (第八条)")
    trigger.add_argument("--kind", required=True, choices=("law", "process"))
    trigger.add_argument("--note", required=True, metavar="TEXT", help="what changed")


def _open_upgrading_alone(db_path: Path):
    """The database, opened for the plans commands. A file of an older version is upgraded
    only while no desk holds it: a desk of the older program writing on after the upgrade
    would leave plan acts and changes outside the desk-wide chain, which the new program
    then refuses as edited outside it (DatabaseRefused "in_use" names the desk)."""
    from datetime import datetime

    from models.store.database import inspect
    from models.store.desk_lock import hold
    from models.store.schema import SCHEMA_VERSION, open_database

    version = inspect(db_path, SCHEMA_VERSION)
    if version is None or version >= SCHEMA_VERSION:
        return open_database(db_path)
    lock = hold(db_path, holder="plans", now=datetime.now())
    try:
        return open_database(db_path)
    finally:
        lock.release()


def run_publishing(args, folder: Path, db_path: Path) -> int:
    from models.plans.drafts import DraftRefused
    from models.plans.manifest import PlanFolderRefused
    from models.plans.running import RunningRefused
    from models.store.database import DatabaseRefused, check_intact

    if not db_path.is_file():
        print(f"No database at {db_path}. Start the desk once, or give the file with --db.",
              file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        db = _open_upgrading_alone(db_path)
    except DatabaseRefused as e:
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        check_intact(db.connection(), db_path)  # never write into a damaged file
    except DatabaseRefused as e:
        db.close()
        print(str(e), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        return _publishing_command(args, folder, db_path)
    except DraftRefused as e:
        say_refused(e, getattr(args, "where", "") or "")
        return EXIT_PROBLEMS
    except RunningRefused as e:
        which = f" (#{e.release_id})" if e.release_id else ""
        print(f"The plans this hall published{which} cannot be used: "
              + ("they no longer pass the checks." if e.code == "broken" else
                 "they, or the record of their drafting, were changed in the database "
                 "outside the program. Restore the database from a backup and keep this "
                 "file as evidence."), file=sys.stderr)
        for problem in e.problems if e.code == "tampered" else ():
            print(f"  {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    except (PlanFolderRefused, CatalogError) as e:
        lines = e.differences.lines() if isinstance(e, PlanFolderRefused) else e.problems
        for line in lines:
            print(f"  {line}", file=sys.stderr)
        print(RESTORE_ADVICE.format(folder=folder), file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        db.close()


def say_refused(e, where: str) -> None:
    print(REFUSALS.get(e.code, e.code).format(detail=e.detail, where=where), file=sys.stderr)
    for p in e.problems:
        line = f" ({p.problem.file}:{p.problem.line})" if p.problem.line else ""
        print(f"  {p.where or p.problem.file}: {p.problem.message}{line}", file=sys.stderr)


def _publishing_command(args, folder: Path, db_path: Path) -> int:
    from datetime import UTC, datetime

    from models.plans import drafts, publishing
    from models.plans.running import running_plan
    from models.store.settings import SettingsStore, hall_zone

    now = datetime.now(UTC)
    zone = hall_zone(SettingsStore(db_path.parent / "settings.json"))
    command = args.plans_command
    if command == "status":
        return plans_status(running_plan(folder), zone)
    if command == "draft":
        return _draft_command(args, folder, now, zone)
    if command == "trigger":
        return _record_trigger(args, now)
    if command == "update":
        return _update(running_plan(folder), args.by, now)
    if command == "take":  # head office's signed plans, from the desk's hub
        return take_office_plans(args, running_plan(folder), now)
    draft = drafts.open_draft_now()
    if draft is None:
        print(REFUSALS["no_draft"], file=sys.stderr)
        return EXIT_PROBLEMS
    if command == "submit":
        act = publishing.submit(draft, args.by, now, running_plan(folder))
        print(f"Submitted draft #{draft.id} (version {act.version}) for approval. Next: plans "
              "approve --signer NAME --date YYYY-MM-DD --by NAME")
    elif command == "withdraw":
        publishing.withdraw(draft, args.by, now)
        print(f"Draft #{draft.id} is back to editing; it must be submitted and approved again.")
    elif command == "approve":
        act = publishing.approve(draft, args.signer, _date(args.signed_on), args.by, now, zone)
        print(f"Draft #{draft.id} (version {act.version}) approved, signed by {act.signer} on "
              f"{act.signed_on}. Next: plans publish --by NAME")
    elif command == "publish":
        act = publishing.publish(draft, args.by, now, running_plan(folder))
        print(f"Published version {act.version} (signed by {act.signer} on {act.signed_on}). "
              "The desk runs it from its next start; incidents record it.")
    return EXIT_OK


def _update(running, who: str, now) -> int:
    from models.plans import updating

    done = updating.update(running, who, now)
    print(f"Draft #{done.draft.id} opened from the program's plans version "
          f"{done.library.version}: {done.carried} change(s) of the hall carried over, "
          f"{done.already} already in the program's plans.")
    if done.replaced is not None:
        print(f"Draft #{done.replaced}, open until now, is discarded: its changes are in the "
              "new draft where they still apply.")
    if done.leftovers:
        print(f"Not carried over ({len(done.leftovers)}): decide each, then change the draft "
              "with plans draft set PATH VALUE --by NAME:")
        for left in done.leftovers:
            print(f"  {leftover_line(left)}")
    print("Next: give it a version label of its own (plans draft set catalog.version ... --by "
          "NAME), then submit, approve and publish it.")
    return EXIT_OK


def leftover_line(left) -> str:
    def shown(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    why = {"changed": f"the program's plans now say {shown(left.now)}",
           "gone": "that place is no longer in the program's plans",
           "broken": f"the plans would have a problem: {left.detail}"}[left.reason]
    return f"{left.where}: the hall's {shown(left.old)} -> {shown(left.new)}; {why}"


def _record_trigger(args, now) -> int:
    from models.plans.revisions import ApprovalRefused, record_trigger

    try:
        record_trigger(args.kind, args.note, args.by, now)
    except ApprovalRefused as e:
        print({"note_required": "Say what changed with --note TEXT.",
               "recorder_required": "Say who you are with --by NAME.",
               "too_long": "The note or the name is too long."}.get(e.code, e.code),
              file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Recorded: a change of {args.kind} calls for a plan revision (第八条); plans status "
          "lists it until a revision is published.")
    return EXIT_OK


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        return None  # refused with the words for a bad date


def _draft_command(args, folder: Path, now, zone) -> int:
    from models.plans import drafts
    from models.plans.running import running_plan

    step = args.draft_command
    if step == "start":
        draft = drafts.open_draft(running_plan(folder), args.by, now)
        print(f"Draft #{draft.id} ({draft.status}), started by {draft.started_by} from version "
              f"{draft.base_version}. Change it with: plans draft set PATH VALUE --by NAME")
        return EXIT_OK
    draft = drafts.open_draft_now() or (drafts.latest_draft() if step == "changes" else None)
    if draft is None:
        print(REFUSALS["no_draft"], file=sys.stderr)
        return EXIT_PROBLEMS
    if step == "show":
        if args.where:
            value = drafts.read(draft, args.where)
            print(json.dumps(value, ensure_ascii=False, indent=2, default=str))
        else:
            catalog = drafts.draft_catalog(draft)
            print(f"Draft #{draft.id}: {draft.status}; version {catalog.info.version} "
                  f"(revised {catalog.info.revised}); started by {draft.started_by} from "
                  f"version {draft.base_version}; {len(drafts.changes(draft))} change(s)")
    elif step == "set":
        current = drafts.read(draft, args.where) if _names_something(draft, args.where) else None
        value = toml_value(args.value, current)
        _said_change(drafts.change(draft, args.where, value, args.by, now))
    elif step == "remove":
        _said_change(drafts.change(draft, args.where, None, args.by, now))
    elif step == "changes":
        print(f"Draft #{draft.id} ({draft.status}):")
        for c in drafts.changes(draft):
            print(f"{c.at.astimezone(zone):%Y-%m-%d %H:%M}  {c.by}  {c.where}: "
                  f"{json.dumps(c.old, ensure_ascii=False)} -> "
                  f"{json.dumps(c.new, ensure_ascii=False)}")
    elif step == "discard":
        drafts.discard(draft, args.by, now)
        print(f"Draft #{draft.id} discarded; the plans running are unchanged.")
    return EXIT_OK


def _names_something(draft, where: str) -> bool:
    from models.plans.drafts import DraftRefused, read

    try:
        read(draft, where)
    except DraftRefused:
        return False
    return True


def toml_value(text: str, current: object) -> object:
    """VALUE as TOML data; plain words (not TOML) as text, and anything for a field that holds
    text now (2026.2 for a version is a label, not a number)."""
    import tomllib

    try:
        value = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text
    return text if isinstance(current, str) and not isinstance(value, str) else value


def _said_change(change) -> None:
    if change is None:
        print("It already has that value: nothing recorded.")
    else:
        print(f"Changed {change.where}: {json.dumps(change.old, ensure_ascii=False)} -> "
              f"{json.dumps(change.new, ensure_ascii=False)} (recorded, by {change.by})")


def plans_status(running, zone) -> int:
    from models.plans import drafts, publishing, updating
    from models.plans.revisions import revision_triggers

    catalog = running.catalog
    stamp = publishing.stamp_of(catalog)
    where = ("published by this hall" if running.published
             else "the plans shipped with the program")
    signed = (f"signed by {stamp.signer}" + (f" on {stamp.signed_on}" if stamp.signed_on else "")
              if stamp.signer else "not signed (未签发)")
    print(f"Running: version {stamp.version} (revised {stamp.revised}), {where}; {signed}; "
          f"{len(catalog.situations)} situations")
    if news := updating.library_news(running):
        base, shipped = news
        print(f"The program ships plans version {shipped.version}, newer than version "
              f"{base.version} the hall's plans were built on: bring them up to date with "
              "plans update --by NAME")
    draft = drafts.open_draft_now()
    if draft is None:
        print("Draft: none (start one with: plans draft start --by NAME)")
    else:
        version = drafts.read(draft, "catalog.version")
        print(f"Draft #{draft.id}: {draft.status}, version {version}, started by "
              f"{draft.started_by} on {draft.started_at.astimezone(zone):%Y-%m-%d}; "
              f"{len(drafts.changes(draft))} change(s)")
        if base := updating.stale_reason(draft, running):
            print(f"  It was started from version {base}, no longer what the desk runs or the "
                  "program ships: it cannot be published. Bring it up to date with plans "
                  "update --by NAME, or discard it.")
        for left in updating.leftovers(draft):
            print(f"  Not carried over by the update: {leftover_line(left)}")
    for t in revision_triggers(catalog, zone):
        what = (f"major incident {t.detail} closed" if t.kind == "major_incident"
                else f"change of {t.kind} recorded: {t.detail}")
        print(f"Revision due (第八条): {what} on {t.on}")
    for act in publishing.acts()[-5:]:
        signer = f" (签发人 {act.signer}, {act.signed_on})" if act.act == "approved" else ""
        print(f"  {act.at.astimezone(zone):%Y-%m-%d %H:%M}  draft #{act.draft_id} {act.act} by "
              f"{act.by}, "
              f"version {act.version}{signer}")
    return EXIT_OK


def verified_or_report(folder: Path) -> Catalog | None:
    """The shipped folder's catalog if it is as its manifest lists; None after saying why."""
    from models.plans.manifest import PlanFolderRefused, load_verified

    try:
        return load_verified(folder)
    except PlanFolderRefused as e:
        print(f"{folder} differs from its {MANIFEST_NAME}:", file=sys.stderr)
        for line in e.differences.lines():
            print(f"  {line}", file=sys.stderr)
        print(RESTORE_ADVICE.format(folder=folder), file=sys.stderr)
    except CatalogError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s) in {folder}", file=sys.stderr)
    return None


def published_or(shipped: Catalog) -> Catalog | None:
    """With the database open: the hall's published plans if it has published its own, else
    `shipped`; None after saying why a published version cannot be used."""
    from models.plans.running import RunningRefused, latest_release, published_plan

    release = latest_release()
    if release is None:
        return shipped
    try:
        return published_plan(release).catalog
    except RunningRefused:
        print(f"The plans this hall published (#{release.id}) were changed in the database "
              "outside the program or no longer pass the checks: nothing was done. Run "
              "main.py plans status, or restore the database from a backup.", file=sys.stderr)
        return None
