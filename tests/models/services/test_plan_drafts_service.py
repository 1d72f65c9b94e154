"""PlanDraftService: the screens' door to drafts and publishing, on an injected clock."""

from datetime import date, timedelta

import pytest

from models.plans.running import running_plan
from models.services.plan_drafts import DraftRefused, PlanDraftService, PublishRefused
from models.store.paths import default_plans_dir
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0


@pytest.fixture
def service(desk_db):
    now = [T0]
    svc = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                           now=lambda: now[0])
    svc.clock = now
    return svc


def test_a_draft_edited_submitted_approved_published_through_the_service(service):
    opened = service.open(EDITOR)
    assert opened.changes.plans and service.draft().id == opened.value.id
    draft = opened.value
    assert service.change(draft, "situation.fire.step.0.text", "立即报警。", EDITOR).value
    service.change(draft, "catalog.version", "2026.2", EDITOR)
    assert service.submit(draft, EDITOR).value.act == "submitted"
    service.clock[0] = T0 + timedelta(hours=1)
    act = service.approve(draft, MANAGER, service.today(), EDITOR).value
    assert (act.signer, act.signed_on) == (MANAGER, date(2026, 12, 1))
    assert service.publish(draft, EDITOR).value.act == "published"
    assert service.draft() is None
    running = running_plan(default_plans_dir())
    assert service.stamp(running.catalog).signer == MANAGER
    assert [a.act for a in service.acts(draft)] == ["submitted", "approved", "published"]


def test_refusals_pass_through_unchanged(service):
    draft = service.open(EDITOR).value
    with pytest.raises(DraftRefused) as refused:
        service.change(draft, "level.1.report_within_minutes", -1, EDITOR)
    assert refused.value.problems[0].where == "level.1.report_within_minutes"
    with pytest.raises(PublishRefused):
        service.submit(draft, EDITOR)
    assert service.changes(draft) == []
