"""Shared set-up of the drafts and publishing tests: the running plans, a draft, the steps."""

from datetime import UTC, date, datetime, timedelta

from models.plans import drafts, publishing
from models.plans.running import running_plan
from models.store.paths import default_plans_dir

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # 17:00 in the hall (Asia/Shanghai)
EDITOR, MANAGER = "李主管", "王经理"
FIRST_STEP = "situation.fire.step.0.text"


def running():
    return running_plan(default_plans_dir())


def edited_draft(now=T0, version="2026.2"):
    """A draft with one step changed and a version of its own."""
    draft = drafts.open_draft(running(), EDITOR, now)
    drafts.change(draft, FIRST_STEP, "立即拨打119报警。", EDITOR, now)
    drafts.change(draft, "catalog.version", version, EDITOR, now)
    return draft


def approved_draft(now=T0):
    draft = edited_draft(now)
    publishing.submit(draft, EDITOR, now, running())
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, now + timedelta(hours=1))
    return draft


def published_draft(now=T0):
    draft = approved_draft(now)
    publishing.publish(draft, EDITOR, now + timedelta(hours=2))
    return draft
