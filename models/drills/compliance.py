"""The calendar of what is due: training and drills under the hall's rules, per period.

The rules are data (plans/compliance/drill_rules.toml, with their sources): the hall's own
quarterly training and yearly drill ([governance] months), the half-yearly drills of
应急管理部令第2号 第三十三条 for the editions it binds, and the fire drill of 公安部令第61号
第四十条 (half-yearly for a 消防安全重点单位, yearly otherwise). Periods are calendar periods
counted from January (3 months: the quarters; 6: the half-years). A rule is met by one
training or drill held in its period; it is due on the period's last day, overdue the day
after, and shown `remind_days` before.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from models.drills.drill_forms import drill_forms
from models.plans.catalog import Catalog
from models.store.paths import default_plans_dir
from models.store.tables import TrainingRecord

RULES_FILE = Path("compliance") / "drill_rules.toml"  # in the plan folder
COUNTS = ("training", "drill", "fire_drill")
LOOK_BACK_DAYS = 366  # the longest period: drills held this long before a range are read


class RulesError(Exception):
    """The rules file is missing or wrong; the message says where."""


@dataclass(frozen=True)
class Rule:
    key: str
    title: str
    counts: str  # "training", "drill" (any drill) or "fire_drill" (a live fire drill)
    every_months: int = 0  # 0: from [governance] `governance`
    governance: str = ""
    editions: tuple[str, ...] = ()  # empty: every hall
    source: str = ""


@dataclass(frozen=True)
class DrillRules:
    rules: tuple[Rule, ...]
    remind_days: int = 30
    fire_key_units: tuple[str, ...] = ()


@dataclass(frozen=True)
class DueItem:
    kind: str  # the rule's key: training, drill, onsite_drill, crowded_drill, fire_drill
    title: str
    period_start: date
    due_on: date  # the period's last day
    done_on: date | None  # the first training/drill held in the period, if any
    rule: str  # the rule and its source, one line
    every_months: int = 12

    def status(self, today: date, remind_days: int = 30) -> str:
        """done, overdue (past due_on, not done), due (within remind_days), upcoming."""
        if self.done_on is not None:
            return "done"
        if today > self.due_on:
            return "overdue"
        if today >= self.due_on - timedelta(days=remind_days):
            return "due"
        return "upcoming"


def load_rules(plans_dir: Path | None = None) -> DrillRules:
    path = (plans_dir or default_plans_dir()) / RULES_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise RulesError(f"{path}: {e}") from e
    try:
        rules = tuple(_rule(r) for r in data.get("rule", []))
        return DrillRules(rules, int(data.get("remind_days", 30)),
                          tuple(data.get("fire_key_units", ())))
    except (TypeError, ValueError, KeyError) as e:
        raise RulesError(f"{path}: {e}") from e


def _rule(raw: dict) -> Rule:
    rule = Rule(key=str(raw["key"]), title=str(raw["title"]), counts=str(raw["counts"]),
                every_months=int(raw.get("every_months", 0)),
                governance=str(raw.get("governance", "")),
                editions=tuple(str(e) for e in raw.get("editions", ())),
                source=str(raw.get("source", "")))
    if rule.counts not in COUNTS:
        raise ValueError(f"rule {rule.key}: counts {rule.counts!r} (one of {COUNTS})")
    if (rule.every_months <= 0) == (not rule.governance):
        raise ValueError(f"rule {rule.key}: give every_months > 0 or governance, not both")
    return rule


def rule_months(rule: Rule, catalog: Catalog, edition_key: str, rules: DrillRules) -> int:
    if rule.governance:
        return int(getattr(catalog.governance, rule.governance))
    if rule.counts == "fire_drill" and edition_key not in rules.fire_key_units:
        return 12  # 第四十条: a unit not designated a 重点单位 drills once a year
    return rule.every_months


def applies(rule: Rule, edition_key: str) -> bool:
    """A rule naming editions binds only those (not "" or "all": no kind of hall chosen)."""
    return not rule.editions or edition_key in rule.editions


def period_of(day: date, months: int) -> tuple[date, date]:
    """The period of `months` months holding `day`, counted from January of year 0."""
    index = (day.year * 12 + day.month - 1) // months * months
    start = date(index // 12, index % 12 + 1, 1)
    after = index + months
    return start, date(after // 12, after % 12 + 1, 1) - timedelta(days=1)


def due_items(catalog: Catalog, edition_key: str, first_day: date, last_day: date, *,
              today: date, rules: DrillRules | None = None) -> list[DueItem]:
    """Every period of every rule binding `edition_key` that ends (is due) between
    `first_day` and `last_day` inclusive, with the first training/drill held in it (held
    after `today` does not count: a date typed in the future is not yet done), ordered by
    due date, then rule."""
    rules = rules or load_rules()
    held = _held(first_day, last_day, today)
    items = []
    for rule in rules.rules:
        if not applies(rule, edition_key):
            continue
        months = rule_months(rule, catalog, edition_key, rules)
        start, end = period_of(first_day, months)
        while start <= last_day:
            if first_day <= end <= last_day:
                done = next((d for d in held[rule.counts] if start <= d <= end), None)
                items.append(DueItem(rule.key, rule.title, start, end, done,
                                     rule.source, months))
            start, end = period_of(end + timedelta(days=1), months)
    return sorted(items, key=lambda i: (i.due_on, i.kind))


def current_items(catalog: Catalog, edition_key: str, today: date, *,
                  rules: DrillRules | None = None) -> list[DueItem]:
    """Each rule's period holding `today` (the one to meet now)."""
    return [now for now, _last in _now_and_last(catalog, edition_key, today, rules)]


