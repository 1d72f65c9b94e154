"""`main.py export drill`: the trainer's report from the command line, as a real process."""

from datetime import UTC, datetime, timedelta

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.drills import runs
from models.drills.scenarios import load_scenarios
from models.incidents import response
from models.plans.versions import record_plan_version
from models.store.paths import default_plans_dir
from models.store.schema import open_database
from tests.helpers import pdf
from tests.test_cli import run

START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def make_database(path, catalog, *, finish=True):
    db = open_database(path)
    plan = record_plan_version(catalog, START)
    scenarios, _ = load_scenarios(default_plans_dir() / "drills", catalog)
    robbery = next(s for s in scenarios if s.key == "robbery")

    def act(minutes=0):
        return Act(Who("城东营业厅", "1号台", "张三"), START + timedelta(minutes=minutes),
                   HolidayCalendar())

    run_id = runs.start_run(robbery, 1, "王教员", plan, act())
    runs.record_shown(run_id, 0, robbery.injects[0], START)
    incident = response.start_incident(catalog, plan, "robbery", act(1), drill_run=run_id)
    response.record_call(catalog, incident, "police", act(2))
    if finish:
        runs.finish_run(catalog, run_id, robbery, START, act(8))
    db.close()
    return run_id


def test_export_a_drill_report(tmp_path, shipped_catalog):
    db = tmp_path / "desk.db"
    run_id = make_database(db, shipped_catalog)
    out = tmp_path / "报告.pdf"
    result = run("export", "drill", "--run", str(run_id), "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out} (")
    text = "\n".join(pdf.page_texts(out))
    assert "营业厅抢劫应对" in text and "王教员" in text and "一名男子持刀" in text
    assert "报警 110" in text and "演练" in text
    assert all(pdf.fonts(out).values())


def test_unknown_or_running_drill_and_bad_folder(tmp_path, shipped_catalog):
    db = tmp_path / "desk.db"
    run_id = make_database(db, shipped_catalog)
    result = run("export", "drill", "--run", "9", "--out", str(tmp_path / "x.pdf"),
                 "--db", str(db))
    assert result.returncode == 2 and "No drill 9" in result.stderr
    assert f"  {run_id}: " in result.stderr and "营业厅抢劫应对" in result.stderr
    result = run("export", "drill", "--run", str(run_id), "--out",
                 str(tmp_path / "none" / "x.pdf"), "--db", str(db))
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr

    running = tmp_path / "running.db"
    run_id = make_database(running, shipped_catalog, finish=False)
    result = run("export", "drill", "--run", str(run_id), "--out", str(tmp_path / "y.pdf"),
                 "--db", str(running))
    assert result.returncode == 2 and "has not ended yet" in result.stderr
    assert not (tmp_path / "y.pdf").exists()
