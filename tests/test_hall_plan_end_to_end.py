"""Issue 15's whole path, as a hall takes it from a clean clone: the hall says it is a bank
outlet, a supervisor edits a step, submits, a manager approves and signs, the plan is
published; the desk (built as main.py builds it) then runs an incident on the new version
with the bank's one reporting chain, and the printed card carries the new step and the
signature."""

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt

from tests.helpers import pdf
from tests.test_cli import run

ZONE = ZoneInfo("Asia/Shanghai")
TODAY = datetime.now(ZONE).date().isoformat()  # the hall's day (default zone), as the CLI's
EDITED = "发现火灾,立即启动应急预案,五分钟内上报突发事件应急领导小组。"


def plans(db, *args):
    result = run("plans", *args, "--db", str(db))
    assert result.returncode == 0, result.stderr
    return result


def publish_an_edited_fire(db, step: int) -> None:
    plans(db, "draft", "start", "--by", "李主管")
    for where, value in ((f"situation.fire.step.{step}.text", EDITED),
                         ("catalog.version", "2026.2"), ("catalog.revised", TODAY)):
        plans(db, "draft", "set", where, value, "--by", "李主管")
    plans(db, "submit", "--by", "李主管")
    plans(db, "approve", "--signer", "王经理", "--date", TODAY, "--by", "李主管")
    plans(db, "publish", "--by", "李主管")


def bank_step_in_library(catalog) -> int:
    """Where the bank's first fire step sits in the library's fire (the draft is the
    library's files: a hall edits the plan its edition cuts from)."""
    return next(i for i, step in enumerate(catalog.situation("fire").steps)
                if step.source == "bank:四.3(1)")


def desk_as_main_builds_it(db_path, store):
    """main.py's path: the running plans (the hall's published version), cut to the hall's
    edition, recorded as the version the incidents run."""
    from models.clock.clocks import FakeClock
    from models.plans.editions import in_edition, load_editions
    from models.plans.running import running_plan
    from models.plans.versions import record_plan_version
    from models.store.paths import default_plans_dir
    from models.store.schema import open_database
    from ui.window.desk import build_desk

    db = open_database(db_path)
    folder = default_plans_dir()
    library = running_plan(folder).catalog
    catalog = in_edition(library, load_editions(folder, library), str(store.get("edition")))
    clock = FakeClock(datetime.now(ZONE).replace(microsecond=0))
    plan = record_plan_version(catalog, clock.now())
    desk = build_desk(catalog=catalog, plan=plan, store=store, clock=clock,
                      confirm=lambda parent, title, text, then: then(),
                      running=lambda: running_plan(folder))
    desk.window.resize(1366, 709)
    desk.window.show()
    desk.start()
    return db, desk, catalog


def test_a_bank_edits_approves_publishes_runs_and_prints_its_plan(qtbot, tmp_path,
                                                                    shipped_catalog):
    from models.store.schema import open_database
    from models.store.settings import SettingsStore
    from models.store.tables import Deadline, Incident

    db_path = tmp_path / "desk.db"
    open_database(db_path).close()
    store = SettingsStore(tmp_path / "settings.json")
    store.set("edition", "bank_outlet")  # the hall's answer at first start
    store.set("clerk_on_duty", "张三")

    publish_an_edited_fire(db_path, bank_step_in_library(shipped_catalog))
    status = plans(db_path, "status").stdout
    assert f"Running: version 2026.2 (revised {TODAY}), published by this hall" in status

    db, desk, catalog = desk_as_main_builds_it(db_path, store)
    try:
        qtbot.mouseClick(desk.emergency.home.urgent_buttons["fire"], Qt.MouseButton.LeftButton)
        incident = Incident.get()
        assert (incident.plan.version, incident.situation_key) == ("2026.2", "fire")
        shown = [row.text.text() for row in desk.emergency.guided.step_rows]
        assert any(EDITED in text for text in shown)  # the published text, at the desk
        steps = catalog.situation("fire").steps
        roles = {catalog.role(k).name for k in
                 {s.role for s in steps} | {c for s in steps for c in s.call}}
        assert "职能线负责人" not in roles and "接待部" not in roles  # no gas hall, no hotel
        (report,) = Deadline.select().where(Deadline.incident == incident,
                                            Deadline.key == "level_report")
        assert catalog.role(report.to_role).name == "突发事件应急领导小组"  # the bank's chain
    finally:  # the desk's ticking goes with it, before its database does
        desk.window.close()
        for thing in (desk.deadlines, desk.window):  # and their tickers with them
            thing.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.close()

    out = tmp_path / "fire.pdf"
    plans(db_path, "cards", "--situation", "fire", "--format", "a4", "--out", str(out))
    (page,) = pdf.page_texts(out)
    flat = "".join(page.split())
    assert EDITED in flat
    assert "2026.2" in flat and "王经理" in flat and "突发事件应急领导小组" in flat
    assert "职能线负责人" not in flat
