"""Forgeries made with the sqlite3 command line (the append-only triggers dropped first), and a
forger who recomputes every hash: `verify` catches each, and the seal printed on paper catches
the one whose hashes all check. Also: verify raises no false alarm while a desk writes fast."""

import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import main
from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import deadlines, records, response
from models.plans.versions import record_plan_version
from models.store.schema import open_database
from tests.helpers.forgery import put_guards_back, recompute_everything, sqlite

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
pytestmark = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                reason="needs the sqlite3 command line (Debian: sqlite3)")


def act(minutes: float) -> Act:
    return Act(Who("城东营业厅", "1号台", "张三"), T0 + timedelta(minutes=minutes),
               HolidayCalendar())


@pytest.fixture
def desk(tmp_path, shipped_catalog):
    """Three incidents: a fire whose reports were missed, a power cut with a saved record,
    a customer taken ill; the file closed as the desk leaves it."""
    path = tmp_path / "desk.db"
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, T0)
    fire = response.start_incident(shipped_catalog, plan, "fire", act(0))
    deadlines.check_overdue(shipped_catalog, act(90))  # every report of the fire missed
    power = response.start_incident(shipped_catalog, plan, "power_cut", act(100))
    assert records.save_record(power, {"place": "一楼大厅"}, act(101)) == {}
    response.start_incident(shipped_catalog, plan, "customer_ill_injured", act(110))
    db.close()
    assert fire == 1 and power == 2
    return path


def verify(capsys, db: Path, *seal: str) -> tuple[int, str]:
    code = main.main(["verify", "--db", str(db), *(("--seal", *seal) if seal else ())])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_intact_file_passes_and_shows_its_seal(desk, capsys):
    code, out = verify(capsys, desk)
    assert code == 0, out
    assert "3 incidents" in out and "Seal now: " in out


@pytest.mark.parametrize(("forgery", "words"), [
    ("UPDATE deadline SET status = 'met', met_at = started_at WHERE status = 'missed'",
     "a reporting deadline's time or outcome differs"),
    ("UPDATE deadline SET due_at = datetime(due_at, '+1 hour')",
     "a reporting deadline's time or outcome differs"),
    ("UPDATE incident SET started_at = datetime(started_at, '-30 days') WHERE id = 1",
     "when, where or by whom it started differs"),
    ("UPDATE incident SET clerk = '李四', desk = '3号台' WHERE id = 2",
     "when, where or by whom it started differs"),
    ("DELETE FROM record_data WHERE incident_id = 2",
     "the record differs from what the timeline last saved"),
    ("DELETE FROM deadline WHERE id = (SELECT min(id) FROM deadline)",
     "a reporting deadline recorded in the timeline is missing"),
    ("INSERT INTO deadline (incident_id, source, key, label, action, to_role, by_role, holiday, "
     "started_at, due_at, status, met_by, met_to) VALUES (3, 'level:2', 'x', '报告', 'report', "
     "'leader', 'clerk', 0, '2026-11-20 03:50:00', '2026-11-20 04:00:00', 'met', '张三', '')",
     "a reporting deadline the timeline never recorded was added"),
    ("DELETE FROM timeline_entry WHERE incident_id = 3; DELETE FROM deadline WHERE incident_id "
     "= 3; DELETE FROM incident_fts WHERE rowid = 3; DELETE FROM incident WHERE id = 3",
     "the timeline entry it links was removed"),
    # the desk-wide chain's own rows
    ("UPDATE ledger SET hash = 'x' || substr(hash, 2) WHERE id = 5", "chain is broken here"),
    ("DELETE FROM ledger WHERE id = 5", "chain is broken here"),
    ("INSERT INTO timeline_entry (incident_id, at, kind, actor, desk, text, data, prev_hash, "
     "hash) VALUES (3, '2026-11-20 04:00:00', 'note', '张三', '1号台', '补记', '{}', '', 'x')",
     "added outside the program"),
])
def test_a_plain_sql_forgery_is_caught(desk, capsys, forgery, words):
    sqlite(desk, forgery)
    code, out = verify(capsys, desk)
    assert code == 2
    assert words in out


@pytest.mark.parametrize("forgery", [
    "UPDATE timeline_entry SET data = '{\"level\": ' WHERE id = 1",  # JSON cut short
    "UPDATE timeline_entry SET data = '[1]' WHERE kind = 'deadline_started'",
    "UPDATE timeline_entry SET data = '{\"deadline\": 1, \"late_seconds\": \"x\"}' "
    "WHERE kind = 'deadline_missed'",
    "UPDATE timeline_entry SET at = 20261120 WHERE id = 1",
    "UPDATE timeline_entry SET text = x'00ff' WHERE id = 1",
    "UPDATE deadline SET due_at = 'soon' WHERE id = 1",
])
def test_values_the_program_never_writes_are_named_not_a_traceback(desk, capsys, forgery):
    sqlite(desk, forgery)
    code, out = verify(capsys, desk)
    assert code == 2 and "Traceback" not in out
    assert "incident 20261120-001" in out


