"""Drills and training done against what was due, from the drill calendar of area D
(models.drills.compliance.due_items: the hall's quarterly training and yearly drill, the
half-yearly drills of 应急管理部令第2号 for the editions it binds, the fire drill of 公安部令
第61号), over the twelve months ending with the period: for each rule, the periods that fell
due, those met by a training or drill held in them, those overdue (ended, never met), and the
same for the periods due within the statistics' own month or quarter.

A rules file that cannot be read leaves the drills out (the incidents' numbers still print)
and says why.
"""

from __future__ import annotations

from datetime import date

from models.drills.compliance import DueItem, RulesError, due_items, load_rules
from models.plans.catalog import Catalog
from models.stats.figures import CALENDAR, NO_RULES, DrillsDue
from models.stats.period import Period


def drills_due(catalog: Catalog, period: Period, *, edition: str,
               today: date) -> tuple[tuple[DrillsDue, ...], str]:
    try:
        rules = load_rules()
        items = due_items(catalog, edition, period.trend_months()[0], period.last,
                          today=today, rules=rules)
    except RulesError as e:
        return (), NO_RULES + str(e)
    order = [rule.key for rule in rules.rules]
    kinds = sorted({i.kind for i in items}, key=order.index)
    return tuple(_line([i for i in items if i.kind == kind], period, today)
                 for kind in kinds), CALENDAR


def _line(items: list[DueItem], period: Period, today: date) -> DrillsDue:
    first = items[0]
    mine = [i for i in items if period.first <= i.due_on <= period.last]
    return DrillsDue(kind=first.kind, title=first.title, every_months=first.every_months,
                     due=len(items), done=sum(i.done_on is not None for i in items),
                     overdue=sum(i.done_on is None and i.due_on < today for i in items),
                     due_in_period=len(mine),
                     done_in_period=sum(i.done_on is not None for i in mine),
                     last_done=max((i.done_on for i in items if i.done_on), default=None),
                     source=first.rule)
