"""Changes: merged area by area; which views an account concerns."""

from models.services.changes import AREAS, EVERYTHING, NOTHING, Changes


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
