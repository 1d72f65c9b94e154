"""The headless commands, run as a user runs them: a real process."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_plans_check_ok_on_shipped_plans():
    result = run("plans", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "31 situations" in result.stdout


def test_plans_check_reports_every_problem_with_file_and_line(catalog_dir):
    path = catalog_dir / "catalog.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("minutes = 15", "minutes = -15").replace('call = ["fire"]',
                                                                   'call = ["firemen"]')
    path.write_text(text, encoding="utf-8")
    result = run("plans", "check", "--dir", str(catalog_dir))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 6  # two problems, the count, and the folder's missing manifest
    assert all(line.startswith(f"{path}:") for line in lines[:2])
    assert lines[2] == f"2 problem(s) in {catalog_dir}"
    assert lines[4] == f"  no MANIFEST.json in {catalog_dir}"
    assert "Traceback" not in result.stderr


def test_plans_check_missing_folder(tmp_path):
    result = run("plans", "check", "--dir", str(tmp_path / "none"))
    assert result.returncode == 2
    assert "plan folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_dump_json_has_the_documented_shape():
    result = run("plans", "dump", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    level1 = data["levels"][0]
    assert (level1["level"], level1["report_within_minutes"], level1["report_to"]) == (
        1, 5, "group_leader")
    situations = [t for c in data["categories"] for t in c["types"]]
    assert len(situations) == 31
    for sit in situations:
        assert {"key", "name", "default_level", "steps", "scripts", "timers"} <= set(sit)
        assert all({"text", "role", "call"} <= set(step) for step in sit["steps"])
    hotline = next(s for s in situations if s["key"] == "hotline_failure")
    arrive = next(t for t in hotline["timers"] if t["key"] == "it_arrive")
    assert (arrive["minutes"], arrive["holiday_minutes"]) == (15, 45)


def test_dump_refuses_broken_plans(catalog_dir):
    (catalog_dir / "catalog.toml").write_text("[catalog\n", encoding="utf-8")
    result = run("plans", "dump", "--json", "--dir", str(catalog_dir))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "catalog.toml:1: TOML syntax" in result.stderr


def test_self_test_opens_the_whole_desk(tmp_path):
    result = run("--self-test", "--db", str(tmp_path / "desk.db"))
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert "31 situations" in result.stdout
    assert "window title: 应急处置台" in result.stdout
    assert "pdf: contact sheet written" in result.stdout
    assert "pinyin initials" in result.stdout
    assert (tmp_path / "desk.db").exists()


def test_self_test_refuses_a_foreign_database_untouched(tmp_path):
    db = tmp_path / "notes.db"
    db.write_bytes(b"not a database at all" * 50)
    before = db.read_bytes()
    result = run("--self-test", "--db", str(db))
    assert result.returncode == 2
    assert "SELF-TEST FAILED: 无法使用该数据库" in result.stderr  # the desk's language
    assert f"{db} 不是应急处置台的数据库，该文件未被改动。" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_self_test_with_broken_plans_names_the_problem(tmp_path, catalog_dir):
    (catalog_dir / "catalog.toml").write_text("[catalog]\ntitle = 1\n", encoding="utf-8")
    result = run("--self-test", "--plans", str(catalog_dir), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 2
    assert "catalog.toml:2: catalog field 'title' must be text" in result.stderr
    assert not (tmp_path / "d.db").exists()  # nothing is created before the plans are right


def test_self_test_names_a_database_found_damaged_while_starting(tmp_path):
    """The schema reads fine, the deadlines the desk loads at start do not: the clerk is told
    the file is damaged (in the desk's language), and it is left as it was."""
    from tests.test_cli_damaged import state, wreck_table

    db = tmp_path / "desk.db"
    assert run("--self-test", "--db", str(db)).returncode == 0
    for name in ("deadline", "deadline_status", "deadline_due_at"):  # what start-up reads
        wreck_table(db, name)
    before = state(tmp_path)
    result = run("--self-test", "--db", str(db))
    assert result.returncode == 2, result.stderr
    assert f"SELF-TEST FAILED: 无法使用该数据库: 数据库文件 {db} 已损坏" in result.stderr
    assert f"在 {tmp_path / 'backups'} 中没有找到它的备份" in result.stderr  # none made yet
    assert "Traceback" not in result.stderr
    assert state(tmp_path) == before


def test_demo_fills_and_extends_with_the_size_per_incident_of_the_whole_file(tmp_path):
    db = str(tmp_path / "demo.db")
    first = run("demo", "--incidents", "30", "--days", "3", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "30 incidents" in first.stdout and "with 30 incidents" in first.stdout
    again = run("demo", "--incidents", "10", "--days", "3", "--db", db)
    assert again.returncode == 0, again.stderr
    assert "with 40 incidents" in again.stdout  # per incident of the file, not of the 10 added
    assert run("verify", "--db", db).returncode == 0


def test_the_desk_refuses_plan_files_that_lost_situations_of_their_version(tmp_path,
                                                                          real_plans_dir):
    """A truncated plan file was accepted ("OK … 28 situations") and its situations silently
    vanished from the desk."""
    db = str(tmp_path / "desk.db")
    assert run("--self-test", "--db", db, "--plans", str(real_plans_dir)).returncode == 0
    path = real_plans_dir / "fire_safety.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    fire_only = next(i for i, line in enumerate(lines) if line.endswith(" 触电"))
    path.write_text("\n".join(lines[:fire_only]) + "\n", encoding="utf-8")
    # the manifest written again (as a developer would): the version's own record still tells
    from tools.plans_manifest import main as write_manifest
    assert write_manifest(["--dir", str(real_plans_dir)]) == 0
    result = run("--self-test", "--db", db, "--plans", str(real_plans_dir))
    assert result.returncode == 2
    assert "预案文件缺少了部分情形" in result.stderr and "electric_shock" in result.stderr
