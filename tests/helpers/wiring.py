"""Screens and controllers wired to their services the way ui/window/desk.py wires them, for
tests that build one alone (each gets its own Operations unless one is passed)."""

from __future__ import annotations

from models.clock.clocks import DeskClock
from models.services.contacts import ContactService
from models.services.drills import DrillService
from models.services.incidents import IncidentService
from models.services.plans import PlanService
from models.services.records import RecordService
from ui.common.operations import Operations


def incident_controller(*, catalog, plan, clock, who, operations=None, **calendar):
    from ui.emergency.incident_controller import IncidentController

    service = IncidentService(catalog=catalog, plan=plan, clock=clock, who=who, **calendar)
    return IncidentController(service=service, operations=operations or Operations())


def record_form(*, catalog, incident_id, act, operations=None, pdf=None, confirm=None):
    """`confirm`: the questions' answer (default: the real, non-modal question)."""
    from ui.records.record_form import RecordForm

    more = {"confirm": confirm} if confirm is not None else {}
    return RecordForm(service=RecordService(catalog=catalog, act=act),
                      operations=operations or Operations(), incident_id=incident_id, pdf=pdf,
                      **more)


def contacts_controller(*, catalog, clock, operations=None):
    from ui.contacts.contacts_controller import ContactsController

    return ContactsController(service=ContactService(catalog=catalog, clock=clock),
                              operations=operations or Operations())


def deadline_controller(incidents):
    """The deadlines of an IncidentController's service, through its Operations."""
    from ui.window.deadline_controller import DeadlineController

    return DeadlineController(service=incidents.service, operations=incidents.operations)


def drill_controller(incidents):
    from ui.drills.drill_controller import DrillController

    service = DrillService(catalog=incidents.catalog, plan=incidents.service.plan,
                           act=incidents.act)
    return DrillController(service=service, clock=DeskClock(incidents.clock),
                           incidents=incidents)


def history_screen(*, catalog, act, operations=None, pdf=None):
    from ui.history.history_screen import HistoryScreen

    return HistoryScreen(records=RecordService(catalog=catalog, act=act),
                         operations=operations or Operations(), pdf=pdf)


def daily_view(*, catalog, hall, clock, pdf=None):
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from ui.history.daily_view import DailyView

    def act():
        return Act(Who("", "", ""), clock.now(), HolidayCalendar(), clock.zone)

    return DailyView(records=RecordService(catalog=catalog, act=act), hall=hall, clock=clock,
                     pdf=pdf)


def plan_revisions_panel(*, catalog, plan, clerk, now, operations=None):
    from ui.plans.plan_revisions_panel import PlanRevisionsPanel

    return PlanRevisionsPanel(service=PlanService(catalog=catalog, plan=plan, now=now),
                              operations=operations or Operations(), clerk=clerk)
