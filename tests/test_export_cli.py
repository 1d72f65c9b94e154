"""`main.py export daily|incident`: PDFs without the window, for scheduled printing; every
refusal a clear message, exit 2, and no file (or half a file) left behind."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import main
from tests.helpers import pdf
from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


@pytest.fixture
def database(tmp_path, shipped_catalog):
    """A closed database file holding a fire, a power cut the next day and a drill; the
    desk's settings beside it name the hall."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database
    from models.store.settings import SettingsStore

    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, NOON)

    def start(key, at, drill=False):
        act = Act(Who("城东营业厅", "1号台", "张三"), at, HolidayCalendar())
        return response.start_incident(shipped_catalog, plan, key, act, is_drill=drill)

    start("fire", NOON)
    start("fire", NOON + timedelta(hours=1), drill=True)
    start("power_cut", NOON + timedelta(days=1))
    db.close()
    SettingsStore(path.parent / "settings.json").set("hall_name", "城西营业厅")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_daily_log_for_a_range(database, tmp_path):
    out = tmp_path / "日志.pdf"
    result = run("export", "daily", "--date", "2026-11-20", "--to", "2026-11-21", "--out",
                 str(out), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out} (2 pages)"  # the seal and signatures: page 2
    text = "\n".join(pdf.page_texts(out))
    assert "值班日志 2026-11-20 至 2026-11-21" in text and "城西营业厅" in text
    assert "所列全部事件和演练均与其时间线一致（共 3 起）" in text
    assert "真实事件 2 起；演练 1 次" in text
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".pdf"] == ["data"]


