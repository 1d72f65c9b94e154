"""A plan's "file" timer (`report = "initial"`, …) is met by filing that formal report: in
time before its due time, late after it (once missed, always late), and another stage's
report meets it not; a `report` on a timer of another action is refused by the loader."""

from datetime import timedelta

import pytest

from models.clock.act import Who
from models.clock.clocks import FakeClock
from models.plans.loader import CatalogError, load_catalog
from models.plans.versions import record_plan_version
from models.services.incidents import IncidentService
from models.services.reporting import FOLLOWUP, INITIAL, ReportingService, Slot
from models.store.schema import open_database
from models.store.tables import Deadline
from tests.conftest import MINIMAL_CATALOG

FILE_TIMERS = """
[[situation.timer]]
key = "initial_report"
label = "初报:1小时内报告县级以上安全生产监督管理部门"
action = "file"
report = "initial"
minutes = 60

[[situation.timer]]
key = "followup_report"
label = "续报"
action = "file"
report = "followup"
minutes = 120
starts = "met:initial_report"
"""
SIGNERS = {"reporter": "李文", "approver": "王主任"}


@pytest.fixture
def desk(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "catalog.toml").write_text(MINIMAL_CATALOG + FILE_TIMERS, encoding="utf-8")
    catalog = load_catalog(folder)
    db = open_database(tmp_path / "desk.db")
    clock = FakeClock()
    plan = record_plan_version(catalog, clock.now())
    incidents = IncidentService(catalog=catalog, plan=plan, clock=clock,
                                who=lambda: Who("厅", "1号台", "张三"))
    reporting = ReportingService(catalog=catalog, act=incidents.act)
    yield incidents, reporting, clock
    db.close()


def _deadline(incident_id, key):
    return Deadline.get(Deadline.incident == incident_id, Deadline.key == key)


def test_filing_the_initial_report_meets_its_hour_and_starts_the_followup(desk):
    incidents, reporting, clock = desk
    fire = incidents.start("fire").incident_id
    clock.advance(timedelta(minutes=60))  # exactly at the due time: in time
    reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert _deadline(fire, "initial_report").status == "met"
    assert _deadline(fire, "followup_report").status == "pending"
    assert _deadline(fire, "arrive").status == "pending"  # another action: not met


def test_filed_a_second_late_is_late(desk):
    incidents, reporting, clock = desk
    fire = incidents.start("fire").incident_id
    clock.advance(timedelta(minutes=60, seconds=1))
    reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert _deadline(fire, "initial_report").status == "late"


def test_missed_then_filed_stays_late(desk):
    incidents, reporting, clock = desk
    fire = incidents.start("fire").incident_id
    clock.advance(timedelta(minutes=61))
    incidents.check_overdue()
    assert _deadline(fire, "initial_report").status == "missed"
    reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert _deadline(fire, "initial_report").status == "late"


def test_a_followup_meets_the_followup_timer_only(desk):
    incidents, reporting, _clock = desk
    fire = incidents.start("fire").incident_id
    reporting.file(fire, Slot(INITIAL), {}, **SIGNERS)
    assert _deadline(fire, "followup_report").status == "pending"
    reporting.file(fire, Slot(FOLLOWUP, 1), {}, **SIGNERS)
    assert _deadline(fire, "followup_report").status == "met"


def test_report_on_a_timer_that_is_not_filed_is_refused(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    bad = FILE_TIMERS.replace('action = "file"\nreport = "initial"',
                              'action = "report"\nreport = "initial"', 1)
    (folder / "catalog.toml").write_text(MINIMAL_CATALOG + bad, encoding="utf-8")
    with pytest.raises(CatalogError, match="report"):
        load_catalog(folder)


def test_an_unknown_report_stage_is_refused(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    bad = FILE_TIMERS.replace('report = "initial"', 'report = "interim"', 1)
    (folder / "catalog.toml").write_text(MINIMAL_CATALOG + bad, encoding="utf-8")
    with pytest.raises(CatalogError, match="report"):
        load_catalog(folder)

