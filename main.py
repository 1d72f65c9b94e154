"""Emergency Desk (应急处置台): entry point.

Parses arguments; runs a headless command, or assembles the desk: database, plans,
translations, stylesheet, screens, main window, and the qasync event loop.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from cli import build_parser, run_command  # noqa: E402

EXIT_FAILED = 1
EXIT_REFUSED = 2
EXIT_RESTART = 3  # the hall chose its edition: the desk starts again with its plans


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command:
        return run_command(args)
    if args.board:
        return run_hall_board(args)
    code = run_desk(args)
    if code == EXIT_RESTART:  # everything is closed: the same command again
        import os

        os.execv(sys.executable, [sys.executable, *sys.argv[getattr(sys, "frozen", 0):]])
    return code


def run_desk(args) -> int:
    import os
    from datetime import datetime, timedelta

    os.environ.setdefault("QT_API", "pyside6")  # qasync must bind to PySide6

    from PySide6.QtWidgets import QApplication

    from models.clock.clocks import SystemClock
    from models.contacts.directory import seed_outside_numbers
    from models.incidents.response import keeping_running
    from models.incidents.running_edition import edition_to_run
    from models.incidents.timeline import last_recorded
    from models.journal.book import last_written
    from models.plans.editions import EditionsError, edition_problems, in_edition, load_editions
    from models.plans.loader import CatalogError
    from models.plans.manifest import PlanFolderRefused, load_verified
    from models.plans.revisions import lost_situations
    from models.plans.running import RunningRefused, running_plan
    from models.plans.versions import record_plan_version
    from models.store import backups
    from models.store.database import DatabaseRefused, is_damage
    from models.store.desk_lock import hold
    from models.store.paths import default_database_path, default_plans_dir
    from models.store.schema import SCHEMA_VERSION, open_database
    from models.store.settings import SettingsStore, hall_zone
    from models.sync.state import enrolment
    from ui.board.hall_strip import build_hall_strip
    from ui.common.errors import install_excepthook, show_error, show_warning
    from ui.common.fonts import apply_cjk_font
    from ui.common.i18n import install_translations
    from ui.common.style import apply_stylesheet, apply_text_size
    from ui.window.database_refusal import refusal_with_backup
    from ui.window.desk import build_desk

    db_path: Path = args.db or default_database_path()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Emergency Desk")
    app.setOrganizationName("EmergencyDesk")
    store = SettingsStore(db_path.parent / "settings.json")
    language = str(store.get("language"))
    translations_ok = install_translations(app, language)
    font_family = apply_cjk_font(app, int(store.get("text_size")))
    if not args.self_test:
        install_excepthook(db_path.parent / "errors.log")

    desk_lock = None  # held from before the database is opened until the desk quits
    backup_folder = backups.folder_for(db_path, str(store.get("backup_folder")))

    def explained(refused: DatabaseRefused) -> tuple[str, str]:
        return refusal_with_backup(refused, backup_folder,
                                   backups.newest_good(backup_folder, db_path, SCHEMA_VERSION))

    def refuse(title: str, text: str, details: str = "") -> int:
        if desk_lock is not None:
            desk_lock.release()
        if args.self_test:
            print(f"SELF-TEST FAILED: {title}: {text}\n{details}".rstrip(), file=sys.stderr)
        else:
            show_error(title, text, details)
        return EXIT_REFUSED

    plans_dir = args.plans or default_plans_dir()
    try:
        catalog = load_verified(plans_dir)
        editions = load_editions(plans_dir, catalog)
        in_edition(catalog, editions, args.edition or "")  # a mistyped --edition stops here
    except PlanFolderRefused as e:
        return refuse(app.translate("Main", "The plan folder is not as shipped"),
                      app.translate("Main", "The plan files differ from those shipped with the "
                                    "program (listed below), so the desk cannot trust them and "
                                    "does not start. Reinstall the program, or restore the "
                                    "folder {0} from a backup.").format(plans_dir),
                      "\n".join([*e.differences.lines(), *(str(p) for p in e.problems)]))
    except (CatalogError, EditionsError) as e:
        return refuse(app.translate("Main", "The plan files have errors"),
                      app.translate("Main", "The desk cannot start until the plan files are "
                                    "corrected. Each line below names the file, the line and "
                                    "the problem."), "\n".join(str(p) for p in e.problems))
    try:
        desk_lock = hold(db_path, holder=" ".join(
            str(store.get(k)) for k in ("hall_name", "desk_name") if store.get(k)) or "?",
            now=datetime.now(hall_zone(store)))
        db = open_database(db_path)
    except DatabaseRefused as e:
        return refuse(app.translate("Main", "The database cannot be used"),
                      *explained(e))
    app.aboutToQuit.connect(desk_lock.release)
    for folder in (db_path.parent, backup_folder):  # what a killed desk or command left
        backups.remove_leftovers(folder, datetime.now(), older_than=timedelta(hours=1))

    def refuse_damaged(error: Exception) -> int:
        """A damaged page met while starting: the clerk is told, nothing more is written."""
        db.close()
        if not is_damage(error):
            raise error
        return refuse(app.translate("Main", "The database cannot be used"), *explained(
            DatabaseRefused("damaged", db_path, reason=str(error))))

    try:  # the hall's time zone decides "today"; time never starts before what is recorded
        written = [t for t in (last_recorded(), last_written()) if t is not None]
        clock = SystemClock(hall_zone(store), not_before=max(written, default=None))
    except Exception as e:
        return refuse_damaged(e)
    try:  # the hall's published plans, if it has published its own
        running = running_plan(plans_dir)
        catalog = running.catalog
        lost = lost_situations(catalog)
    except RunningRefused as e:
        db.close()
        return refuse(*published_refusal(app, e))
    except Exception as e:
        return refuse_damaged(e)
    if lost:
        db.close()
        return refuse(app.translate("Main", "The plan files have lost situations"),
                      app.translate("Main", "The plan files still say version {0} but lack "
                                    "situations that version had: a plan file may have been "
                                    "cut short or emptied. Put the plan files back as they "
                                    "were; if the situations were removed on purpose, give the "
                                    "plans a new version in catalog.toml.").format(
                                        catalog.info.version), "\n".join(lost))
    # The hall's edition (after the check above: that compares the whole library with the
    # texts used before, whichever edition they were). One no longer in the plans: asked again.
    edition = args.edition or str(store.get("edition"))
    edition = edition if edition in (*editions.keys(), "all") else ""
    unfit = edition_problems(catalog, plans_dir) if running.published else []
    if unfit:  # published before such versions were refused: say so, never crash on it
        db.close()
        return refuse(app.translate("Main", "The published plans cannot be used"),
                      app.translate("Main", "The plans this hall published do not fit the kinds "
                                    "of hall the program knows (listed below), so the desk "
                                    "cannot cut this hall's plans from them. Correct them in a "
                                    "new draft (main.py plans draft) and publish it, or restore "
                                    "the database from a backup."), "\n".join(unfit))
    try:  # a new choice waits until the incidents running under the old one are closed
        edition = edition_to_run(catalog, editions, edition)
    except Exception as e:
        return refuse_damaged(e)
    catalog = in_edition(catalog, editions, edition)
    restarting: list[bool] = []

    def restart() -> None:
        restarting.append(True)
        desk.window.close()

    try:
        plan = record_plan_version(catalog, clock.now())
        catalog = keeping_running(catalog)  # incidents of a situation since removed still open
        if edition or not editions.editions:  # the hall's own: not another hall's numbers
            seed_outside_numbers(catalog)  # a new directory starts with 110, 119, 120, 95598 ...
        desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                          font_family=font_family, drills_dir=plans_dir / "drills",
                          own_drills_dir=db_path.parent / "drills",
                          restyle=lambda size: apply_text_size(app, size),
                          editions=editions, edition=edition, restart=restart,
                          running=lambda: running_plan(plans_dir), database=db_path,
                          hall_strip=lambda now: build_hall_strip(enrolment=enrolment(),
                                                                  now=now))
    except Exception as e:
        return refuse_damaged(e)
    window = desk.window
    # Styled after building: Qt then polishes only the widgets shown, not every hidden page.
    apply_stylesheet(app, int(store.get("text_size")))
    painted_at: list[float] = []  # when the window was first painted
    window.painted.connect(lambda: painted_at.extend(
        (time.time(), (time.perf_counter() - STARTED) * 1000)))

    window.resize(app.primaryScreen().availableGeometry().size())
    window.showMaximized()
    window.activateWindow()  # keys go to the desk at once (the shortcuts need focus)
    try:
        desk.start()
    except Exception as e:
        window.close()
        return refuse_damaged(e)
    app.processEvents()  # the first paint, before the event loop's machinery is even loaded
    import asyncio

    import qasync

    from ui.window.database_backup import keep_backups
    from ui.window.database_check import check_database

    painted = asyncio.Event()
    window.painted.connect(painted.set)
    if painted_at:
        painted.set()

    async def run() -> int:
        if args.self_test:
            try:
                await asyncio.wait_for(painted.wait(), timeout=20)
            except TimeoutError:
                print("SELF-TEST FAILED: window never painted", file=sys.stderr)
                return EXIT_FAILED
            return self_test(app, desk, db, db_path, catalog, plan, font_family,
                             language if translations_ok else "?", painted_at)
        closed = asyncio.Event()
        app.aboutToQuit.connect(closed.set)
        checking = asyncio.ensure_future(check_database(
            db_path, warn=lambda *texts: show_warning(window, *texts)))
        backing_up = asyncio.ensure_future(keep_backups(
            db_path, backup_folder, now=datetime.now, known_version=SCHEMA_VERSION,
            warn=lambda *texts: show_warning(window, *texts),
            checkpoint=lambda: db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")))
        desk.ask_at_start()  # which hall (the first time), who is on duty
        desk.sync.start()  # an enrolled desk syncs with its hall hub; others: nothing
        await closed.wait()
        desk.sync.stop()
        checking.cancel()
        backing_up.cancel()
        return 0

    try:
        code = qasync.run(run())
    finally:
        db.close()
    return EXIT_RESTART if restarting and code == 0 else code


def run_hall_board(args) -> int:
    """The hall board instead of the desk: no database; board.json beside --db (or in the
    per-user data folder)."""
    from PySide6.QtWidgets import QApplication

    from models.store.paths import user_data_dir
    from models.store.settings import SettingsStore, hall_zone
    from ui.board.board_app import run_board
    from ui.common.fonts import apply_cjk_font
    from ui.common.i18n import install_translations
    from ui.common.style import apply_stylesheet
    from ui.window.sound_players import find_player

    folder = args.db.parent if args.db else user_data_dir()  # as cli_board.board_folder
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Emergency Desk")
    app.setOrganizationName("EmergencyDesk")
    store = SettingsStore(folder / "settings.json")
    install_translations(app, str(store.get("language")))
    apply_cjk_font(app, int(store.get("text_size")))
    apply_stylesheet(app, int(store.get("text_size")))
    return run_board(folder, app=app, zone=hall_zone(store), sound_player=find_player,
                     alarm_sound=bool(store.get("alarm_sound")),
                     volume=int(store.get("alarm_volume")))


def published_refusal(app, error) -> tuple[str, str, str]:
    """Title, text and details when the hall's published plans cannot be trusted."""
    title = app.translate("Main", "The published plans cannot be used")
    if error.code == "broken":
        return title, app.translate(
            "Main", "The plans this hall published no longer pass the program's checks (listed "
            "below). Correct them in a new draft (main.py plans draft) and publish it, or "
            "restore the database from a backup."), "\n".join(str(p) for p in error.problems)
    return title, app.translate(
        "Main", "The plans this hall published, or the record of their drafting and approval, "
        "were changed in the database outside the program (what was changed is listed below). "
        "The desk does not start on them. Restore the database from a backup and keep this "
        "file as evidence."), "\n".join(
            error.problems)  # the plan acts or changes found edited, if that is what it was