def overdue(catalog: Catalog, edition_key: str, today: date, *,
            rules: DrillRules | None = None) -> list[DueItem]:
    """Each rule's last period ended before today, if it was never met and the current one
    is not met yet either (one missed period per rule: a desk new to the calendar is not
    shown years of backlog; a drill held since makes up for it)."""
    return sorted((last for now, last in _now_and_last(catalog, edition_key, today, rules)
                   if last is not None and last.done_on is None and now.done_on is None),
                  key=lambda i: (i.due_on, i.kind))


def reminders(catalog: Catalog, edition_key: str, today: date, *,
              rules: DrillRules | None = None) -> list[DueItem]:
    """What to show now: overdue periods, and current ones not met within remind_days."""
    rules = rules or load_rules()
    pairs = _now_and_last(catalog, edition_key, today, rules)
    late = [last for now, last in pairs
            if last is not None and last.done_on is None and now.done_on is None]
    soon = [now for now, _last in pairs if now.status(today, rules.remind_days) == "due"]
    return sorted(late, key=lambda i: (i.due_on, i.kind)) + soon


def _now_and_last(catalog: Catalog, edition_key: str, today: date,
                  rules: DrillRules | None) -> list[tuple[DueItem, DueItem | None]]:
    """Per rule binding the hall: its current period and the one before (one reading of
    the log for all of them), in the order of the current periods' due dates."""
    rules = rules or load_rules()
    ends = {}
    for rule in rules.rules:
        if applies(rule, edition_key):
            start, end = period_of(today, rule_months(rule, catalog, edition_key, rules))
            ends[rule.key] = (start - timedelta(days=1), end)
    if not ends:
        return []
    items = due_items(catalog, edition_key, min(last for last, _ in ends.values()),
                      max(end for _, end in ends.values()), today=today, rules=rules)
    pairs = []
    for key, (last_end, end) in ends.items():
        mine = {i.due_on: i for i in items if i.kind == key}
        pairs.append((mine[end], mine.get(last_end)))
    return sorted(pairs, key=lambda p: (p[0].due_on, p[0].kind))


def _held(first_day: date, last_day: date, today: date) -> dict[str, list[date]]:
    """The days training, any drill and a live fire drill were held, earliest first, from a
    year before `first_day` (the longest period) to `last_day` and never after `today`."""
    since = first_day - timedelta(days=LOOK_BACK_DAYS)
    until = min(last_day, today)
    rows = list(TrainingRecord.select(TrainingRecord.id, TrainingRecord.kind,
                                      TrainingRecord.held_on)
                .where(TrainingRecord.held_on.between(since, until))
                .order_by(TrainingRecord.held_on))
    forms = drill_forms()
    held: dict[str, list[date]] = {c: [] for c in COUNTS}
    for r in rows:
        day = r.held_on if isinstance(r.held_on, date) else date.fromisoformat(str(r.held_on))
        held["training" if r.kind == "training" else "drill"].append(day)
        form = forms.get(r.id)
        if r.kind == "drill" and form is not None and form.fire and form.form == "live":
            held["fire_drill"].append(day)
    return held
