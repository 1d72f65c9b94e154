"""`plans check|dump --edition` and the desk's --edition, run as a user runs them."""

import json

from tests.test_cli import run


def test_plans_check_lists_each_edition_and_its_chain():
    result = run("plans", "check")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len([line for line in lines if line.startswith("  edition ")]) == 7
    bank = next(line for line in lines if line.startswith("  edition bank_outlet "))
    assert "1→突发事件应急领导小组 0'" in bank and "3→部门经理 1440'" in bank


def test_plans_dump_of_an_edition_is_that_halls_plans():
    result = run("plans", "dump", "--json", "--edition", "cinema")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["catalog"]["title"].endswith("（私人影院）")
    assert [lv["report_to"] for lv in data["levels"]] == ["group_leader", "liaison",
                                                         "dept_manager"]
    keys = {t["key"] for c in data["categories"] for t in c["types"]}
    assert "hotline_failure" not in keys and "equipment_failure" in keys


def test_an_unknown_edition_is_refused_with_the_known_ones():
    result = run("plans", "check", "--edition", "bank")
    assert result.returncode == 2
    assert "no edition 'bank' (one of: bank_outlet, gov_hall" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_editions_file_fails_the_check_at_its_line(real_plans_dir):
    path = real_plans_dir / "editions.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'report_to = "line_head"', 'report_to = "nobody"', 1), encoding="utf-8")
    result = run("plans", "check", "--dir", str(real_plans_dir))
    assert result.returncode == 2
    assert f"{path}:" in result.stderr and "unknown role 'nobody'" in result.stderr


def test_the_desk_refuses_a_mistyped_edition(tmp_path):
    result = run("--self-test", "--edition", "bank", "--db", str(tmp_path / "desk.db"))
    assert result.returncode == 2
    assert "no edition 'bank'" in result.stderr


def test_the_desk_runs_the_edition_asked_for(tmp_path):
    result = run("--self-test", "--edition", "gas_hall", "--db", str(tmp_path / "desk.db"))
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("plans: "))
    assert "31 situations" not in line and "45 roles" not in line  # not the whole library


def seeded_roles(db_path) -> set[str]:
    from models.store.schema import open_database
    from models.store.tables import Contact

    db = open_database(db_path)
    try:
        return {c.role_key for c in Contact.select()}
    finally:
        db.close()


def test_the_outside_numbers_seeded_are_the_halls_own(tmp_path):
    """A bank's new directory has no gas or water repair line to fill in; before the hall
    says what it is, nothing is seeded (it would be every hall's)."""
    first = tmp_path / "first" / "desk.db"
    first.parent.mkdir()
    assert run("--self-test", "--db", str(first)).returncode == 0
    assert seeded_roles(first) == set()
    bank = tmp_path / "bank" / "desk.db"
    bank.parent.mkdir()
    assert run("--self-test", "--edition", "bank_outlet", "--db", str(bank)).returncode == 0
    assert seeded_roles(bank) == {"police", "fire", "ambulance"}
