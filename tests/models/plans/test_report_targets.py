"""Whom the desk reports to: from the level's data, whatever the order of its timers."""

from dataclasses import replace

from models.plans.catalog import LEVEL_REPORT_KEY, Timer
from models.plans.report_targets import report_targets


def _with_timers(catalog, level, *timers):
    lv = catalog.level(level)
    levels = tuple(replace(x, timers=timers) if x is lv else x for x in catalog.levels)
    return replace(catalog, levels=levels, _index={})


def _timer(key, to, by="clerk"):
    return Timer(key=key, label=key, action="report", minutes=5, to=to, by=by)


def test_the_shipped_levels_report_to_their_report_to(shipped_catalog):
    assert [report_targets(shipped_catalog, lv.level) for lv in shipped_catalog.levels] == [
        ("group_leader",), ("liaison",), ("dept_manager",)]


def test_a_chain_carried_on_by_someone_else_is_not_the_desks(shipped_catalog):
    (chain,) = [t for t in shipped_catalog.level(1).timers if t.key != LEVEL_REPORT_KEY]
    assert chain.to == "general_manager" and chain.by == "group_leader"
    assert "general_manager" not in report_targets(shipped_catalog, 1)


def test_the_clerks_further_reports_follow_in_plan_order(shipped_catalog):
    own = shipped_catalog.level(1).timers[0]
    catalog = _with_timers(shipped_catalog, 1, own, _timer("a", "legal"),
                           _timer("b", "superior"), _timer("c", "legal"), _timer("d", ""),
                           _timer("e", "quality", by="group_leader"))
    assert report_targets(catalog, 1) == ("group_leader", "legal", "superior")


def test_the_level_report_need_not_be_the_first_timer(shipped_catalog):
    own = next(t for t in shipped_catalog.level(2).timers if t.key == LEVEL_REPORT_KEY)
    catalog = _with_timers(shipped_catalog, 2, _timer("a", "legal"), own)
    assert report_targets(catalog, 2) == ("liaison", "legal")
    catalog = _with_timers(shipped_catalog, 2, _timer("a", "legal"))  # no own timer at all
    assert report_targets(catalog, 2) == ("liaison", "legal")


def test_report_to_named_again_by_a_timer_comes_once(shipped_catalog):
    catalog = _with_timers(shipped_catalog, 3, _timer("a", "legal"),
                           _timer("b", "dept_manager"))
    assert report_targets(catalog, 3) == ("dept_manager", "legal")