def test_incident_by_number(database, tmp_path):
    out = tmp_path / "record.pdf"
    result = run("--db", str(database), "export", "incident", "--id", "20261121-001",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = "\n".join(pdf.page_texts(out))
    assert "事件记录 20261121-001" in text and "营业场所突然停电" in text


def test_a_bad_date_in_a_real_process(database, tmp_path):
    result = run("export", "daily", "--date", "2026-02-30", "--out", str(tmp_path / "x.pdf"),
                 "--db", str(database))
    assert result.returncode == 2
    assert "not a date: '2026-02-30'; write it as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def export(capsys, *args: str) -> tuple[int, str]:
    code = main.main(["export", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def test_range_the_wrong_way_round(database, tmp_path, capsys):
    code, err = export(capsys, "daily", "--date", "2026-11-21", "--to", "2026-11-20", "--out",
                       str(tmp_path / "x.pdf"), "--db", str(database))
    assert code == 2 and "--to 2026-11-20 is before --date 2026-11-21" in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_desk(database, tmp_path, capsys):
    code, err = export(capsys, "daily", "--date", "2026-11-20", "--desk", "9号台", "--out",
                       str(tmp_path / "x.pdf"), "--db", str(database))
    assert code == 2 and "'9号台'" in err and "1号台" in err


@pytest.mark.parametrize("reference", ["99", "20261120-009", "abc"])
def test_unknown_incident(database, tmp_path, capsys, reference):
    code, err = export(capsys, "incident", "--id", reference, "--out", str(tmp_path / "x.pdf"),
                       "--db", str(database))
    assert code == 2 and f"No incident '{reference}'" in err
    assert not (tmp_path / "x.pdf").exists()


def test_missing_database(tmp_path, capsys):
    code, err = export(capsys, "incident", "--id", "1", "--out", str(tmp_path / "x.pdf"),
                       "--db", str(tmp_path / "none.db"))
    assert code == 2 and "No database at" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no database created either


def test_missing_folder(database, tmp_path, capsys):
    code, err = export(capsys, "incident", "--id", "1", "--out",
                       str(tmp_path / "no" / "x.pdf"), "--db", str(database))
    assert code == 2 and "does not exist" in err


def test_unwritable_folder(database, unwritable_folder, capsys):
    code, err = export(capsys, "daily", "--date", "2026-11-20", "--out",
                       str(unwritable_folder / "x.pdf"), "--db", str(database))
    assert code == 2 and "Cannot write in" in err


def test_out_is_a_folder_and_an_old_file_stays(database, tmp_path, capsys):
    (tmp_path / "taken.pdf").mkdir()
    code, err = export(capsys, "daily", "--date", "2026-11-20", "--out",
                       str(tmp_path / "taken.pdf"), "--db", str(database))
    assert code == 2 and "Cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "taken.pdf"]


def test_a_failure_while_rendering_keeps_the_old_file(database, tmp_path, capsys, monkeypatch):
    from reports import daily_log

    def broken(*args, **kwargs):
        raise KeyError("level")

    monkeypatch.setattr(daily_log._Sheet, "rows", broken)  # fails inside the rendering
    old = tmp_path / "log.pdf"
    old.write_bytes(b"%PDF-1.4 yesterday's log")
    code, err = export(capsys, "daily", "--date", "2026-11-20", "--out", str(old), "--db",
                       str(database))
    assert code == 1 and "Nothing was written to" in err
    assert old.read_bytes() == b"%PDF-1.4 yesterday's log"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "log.pdf"]


def test_out_naming_the_database_is_refused_and_the_database_stays(database, tmp_path, capsys):
    """`export daily --db X --out X` once replaced the database with a PDF and exited 0."""
    before = database.read_bytes()
    code, err = export(capsys, "daily", "--date", "2026-11-20", "--out", str(database),
                       "--db", str(database))
    assert code == 2 and "is not a PDF" in err and "left untouched" in err
    assert database.read_bytes() == before
    code, _ = export(capsys, "daily", "--date", "2026-11-20", "--out",
                     str(database) + "-wal", "--db", str(database))
    assert code == 2
    assert not Path(str(database) + "-wal").exists()
    assert main.main(["verify", "--db", str(database)]) == 0


def test_the_daily_log_is_the_halls_day_from_the_settings(tmp_path, shipped_catalog):
    """The hall's zone comes from settings.json beside the database; the machine's (TZ here)
    plays no part."""
    import os
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database
    from models.store.settings import SettingsStore

    new_york = ZoneInfo("America/New_York")
    late_friday = datetime(2026, 11, 21, 3, 30, tzinfo=UTC)  # 22:30 on the 20th there
    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, late_friday)
    act = Act(Who("城东营业厅", "1号台", "张三"), late_friday, HolidayCalendar(), new_york)
    response.start_incident(shipped_catalog, plan, "fire", act)
    db.close()
    SettingsStore(path.parent / "settings.json").set("timezone", "America/New_York")
    texts = {}
    for day in ("2026-11-20", "2026-11-21"):
        out = tmp_path / f"{day}.pdf"
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "export", "daily", "--date", day, "--out",
             str(out), "--db", str(path)], cwd=ROOT, capture_output=True, text=True,
            encoding="utf-8", timeout=120, env={**os.environ, "TZ": "Pacific/Kiritimati"})
        assert result.returncode == 0, result.stderr
        texts[day] = "\n".join(pdf.page_texts(out))
    assert "20261120-001\n22:30" in texts["2026-11-20"]
    assert "20261120-001" not in texts["2026-11-21"]


def test_records_print_after_the_hall_chose_an_edition(database, tmp_path):
    """Recorded under the whole library, printed once the hall runs the bank's edition (no
    应急管理小组组长 there): each incident as it ran."""
    from models.store.settings import SettingsStore

    SettingsStore(database.parent / "settings.json").set("edition", "bank_outlet")
    record, log = tmp_path / "record.pdf", tmp_path / "log.pdf"
    result = run("--db", str(database), "export", "incident", "--id", "1", "--out", str(record))
    assert result.returncode == 0, result.stderr
    assert "应急管理小组组长" in "\n".join(pdf.page_texts(record))
    result = run("export", "daily", "--date", "2026-11-20", "--to", "2026-11-21", "--out",
                 str(log), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "火灾与安全事故" in "\n".join(pdf.page_texts(log))
