"""Assembling the desk: controllers, screens, timer panel, alarms, wired together.

main.py calls build_desk(); tests call it too, so the whole desk can be driven headlessly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QToolButton, QWidget

from models.clock.act import Act, Who
from models.clock.clocks import Clock, DeskClock, JumpWatch
from models.clock.workdays import HolidayCalendar
from models.plans.catalog import Catalog
from models.plans.editions import NO_EDITIONS, WHOLE_LIBRARY, Editions
from models.services.contacts import ContactService
from models.services.drills import DrillService
from models.services.duty import DutyService, draft_beside
from models.services.incidents import IncidentService
from models.services.plans import PlanService, PlanVersion
from models.services.records import RecordService
from models.services.reporting import ReportingService
from models.services.sync import SyncService
from models.store.paths import default_plans_dir, user_data_dir
from models.store.settings import SettingsStore, holiday_override, put_on_duty
from ui.common.after_paint import AfterPaint
from ui.common.app_icon import app_icon
from ui.common.ask import Confirm, ask_yes_no
from ui.common.message_tone import show_message
from ui.common.operations import Operations
from ui.common.over_screen import show_over_screen
from ui.common.pdf_export import PdfExport, PdfTools
from ui.contacts.contacts_controller import ContactsController
from ui.drills.drill_banner import DrillBanner
from ui.drills.drill_controller import DrillController
from ui.duty.duty_controller import DutyController
from ui.emergency.emergency_screen import EmergencyScreen
from ui.emergency.guided_response import GuidedResponse
from ui.emergency.incident_controller import IncidentController
from ui.reporting.report_opener import ReportOpener
from ui.window.alarm_banner import AlarmBanner
from ui.window.alarm_sound import AlarmSound
from ui.window.clerk_dialog import ClerkDialog
from ui.window.close_guard import CloseGuard
from ui.window.deadline_controller import DeadlineController
from ui.window.edition_dialog import EditionDialog
from ui.window.emergency_keys import CALL_KEYS, EmergencyKeys
from ui.window.header_bar import HeaderBar
from ui.window.main_window import MainWindow
from ui.window.screens import build_screens, first_screen
from ui.window.sound_players import find_player
from ui.window.sync_controller import SyncController
from ui.window.timer_panel import TimerPanel

CALL_FORM_KEY = "F8"  # an incoming call, from every screen of the main window


class HallStripLike(Protocol):
    """The hall's other desks in the header (ui/board/hall_strip.py), started with the desk."""

    def start(self) -> None: ...


if TYPE_CHECKING:  # the hidden screens' modules are imported when first shown
    from ui.drills.drill_screen import DrillScreen
    from ui.history.incidents_screen import IncidentsScreen


@dataclass
class Desk:
    window: MainWindow
    header: HeaderBar
    incidents: IncidentController
    deadlines: DeadlineController
    emergency: EmergencyScreen
    drills: DrillController
    timer_panel: TimerPanel
    alarm_banner: AlarmBanner
    sound: AlarmSound
    tray: QSystemTrayIcon | None
    pdf: PdfTools  # the one PDF exporter; tests replace its dialogs
    contacts: ContactsController
    operations: Operations  # every command of every screen runs through it
    ask_at_start: Callable[[], None]  # which hall (if not chosen yet), then who is on duty
    cards_redraw: AfterPaint  # the timer cards drawn anew, after the repaint waiting (`ran`)
    sync: SyncController | None = None  # syncing with a hall hub (started in the event loop)
    hall_strip: HallStripLike | None = None  # the hall's other desks, when enrolled at a hub
    duty: DutyController | None = None  # the duty phone log (F8) and the shift handover

    def start(self) -> None:
        """End a drill a crash cut short, restore the deadlines (missing those that passed
        while closed) and start ticking."""
        self.drills.recover()
        self.deadlines.start()
        self.emergency.guided.prebuild_plans()  # while idle: the first press finds its page
        if self.hall_strip is not None:
            self.hall_strip.start()  # its worker thread talks to the hub

    @property
    def incidents_screen(self) -> IncidentsScreen:
        """Built on first use, like every screen but the emergency one."""
        return self.window.screen("incidents")

    @property
    def drill_screen(self) -> DrillScreen:
        return self.window.screen("drills")


