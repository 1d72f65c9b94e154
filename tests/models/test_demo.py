"""Demo data: realistic, verifiable, and never mixed into a database of real incidents."""

from collections import Counter
from datetime import datetime

import pytest

from models.clock.act import Act, Who
from models.clock.clocks import from_db
from models.clock.workdays import HolidayCalendar
from models.demo import OPENING, DemoRefused, generate
from models.incidents import response
from models.incidents.verify import verify_all
from models.store.tables import Deadline, Incident, TimelineEntry
from tests.helpers.hall import HALL

END = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)


def test_generated_incidents_look_real_and_verify(desk_db, shipped_catalog):
    stats = generate(shipped_catalog, desk_db[1], incidents=600, days=60, end=END)
    assert stats.incidents == Incident.select().count() == 600
    assert 0 < stats.drills < 40
    counts = Counter(i.situation_key for i in Incident.select())
    assert counts.most_common(1)[0][0] == "agitated_customer"
    assert counts["fire"] < counts["agitated_customer"] / 10
    local_times = [from_db(i.started_at).astimezone(HALL).time() for i in Incident.select()]
    assert all(OPENING[0] <= t <= OPENING[1] for t in local_times)
    assert list(verify_all()) == []
    numbers = [i.number for i in Incident.select()]
    assert len(set(numbers)) == 600


def test_nothing_generated_happens_after_the_end(desk_db, shipped_catalog):
    generate(shipped_catalog, desk_db[1], incidents=300, days=2, end=END)
    assert max(from_db(e.at) for e in TimelineEntry.select()) <= END
    closed = Incident.select().where(Incident.status == "closed")
    assert closed.count() > 0 and all(from_db(i.closed_at) <= END for i in closed)
    unsettled = (Deadline.select().join(Incident, on=(Deadline.incident == Incident.id))
                 .where(Deadline.status == "pending", Incident.status == "closed"))
    assert unsettled.count() == 0
    assert Deadline.select().where(Deadline.status == "pending").count() > 0
    ringing = Deadline.select().where(Deadline.missed_at.is_null(False),
                                      Deadline.acknowledged_at.is_null())
    assert ringing.count() == 0  # old misses were acknowledged: a demo desk starts quiet
    sources = Counter(d.source for d in Deadline.select())
    assert sources["level:3"] > 0  # filing within 24 hours, from the end of handling
    keys = Counter((d.source, d.key) for d in Deadline.select())
    assert len([k for k in keys if k[0] == "level:2"]) >= 2  # the liaison, then the members
    kinds = Counter(e.kind for e in TimelineEntry.select())
    assert kinds["deadline_met"] > kinds["deadline_missed"] > 0
    assert kinds["deadline_started"] == Deadline.select().count()


def test_demo_refuses_a_database_with_real_incidents(desk_db, shipped_catalog):
    act = Act(Who("城东营业厅", "1号台", "张三"), END, HolidayCalendar())
    response.start_incident(shipped_catalog, desk_db[1], "fire", act)
    with pytest.raises(DemoRefused):
        generate(shipped_catalog, desk_db[1], incidents=10, days=1, end=END)
    assert Incident.select().count() == 1
    generate(shipped_catalog, desk_db[1], incidents=10, days=1, end=END, allow_real=True)
    assert Incident.select().count() == 11


def test_demo_database_can_be_extended(desk_db, shipped_catalog):
    generate(shipped_catalog, desk_db[1], incidents=10, days=2, end=END)
    generate(shipped_catalog, desk_db[1], incidents=10, days=2, end=END, seed=8)
    assert Incident.select().count() == 20
