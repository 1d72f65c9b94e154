"""The plan catalog: frozen, plain data read from the TOML files in plans/."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date

TIMER_ACTIONS = ("report", "notify", "arrive", "restore", "announce", "decide", "file")
REPORT_STAGES = ("initial", "followup", "final")  # a "file" timer's formal report
THRESHOLD_UNITS = ("yuan", "minutes", "hours", "days", "people")
LEVEL_REPORT_KEY = "level_report"


@dataclass(frozen=True)
class CatalogInfo:
    title: str
    version: str
    revised: date
    reviewer: str = ""
    approved_by: str = ""


@dataclass(frozen=True)
class Governance:
    revise_every_months: int = 12
    training_every_months: int = 3
    drill_every_months: int = 12
    approval: str = ""
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class General:
    principles: tuple[str, ...] = ()
    first_steps: tuple[str, ...] = ()
    aftercare: tuple[str, ...] = ()
    reporting: tuple[str, ...] = ()
    prevention: tuple[str, ...] = ()
    at_once_minutes: int = 5  # how long "at once" (minutes = 0) may take before it is missed
    emergency_numbers: tuple[str, ...] = ()  # role keys of the bar always in sight, in order
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    file: str
    org: str
    note: str = ""


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    number: str = ""
    outside: bool = False
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Timer:
    key: str
    label: str
    action: str
    minutes: int
    to: str = ""
    by: str = "clerk"
    holiday_minutes: int | None = None
    starts: tuple[str, ...] = ("start",)
    trigger: str = ""
    on_missed: str = ""
    source: str = ""
    # action "file": met by filing this formal report (models.reporting): initial, followup,
    # final; "" for every other timer
    report: str = ""


@dataclass(frozen=True)
class Level:
    level: int
    name: str
    short: str
    color: str
    criteria: tuple[str, ...]
    handled_by: str
    report_to: str
    report_within_minutes: int
    report_starts: str = "start"
    then: str = ""
    aftercare_required: tuple[str, ...] = ()
    timers: tuple[Timer, ...] = ()
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    color: str
    order: int
    description: str = ""
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    text: str
    role: str = "clerk"
    call: tuple[str, ...] = ()
    say: tuple[str, ...] = ()
    condition: str = ""
    switch_to: str = ""  # a situation whose plan takes over when the condition holds
    source: str = ""
    after: bool = False  # done once the incident is over (cleaning up, causes, accountability)


@dataclass(frozen=True)
class Threshold:
    key: str
    label: str
    value: float
    unit: str
    then: str = ""
    source: str = ""


@dataclass(frozen=True)
class About:
    """What one document says of a situation: what counts as it, and what to have at hand,
    in that document's words (plans/SCHEMA.md, [[situation.about]])."""

    source: str
    text: str = ""
    supplies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Situation:
    key: str
    category: str
    name: str
    short: str
    default_level: int
    steps: tuple[Step, ...]
    urgent: bool = False
    description: str = ""  # words of no document (a hall's own), beside `about`
    sources: tuple[str, ...] = ()
    differences: tuple[str, ...] = ()
    supplies: tuple[str, ...] = ()  # of no document (a hall's own), beside `about`
    scripts: tuple[str, ...] = ()
    note: str = ""
    timers: tuple[Timer, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    about: tuple[About, ...] = ()  # each document's description and supplies, traced

    @property
    def described(self) -> str:
        """What counts as this situation: the hall's own words, then each document's."""
        texts = (self.description, *(a.text for a in self.about))
        return "".join(_sentence(t) for t in dict.fromkeys(texts) if t)  # each said once

    @property
    def all_supplies(self) -> tuple[str, ...]:
        """What to have at hand: the hall's own, then each document's, each named once."""
        return tuple(dict.fromkeys((*self.supplies,
                                    *(s for a in self.about for s in a.supplies))))

    @property
    def all_scripts(self) -> tuple[str, ...]:
        """Every script: those tied to steps in step order, then the general ones."""
        return tuple(s for step in self.steps for s in step.say) + self.scripts


def _sentence(text: str) -> str:
    return text if text[-1] in "。!?！？" else text + "。"


@dataclass(frozen=True)
class Catalog:
    info: CatalogInfo
    governance: Governance
    general: General
    sources: tuple[Source, ...]
    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    categories: tuple[Category, ...]
    situations: tuple[Situation, ...]
    digest: str = ""  # fingerprint of the plan files; incidents record which text they used
    _index: dict = field(default_factory=dict, compare=False, repr=False)
    # What running incidents still follow although a revision removed it: found by key, never
    # listed (see `keeping`); not part of the plans' content.
    _retired: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update(
            role={r.key: r for r in self.roles},
            level={lv.level: lv for lv in self.levels},
            category={c.key: c for c in self.categories},
            situation={s.key: s for s in self.situations},
            source={s.key: s for s in self.sources},
        )

    def _find(self, kind: str, key):
        found = self._index[kind].get(key)
        return found if found is not None else self._retired.get(kind, {})[key]

    def role(self, key: str) -> Role:
        return self._find("role", key)

    def level(self, number: int) -> Level:
        return self._find("level", number)

    def category(self, key: str) -> Category:
        return self._find("category", key)

    def keeping(self, situations: list[str], old: Catalog) -> Catalog:
        """This catalog, still able to open `situations` as `old` had them (with the roles,
        levels and categories they name that this one lacks): running incidents of a
        situation a revision removed. They are found by key but listed nowhere."""
        retired = {kind: dict(self._retired.get(kind, {}))
                   for kind in ("situation", "role", "level", "category")}
        for key in situations:
            if key in self._index["situation"] or key not in old._index["situation"]:
                continue
            sit = old.situation(key)
            retired["situation"][key] = sit
            if sit.category not in self._index["category"]:
                retired["category"][sit.category] = old.category(sit.category)
        for kind in ("role", "level"):
            retired[kind].update((k, v) for k, v in old._index[kind].items()
                                 if k not in self._index[kind])
        return replace(self, _index={}, _retired=retired)

    def backed_by(self, other: Catalog) -> Catalog:
        """This catalog, finding by key (never listing) what it lacks in `other`: a past
        incident named from the version it ran, the plans now only where that lacks a name."""
        retired = {kind: {**{k: v for k, v in other._index[kind].items()
                             if k not in self._index[kind]}, **self._retired.get(kind, {})}
                   for kind in ("situation", "role", "level", "category")}
        return replace(self, _index={}, _retired=retired)

    def situation(self, key: str) -> Situation:
        return self._find("situation", key)

    def source(self, key: str) -> Source:
        return self._index["source"][key]

    def situations_in(self, category_key: str) -> tuple[Situation, ...]:
        return tuple(s for s in self.situations if s.category == category_key)

    def ordered_categories(self) -> tuple[Category, ...]:
        return tuple(sorted(self.categories, key=lambda c: (c.order, c.key)))

    def to_dict(self) -> dict:
        """Plain JSON-ready data: the shape of `plans dump --json`."""
        data = {
            "catalog": _plain(asdict(self.info)),
            "governance": _plain(asdict(self.governance)),
            "general": _plain(asdict(self.general)),
            "sources": [_plain(asdict(s)) for s in self.sources],
            "roles": [_plain(asdict(r)) for r in self.roles],
            "levels": [_plain(asdict(lv)) for lv in self.levels],
            "categories": [],
        }
        for cat in self.ordered_categories():
            entry = _plain(asdict(cat))
            entry["types"] = []
            for sit in self.situations_in(cat.key):
                s = _plain(asdict(sit))
                s["scripts"] = list(sit.all_scripts)
                s["general_scripts"] = list(sit.scripts)
                entry["types"].append(s)
            data["categories"].append(entry)
        return data


def catalog_from_dict(data: dict) -> Catalog:
    """The catalog again from `Catalog.to_dict()` data (a stored snapshot of a plan version),
    so the text an incident used stays readable after the plan files change."""

    def build(cls, raw: dict, **nested):
        names = {f.name for f in fields(cls) if not f.name.startswith("_")}
        values = {k: _frozen(v) for k, v in raw.items() if k in names and k not in nested}
        return cls(**values, **nested)

    def timers(raw: dict) -> tuple[Timer, ...]:
        return tuple(build(Timer, t) for t in raw.get("timers", ()))

    info = data["catalog"]
    situations = []
    for cat in data["categories"]:
        for sit in cat.get("types", ()):
            situations.append(build(
                Situation, sit, steps=tuple(build(Step, s) for s in sit.get("steps", ())),
                timers=timers(sit), scripts=tuple(sit.get("general_scripts", ())),
                about=tuple(build(About, a) for a in sit.get("about", ())),
                thresholds=tuple(build(Threshold, t) for t in sit.get("thresholds", ()))))
    return Catalog(
        info=build(CatalogInfo, info, revised=date.fromisoformat(info["revised"])),
        governance=build(Governance, data.get("governance", {})),
        general=build(General, data.get("general", {})),
        sources=tuple(build(Source, s) for s in data.get("sources", ())),
        roles=tuple(build(Role, r) for r in data.get("roles", ())),
        levels=tuple(build(Level, lv, timers=timers(lv)) for lv in data.get("levels", ())),
        categories=tuple(build(Category, c) for c in data["categories"]),
        situations=tuple(situations))


def _frozen(value):
    return tuple(_frozen(v) for v in value) if isinstance(value, list) else value


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
