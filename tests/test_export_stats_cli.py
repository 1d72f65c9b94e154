"""`main.py export stats --month|--quarter`: the statistics PDF from a real file, without the
window; a wrong period is refused with how to write it, and nothing is written."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import pdf
from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
EDGE = datetime(2026, 11, 30, 23, 59, 59, tzinfo=HALL)


@pytest.fixture
def database(tmp_path, shipped_catalog):
    """A closed file: a fire at the last second of November (hall time), a power cut at the
    first second of December, a drill in November; the hall named in the settings."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.store.schema import open_database
    from models.store.settings import SettingsStore

    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, EDGE - timedelta(days=30))

    def start(key, at, drill=False):
        act = Act(Who("城东营业厅", "1号台", "张三"), at, HolidayCalendar())
        return response.start_incident(shipped_catalog, plan, key, act, is_drill=drill)

    start("fire", EDGE)
    start("power_cut", EDGE + timedelta(seconds=1))
    start("fire", EDGE - timedelta(days=3), drill=True)
    db.close()
    SettingsStore(path.parent / "settings.json").set("hall_name", "城西营业厅")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_a_month_and_a_quarter(database, tmp_path):
    out = tmp_path / "统计.pdf"
    result = run("export", "stats", "--month", "2026-11", "--db", str(database), "--out",
                 str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {out} (")
    text = "\n".join(pdf.page_texts(out))
    assert "应急处置统计月报 2026-11" in text and "城西营业厅" in text
    assert "共 1 起事件" in text  # the fire; the drill and December's power cut apart
    result = run("export", "stats", "--quarter", "2026Q4", "--db", str(database), "--out",
                 str(out))
    assert result.returncode == 0, result.stderr
    text = "\n".join(pdf.page_texts(out))
    assert "应急处置统计季报 2026年第4季度" in text and "共 2 起事件" in text


@pytest.mark.parametrize(("args", "message"), [
    (("--month", "2026Q4"), "'2026Q4' is a quarter: give it with --quarter"),
    (("--quarter", "2026-11"), "'2026-11' is a month: give it with --month"),
    (("--month", "2026-13"), "write a month as YYYY-MM"),
    ((), "one of the arguments --month --quarter is required"),
])
def test_a_wrong_period_is_refused_and_nothing_written(database, tmp_path, args, message):
    out = tmp_path / "统计.pdf"
    result = run("export", "stats", *args, "--db", str(database), "--out", str(out))
    assert result.returncode == 2 and message in result.stderr
    assert not out.exists()