def build_desk(*, catalog: Catalog, plan: PlanVersion, store: SettingsStore, clock: Clock,
               confirm: Confirm = ask_yes_no,
               font_family: str | None = None, drills_dir: Path | None = None,
               own_drills_dir: Path | None = None,
               restyle: Callable[[int], None] | None = None,
               sound_player: Callable[[], QObject | None] = find_player,
               editions: Editions = NO_EDITIONS, edition: str = "",
               restart: Callable[[], None] | None = None,
               running: Callable[[], object] | None = None,
               database: Path | None = None,
               hall_strip: Callable[[Callable[[], datetime]], HallStripLike | None]
               | None = None) -> Desk:
    """`drills_dir`: the shipped scenarios; `own_drills_dir`: the trainer's (beside the
    database: the program folder may be read-only); `restyle`: applies a new text size to
    the running desk (main.py: ui.common.style.apply_text_size); `sound_player`: what plays
    the alarm; `editions`, `edition`: the kinds of hall and the one `catalog` is the plans
    of ("" none chosen: every plan); `restart`: starts the desk again (a chosen edition);
    `running`: the plans the desk runs (models.plans.running.RunningPlan), read again: a new
    draft starts from them (main.py: running_plan of its plan folder); without it the plans
    screen offers no editor. `database`: the desk's file, for syncing with a hall hub once
    enrolled (SyncController; main.py starts it in the event loop). `hall_strip`: makes the
    strip of the hall's other desks from the real time (main.py: ui.board.hall_strip; None,
    or it gives None: a desk not enrolled)."""
    clock = clock if isinstance(clock, DeskClock) else DeskClock(clock)  # drills speed it up
    def who() -> Who:
        return Who(hall=str(store.get("hall_name")), desk=str(store.get("desk_name")),
                   clerk=str(store.get("clerk_on_duty")))

    def calendar() -> HolidayCalendar:
        return HolidayCalendar(holiday_override(store))

    operations = Operations()
    incident_service = IncidentService(catalog=catalog, plan=plan, clock=clock, who=who,
                                       calendar=calendar)
    act = incident_service.act  # who acts, now, under which calendar (a drill's holiday too)
    records = RecordService(catalog=catalog, act=act)
    incidents = IncidentController(service=incident_service, operations=operations)
    deadlines = DeadlineController(service=incident_service, operations=operations)
    pdf = PdfTools(exporter=PdfExport(), generated_by=lambda: who().clerk, now=clock.now,
                   language=lambda: str(store.get("language")), zone=clock.zone)
    contacts = ContactsController(service=ContactService(catalog=catalog, clock=clock),
                                  operations=operations)
    def real_act() -> Act:
        """Calls and handovers happen in real time, even while a drill runs the clock faster."""
        return Act(who(), clock.real_now(), calendar(), clock.zone)

    duty = DutyController(service=DutyService(catalog=catalog, act=real_act,
                                              draft_file=draft_beside(store.path)),
                          operations=operations)
    reports = ReportOpener(service=ReportingService(catalog=catalog, act=act,
                                                    edition=lambda: edition),
                           operations=operations, pdf=pdf, confirm=confirm,
                           clerk=lambda: who().clerk)
    guided = GuidedResponse(controller=incidents, confirm=confirm,
                            manual_triggers=deadlines.manual_triggers, pdf=pdf,
                            contacts=contacts, records=records, reports=reports)
    emergency = EmergencyScreen(controller=incidents, guided=guided)
    header = HeaderBar(clock=clock, hall=str(store.get("hall_name")),
                       desk=str(store.get("desk_name")))
    header.set_clerk(str(store.get("clerk_on_duty")))
    # "本厅其他窗口": one line in the header, beside the name (no height taken from the screens)
    strip = hall_strip(clock.real_now) if hall_strip is not None else None
    if strip is not None:
        header.layout().insertWidget(1, strip, 1)
    panel = TimerPanel(catalog=catalog, people=contacts.people, zone=clock.zone)
    banner = AlarmBanner()
    sound = AlarmSound(enabled=bool(store.get("alarm_sound")), player=sound_player(),
                       volume=int(store.get("alarm_volume")))
    hall_kind = editions.get(edition)
    drill_service = DrillService(catalog=catalog, plan=plan, act=act, edition=edition,
                                 edition_name=hall_kind.name if hall_kind else "")
    drill_controller = DrillController(service=drill_service, clock=clock, incidents=incidents)
    plans = PlanService(catalog=catalog, plan=plan, now=clock.real_now, zone=clock.zone)
    drill_banner = DrillBanner(drills=drill_controller, confirm=confirm)
    drill_banner.stop_requested.connect(drill_controller.stop)
    drill_controller.inject.connect(lambda text: emergency.show_notice(
        QCoreApplication.translate("Desk", "Drill: {0}").format(text)))

    # The hidden screens: each built, and wired, the first time it is shown.
    def build_incidents() -> QWidget:
        from ui.history.incidents_screen import IncidentsScreen

        return IncidentsScreen(records=records, operations=operations,
                               hall=lambda: str(store.get("hall_name")), clock=clock, pdf=pdf,
                               reports=reports)

    def build_contacts() -> QWidget:
        from ui.contacts.contacts_screen import ContactsScreen

        return ContactsScreen(controller=contacts, pdf=pdf, confirm=confirm,
                              hall=lambda: str(store.get("hall_name")))

    def build_drills() -> QWidget:
        from ui.drills.drill_screen import DrillScreen

        screen = DrillScreen(drills_controller=drill_controller, plans=plans,
                             shipped_dir=drills_dir or default_plans_dir() / "drills",
                             own_dir=own_drills_dir or user_data_dir() / "drills",
                             now=clock.now, clerk=lambda: str(store.get("clerk_on_duty")),
                             pdf=pdf, zone=clock.zone, hall=lambda: str(store.get("hall_name")))
        screen.due_changed.connect(show_drills_due)
        return screen

    def build_plans() -> QWidget:
        from ui.plans.plans_browser import PlanPrinting, PlansBrowser
        from ui.plans.plans_screen import PlansScreen

        def hall() -> str:
            return str(store.get("hall_name"))

        printing = PlanPrinting(pdf=pdf, card=lambda key: plans.card(key, contacts.people, hall()),
                                booklet=lambda: plans.booklet(contacts.people, hall()))
        return PlansScreen(browser=lambda edit: PlansBrowser(
            catalog=catalog, stamp=plans.stamp(), printing=printing,
            edit=edit if running else None), editor=build_plan_editor)

    def build_plan_editor() -> QWidget:
        from models.services.plan_drafts import PlanDraftService
        from ui.plans.plan_editor import PlanEditor

        service = PlanDraftService(running=running, now=clock.real_now, zone=clock.zone,
                                   edition=editions.get(edition), drills=(
                                       drills_dir or default_plans_dir() / "drills",
                                       own_drills_dir or user_data_dir() / "drills"))
        editor = PlanEditor(service=service, operations=operations,
                            clerk=lambda: str(store.get("clerk_on_duty")),
                            people=contacts.people, show_people=show_people, confirm=confirm,
                            zone=clock.zone)
        editor.approval.published.connect(offer_new_plans)
        return editor

    def show_people(role_key: str, role_name: str) -> None:
        """The contacts screen, searched for the role (by the name the desk runs under, a
        draft's new name is not yet the contacts'): its people are edited there."""
        known = {r.key: r.name for r in catalog.roles}
        window.show_screen("contacts")
        window.screen("contacts").search.setText(known.get(role_key, role_name))

    def build_stats() -> QWidget:
        from models.services.stats import StatsService
        from ui.stats.stats_screen import StatsScreen

        service = StatsService(catalog=catalog, zone=clock.zone, today=clock.today,
                               edition=edition)
        return StatsScreen(read=service.read_apart,
                           hall=lambda: str(store.get("hall_name")), today=clock.today, pdf=pdf)

    def build_settings() -> QWidget:
        from ui.window.settings_page import SettingsPage

        page = SettingsPage(store=store, test_sound=sound.test, editions=editions.editions)
        page.settings_changed.connect(settings_changed)
        # A test whose player fails says so where it was pressed (not only in the tray).
        sound.fell_back.connect(lambda why: show_message(page.message, why, ok=False))
        return page

    window = MainWindow(header=header, alarm=banner, drill=drill_banner, bars=(panel,),
                        footer=emergency.numbers,  # 110 / 119 / 120 under every screen
                        first=first_screen(emergency),
                        screens=build_screens(incidents=build_incidents,
                                              contacts=build_contacts, drills=build_drills,
                                              plans=build_plans, stats=build_stats,
                                              settings=build_settings))
    # A call pressed from another screen leads to the emergency screen, where it is recorded.
    emergency.numbers.called.connect(lambda _key: window.show_screen("emergency"))
    # F9 and F10–F12 from every other window too (the record form, dialogs, questions).
    EmergencyKeys(main=window, acknowledge=banner.acknowledge.emit,
                  calls=[b.click for b in emergency.numbers.buttons.values()][:len(CALL_KEYS)])
    # Closing while incidents run or deadlines are open asks (and offers to minimise).
    guard = CloseGuard(window=window, running=lambda: (len(incidents.open_incidents()),
                                                       len(deadlines.views)))
    for owned in (operations, incidents, deadlines, sound, drill_controller, contacts,
                  pdf.exporter, duty):
        owned.setParent(window)  # they die with the window
    drills_nav = window.findChild(QToolButton, "nav_drills")
    drills_text = drills_nav.text()

    def show_drills_due(due: bool) -> None:
        """The rail says when training, a drill (the calendar's rules too), a plan revision
        or a corrective action is due: on a line of its own, so the rail need not be wider
        for it."""
        mark = QCoreApplication.translate("Desk", " (due)").strip()
        drills_nav.setText(drills_text.replace("\n", f"\n{mark}\n", 1) if due else drills_text)

    # Until the drill screen is built (it then keeps this up to date), asked once at start.
    show_drills_due(drill_service.anything_due(clock.today()))
    icon = app_icon(font_family)
    window.setWindowIcon(icon)
    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray = QSystemTrayIcon(icon, window)
        tray.setToolTip(window.windowTitle())
        tray.show()

    def show_day() -> None:
        today = clock.today()
        panel.set_day(calendar().is_holiday(today), calendar().known(today))

    def toggle_holiday(on: bool) -> None:
        store.set("holiday_date", clock.today().isoformat() if on else "")
        show_day()

    def notify_missed(ids: list[int]) -> None:
        if tray is None:
            return
        missed = [v for v in deadlines.views if v.id in ids]
        text = "；".join(f"{v.label}（{v.situation_name}）" for v in missed)
        title = QCoreApplication.translate("Desk", "Deadline missed")
        if missed and all(v.is_decision for v in missed):  # never a miss
            title = QCoreApplication.translate("Desk", "Decision point reached")
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical)

    def choose_clerk(then: Callable[[], object] | None = None) -> None:
        """Who is on duty; `then` runs once a name is chosen (a press made while nobody
        was on duty is made again: the last one, once, however many were made)."""
        if header.clerk_dialog is not None and header.clerk_dialog.isVisible():
            if then is not None:
                header.clerk_dialog.then = then
            header.clerk_dialog.raise_()
            header.clerk_dialog.activateWindow()
            return
        dialog = ClerkDialog(names=store.get("clerk_names"),
                             current=str(store.get("clerk_on_duty")), parent=window)
        dialog.chosen.connect(lambda name: (put_on_duty(store, name), header.set_clerk(name)))
        dialog.handover_requested.connect(open_handover)
        dialog.then = then
        dialog.accepted.connect(lambda: dialog.then() if dialog.then is not None else None)
        dialog.finished.connect(window.activateWindow)  # keys go back to the desk
        dialog.finished.connect(lambda _result: clerk_dialog_done(dialog))
        show_over_screen(dialog, window)  # not modal: the alarm and the bar stay usable
        header.clerk_dialog = dialog

    def clerk_dialog_done(dialog: ClerkDialog) -> None:
        """Chosen or put away, the dialog goes (one was left behind per change of clerk)."""
        if header.clerk_dialog is dialog:
            header.clerk_dialog = None
        dialog.deleteLater()

    def open_call_form() -> None:
        """F8 from any screen: the call form, over the screen (one at a time)."""
        from ui.duty.call_form import CallForm

        if raise_shown(CallForm):
            return
        form = CallForm(controller=duty, clerk=lambda: str(store.get("clerk_on_duty")),
                        parent=window)
        form.day_calls_requested.connect(open_day_calls)
        form.finished.connect(window.activateWindow)  # keys go back to the desk
        form.finished.connect(lambda _result: form.deleteLater())
        show_over_screen(form, window)  # not modal: the alarm and the bar stay usable

    def open_day_calls() -> None:
        from ui.duty.day_calls import DayCalls

        if (shown := raise_shown(DayCalls)):
            shown.show_day()
            return
        dialog = DayCalls(controller=duty, parent=window)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.show_day()
        show_over_screen(dialog, window)

    def open_handover() -> None:
        """交接班: what is open, handed over by the clerk on duty, answered by the next."""
        from ui.duty.handover_dialog import HandoverDialog

        if raise_shown(HandoverDialog):
            return
        dialog = HandoverDialog(controller=duty, clerk=lambda: str(store.get("clerk_on_duty")),
                                names=lambda: list(store.get("clerk_names")), parent=window)
        dialog.finished.connect(window.activateWindow)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        show_over_screen(dialog, window)

    def raise_shown(kind: type[QWidget]) -> QWidget | None:
        """The window of `kind` already open over the desk, raised; None if there is none."""
        for shown in window.findChildren(kind):
            if shown.isVisible():
                shown.raise_()
                shown.activateWindow()
                return shown
        return None

    def choose_edition() -> None:
        """Which hall this is: the desk starts again with its plans (at once when nothing
        runs, else at the next start), then asks who is on duty."""
        dialog = EditionDialog(editions=editions.editions, parent=window)
        dialog.chosen.connect(lambda key: (store.set("edition", key), edition_chosen()))
        dialog.rejected.connect(ask_clerk)
        dialog.finished.connect(window.activateWindow)  # keys go back to the desk
        dialog.finished.connect(dialog.deleteLater)  # answered, it goes
        show_over_screen(dialog, window)  # not modal: the alarm and the bar stay usable

    def edition_chosen() -> None:
        if restart is not None and not any((incidents.open_incidents(), deadlines.views)):
            restart()
            return
        emergency.show_notice(QCoreApplication.translate(
            "Desk", "The hall's plans are used from the next start."))
        ask_clerk()

    def offer_new_plans(version: str) -> None:
        """Published from the editor: the desk offers to start again with it at once (not
        during a drill, whose run the start would end). Incidents running keep the version
        they ran: each points at its stored plan version."""
        if restart is None or drill_controller.running:
            return
        count = len(incidents.open_incidents())
        text = QCoreApplication.translate(
            "Desk", "Version {0} is published. Start the desk again now to run it? It takes a "
            "few seconds; new incidents then follow version {0}.").format(version)
        if count:
            text = QCoreApplication.translate(
                "Desk", "Version {0} is published. Start the desk again now to run it? It "
                "takes a few seconds; new incidents then follow version {0}. The {1} "
                "incident(s) running keep the version they ran; their deadlines carry on and "
                "ring in the new desk.").format(version, count)
        confirm(window, QCoreApplication.translate("Desk", "Run the new plans now?"), text,
                restart_now)

    def restart_now() -> None:
        if drill_controller.running:  # started while the offer was open: not ended by it
            emergency.show_notice(QCoreApplication.translate(
                "Desk", "The hall's plans are used from the next start."))
            return
        guard.let_close()  # incidents running carry on in the new desk: no "close?" question
        restart()

    def ask_clerk() -> None:
        if not store.get("clerk_on_duty"):
            header.clerk.click()  # the shift starts: who is on duty?

    def ask_at_start() -> None:
        setting = str(store.get("edition"))
        chosen = editions.get(setting)  # None: every plan, not chosen, or gone
        if editions.editions and chosen is None and setting != WHOLE_LIBRARY and not edition:
            choose_edition()
            return
        if chosen is not None and chosen.key != edition:  # main.py: edition_to_run
            emergency.show_notice(QCoreApplication.translate(
                "Desk", "The plans of {0} are used once the incidents now running are "
                "closed.").format(chosen.name))
        ask_clerk()

    def settings_changed(key: str, value: object) -> None:
        header.set_place(str(store.get("hall_name")), str(store.get("desk_name")))
        if key == "alarm_sound":
            sound.set_enabled(bool(value))
        if key == "text_size" and restyle is not None:
            restyle(int(value))
        if key == "alarm_volume":
            sound.set_volume(int(value))

    # A press shows its guided view first, and the new incident's cards in the frame after.
    cards = AfterPaint(lambda: panel.set_deadlines(deadlines.views, deadlines.now()),
                       hold=emergency.opening, parent=window)

    def show_deadlines() -> None:
        cards.request()
        banner.show_alarms(deadlines.alarming(), deadlines.now())
        show_day()
        guided.refresh()

    def show_time() -> None:
        panel.show_time(deadlines.now())
        banner.show_alarms(deadlines.alarming(), deadlines.now())

    deadlines.changed.connect(show_deadlines)
    deadlines.ticked.connect(show_time)
    watch = JumpWatch()

    def notice_clock_jump() -> None:
        """The PC's clock set back or forward: the desk's time runs on; the open incidents'
        timelines say so once per jump."""
        if (jump := watch.new_jump(clock.wall_jump())) is not None:
            operations.run(incident_service.record_clock_jump, jump)

    deadlines.ticked.connect(notice_clock_jump)
    deadlines.alarm_changed.connect(sound.set_playing)
    deadlines.alarm_changed.connect(lambda alarm: alarm and bring_back(window))
    deadlines.missed.connect(notify_missed)
    sound.fell_back.connect(lambda why: tray is not None and tray.showMessage(
        QCoreApplication.translate("Desk", "Alarm sound"), why,
        QSystemTrayIcon.MessageIcon.Warning))
    panel.done.connect(deadlines.meet)
    panel.holiday_toggled.connect(toggle_holiday)
    banner.acknowledge.connect(deadlines.acknowledge_all)
    guided.manual_trigger.connect(deadlines.trigger)
    header.clerk_clicked.connect(choose_clerk)
    header.call_clicked.connect(open_call_form)
    # F8 is the window's, not the header button's: the alarm banner covers the header while
    # it rings, and a hidden button's shortcut does nothing.
    call_key = QShortcut(QKeySequence(CALL_FORM_KEY), window)
    call_key.setAutoRepeat(False)
    call_key.activated.connect(open_call_form)
    duty.handover_accepted.connect(lambda name: (put_on_duty(store, name),
                                                 header.set_clerk(name)))
    incidents.clerk_needed.connect(lambda key: choose_clerk(then=lambda: emergency.start(key)))
    show_day()
    sync = None
    if database is not None:
        sync = SyncController(service=SyncService(database=database, now=clock.real_now,
                                                  incidents=incident_service),
                              operations=operations, clock=clock, running=running,
                              parent=window)
        sync.status_changed.connect(header.set_sync)
        sync.plans_taken.connect(offer_new_plans)  # head office's signed plans
    return Desk(window, header, incidents, deadlines, emergency, drill_controller, panel,
                banner, sound, tray, pdf, contacts, operations, ask_at_start, cards, sync,
                strip, duty)


def bring_back(window: QWidget) -> None:
    """An alarm shows a minimised desk again ("minimise, keep watching") and asks the
    taskbar for attention: the sound alone may be a beep nobody hears."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()
    QApplication.alert(window)
