"""Submit, approve and sign, publish: each a recorded act, refused at its boundaries; the desk
runs the latest published version and refuses one edited outside the program."""

import sqlite3
import threading
from datetime import date, timedelta

import pytest

from models.plans import drafts, publishing
from models.plans.publishing import PublishRefused
from models.plans.running import RunningRefused, running_plan
from models.store.paths import default_plans_dir
from models.store.tables import PlanRelease, PlanVersion
from tests.models.plans.plan_drafting import (
    EDITOR,
    MANAGER,
    T0,
    approved_draft,
    edited_draft,
    published_draft,
    running,
)

DAY = date(2026, 12, 1)  # T0's day in the hall


@pytest.fixture(autouse=True)
def _db(desk_db):
    return desk_db


def refusal(call, *args, **kwargs) -> str:
    before = (PlanRelease.select().count(), [d.status for d in _drafts()])
    with pytest.raises(PublishRefused) as refused:
        call(*args, **kwargs)
    assert (PlanRelease.select().count(), [d.status for d in _drafts()]) == before
    return refused.value.code


def _drafts():
    from models.store.tables import PlanDraft

    return list(PlanDraft.select().order_by(PlanDraft.id))


def submitted():
    draft = edited_draft()
    publishing.submit(draft, EDITOR, T0, running())
    return draft


def test_published_the_desk_runs_it_with_its_stamp():
    draft = published_draft()
    plan = running()
    assert plan.published and plan.catalog.info.version == "2026.2"
    assert plan.catalog.situation("fire").steps[0].text == "立即拨打119报警。"
    assert [a.act for a in publishing.acts(draft)] == ["submitted", "approved", "published"]
    stamp = publishing.stamp_of(plan.catalog)
    assert (stamp.version, stamp.signer, stamp.signed_on) == ("2026.2", MANAGER, DAY)
    stored = PlanVersion.get_by_id(publishing.published_versions()[0].plan_id)
    assert stored.digest == plan.catalog.digest  # the incidents' record of this text
    assert drafts.open_draft_now() is None


def test_the_shipped_plans_stamp_is_unsigned_until_approved():
    stamp = publishing.stamp_of(running().catalog)
    assert (stamp.version, stamp.signer, stamp.signed_on) == ("2026.1", "", None)


def test_a_new_draft_starts_from_the_published_version():
    published_draft()
    draft = drafts.open_draft(running(), EDITOR, T0 + timedelta(days=1))
    assert drafts.read(draft, "catalog.version") == "2026.2"
    assert draft.base_version == "2026.2"


# ---- submit --------------------------------------------------------------------------------

def test_submitting_the_running_plans_unchanged_is_refused():
    draft = drafts.open_draft(running(), EDITOR, T0)
    assert refusal(publishing.submit, draft, EDITOR, T0, running()) == "no_changes"


def test_submitting_under_the_running_version_label_is_refused():
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.fire.step.0.text", "改过", EDITOR, T0)
    assert refusal(publishing.submit, draft, EDITOR, T0, running()) == "same_version"


def test_a_version_label_already_used_for_another_text_is_refused():
    published_draft()  # 2026.2
    draft = drafts.open_draft(running(), EDITOR, T0 + timedelta(days=1))
    drafts.change(draft, "situation.fire.step.0.text", "又改", EDITOR, T0)
    drafts.change(draft, "catalog.version", "2026.1", EDITOR, T0)  # the shipped text's
    assert refusal(publishing.submit, draft, EDITOR, T0, running()) == "same_version"
    drafts.change(draft, "catalog.version", "2026.3", EDITOR, T0)
    assert publishing.submit(draft, EDITOR, T0, running()).version == "2026.3"


# ---- approve -------------------------------------------------------------------------------

@pytest.mark.parametrize(("signer", "code"), [("", "signer_required"), ("  ", "signer_required"),
                                              (None, "signer_required"),
                                              ("王" * 201, "too_long")])
