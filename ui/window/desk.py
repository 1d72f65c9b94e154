"""Assembling the desk: controllers, screens, timer panel, alarms, wired together.

main.py calls build_desk(); tests call it too, so the whole desk can be driven headlessly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon, QToolButton, QWidget

from models.clock.act import Who
from models.clock.clocks import Clock, DeskClock
from models.clock.workdays import HolidayCalendar
from models.plans.catalog import Catalog
from models.store.paths import default_plans_dir, user_data_dir
from models.store.settings import SettingsStore, holiday_override, put_on_duty
from models.store.tables import PlanVersion
from ui.common.app_icon import app_icon
from ui.common.ask import ask_yes_no
from ui.common.pdf_export import PdfExport, PdfTools
from ui.contacts.contacts_controller import ContactsController
from ui.contacts.contacts_screen import ContactsScreen
from ui.drills.drill_banner import DrillBanner
from ui.drills.drill_controller import DrillController
from ui.drills.drill_screen import DrillScreen
from ui.emergency.emergency_screen import EmergencyScreen
from ui.emergency.guided_response import GuidedResponse
from ui.emergency.incident_controller import IncidentController
from ui.history.incidents_screen import IncidentsScreen
from ui.window.alarm_banner import AlarmBanner
from ui.window.alarm_sound import AlarmSound
from ui.window.clerk_dialog import ClerkDialog
from ui.window.deadline_controller import DeadlineController
from ui.window.header_bar import HeaderBar
from ui.window.main_window import MainWindow
from ui.window.screens import build_screens
from ui.window.timer_panel import TimerPanel


@dataclass
class Desk:
    window: MainWindow
    header: HeaderBar
    incidents: IncidentController
    deadlines: DeadlineController
    emergency: EmergencyScreen
    incidents_screen: IncidentsScreen
    drills: DrillController
    drill_screen: DrillScreen
    timer_panel: TimerPanel
    alarm_banner: AlarmBanner
    sound: AlarmSound
    tray: QSystemTrayIcon | None
    pdf: PdfTools  # the one PDF exporter; tests replace its dialogs
    contacts: ContactsController

    def start(self) -> None:
        """End a drill a crash cut short, restore the deadlines (missing those that passed
        while closed) and start ticking."""
        self.drills.recover()
        self.deadlines.start()


def build_desk(*, catalog: Catalog, plan: PlanVersion, store: SettingsStore, clock: Clock,
               confirm: Callable[[QWidget, str, str], bool] = ask_yes_no,
               font_family: str | None = None, drills_dir: Path | None = None,
               own_drills_dir: Path | None = None) -> Desk:
    """`drills_dir`: the shipped scenarios; `own_drills_dir`: the trainer's (beside the
    database: the program folder may be read-only)."""
    clock = clock if isinstance(clock, DeskClock) else DeskClock(clock)  # drills speed it up
    def who() -> Who:
        return Who(hall=str(store.get("hall_name")), desk=str(store.get("desk_name")),
                   clerk=str(store.get("clerk_on_duty")))

    def calendar() -> HolidayCalendar:
        return HolidayCalendar(holiday_override(store))

    incidents = IncidentController(catalog=catalog, plan=plan, clock=clock, who=who,
                                   calendar=calendar)
    deadlines = DeadlineController(catalog=catalog, act=incidents.act)
    pdf = PdfTools(exporter=PdfExport(), generated_by=lambda: who().clerk, now=clock.now,
                   language=lambda: str(store.get("language")), zone=clock.zone)
    contacts = ContactsController(catalog=catalog, clock=clock)
    guided = GuidedResponse(controller=incidents, confirm=confirm,
                            manual_triggers=deadlines.manual_triggers, pdf=pdf,
                            contacts=contacts)
    emergency = EmergencyScreen(controller=incidents, guided=guided)
    header = HeaderBar(clock=clock, hall=str(store.get("hall_name")),
                       desk=str(store.get("desk_name")))
    header.set_clerk(str(store.get("clerk_on_duty")))
    panel = TimerPanel(catalog=catalog, people=contacts.people)
    banner = AlarmBanner()
    sound = AlarmSound(enabled=bool(store.get("alarm_sound")))
    drill_controller = DrillController(catalog=catalog, clock=clock, incidents=incidents,
                                       plan=plan)
    drill_screen = DrillScreen(catalog=catalog, plan=plan, drills_controller=drill_controller,
                               shipped_dir=drills_dir or default_plans_dir() / "drills",
                               own_dir=own_drills_dir or user_data_dir() / "drills",
                               now=clock.now, clerk=lambda: str(store.get("clerk_on_duty")),
                               pdf=pdf, zone=clock.zone)
    drill_banner = DrillBanner(drills=drill_controller, confirm=confirm)
    drill_banner.stop_requested.connect(drill_controller.stop)
    drill_controller.inject.connect(lambda text: emergency.show_notice(
        QCoreApplication.translate("Desk", "Drill: {0}").format(text)))
    incidents_screen = IncidentsScreen(catalog=catalog, act=incidents.act,
                                       hall=lambda: str(store.get("hall_name")), clock=clock,
                                       pdf=pdf)
    incidents_screen.history.record_changed.connect(incidents.touched)
    contacts_screen = ContactsScreen(controller=contacts, pdf=pdf, confirm=confirm,
                                     hall=lambda: str(store.get("hall_name")))
    window = MainWindow(header=header, bars=(drill_banner, banner, panel),
                        footer=emergency.numbers,  # 110 / 119 / 120 under every screen
                        screens=build_screens(catalog=catalog, store=store, emergency=emergency,
                                              incidents=incidents_screen, drills=drill_screen,
                                              contacts=contacts_screen))
    # A call pressed from another screen leads to the emergency screen, where it is recorded.
    emergency.numbers.called.connect(lambda _key: window.show_screen("emergency"))
    for owned in (incidents, deadlines, sound, drill_controller, contacts, pdf.exporter):
        owned.setParent(window)  # they die with the window
    drills_nav = window.findChild(QToolButton, "nav_drills")
    drills_text = drills_nav.text()
    drill_screen.due_changed.connect(lambda due: drills_nav.setText(
        drills_text.replace("\n", QCoreApplication.translate("Desk", " (due)") + "\n", 1)
        if due else drills_text))
    drill_screen.refresh_reminders()
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
        tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical)

    def choose_clerk() -> None:
        dialog = ClerkDialog(names=store.get("clerk_names"),
                             current=str(store.get("clerk_on_duty")), parent=window)
        dialog.chosen.connect(lambda name: (put_on_duty(store, name), header.set_clerk(name)))
        dialog.finished.connect(window.activateWindow)  # keys go back to the desk
        dialog.open()
        header.clerk_dialog = dialog

    def settings_changed(key: str, value: object) -> None:
        header.set_place(str(store.get("hall_name")), str(store.get("desk_name")))
        if key == "alarm_sound":
            sound.set_enabled(bool(value))

    incidents.incident_changed.connect(deadlines.reload)
    incidents.open_incidents_changed.connect(deadlines.reload)
    def show_deadlines() -> None:
        panel.set_deadlines(deadlines.views, deadlines.now())
        banner.show_alarms(deadlines.alarming(), deadlines.now())
        show_day()
        guided.refresh()

    def show_time() -> None:
        panel.show_time(deadlines.now())
        banner.show_alarms(deadlines.alarming(), deadlines.now())

    deadlines.changed.connect(show_deadlines)
    deadlines.ticked.connect(show_time)
    deadlines.alarm_changed.connect(sound.set_playing)
    deadlines.missed.connect(notify_missed)
    panel.done.connect(deadlines.meet)
    panel.holiday_toggled.connect(toggle_holiday)
    banner.acknowledge.connect(deadlines.acknowledge_all)
    guided.manual_trigger.connect(deadlines.trigger)
    header.clerk_clicked.connect(choose_clerk)
    window.screen("settings").settings_changed.connect(settings_changed)
    show_day()
    return Desk(window, header, incidents, deadlines, emergency, incidents_screen,
                drill_controller, drill_screen, panel, banner, sound, tray, pdf, contacts)