def test_a_forger_who_recomputes_every_hash_is_caught_by_the_seal_on_paper(desk, capsys):
    assert main.main(["seal", "--db", str(desk)]) == 0
    sealed = capsys.readouterr().out.strip()  # printed on last night's signed daily log
    recompute_everything(desk)
    code, out = verify(capsys, desk)
    assert code == 2 and "guard timeline_no_update" in out  # the triggers it dropped show
    put_guards_back(desk)
    code, out = verify(capsys, desk)
    assert code == 0, out  # every hash checks: without the paper, nothing shows
    code, out = verify(capsys, desk, sealed)
    assert code == 2
    assert "records were removed" in out or "no longer holds what the seal sealed" in out


@pytest.mark.parametrize("guard", ["timeline_no_delete", "ledger_no_update",
                                   "plan_release_no_delete"])
def test_a_guard_dropped_alone_is_named(desk, capsys, guard):
    """The append-only triggers dropped (the first move of every forgery with sqlite3), no
    record touched: verify names the guard and says the file's protection was changed."""
    subprocess.run(["sqlite3", str(desk), f"DROP TRIGGER {guard}"], check=True,
                   capture_output=True, timeout=60)
    code, out = verify(capsys, desk)
    assert code == 2 and f"guard {guard}: " in out
    assert "1 problem(s)" in out and "the file's own protection was changed" in out
    put_guards_back(desk)
    assert verify(capsys, desk)[0] == 0


def test_a_seal_proves_the_file_and_later_records_do_not_break_it(desk, shipped_catalog,
                                                                  capsys):
    assert main.main(["seal", "--db", str(desk)]) == 0
    sealed = capsys.readouterr().out.strip()
    db = open_database(desk)
    response.add_note(3, "家属已到", act(120))  # the desk goes on after the log was printed
    db.close()
    code, out = verify(capsys, desk, sealed)
    assert code == 0, out
    assert f"it holds all that seal {sealed} sealed" in out
    code, out = verify(capsys, desk, sealed.replace(sealed[-1], "0" if sealed[-1] != "0"
                                                    else "1"))
    assert code == 2 and "no longer holds what the seal sealed" in out


def test_a_seal_that_is_not_one_is_refused_plainly(desk, capsys):
    code, out = verify(capsys, desk, "12-ZZZZ")
    assert code == 2 and "is not a seal code" in out and "Traceback" not in out


WRITER = """
import sys
sys.path.insert(0, sys.argv[1])
from datetime import UTC, datetime, timedelta
from pathlib import Path
from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.plans.loader import load_catalog
from models.plans.versions import record_plan_version
from models.store.paths import default_plans_dir
from models.store.schema import open_database
db = open_database(Path(sys.argv[2]))
catalog = load_catalog(default_plans_dir())
t = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
plan = record_plan_version(catalog, t)
print("writing", flush=True)
for n in range(int(sys.argv[3])):
    a = Act(Who("城东营业厅", "1号台", "张三"), t + timedelta(seconds=n), HolidayCalendar())
    incident = response.start_incident(catalog, plan, "fire", a)
    response.set_step(catalog, incident, 0, True, a)
    response.add_note(incident, f"第{n}条", a)
"""


def test_verify_raises_no_false_alarm_while_a_desk_writes_fast(desk, capsys):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), str(desk), "100000"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        results = [verify(capsys, desk) for _ in range(15)]
        assert writer.poll() is None  # the desk was writing throughout
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()
    assert [code for code, _ in results] == [0] * 15, [out for _, out in results]


def daily_log_text(capsys, db: Path, out: Path) -> str:
    from tests.helpers.pdf import page_texts

    assert main.main(["export", "daily", "--db", str(db), "--date", "2026-11-20", "--out",
                      str(out)]) == 0, capsys.readouterr()
    return "".join(page_texts(out)).replace("\n", "")


def test_the_daily_log_checks_what_it_prints_against_the_timelines(desk, capsys, tmp_path):
    text = daily_log_text(capsys, desk, tmp_path / "before.pdf")
    assert "完整性校验：所列全部事件和演练均与其时间线一致（共 3 起）" in text
    assert "※" not in text
    sqlite(desk, "UPDATE deadline SET status = 'met', met_at = started_at "
                 "WHERE status = 'missed'")  # the missed reports made "in time"
    text = daily_log_text(capsys, desk, tmp_path / "after.pdf")
    assert "完整性校验：未通过" in text and "※20261120-001" in text
    assert "※20261120-002" not in text and "※20261120-003" not in text
