"""Changes: merged area by area; which views an account concerns."""

import inspect

import pytest

from models.services.changes import AREAS, EVERYTHING, NOTHING, Changes
from models.services.contacts import ContactService
from models.services.drills import DrillService
from models.services.incidents import IncidentService
from models.services.plans import PlanService
from models.services.records import RecordService

SERVICES = (IncidentService, RecordService, ContactService, DrillService, PlanService)


def test_nothing_is_false_and_everything_names_every_area():
    assert not NOTHING
    assert not Changes(incident_id=3)  # an id alone changed nothing
    assert all(getattr(EVERYTHING, area) for area in AREAS)
    assert all(Changes(**{area: True}) for area in AREAS)


def test_merging_keeps_every_area_and_the_shared_incident():
    merged = Changes(timeline=True, incident_id=3) | Changes(deadlines=True)
    assert (merged.timeline, merged.deadlines, merged.record, merged.incident_id) == (
        True, True, False, 3)
    assert (Changes(timeline=True, incident_id=3) | Changes(timeline=True, incident_id=4)
            ).incident_id is None  # two incidents: it concerns every view


def test_an_account_concerns_its_incident_or_all_when_it_names_none():
    about_3 = Changes(timeline=True, incident_id=3)
    assert about_3.affects_incident(3) and not about_3.affects_incident(4)
    assert Changes(deadlines=True).affects_incident(4)
    assert not Changes(contacts=True).affects_incident(3)  # the directory is not the incident
    assert not NOTHING.concerns(None)


def commands(service):
    """The methods that return Changes (or an Outcome holding them)."""
    return [(name, method) for name, method in inspect.getmembers(service, inspect.isfunction)
            if any(word in str(inspect.signature(method).return_annotation)
                   for word in ("Changes", "Outcome"))]


@pytest.mark.parametrize("service", SERVICES, ids=lambda s: s.__name__)
def test_every_command_says_what_a_failure_must_redraw(service):
    found = commands(service)
    assert found  # every service has commands
    unmarked = [name for name, method in found if not isinstance(getattr(method, "touches",
                                                                           None), Changes)]
    assert unmarked == []
