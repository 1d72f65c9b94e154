"""After a program update from the command line: `plans status` says the shipped plans are
newer than the base of the hall's, a draft started before refuses to be submitted, and
`plans update` opens a draft from the new plans with the hall's changes, listing the rest."""

import shutil

import pytest

from models.store.paths import default_plans_dir
from tests.models.plans.plan_updating import NEW_STEP_3, ship
from tests.test_cli import run
from tests.test_plans_publishing_cli import TODAY


@pytest.fixture
def hall(tmp_path):
    """(database, plan folder): a hall that published 2026.2, fire step 0 and 3 its own."""
    from models.store.schema import open_database

    db = tmp_path / "desk.db"
    open_database(db).close()
    folder = tmp_path / "plans"
    shutil.copytree(default_plans_dir(), folder)
    for args in (("draft", "start"),
                 ("draft", "set", "situation.fire.step.0.text", "立即拨打119报警。"),
                 ("draft", "set", "situation.fire.step.3.text", "拨打119。"),
                 ("draft", "set", "catalog.version", "2026.2"), ("submit",),
                 ("approve", "--signer", "王经理", "--date", TODAY), ("publish",)):
        who = ("--by", "李主管") if args[0] != "approve" else ("--by", "张三")
        done = plans(db, folder, *args, *who)
        assert done.returncode == 0, done.stderr
    return db, folder


def plans(db, folder, *args):
    return run("--plans", str(folder), "plans", *args, "--db", str(db))


def test_status_says_the_program_ships_newer_plans_and_update_carries_the_halls(hall):
    db, folder = hall
    assert "newer than version" not in plans(db, folder, "status").stdout
    plans(db, folder, "draft", "start", "--by", "李主管")
    assert plans(db, folder, "draft", "set", "role.clerk.number", '"8001"', "--by",
                 "李主管").returncode == 0
    ship(folder, "2027.1")
    status = plans(db, folder, "status").stdout
    assert ("The program ships plans version 2027.1, newer than version 2026.1 the hall's "
            "plans were built on: bring them up to date with plans update --by NAME") in status
    assert "It was started from version 2026.2, no longer what the desk runs" not in status
    updated = plans(db, folder, "update", "--by", "李主管")
    assert updated.returncode == 0, updated.stderr
    assert ("opened from the program's plans version 2027.1: 2 change(s) of the hall carried "
            "over") in updated.stdout
    assert "is discarded: its changes are in the new draft" in updated.stdout
    assert (f'situation.fire.step.3.text: the hall\'s "立即拨打119火警电话,请求消防救援。" -> '
            f'"拨打119。"; the program\'s plans now say "{NEW_STEP_3}"') in updated.stdout
    assert plans(db, folder, "draft", "show", "role.clerk.number").stdout.strip() == '"8001"'
    again = plans(db, folder, "update", "--by", "李主管")
    assert again.returncode == 2 and "nothing to bring up to date" in again.stderr


def test_a_draft_started_before_the_program_update_is_refused_with_what_to_do(tmp_path):
    from models.store.schema import open_database

    db = tmp_path / "desk.db"
    open_database(db).close()
    folder = tmp_path / "plans"
    shutil.copytree(default_plans_dir(), folder)
    plans(db, folder, "draft", "start", "--by", "李主管")
    plans(db, folder, "draft", "set", "catalog.version", "2026.2", "--by", "李主管")
    ship(folder, "2027.1")
    assert "It was started from version 2026.1" in plans(db, folder, "status").stdout
    submitted = plans(db, folder, "submit", "--by", "李主管")
    assert submitted.returncode == 2
    assert ("The draft was started from version 2026.1, but the desk now runs other plans"
            in submitted.stderr and "plans update --by NAME" in submitted.stderr)
