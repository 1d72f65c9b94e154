"""What a hall's publishing means for the revision reminders and the stamp: the desk runs the
edition's cut of the published plans (a digest of its own), and a later re-approval of the
same text is a new signature."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.drills.training import reminders
from models.plans import publishing
from models.plans.editions import in_edition, load_editions
from models.plans.revisions import current_revision_date, record_approval, record_trigger
from models.store.paths import default_plans_dir
from models.store.tables import Incident, PlanVersion
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0, published_draft, running

ZONE = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 12, 1)  # T0's day in the hall; published_draft signs on it, publishes T0+2h


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


def gas_hall():
    """The plans the desk runs in a gas hall: the edition's cut of the running library."""
    library = running().catalog
    return in_edition(library, load_editions(default_plans_dir(), library), "gas_hall")


def closed_major_incident(number: str, closed: datetime) -> None:
    from models.plans.versions import record_plan_version

    plan = record_plan_version(gas_hall(), T0)
    at = closed.astimezone(UTC).replace(tzinfo=None)
    Incident.create(number=number, situation_key="fire", situation_name="火灾",
                    category_key="fire_safety", level=1, status="closed", is_drill=False,
                    started_at=at, plan=plan.id, updated_at=at, closed_at=at)


def due_triggers(catalog) -> list[str]:
    return [r.trigger.detail for r in reminders(catalog, DAY + timedelta(days=1), ZONE)
            if r.kind == "revision_trigger"]


def test_a_hall_publishing_clears_the_reminder_of_its_editions_plans():
    record_trigger("law", "《安全生产法》修订", EDITOR, T0 - timedelta(days=3))
    assert due_triggers(gas_hall()) == ["《安全生产法》修订"]
    published_draft()
    edition = gas_hall()
    assert edition.digest != running().catalog.digest  # the edition's own text
    assert current_revision_date(edition) == DAY
    assert due_triggers(edition) == []


def test_a_major_incident_closed_after_the_publishing_raises_it_again():
    published_draft()  # published at T0 + 2 h
    closed_major_incident("20261201-001", T0 + timedelta(hours=1, minutes=59))  # before it
    assert due_triggers(gas_hall()) == []
    closed_major_incident("20261201-002", T0 + timedelta(hours=2, minutes=1))  # same day, after
    assert due_triggers(gas_hall()) == ["20261201-002"]


def test_published_plans_are_no_longer_due_for_approval():
    assert "approval" in [r.kind for r in reminders(gas_hall(), DAY, ZONE)]  # nobody signed
    published_draft()  # signed by the manager, published
    assert "approval" not in [r.kind for r in reminders(gas_hall(), DAY, ZONE)]
    assert "approval" not in [r.kind for r in reminders(running().catalog, DAY, ZONE)]


# ---- a re-approval of a published version ----------------------------------------------------

def reapprove(plan_id: int, on: date, by: str = "钱总") -> None:
    record_approval(PlanVersion.get_by_id(plan_id), reviewer="赵审核", approved_by=by,
                    approved_on=on, note="年度评审：无需修改", recorded_by=EDITOR,
                    now=T0 + timedelta(days=400), today=on + timedelta(days=1))


def signature(stamp) -> tuple:
    return stamp.signer, stamp.signed_on


def test_a_reapproval_on_the_day_of_publishing_leaves_the_publishing_signature():
    published_draft()
    plan_id = publishing.published_versions()[0].plan_id
    reapprove(plan_id, DAY)
    assert signature(publishing.stamp_of(running().catalog)) == (MANAGER, DAY)
    assert signature(publishing.stamp_of_version(plan_id)) == (MANAGER, DAY)


def test_a_reapproval_a_day_later_is_the_new_signature():
    published_draft()
    plan_id = publishing.published_versions()[0].plan_id
    later = DAY + timedelta(days=1)
    reapprove(plan_id, later)
    assert signature(publishing.stamp_of(running().catalog)) == ("钱总", later)
    assert signature(publishing.stamp_of_version(plan_id)) == ("钱总", later)
    assert current_revision_date(gas_hall()) == later  # the yearly review counts from it


def test_a_reapproval_recorded_at_an_editions_desk_signs_the_published_version():
    """The desk records an approval on the plans it runs: the edition's stored version.
    The version label was published once, so it names the same revision."""
    from models.plans.versions import record_plan_version

    published_draft()
    edition_plan = record_plan_version(gas_hall(), T0 + timedelta(days=1))
    later = DAY + timedelta(days=1)
    reapprove(edition_plan.id, later)
    assert signature(publishing.stamp_of(gas_hall())) == ("钱总", later)
    assert signature(publishing.stamp_of(running().catalog)) == ("钱总", later)