def test_the_signer_is_named(signer, code):
    draft = submitted()
    assert refusal(publishing.approve, draft, signer, DAY, EDITOR, T0) == code


def test_a_signer_name_at_its_limit_is_accepted():
    assert publishing.approve(submitted(), "王" * 200, DAY, EDITOR, T0).signer == "王" * 200


@pytest.mark.parametrize("signer", [EDITOR, f" {EDITOR} "])
def test_the_submitter_does_not_sign_their_own_plan(signer):
    assert refusal(publishing.approve, submitted(), signer, DAY, EDITOR, T0) == "own_submission"


def test_a_sign_date_after_today_is_refused_today_is_not():
    draft = submitted()
    assert refusal(publishing.approve, draft, MANAGER, DAY + timedelta(days=1), EDITOR,
                   T0) == "future_date"
    assert publishing.approve(draft, MANAGER, DAY, EDITOR, T0).signed_on == DAY


def test_a_sign_date_before_the_submission_is_refused():
    """The clock was set back, or the date mistyped: a plan is not signed before it exists."""
    draft = submitted()
    assert refusal(publishing.approve, draft, MANAGER, DAY - timedelta(days=1), EDITOR,
                   T0 + timedelta(days=3)) == "before_submission"


def test_an_approval_earlier_than_the_submission_by_the_clock_is_refused():
    draft = submitted()
    assert refusal(publishing.approve, draft, MANAGER, DAY, EDITOR,
                   T0 - timedelta(minutes=1)) == "clock_behind"


@pytest.mark.parametrize("signed_on", [None, "2026-12-01", T0])
def test_the_sign_date_is_a_date(signed_on):
    assert refusal(publishing.approve, submitted(), MANAGER, signed_on, EDITOR, T0) == "bad_date"


def test_only_a_submitted_draft_is_approved():
    draft = edited_draft()
    assert refusal(publishing.approve, draft, MANAGER, DAY, EDITOR, T0) == "not_submitted"


def test_a_withdrawn_approval_must_be_given_again():
    draft = approved_draft()
    publishing.withdraw(draft, EDITOR, T0 + timedelta(hours=1))
    assert refusal(publishing.publish, draft, EDITOR, T0 + timedelta(hours=2)) == "not_approved"


# ---- publish ---------------------------------------------------------------------------------

def test_only_an_approved_draft_is_published_and_only_once():
    draft = submitted()
    assert refusal(publishing.publish, draft, EDITOR, T0) == "not_approved"
    publishing.approve(draft, MANAGER, DAY, EDITOR, T0)
    publishing.publish(draft, EDITOR, T0)
    assert refusal(publishing.publish, draft, EDITOR, T0) == "closed"