def self_test(app, desk, db, db_path, catalog, plan, font_family, language,
              painted_at: list[float]) -> int:
    """Print what the self-test checked; EXIT_FAILED if anything is wrong."""
    from ui.window.self_test import SelfTestReport, check_pdf, check_pinyin, check_window

    report = SelfTestReport()
    journal = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
    report.lines.append(f"database: {db_path} (journal {journal}, plan version "
                        f"{plan.version} #{plan.id})")
    report.lines.append(f"plans: {len(catalog.categories)} categories, "
                        f"{len(catalog.situations)} situations, {len(catalog.roles)} roles")
    report.lines.append(f"deadlines: {len(desk.deadlines.views)} open, "
                        f"{len(desk.deadlines.alarming())} missed and not yet acknowledged")
    check_window(report, app, desk.window, font_family, language)
    check_pdf(report, catalog, desk.deadlines.now())
    check_pinyin(report)
    epoch, elapsed_ms = painted_at
    report.lines.append(f"start-up: {elapsed_ms:.0f} ms (program start to window painted)")
    report.lines.append(f"painted at: {epoch:.3f} (seconds since the epoch)")
    print("\n".join(report.lines))
    if report.failures:
        print("\n".join(f"SELF-TEST FAILED: {f}" for f in report.failures), file=sys.stderr)
        return EXIT_FAILED
    print("self-test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
