"""The plans rendered as HTML pages for the plans browser (pure functions of the catalog).

Translatable text is always a plain `translate("PlanHtml", "...")` call outside f-strings,
because lupdate does not look inside f-string expressions.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from models.plans.catalog import Catalog, Category, Level, Situation, Timer

translate = QCoreApplication.translate


def h1(text: str, color: str = "") -> str:
    style = f" style='color:{color}'" if color else ""
    return f"<h1{style}>{escape(text)}</h1>"


def h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def labelled(label: str, value: str) -> str:
    return f"<p><b>{escape(label)}</b>：{escape(value)}</p>"


def bullet_list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def muted(text: str) -> str:
    return f"<span class='muted'>{escape(text)}</span>"


def format_minutes(minutes: int) -> str:
    if minutes == 0:
        return translate("PlanHtml", "at once")
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return translate("PlanHtml", "{0} h {1} min").format(hours, rest)
    if hours:
        return translate("PlanHtml", "{0} h").format(hours)
    return translate("PlanHtml", "{0} min").format(minutes)


def role_name(catalog: Catalog, key: str) -> str:
    role = catalog.role(key)
    return f"{role.name} {role.number}".strip()


def timer_start_text(family: tuple[Timer, ...], start: str, trigger: str,
                     level_timer: bool = False) -> str:
    """When the clock starts, as the desk runs it (models.incidents.deadlines.supersede): a
    level's clocks from when the incident became that level, a plan's from when it was
    taken up — the press, or the later change."""
    if start == "start" and level_timer:
        return translate("PlanHtml", "from when the incident is started at this level "
                                     "or changed to it")
    if start == "start":
        return translate("PlanHtml", "from when the incident is started with this plan "
                                     "or switched to it")
    if start == "resolved":
        return translate("PlanHtml", "after handling is finished")
    if start == "manual":
        return translate("PlanHtml", "when marked: {0}").format(trigger)
    event, _, key = start.partition(":")
    label = next((t.label for t in family if t.key == key), key)
    if event == "met":
        return translate("PlanHtml", "after “{0}” is done").format(label)
    return translate("PlanHtml", "if “{0}” is not done in time").format(label)


def timer_row(catalog: Catalog, timer: Timer, family: tuple[Timer, ...],
              level_timer: bool = False) -> str:
    deadline = format_minutes(timer.minutes)
    if timer.holiday_minutes is not None:
        deadline = translate("PlanHtml", "workdays {0}, holidays {1}").format(
            deadline, format_minutes(timer.holiday_minutes))
    either = translate("PlanHtml", " or ")
    starts = either.join(timer_start_text(family, s, timer.trigger, level_timer)
                         for s in timer.starts)
    who = role_name(catalog, timer.by)
    if timer.to:
        who += " → " + role_name(catalog, timer.to)
    missed = ""
    if timer.on_missed:
        missed_label = translate("PlanHtml", "If missed:")
        missed = f"<br><span class='missed'>{escape(missed_label)} {escape(timer.on_missed)}</span>"
    return (f"<tr><td class='deadline' width='180'>{escape(deadline)}</td>"
            f"<td><b>{escape(timer.label)}</b><br>{muted(who + ' · ' + starts)}{missed}</td></tr>")


def sources_text(catalog: Catalog, refs) -> str:
    parts = []
    for ref in refs:
        key, _, section = ref.partition(":")
        parts.append(f"{catalog.source(key).title} {section}")
    return "；".join(parts)


def level_badge(level: Level) -> str:
    return (f"<span style='background:{level.color};color:white;'>"
            f"&nbsp;{escape(level.name)}（{escape(level.short)}）&nbsp;</span>")


def step_rows(catalog: Catalog, sit: Situation) -> str:
    rows = []
    for number, step in enumerate(sit.steps, start=1):
        cond = f"<i>{escape(step.condition)}：</i>" if step.condition else ""
        if step.after:
            afterwards = translate("PlanHtml", "Afterwards")
            cond = f"<i>{escape(afterwards)}：</i>" + cond
        calls = ""
        if step.call:
            names = "、".join(role_name(catalog, c) for c in step.call)
            calls = f"<br><span class='call'>☎ {escape(names)}</span>"
        says = "".join(f"<div class='say'>“{escape(s)}”</div>" for s in step.say)
        src = f"<br>{muted(sources_text(catalog, [step.source]))}" if step.source else ""
        switch = ""
        if step.switch_to:
            target = translate("PlanHtml", "Switch to the plan: {0}").format(
                catalog.situation(step.switch_to).name)
            switch = f"<br><span class='call'>→ {escape(target)}</span>"
        who = muted(role_name(catalog, step.role))
        rows.append(f"<tr><td class='num' width='44'>{number}</td><td>{cond}{escape(step.text)}"
                    f"<br>{who}{calls}{switch}{says}{src}</td></tr>")
    return "<table class='steps' width='100%'>" + "".join(rows) + "</table>"


def situation_html(catalog: Catalog, sit: Situation) -> str:
    level = catalog.level(sit.default_level)
    category = catalog.category(sit.category)
    default_level = translate("PlanHtml", "Default level")
    out = [h1(sit.name),
           f"<p>{escape(category.name)} · {escape(default_level)} {level_badge(level)}</p>"]
    if sit.described:
        out.append(f"<p>{escape(sit.described)}</p>")
    if sit.note:
        out.append(f"<p class='note'>{escape(sit.note)}</p>")
    out += [h2(translate("PlanHtml", "Steps")), step_rows(catalog, sit)]
    if sit.scripts:
        out.append(h2(translate("PlanHtml", "What to say")))
        out.extend(f"<div class='say'>“{escape(s)}”</div>" for s in sit.scripts)
    family = sit.timers + level.timers
    rows = [timer_row(catalog, t, level.timers, level_timer=True) for t in level.timers]
    rows += [timer_row(catalog, t, family) for t in sit.timers]
    out += [h2(translate("PlanHtml", "Deadlines")), "<table width='100%'>", *rows, "</table>"]
    if sit.thresholds:
        out.append(h2(translate("PlanHtml", "Thresholds")))
        items = [f"{t.label}：{t.value:g} {unit_name(t.unit)} → {t.then}" for t in sit.thresholds]
        out.append(bullet_list(items))
    if sit.all_supplies:
        out += [h2(translate("PlanHtml", "Supplies at hand")), bullet_list(sit.all_supplies)]
    if sit.differences:
        out += [h2(translate("PlanHtml", "Where the documents differ")),
                bullet_list(sit.differences)]
    if sit.sources:
        out += [h2(translate("PlanHtml", "Sources")),
                f"<p>{muted(sources_text(catalog, sit.sources))}</p>"]
    return "".join(out)


def unit_name(unit: str) -> str:
    names = {
        "yuan": translate("PlanHtml", "yuan"),
        "minutes": translate("PlanHtml", "minutes"),
        "hours": translate("PlanHtml", "hours"),
        "days": translate("PlanHtml", "days"),
        "people": translate("PlanHtml", "people"),
    }
    return names.get(unit, unit)


def category_html(catalog: Catalog, category: Category) -> str:
    out = [h1(category.name, category.color)]
    if category.description:
        out.append(f"<p>{escape(category.description)}</p>")
    items = []
    for sit in catalog.situations_in(category.key):
        steps = translate("PlanHtml", "{0} steps").format(len(sit.steps))
        items.append(f"{sit.name} — {catalog.level(sit.default_level).short}（{steps}）")
    out.append(bullet_list(items))
    return "".join(out)


def levels_html(catalog: Catalog) -> str:
    out = [h1(translate("PlanHtml", "Levels and reporting deadlines"))]
    for level in catalog.levels:
        out.append(f"<h2>{level_badge(level)}</h2>")
        out.append(labelled(translate("PlanHtml", "Criteria"), "；".join(level.criteria)))
        out.append(labelled(translate("PlanHtml", "Handled by"), level.handled_by))
        if level.then:
            out.append(labelled(translate("PlanHtml", "Then"), level.then))
        rows = [timer_row(catalog, t, level.timers, level_timer=True) for t in level.timers]
        out += ["<table width='100%'>", *rows, "</table>"]
        if level.aftercare_required:
            out.append(labelled(translate("PlanHtml", "Aftercare required to close"),
                                "、".join(level.aftercare_required)))
    return "".join(out)


def general_html(catalog: Catalog) -> str:
    g, gov, info = catalog.general, catalog.governance, catalog.info
    out = [h1(translate("PlanHtml", "General requirements"))]
    if g.principles:
        out += [h2(translate("PlanHtml", "Principles")), bullet_list(g.principles)]
    if g.first_steps:
        out += [h2(translate("PlanHtml", "First actions on site")), bullet_list(g.first_steps)]
    if g.reporting:
        out += [h2(translate("PlanHtml", "A report states")), bullet_list(g.reporting)]
    if g.aftercare:
        out += [h2(translate("PlanHtml", "Aftercare")), bullet_list(g.aftercare)]
    if g.prevention:
        out += [h2(translate("PlanHtml", "Prevention and preparation")),
                bullet_list(g.prevention)]
    revise = translate("PlanHtml", "Revise the plans every {0} months").format(
        gov.revise_every_months)
    if gov.approval:
        revise += "：" + gov.approval
    upkeep = (revise,
              translate("PlanHtml", "Training every {0} months").format(
                  gov.training_every_months),
              translate("PlanHtml", "A drill at least every {0} months").format(
                  gov.drill_every_months))
    out += [h2(translate("PlanHtml", "Plan upkeep")), bullet_list(upkeep)]
    version = translate("PlanHtml", "version {0}, revised {1}").format(
        info.version, info.revised.isoformat())
    out.append(f"<p>{muted(info.title + ' · ' + version)}</p>")
    return "".join(out)


def roles_html(catalog: Catalog) -> str:
    rows = []
    for role in catalog.roles:
        number = f"<b class='call'>{escape(role.number)}</b> " if role.number else ""
        aliases = f"<br>{muted('、'.join(role.aliases))}" if role.aliases else ""
        desc = f"<br>{escape(role.description)}" if role.description else ""
        rows.append(f"<tr><td>{number}<b>{escape(role.name)}</b>{aliases}{desc}</td></tr>")
    title = h1(translate("PlanHtml", "Roles and outside numbers"))
    return title + "<table width='100%'>" + "".join(rows) + "</table>"


def sources_html(catalog: Catalog) -> str:
    out = [h1(translate("PlanHtml", "Source documents"))]
    for source in catalog.sources:
        note = f"<br><span class='note'>{escape(source.note)}</span>" if source.note else ""
        out.append(f"<p><b>{escape(source.title)}</b><br>"
                   f"{muted(source.org + ' · ' + source.file)}{note}</p>")
    return "".join(out)


PAGE_STYLE = """
h1 { font-size: 20pt; margin-bottom: 4px; }
h2 { font-size: 14pt; margin-top: 14px; color: #37474f; }
td { padding: 4px 6px; vertical-align: top; }
td.num { font-size: 14pt; font-weight: bold; color: #1565c0; }
td.deadline { font-weight: bold; color: #b71c1c; }
.say { background-color: #fff8e1; color: #4e342e; font-size: 13pt; }
.call { color: #1565c0; font-weight: bold; }
.muted { color: #607d8b; }
.note { color: #8d6e63; }
.missed { color: #c62828; }
"""
