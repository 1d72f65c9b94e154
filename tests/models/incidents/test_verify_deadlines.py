"""verify holds every deadline row, and how an incident started, to what its timeline says —
at the boundaries: a second off, one field changed, met against late, ended incidents."""

from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, response
from models.incidents.verify import verify_incident
from models.store.tables import Deadline, Incident

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
WHO = Who("城东营业厅", "1号台", "张三")


def act(minutes: float) -> Act:
    return Act(WHO, T0 + timedelta(minutes=minutes), HolidayCalendar())


@pytest.fixture
def fire(desk_db, shipped_catalog):
    """A level-1 fire: its first report missed, then made late and its alarm silenced."""
    _, plan = desk_db
    incident = response.start_incident(shipped_catalog, plan, "fire", act(0))
    deadlines.check_overdue(shipped_catalog, act(6))
    first = Deadline.select().where(Deadline.incident == incident).order_by(Deadline.id).get()
    deadlines.acknowledge(first.id, act(7))
    response.mark_reported(shipped_catalog, incident, "group_leader", act(8))
    assert verify_incident(incident) == []
    return incident, first.id


def problems(incident: int) -> list[str]:
    return [f.problem for f in verify_incident(incident)]


def change(deadline_id: int, **fields) -> None:
    Deadline.update(**fields).where(Deadline.id == deadline_id).execute()


@pytest.mark.parametrize(("fields", "found"), [
    ({"status": "met"}, ["deadline_differs"]),  # late made "in time"
    ({"status": "missed"}, ["deadline_differs"]),
    ({"due_at": (T0 + timedelta(minutes=5, seconds=1)).replace(tzinfo=None)},
     ["deadline_differs"]),
    ({"due_at": (T0 + timedelta(minutes=5)).replace(tzinfo=None)}, []),  # as it was
    ({"met_at": (T0 + timedelta(minutes=8, seconds=1)).replace(tzinfo=None)},
     ["deadline_differs"]),
    ({"acknowledged_at": None}, ["deadline_differs"]),
    ({"met_by": "李四"}, []),  # who met it is the entry's actor; the row's copy is not checked
])
def test_a_deadline_row_changed_outside_the_program(fire, fields, found):
    incident, first = fire
    change(first, **fields)
    assert problems(incident) == found


def test_a_deadline_row_removed_or_added(fire):
    incident, first = fire
    row = Deadline.get_by_id(first)
    Deadline.delete().where(Deadline.id == first).execute()
    assert problems(incident) == ["deadline_removed"]
    Deadline.insert(**{**row.__data__, "id": None}).execute()  # the same, under another id
    assert sorted(problems(incident)) == ["deadline_added", "deadline_removed"]


def test_pending_may_read_cancelled_only_once_the_incident_ended(desk_db, shipped_catalog):
    _, plan = desk_db
    incident = response.start_incident(shipped_catalog, plan, "power_cut", act(0))
    pending = Deadline.select().where(Deadline.incident == incident).get()
    change(pending.id, status="cancelled")
    assert problems(incident) == ["deadline_differs"]  # still running: nothing cancelled it
    response.cancel_incident(incident, "误按", act(1))
    assert problems(incident) == []


@pytest.mark.parametrize(("fields", "found"), [
    ({"started_at": (T0 + timedelta(seconds=1)).replace(tzinfo=None)}, ["started_differs"]),
    ({"started_at": (T0 - timedelta(days=30)).replace(tzinfo=None)}, ["started_differs"]),
    ({"clerk": "李四"}, ["started_differs"]),
    ({"desk": "3号台"}, ["started_differs"]),
    ({"hall": "城西营业厅"}, ["started_differs"]),
    ({"number": "20261120-099"}, []),  # the number is not in the timeline (it is its name)
])
def test_how_an_incident_started(fire, fields, found):
    incident, _ = fire
    Incident.update(**fields).where(Incident.id == incident).execute()
    assert problems(incident) == found
