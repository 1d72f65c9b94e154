"""The shipped plans time the 初报 of a safety accident (国务院令第493号 第九条) in every
edition, from the clerk's confirmation that it is one; filing the 初报 meets it."""

from datetime import timedelta

from models.services.reporting import INITIAL, Slot
from models.store.tables import Deadline
from tests.models.reporting.conftest import SIGNERS

ACCIDENTS = ("fire", "electric_shock", "equipment_fall", "explosion")


def test_every_edition_times_the_initial_report_of_a_safety_accident(shipped_catalog,
                                                                     shipped_editions):
    """493号 第九条 is every hall's ([regulation] laws): each edition keeps the timer."""
    from models.plans.editions import in_edition

    for key in ("", *shipped_editions.keys()):
        plans = in_edition(shipped_catalog, shipped_editions, key)
        for situation in ACCIDENTS:
            [timer] = [t for t in plans.situation(situation).timers if t.report]
            assert (timer.action, timer.report, timer.minutes, timer.starts) == \
                ("file", "initial", 60, ("manual",)), (key, situation)
            assert timer.source == "law493:第九条"


def test_the_shipped_fire_hour_runs_from_the_confirmation_and_filing_meets_it(
        incidents, reporting, clock):
    fire = incidents.start("fire").incident_id
    [trigger] = [t for t in incidents.manual_triggers(fire) if "生产安全事故" in t]
    clock.advance(timedelta(minutes=30))
    incidents.trigger(fire, trigger)
    assert _hour(fire).status == "pending"
    clock.advance(timedelta(minutes=60))  # an hour from the confirmation, not the start
    reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert _hour(fire).status == "met"


def _hour(incident_id):
    return Deadline.get(Deadline.incident == incident_id,
                        Deadline.key == "accident_initial_report")
