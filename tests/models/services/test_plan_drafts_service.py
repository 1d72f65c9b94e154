"""PlanDraftService: the screens' door to drafts and publishing, on an injected clock."""

from dataclasses import replace
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


@pytest.fixture
def drilled(desk_db):
    svc = PlanDraftService(running=lambda: running_plan(default_plans_dir()), now=lambda: T0,
                           drills=(default_plans_dir() / "drills",))
    return svc, svc.open(EDITOR).value


def test_a_situation_a_drill_uses_is_not_removed_and_the_drill_is_named(drilled):
    service, draft = drilled
    with pytest.raises(DraftRefused) as refused:
        service.remove_situation(draft, "robbery", EDITOR)
    assert refused.value.code == "drilled" and "抢劫" in refused.value.detail
    assert service.catalog(draft).situation("robbery") and service.changes(draft) == []


def test_a_situation_a_step_switches_to_is_refused_by_the_loader(drilled):
    service, draft = drilled
    assert service.drilled_in(service.catalog(draft), "quarrel_fight") == []
    with pytest.raises(DraftRefused) as refused:
        service.remove_situation(draft, "quarrel_fight", EDITOR)
    assert refused.value.code == "broken"
    assert any("quarrel_fight" in p.problem.message for p in refused.value.problems)


def test_a_situation_nothing_uses_is_removed_and_recorded(drilled):
    service, draft = drilled
    assert service.remove_situation(draft, "power_cut", EDITOR).value.new is None
    assert "power_cut" not in {s.key for s in service.catalog(draft).situations}
    assert [c.where for c in service.changes(draft)] == ["situation.power_cut"]


def test_a_role_a_hall_kind_names_is_kept_though_no_step_names_it(desk_db, tmp_path):
    """Else publishing would be refused later ("editions_broken"), far from the cause."""
    shipped = (default_plans_dir() / "editions.toml").read_text(encoding="utf-8")
    named = shipped.replace('emergency_team = "应急处理小组" }',
                            'emergency_team = "应急处理小组", quality = "质检员" }')
    assert named != shipped
    (tmp_path / "editions.toml").write_text(named, encoding="utf-8")
    hall = PlanDraftService(running=lambda: replace(running_plan(default_plans_dir()),
                                                    folder=tmp_path), now=lambda: T0)
    draft = hall.open(EDITOR).value
    with pytest.raises(DraftRefused) as refused:
        hall.remove_role(draft, "quality", EDITOR)
    assert refused.value.code == "edition_role" and "银行网点" in refused.value.detail
    assert hall.changes(draft) == []
    shipped_hall = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                                    now=lambda: T0)
    assert shipped_hall.remove_role(draft, "quality", EDITOR).value.new is None  # no step,
    # no level, no kind of hall names it: it goes
