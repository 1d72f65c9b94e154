"""`main.py export report`: a filed formal report printed without the window; one not filed
is a clear message naming what is filed, exit 2, and no file."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import pdf
from tests.helpers.hall import HALL

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=HALL)


@pytest.fixture
def database(tmp_path, shipped_catalog):
    """A closed database holding a fire with its 初报 and 续报一 filed."""
    from models.clock.act import Act, Who
    from models.clock.workdays import HolidayCalendar
    from models.incidents import response
    from models.plans.versions import record_plan_version
    from models.reporting.filing import file_report
    from models.reporting.stages import Slot
    from models.store.schema import open_database

    path = tmp_path / "data" / "desk.db"
    path.parent.mkdir()
    db = open_database(path)
    plan = record_plan_version(shipped_catalog, NOON)
    act = Act(Who("城东营业厅", "1号台", "张三"), NOON, HolidayCalendar())
    fire = response.start_incident(shipped_catalog, plan, "fire", act)
    for slot, text in ((Slot("initial"), "1人轻伤"), (Slot("followup", 1), "伤者已出院")):
        file_report(fire, slot, {"casualties": text}, edition="", reporter="李文",
                    approver="王主任", act=act)
    db.close()
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_a_filed_followup_is_printed(database, tmp_path):
    out = tmp_path / "续报一.pdf"
    result = run("export", "report", "--incident", "20261120-001", "--stage", "followup",
                 "--number", "1", "--out", str(out), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out} (1 page)"
    text = "".join("".join(pdf.page_texts(out)).split())
    assert "突发事件信息报告（续报一）" in text and "伤者已出院" in text and "王主任" in text


def test_a_report_not_filed_names_those_filed_and_writes_nothing(database, tmp_path):
    out = tmp_path / "终报.pdf"
    result = run("export", "report", "--incident", "20261120-001", "--stage", "final",
                 "--out", str(out), "--db", str(database))
    assert result.returncode == 2
    assert "no 终报 filed" in result.stderr
    assert "initial (初报), followup --number 1 (续报一)" in result.stderr
    assert not out.exists()
