"""第八条: a major incident closed, or a change of law or process recorded, after the plans'
revision asks for a revision before the yearly one; the reminder says why."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.drills.training import reminders
from models.plans.revisions import (
    ApprovalRefused,
    record_trigger,
    revision_triggers,
)
from models.store.tables import Incident

ZONE = ZoneInfo("Asia/Shanghai")
REVISED = datetime(2026, 11, 22, tzinfo=ZONE)  # the shipped plans' revision day, in the hall


def closed_incident(plan, number: str, level: int, closed: datetime, drill=False) -> None:
    at = closed.astimezone(UTC).replace(tzinfo=None)
    Incident.create(number=number, situation_key="fire", situation_name="火灾",
                    category_key="fire_safety", level=level, status="closed", is_drill=drill,
                    started_at=at, plan=plan.id, updated_at=at, closed_at=at)


def test_a_major_incident_closed_after_the_revision_asks_for_one(desk_db, shipped_catalog):
    _, plan = desk_db
    closed_incident(plan, "20261122-001", 1, REVISED + timedelta(hours=23, minutes=59))  # same day
    closed_incident(plan, "20261123-001", 2, REVISED + timedelta(days=1))  # not major
    closed_incident(plan, "20261123-002", 1, REVISED + timedelta(days=1), drill=True)
    assert revision_triggers(shipped_catalog, ZONE) == []
    closed_incident(plan, "20261123-003", 1, REVISED + timedelta(days=1))  # the next day
    (trigger,) = revision_triggers(shipped_catalog, ZONE)
    assert (trigger.kind, trigger.detail, trigger.on.isoformat()) == (
        "major_incident", "20261123-003", "2026-11-23")
    due = [r for r in reminders(shipped_catalog, trigger.on, ZONE)
           if r.kind == "revision_trigger"]
    assert [r.trigger for r in due] == [trigger]


def test_a_recorded_change_of_law_asks_for_a_revision(desk_db, shipped_catalog):
    record_trigger("law", "《安全生产法》修订", "李主管", datetime(2026, 12, 1, 1, tzinfo=UTC))
    (trigger,) = revision_triggers(shipped_catalog, ZONE)
    assert (trigger.kind, trigger.detail) == ("law", "《安全生产法》修订")


def test_a_new_published_revision_answers_the_reasons_before_it(desk_db):
    from models.plans.running import running_plan
    from models.store.paths import default_plans_dir
    from tests.models.plans.plan_drafting import T0, published_draft

    record_trigger("process", "取号流程改为线上", "李主管", T0 - timedelta(days=3))
    published_draft()  # signed on 2026-12-01, after the change
    assert revision_triggers(running_plan(default_plans_dir()).catalog, ZONE) == []


@pytest.mark.parametrize(("kind", "note", "by", "code"), [
    ("weather", "x", "李主管", "bad_kind"), ("law", " ", "李主管", "note_required"),
    ("law", "x", "", "recorder_required"), ("law", "字" * 2001, "李主管", "too_long")])
def test_a_reason_to_revise_is_recorded_only_when_complete(desk_db, kind, note, by, code):
    with pytest.raises(ApprovalRefused) as refused:
        record_trigger(kind, note, by, datetime(2026, 12, 1, tzinfo=UTC))
    assert refused.value.code == code


def test_a_change_recorded_after_publishing_on_the_same_day_still_counts(desk_db):
    from models.plans.running import running_plan
    from models.store.paths import default_plans_dir
    from tests.models.plans.plan_drafting import T0, published_draft

    published_draft()  # published at T0 + 2 h, signed that day
    record_trigger("law", "新规", "李主管", T0 + timedelta(hours=2, minutes=1))
    (trigger,) = revision_triggers(running_plan(default_plans_dir()).catalog, ZONE)
    assert trigger.detail == "新规"