def test_two_writers_publishing_at_the_same_moment_publish_once(tmp_path):
    """Two connections (threads) race to publish the one approved draft: one wins, the
    other is refused, one version is published."""
    draft = approved_draft()
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def publish():
        start.wait()
        try:
            publishing.publish(draft, EDITOR, T0 + timedelta(hours=2))
            outcomes.append("published")
        except PublishRefused as e:
            outcomes.append(e.code)

    threads = [threading.Thread(target=publish) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["closed", "published"]
    assert PlanRelease.select().where(PlanRelease.act == "published").count() == 1


# ---- a published version edited outside the program ------------------------------------------

def tamper(path, *statements) -> None:
    conn = sqlite3.connect(path)
    conn.executescript("DROP TRIGGER plan_release_no_update;" + ";".join(statements))
    conn.close()


@pytest.mark.parametrize("statements", [
    # the texts edited: a step rewritten
    ["UPDATE plan_release SET texts = replace(texts, '立即拨打119报警', '不必报警') "
     "WHERE act = 'published'"],
    # the texts and their digest edited together: the stored version no longer agrees
    ["UPDATE plan_release SET texts = replace(texts, '立即拨打119报警', '不必报警'), "
     "digest = 'x' WHERE act = 'published'"],
    # the texts emptied
    ["UPDATE plan_release SET texts = '{}' WHERE act = 'published'"],
    # not JSON at all
    ["UPDATE plan_release SET texts = 'garbage' WHERE act = 'published'"],
])
def test_the_desk_refuses_a_published_version_edited_outside_the_program(tmp_path, statements):
    published_draft()
    tamper(tmp_path / "desk.db", *statements)
    with pytest.raises(RunningRefused) as refused:
        running_plan(default_plans_dir())
    assert refused.value.code in ("tampered", "broken")
    assert refused.value.code == ("broken" if "'{}'" in statements[0] else "tampered")


def test_the_desk_refuses_a_published_version_whose_stored_snapshot_was_edited(tmp_path):
    published_draft()
    conn = sqlite3.connect(tmp_path / "desk.db")
    conn.execute("UPDATE plan_version SET snapshot = replace(snapshot, '立即拨打119报警', "
                 "'不必报警') WHERE version = '2026.2'")
    conn.commit()
    conn.close()
    with pytest.raises(RunningRefused) as refused:
        running_plan(default_plans_dir())
    assert refused.value.code == "tampered"


def test_acts_are_append_only(tmp_path):
    published_draft()
    conn = sqlite3.connect(tmp_path / "desk.db")
    for statement in ("UPDATE plan_release SET signer = '别人'", "DELETE FROM plan_release"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
    conn.close()


# ---- the stamp on paper ------------------------------------------------------------------------

def test_paper_names_the_version_an_incident_ran_with_its_signer(desk_db):
    from models.plans.publishing import stamp_of_version, stamped_label
    from models.plans.revisions import record_approval

    _, shipped = desk_db
    assert stamped_label(stamp_of_version(shipped.id)) == "2026.1（2026-11-22），未签发"
    record_approval(shipped, reviewer="赵审核", approved_by="钱总", approved_on=DAY, note="",
                    recorded_by=EDITOR, now=T0, today=DAY)
    assert stamped_label(stamp_of_version(shipped.id)) == (
        "2026.1（2026-11-22），签发人 钱总 2026-12-01")
    published_draft()
    plan_id = publishing.published_versions()[0].plan_id
    assert stamped_label(stamp_of_version(plan_id)) == (
        "2026.2（2026-11-22），签发人 王经理 2026-12-01")


LEVEL_4 = {"level": 4, "name": "四级应急事件", "short": "轻微", "color": "#607d8b",
           "criteria": ["轻微"], "handled_by": "现场处理", "report_to": "dept_manager",
           "report_within_minutes": 60}


def test_a_draft_no_hall_edition_can_cut_is_refused_at_submit():
    """A fourth level no edition's reporting chain covers: the desk of such a hall could not
    start on it (it crashed at every start). Refused at submit; taken out, submitted."""
    draft = edited_draft()
    drafts.change(draft, "level.4", LEVEL_4, EDITOR, T0)
    assert refusal(publishing.submit, draft, EDITOR, T0, running()) == "editions_broken"
    drafts.change(draft, "level.4", None, EDITOR, T0)  # the fourth level taken out again
    assert publishing.submit(draft, EDITOR, T0, running()).act == "submitted"


def test_the_editions_must_still_cut_a_draft_when_it_is_published(tmp_path):
    import shutil

    folder = tmp_path / "plans"
    shutil.copytree(default_plans_dir(), folder)
    from dataclasses import replace

    from models.plans.running import running_plan as run_in

    draft = approved_draft()
    text = (folder / "editions.toml").read_text(encoding="utf-8")
    (folder / "editions.toml").write_text(  # a program update naming a level the draft lacks
        text.replace("[[edition.chain]]\nlevel = 3", "[[edition.chain]]\nlevel = 5", 1),
        encoding="utf-8")
    updated = replace(run_in(default_plans_dir()), folder=folder)
    assert refusal(publishing.publish, draft, EDITOR, T0 + timedelta(hours=2),
                   updated) == "editions_broken"
