"""The hall's own plans from the command line, as a supervisor runs them: a draft changed,
refused when broken, submitted, approved and signed, published; the desk then runs it, and
refuses it once edited outside the program."""

import sqlite3
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.test_cli import ROOT, run

TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()  # the hall's (default zone)


@pytest.fixture
def db(tmp_path):
    from models.store.schema import open_database

    path = tmp_path / "desk.db"
    open_database(path).close()
    return str(path)


def plans(db, *args):
    return run("plans", *args, "--db", db)


def approved(db):
    assert plans(db, "draft", "start", "--by", "李主管").returncode == 0
    for where, value in (("situation.fire.step.0.text", "立即拨打119报警。"),
                         ("catalog.version", "2026.2"), ("catalog.revised", TODAY)):
        changed = plans(db, "draft", "set", where, value, "--by", "李主管")
        assert changed.returncode == 0, changed.stderr
    assert plans(db, "submit", "--by", "李主管").returncode == 0
    signed = plans(db, "approve", "--signer", "王经理", "--date", TODAY, "--by", "李主管")
    assert signed.returncode == 0, signed.stderr


def test_a_draft_from_start_to_the_desk_running_it(db, tmp_path):
    status = plans(db, "status")
    assert "Running: version 2026.1" in status.stdout and "not signed (未签发)" in status.stdout
    approved(db)
    published = plans(db, "publish", "--by", "李主管")
    assert published.returncode == 0, published.stderr
    assert f"Published version 2026.2 (signed by 王经理 on {TODAY})" in published.stdout
    status = plans(db, "status")
    assert (f"Running: version 2026.2 (revised {TODAY}), published by this hall; signed by "
            f"王经理 on {TODAY}") in status.stdout
    changes = plans(db, "draft", "changes")
    assert "situation.fire.step.0.text:" in changes.stdout and '-> "2026.2"' in changes.stdout
    desk = run("--self-test", "--db", db)
    assert desk.returncode == 0, desk.stderr
    assert "plan version 2026.2" in desk.stdout


def test_a_broken_change_is_refused_with_its_field_and_line_and_nothing_saved(db):
    plans(db, "draft", "start", "--by", "李主管")
    result = plans(db, "draft", "set", "level.1.report_within_minutes", "-5", "--by", "李主管")
    assert result.returncode == 2
    assert "Refused, nothing was saved" in result.stderr
    assert ("  level.1.report_within_minutes: level field 'report_within_minutes' must not be "
            "negative (-5) (catalog.toml:") in result.stderr
    assert plans(db, "draft", "show", "level.1.report_within_minutes").stdout.strip() == "5"
    assert "0 change(s)" in plans(db, "draft", "show").stdout


BAD_APPROVALS = [
    (("--signer", "李主管", "--date", TODAY), "李主管 submitted this draft and cannot also sign"),
    (("--signer", " ", "--date", TODAY), "Name the manager who signs (签发人)"),
    (("--signer", "王经理", "--date", "2026-13-01"), "Give the date it was signed as YYYY-MM-DD"),
    (("--signer", "王经理", "--date", "2020-01-01"), "before the draft was submitted"),
    (("--signer", "王经理", "--date", "2999-01-01"), "is after today"),
]


def test_a_bad_approval_is_refused_and_changes_nothing(db):
    plans(db, "draft", "start", "--by", "李主管")
    plans(db, "draft", "set", "catalog.version", "2026.2", "--by", "李主管")
    assert plans(db, "submit", "--by", "李主管").returncode == 0
    for args, words in BAD_APPROVALS:
        result = plans(db, "approve", *args, "--by", "李主管")
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
    assert "Draft #1: submitted" in plans(db, "status").stdout
    assert plans(db, "publish", "--by", "李主管").returncode == 2


def test_two_publishers_at_once_publish_once(db):
    approved(db)
    command = [sys.executable, str(ROOT / "main.py"), "plans", "publish", "--by", "李主管",
               "--db", db]
    racers = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(r.wait(timeout=120), *r.communicate()) for r in racers]
    assert sorted(code for code, _, _ in results) == [0, 2]
    loser = next(err for code, _, err in results if code == 2)
    assert "No draft is being worked on" in loser or "already published" in loser
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM plan_release WHERE act = 'published'"
                        ).fetchone() == (1,)
    conn.close()


def test_the_desk_refuses_a_published_plan_edited_in_the_database(db):
    approved(db)
    assert plans(db, "publish", "--by", "李主管").returncode == 0
    conn = sqlite3.connect(db)
    conn.executescript("DROP TRIGGER plan_release_no_update; UPDATE plan_release SET texts = "
                       "replace(texts, '立即拨打119报警', '不必报警') WHERE act = 'published';")
    conn.close()
    desk = run("--self-test", "--db", db)
    assert desk.returncode == 2
    assert "SELF-TEST FAILED: 无法使用本厅发布的预案" in desk.stderr
    assert "请从备份恢复数据库" in desk.stderr
    status = plans(db, "status")
    assert status.returncode == 2 and "changed in the database outside the program" in (
        status.stderr)
    export = run("export", "contacts", "--out", str(ROOT / "never.pdf"), "--db", db)
    assert export.returncode == 2 and not (ROOT / "never.pdf").exists()


def test_commands_without_a_database_say_so(tmp_path):
    result = run("plans", "status", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and "No database at" in result.stderr
    assert not (tmp_path / "none.db").exists()




def test_the_desk_refuses_a_published_plan_no_edition_can_cut(db):
    """Published before such drafts were refused (a fourth level no hall's chain covers): the
    desk said nothing and crashed at every start; now it says what is wrong and what to do."""
    from dataclasses import replace
    from datetime import date, timedelta

    from models.plans import drafts, publishing
    from models.store.schema import open_database
    from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0, edited_draft, running
    from tests.models.plans.test_publishing import LEVEL_4

    handle = open_database(db)
    try:
        draft = edited_draft()
        drafts.change(draft, "level.4", LEVEL_4, EDITOR, T0)
        unchecked = replace(running(), folder=None)  # as before the check existed
        publishing.submit(draft, EDITOR, T0, unchecked)
        publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, T0 + timedelta(hours=1))
        publishing.publish(draft, EDITOR, T0 + timedelta(hours=2))
    finally:
        handle.close()
    desk = run("--self-test", "--db", db)
    assert desk.returncode == 2, desk.stderr
    assert "与程序所知的大厅类型不相符" in desk.stderr and "level" in desk.stderr
    assert "Traceback" not in desk.stderr


def test_status_says_the_day_the_draft_was_started_in_the_halls_time(tmp_path):
    from datetime import UTC

    from models.plans import drafts
    from models.plans.running import running_plan
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database

    db = tmp_path / "desk.db"
    database = open_database(db)
    late = datetime(2026, 12, 1, 20, 30, tzinfo=UTC)  # 04:30 on 2 December in the hall
    drafts.open_draft(running_plan(default_plans_dir()), "李主管", late)
    database.close()
    status = plans(db, "status")
    assert "started by 李主管 on 2026-12-02;" in status.stdout, status.stdout
