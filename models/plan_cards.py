"""The printed plan as plain data: a situation's card (wall board, pocket card) and the whole
plan as a booklet, with the stamp of the text in use (version, signer, sign date).

Numbers come from the catalog's roles (110, 119, 120...) and, for the people behind a role,
from the desk's directory, the way the guided view finds them (`people_by_role`). No Qt and no
reportlab here: reports/plan_cards.py and reports/plan_booklet.py print these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.contacts.directory import Person
from models.contacts.phones import display_number
from models.documents import (
    BookletLevel,
    CardCall,
    CardDeadline,
    CardStep,
    PlanBooklet,
    PlanCard,
    PlanStamp,
)
from models.plans.calls import plan_calls
from models.plans.catalog import Catalog, Level, Situation, Step, Timer
from models.plans.report_targets import report_targets

People = Callable[[str], Sequence[Person]]  # role key -> who holds it, from the directory
CLERK = "clerk"  # the role of whoever is at the desk: its steps name no one


def no_people(role_key: str) -> Sequence[Person]:
    return ()


def catalog_stamp(catalog: Catalog) -> PlanStamp:
    """The stamp the plan files alone give (no database: the approval they name, undated)."""
    info = catalog.info
    return PlanStamp(info.version, info.revised, info.approved_by.strip(), None)


def plan_card(catalog: Catalog, key: str, stamp: PlanStamp, *, people: People = no_people,
              hall: str = "") -> PlanCard:
    """Situation `key` as printed (KeyError when the catalog has no such situation)."""
    sit = catalog.situation(key)
    level = catalog.level(sit.default_level)
    category = catalog.category(sit.category)
    steps = tuple(_step(catalog, s) for s in sit.steps)
    return PlanCard(
        key=sit.key, name=sit.name, category=category.name, category_color=category.color,
        level=level.level, level_name=f"{level.name}（{level.short}）", level_color=level.color,
        description=sit.described,
        steps=tuple(s for s in steps if not s.after),
        after_steps=tuple(s for s in steps if s.after),
        say=sit.all_scripts, calls=card_calls(catalog, sit, people),
        deadlines=(*level_deadlines(catalog, level),
                   *(_deadline(catalog, t, sit.timers + level.timers) for t in sit.timers)),
        supplies=sit.all_supplies, stamp=stamp, hall=hall)


def plan_booklet(catalog: Catalog, stamp: PlanStamp, *, people: People = no_people,
                 hall: str = "") -> PlanBooklet:
    categories = tuple(
        (cat.name, cat.color, tuple(plan_card(catalog, s.key, stamp, people=people, hall=hall)
                                    for s in catalog.situations_in(cat.key)))
        for cat in catalog.ordered_categories() if catalog.situations_in(cat.key))
    levels = tuple(BookletLevel(lv.level, f"{lv.name}（{lv.short}）", lv.color, lv.criteria,
                                lv.handled_by, level_deadlines(catalog, lv))
                   for lv in sorted(catalog.levels, key=lambda lv: lv.level))
    public = catalog.general.emergency_numbers
    chain = {k for lv in catalog.levels for k in report_targets(catalog, lv.level)}
    numbers = tuple(_call(catalog, r.key, people, public=r.key in public, report=r.key in chain)
                    for r in catalog.roles
                    if r.outside or r.number or r.key in chain or people(r.key))
    return PlanBooklet(title=catalog.info.title, hall=hall, stamp=stamp,
                       first_steps=catalog.general.first_steps,
                       reporting=catalog.general.reporting, levels=levels,
                       categories=categories,
                       numbers=tuple(sorted(numbers, key=lambda c: (not c.public,
                                                                    not c.report))))


def card_calls(catalog: Catalog, sit: Situation, people: People) -> tuple[CardCall, ...]:
    """The emergency numbers (always, in the bar's order), whom the default level reports to,
    then every other role the steps call, in the order they first call it. Whom the level
    reports to is called in every case: a step's condition or "after" does not apply to it."""
    needs = {c.role: c for c in plan_calls(sit)}
    public = catalog.general.emergency_numbers
    reports = [k for k in report_targets(catalog, sit.default_level) if k not in public]
    others = [k for k in needs if k not in public and k not in reports]
    calls = []
    for key in (*public, *reports, *others):
        need = needs.get(key) if key not in reports else None
        calls.append(_call(catalog, key, people, public=key in public, report=key in reports,
                           condition=need.condition if need else "",
                           after=need.after if need else False, in_plan=key in needs))
    return tuple(calls)


def _call(catalog: Catalog, key: str, people: People, **flags) -> CardCall:
    role = catalog.role(key)
    numbers = [("", display_number(role.number))] if role.number else []
    numbers += [(p.name, display_number(p.number)) for p in people(key)]
    return CardCall(role.name, tuple(numbers), **flags)


def _step(catalog: Catalog, step: Step) -> CardStep:
    return CardStep(
        text=step.text, role="" if step.role == CLERK else catalog.role(step.role).name,
        calls=tuple(catalog.role(k).name for k in step.call), condition=step.condition,
        switch_to=catalog.situation(step.switch_to).name if step.switch_to else "",
        after=step.after)


def level_deadlines(catalog: Catalog, level: Level) -> tuple[CardDeadline, ...]:
    """The level's report (to whom, within how long) and the chain's clocks after it."""
    return tuple(_deadline(catalog, t, level.timers, level=True) for t in level.timers)


def _deadline(catalog: Catalog, timer: Timer, family: tuple[Timer, ...], *,
              level: bool = False) -> CardDeadline:
    labels = {t.key: t.label for t in family}
    starts = []
    for start in timer.starts:
        kind, _, key = start.partition(":")
        detail = timer.trigger if kind == "manual" else labels.get(key, key)
        starts.append((kind, detail))
    return CardDeadline(
        label=timer.label, minutes=timer.minutes, by=catalog.role(timer.by).name,
        to=catalog.role(timer.to).name if timer.to else "", starts=tuple(starts),
        holiday_minutes=timer.holiday_minutes, on_missed=timer.on_missed, level=level)
