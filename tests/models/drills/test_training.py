"""The training log and what is due: the quarterly training, the yearly drill, the yearly
plan revision and its approval — dates checked at their boundaries with the fake clock."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from models.clock.clocks import FakeClock
from models.drills import training
from models.drills.training import TrainingRefused, months_between, reminders
from models.plans.revisions import record_approval


def due(catalog, today):
    return {r.kind: r.last for r in reminders(catalog, today)}


@pytest.mark.parametrize(("earlier", "later", "months"), [
    (date(2026, 8, 20), date(2026, 11, 20), 3),
    (date(2026, 8, 20), date(2026, 11, 19), 2),
    (date(2026, 11, 30), date(2027, 2, 28), 2),  # no 30 February: not yet three months
    (date(2025, 11, 20), date(2026, 11, 20), 12),
    (date(2026, 11, 20), date(2026, 11, 20), 0),
])
def test_months_between(earlier, later, months):
    assert months_between(earlier, later) == months


def test_training_and_drill_due_exactly_at_their_boundary(desk_db, shipped_catalog):
    clock = FakeClock(datetime(2026, 11, 19, 9, 0, tzinfo=UTC))
    catalog = replace(shipped_catalog, info=replace(shipped_catalog.info, approved_by="王经理"),
                      _index={})
    assert due(catalog, clock.now().date()) == {"training": None, "drill": None}
    training.add_training("training", date(2026, 8, 20), "应急预案与沟通话术", "王教员",
                          "全体窗口人员", "", today=clock.now().date())
    training.add_training("drill", date(2025, 11, 20), "消防疏散演练", "王教员", "全体", "",
                          today=clock.now().date())
    assert due(catalog, clock.now().date()) == {}  # 2 months 30 days; 11 months 30 days
    clock.advance(days=1)  # 2026-11-20: three months and a year exactly
    assert due(catalog, clock.now().date()) == {"training": date(2026, 8, 20),
                                                "drill": date(2025, 11, 20)}
    training.add_training("training", clock.now().date(), "安全防护知识", "", "", "",
                          today=clock.now().date())
    assert set(due(catalog, clock.now().date())) == {"drill"}


def test_revision_due_after_a_year_and_approval_until_recorded(desk_db, shipped_catalog):
    plan = desk_db[1]
    for kind in ("training", "drill"):
        training.add_training(kind, date(2026, 11, 23), "t", "", "", "", today=date(2026, 11, 23))
    assert due(shipped_catalog, date(2026, 11, 23)) == {"approval": date(2026, 11, 22)}
    record_approval(plan, reviewer="李主管", approved_by="王经理",
                    approved_on=date(2026, 11, 25), note="", recorded_by="张三",
                    now=datetime(2026, 11, 25, 9, 0, tzinfo=UTC), today=date(2026, 11, 25))
    assert "approval" not in due(shipped_catalog, date(2026, 11, 25))
    # the revision falls due a year after it was reviewed and approved
    assert "revision" not in due(shipped_catalog, date(2027, 11, 24))
    assert due(shipped_catalog, date(2027, 11, 25))["revision"] == date(2026, 11, 25)


@pytest.mark.parametrize(("held_on", "code"), [
    (None, "bad_date"),  # a wrong date typed (2026-02-30) parses to None
    (date(2026, 11, 21), "future_date"),
    (date(1926, 11, 20), "too_old"),
])
def test_wrong_dates_are_refused(desk_db, held_on, code):
    with pytest.raises(TrainingRefused) as refused:
        training.add_training("training", held_on, "培训", "", "", "", today=date(2026, 11, 20))
    assert refused.value.code == code
    assert training.training_log() == []


def test_topic_required_and_long_text(desk_db):
    with pytest.raises(TrainingRefused, match="topic_required"):
        training.add_training("training", date(2026, 11, 20), "  ", "", "", "",
                              today=date(2026, 11, 20))
    with pytest.raises(TrainingRefused, match="too_long"):
        training.add_training("training", date(2026, 11, 20), "t", "", "", "x" * 10_001,
                              today=date(2026, 11, 20))
    training.add_training("training", date(2026, 11, 20), "沟通话术😀", "", "", "x" * 10_000,
                          today=date(2026, 11, 20))
    assert training.training_log()[0].topic == "沟通话术😀"
