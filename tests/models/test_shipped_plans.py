"""The shipped plans carry what the source documents require (a regression net for plans/)."""

import pytest

from models.catalog_loader import load_catalog
from models.paths import default_plans_dir


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(default_plans_dir())


def timer(catalog, situation, key):
    return next(t for t in catalog.situation(situation).timers if t.key == key)


def test_levels_and_their_reporting_deadlines(catalog):
    expected = {1: ("group_leader", 5, "start"), 2: ("liaison", 10, "start"),
                3: ("dept_manager", 1440, "resolved")}
    for number, (to, minutes, starts) in expected.items():
        level = catalog.level(number)
        assert (level.report_to, level.report_within_minutes, level.report_starts) == (
            to, minutes, starts)
    chain = catalog.level(1).timers[1]
    assert (chain.to, chain.minutes, chain.starts) == ("general_manager", 0,
                                                       ("met:level_report",))


def test_hotline_failure_deadlines(catalog):
    assert timer(catalog, "hotline_failure", "supervisor_report").minutes == 3
    arrive = timer(catalog, "hotline_failure", "it_arrive")
    assert (arrive.minutes, arrive.holiday_minutes) == (15, 45)
    backup = timer(catalog, "hotline_failure", "backup_phones")
    assert backup.starts == ("missed:fix_10",)
    assert timer(catalog, "hotline_failure", "fix_10").minutes == 10


def test_self_service_machine_chain(catalog):
    assert timer(catalog, "self_service_failure", "restore_30").minutes == 30
    assert timer(catalog, "self_service_failure", "report_manager").starts == (
        "missed:restore_30",)
    assert timer(catalog, "self_service_failure", "restore_4h").minutes == 240
    leader = timer(catalog, "self_service_failure", "report_leader")
    assert set(leader.starts) == {"missed:restore_4h", "manual"}
    assert "24" in leader.trigger


def test_thresholds(catalog):
    loss = {t.key: t for t in catalog.situation("company_property_loss").thresholds}
    assert (loss["loss_over_5000"].value, loss["loss_over_5000"].unit) == (5000, "yuan")
    assert (loss["cctv_keep_30d"].value, loss["cctv_keep_30d"].unit) == (30, "days")
    outage = {t.key: t for t in catalog.situation("power_cut").thresholds}
    assert outage["outage_30min"].value == 30


def test_scripts_from_the_documents(catalog):
    scripts = " ".join(catalog.situation("agitated_customer").all_scripts)
    assert "对不起,由于我们的纰漏给您带来不便" in scripts
    assert "请您先平静一下" in scripts


def test_urgent_situations_and_outside_numbers(catalog):
    urgent = {s.key for s in catalog.situations if s.urgent}
    assert {"fire", "customer_ill_injured", "staff_assaulted", "robbery"} <= urgent
    numbers = {r.number for r in catalog.roles if r.outside and r.number}
    assert {"110", "119", "120"} <= numbers


def test_every_source_document_is_used(catalog):
    used = {ref.partition(":")[0] for s in catalog.situations for ref in s.sources}
    assert used == {s.key for s in catalog.sources}


def test_switching_plans(catalog):
    steps = catalog.situation("agitated_customer").steps
    assert any(step.switch_to == "staff_assaulted" for step in steps)
