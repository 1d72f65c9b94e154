"""Hall editions: the part of the plan library one kind of hall follows.

The library (plans/*.toml) merges ten organisations' documents. An edition (plans/editions.toml,
format in plans/SCHEMA.md) names the documents a kind of hall follows — a bank outlet
the bank's and the outlet's, a gas customer hall the gas company's — and the one reporting
chain of that hall. `edition_catalog` cuts the library down to it: the situations those
documents (or the general regulation) describe, only their steps, the roles still named, the
levels with the hall's chain. Data, not code: a new kind of hall is a new [[edition]].
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace

from models.plans.catalog import (
    LEVEL_REPORT_KEY,
    TIMER_ACTIONS,
    About,
    Catalog,
    Level,
    Situation,
    Step,
    Timer,
)
from models.plans.toml_check import KEY_PATTERN, Problem, TomlSource, read_toml, unknown_field

EDITIONS_FILE = "editions.toml"  # in the plan folder, beside the library's files
MAX_MINUTES = 366 * 24 * 60

SECTION_JOINS = ".(（"  # what follows a section inside it: 五 → 五.3, 五.3 → 五.3(2)


@dataclass(frozen=True)
class ChainLevel:
    """Whom one level reports to in this hall, and what follows."""

    level: int
    report_to: str
    minutes: int
    starts: str = "start"
    then: str = ""
    handled_by: str = ""  # "" keeps the library's words
    timers: tuple[Timer, ...] = ()
    source: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edition:
    key: str
    name: str
    sources: tuple[str, ...]  # source keys, or "KEY:SECTION" for a part of one
    chain: tuple[ChainLevel, ...]
    general: tuple[str, ...] = ()  # "KEY:SECTION" of the regulation every hall follows
    everyone: tuple[str, ...] = ()  # roles every hall has: another document's step naming
    # only these (keep calm, evacuate, call 119) is taken into the edition's situations
    first_steps: tuple[Step, ...] = ()  # the regulation's, for a situation it names that
    # neither the hall's documents nor anyone's steps describe
    without: tuple[str, ...] = ()  # situations that do not happen in such a hall
    exclude: tuple[str, ...] = ()  # "KEY:SECTION" of a listed source that does not apply
    role_names: tuple[tuple[str, str], ...] = ()  # (role key, this hall's name for it)
    played_by: tuple[tuple[str, str], ...] = ()  # (library role, the hall's role doing it)
    description: str = ""
    hall_words: tuple[str, ...] = ()  # words naming this kind of hall: no other hall's
    # edition may say them (tests/models/plans/test_edition_words.py)
    other_hall_words: tuple[str, ...] = ()  # the regulation's: words naming a kind of hall
    # no edition is (the hotel of service_industry 四), said by none
    foreign_words: tuple[str, ...] = ()  # every other kind of hall's words (set on reading)

    def applies(self, ref: str) -> bool:
        """Whether a source reference ("gas:五.3(2)") is part of this edition."""
        if any(_within(ref, part) for part in self.general):
            return True
        return (any(_within(ref, part) for part in self.sources)
                and not any(_within(ref, part) for part in self.exclude))


@dataclass(frozen=True)
class Editions:
    editions: tuple[Edition, ...]

    def keys(self) -> tuple[str, ...]:
        return tuple(e.key for e in self.editions)

    def get(self, key: str) -> Edition | None:
        return next((e for e in self.editions if e.key == key), None)


WHOLE_LIBRARY = "all"  # `--edition all`: every plan of the library, as shipped


def in_edition(library: Catalog, editions: Editions, key: str) -> Catalog:
    """The catalog the desk runs: `key`'s edition of the library, or the library itself for
    "" (none chosen yet) and "all". EditionsError for a key the editions lack."""
    if key in ("", WHOLE_LIBRARY):
        return library
    edition = editions.get(key)
    if edition is None:
        known = ", ".join((*editions.keys(), WHOLE_LIBRARY))
        raise EditionsError([Problem(EDITIONS_FILE, None, f"no edition '{key}' (one of: "
                                     f"{known})", "unknown_edition", detail=key)])
    return edition_catalog(library, edition)


def _general(edition: Edition, ref: str) -> bool:
    return any(_within(ref, part) for part in edition.general)


NO_EDITIONS = Editions(())  # a plan folder without editions.toml: the whole library only


def _within(ref: str, part: str) -> bool:
    """'gas:五.3(2)' is within 'gas', 'gas:五' and 'gas:五.3'; 'cinema:第十一条' is not
    within 'cinema:第一条'."""
    key, _, section = ref.partition(":")
    part_key, _, part_section = part.partition(":")
    if key != part_key:
        return False
    if not part_section or section == part_section:
        return True
    return (section.startswith(part_section)
            and section[len(part_section)] in SECTION_JOINS)


def edition_catalog(library: Catalog, edition: Edition) -> Catalog:
    """The library as `edition`'s hall follows it. Its digest differs from the library's and
    every other edition's: an incident records which text it used."""
    situations = _situations(library, edition)
    levels = tuple(_level(lv, _chain_of(edition, lv.level), edition) for lv in library.levels)
    kept = {s.category for s in situations}
    cut = replace(
        library,
        info=replace(library.info, title=f"{library.info.title}（{edition.name}）"),
        situations=situations,
        levels=levels,
        categories=tuple(c for c in library.categories if c.key in kept),
        _index={}, _retired={})
    used = _roles_used(cut)
    names = dict(edition.role_names)
    roles = tuple(_renamed(r, names.get(r.key, "")) for r in library.roles if r.key in used)
    cut = replace(cut, roles=roles, levels=tuple(_label_report(lv, roles) for lv in levels),
                  _index={})
    text = json.dumps(cut.to_dict(), ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(f"{library.digest}\0{edition.key}\0{text}".encode()).hexdigest()
    return replace(cut, digest=digest, _index={})


def _situations(library: Catalog, edition: Edition) -> tuple[Situation, ...]:
    """The situations the edition's documents describe, cut to their steps. A step whose
    only purpose is to switch to a situation the edition lacks goes too; a situation left
    with no step is not the edition's (repeated until nothing more goes). A situation of no
    document (one the hall added in its draft: its own plan) is every edition's."""
    cut = {}
    for sit in library.situations:
        hall_own = not sit.sources
        if sit.key in edition.without or not (
                hall_own or any(edition.applies(r) for r in sit.sources)):
            continue
        cut[sit.key] = _cut_situation(sit, edition)
        if not cut[sit.key].steps and any(_general(edition, r) for r in sit.sources):
            cut[sit.key] = replace(cut[sit.key], steps=edition.first_steps)
    while True:
        kept = {k: s for k, s in cut.items() if s.steps}
        cut = {k: replace(s, steps=tuple(st for st in s.steps
                                         if not st.switch_to or st.switch_to in kept))
               for k, s in kept.items()}
        if all(len(cut[k].steps) == len(kept[k].steps) for k in cut):
            return tuple(cut.values())


def _cut_situation(sit: Situation, edition: Edition) -> Situation:
    def applies(ref: str) -> bool:
        return not ref or edition.applies(ref)

    played = dict(edition.played_by)

    def who(key: str) -> str:
        return played.get(key, key)

    steps = tuple(sit.steps[i] for i in _kept_steps(sit, edition))
    timers = tuple(t for t in sit.timers if applies(t.source))
    return replace(
        sit,
        steps=tuple(replace(st, role=who(st.role), call=tuple(dict.fromkeys(map(who, st.call))))
                    for st in steps),
        sources=tuple(ref for ref in sit.sources if edition.applies(ref)),
        differences=(),  # they compare the documents of other halls
        about=_kept_about(sit, edition),
        timers=_timers(tuple(replace(t, by=who(t.by), to=who(t.to) if t.to else "")
                             for t in timers), {LEVEL_REPORT_KEY}),
        thresholds=tuple(t for t in sit.thresholds if applies(t.source)))


def _kept_steps(sit: Situation, edition: Edition) -> tuple[int, ...]:
    """The positions in the library's situation of the steps the edition takes: the hall's
    own documents' steps; only where they give the situation none (a cinema's fire: its
    text stops before the measures) the steps of other documents anyone may take (on-site
    conduct and 110/119/120: no body of another hall). A step of no document (one a hall
    added in its draft) is kept too, beside them, never instead of them. A situation of the
    hall's own keeps all its steps (those it adopted from another hall's document cite it:
    models.plans.adoption)."""
    if not sit.sources:
        return tuple(range(len(sit.steps)))
    own = {i for i, st in enumerate(sit.steps) if st.source and edition.applies(st.source)}
    taken = own or {i for i, st in enumerate(sit.steps)
                    if {st.role, *st.call} <= set(edition.everyone)
                    and not _names_another_hall(st, edition)}
    added = {i for i, st in enumerate(sit.steps) if not st.source}
    return tuple(sorted(taken | added))


def _names_another_hall(step: Step, edition: Edition) -> bool:
    """A borrowed step saying another kind of hall's word ("确保商场设施安全" for a
    cinema) is that hall's own: not borrowed."""
    return any(word in text for word in edition.foreign_words
               for text in (step.text, step.condition, *step.say))


def _kept_about(sit: Situation, edition: Edition) -> tuple[About, ...]:
    """What the hall's own documents say of the situation (its description, its supplies);
    where they say nothing of one of them, the general regulation's; where it says
    nothing either, nothing (the situation's name says what it is). A situation of the
    hall's own keeps all (an adopted one: what the document it came from says)."""
    if not sit.sources:
        return sit.about
    own = [a for a in sit.about if edition.applies(a.source) and not _general(edition, a.source)]
    general = [a for a in sit.about if _general(edition, a.source)]
    text = any(a.text for a in own)
    supplies = any(a.supplies for a in own)
    taken = [replace(a, text="" if text else a.text, supplies=() if supplies else a.supplies)
             for a in general]
    return tuple(own + [a for a in taken if a.text or a.supplies])


@dataclass(frozen=True)
class EditionScope:
    """What of the library an edition's hall runs, by the library's keys and positions: the
    plan editor shows the hall only these, and edits them where the library has them."""

    situations: tuple[str, ...]  # in the library's order
    roles: tuple[str, ...]
    steps: dict[str, tuple[int, ...]]  # situation -> library positions of the steps kept,
    # in order; () where the hall's steps are not the library's (editions.toml first_steps)
    timers: dict[str, tuple[int, ...]] = field(default_factory=dict)  # situation -> library
    # positions of the deadlines the hall runs
    thresholds: dict[str, tuple[int, ...]] = field(default_factory=dict)  # likewise
    about: dict[str, tuple[int, ...]] = field(default_factory=dict)  # likewise, of what
    # the documents say of the situation


def edition_scope(library: Catalog, edition: Edition) -> EditionScope:
    cut = edition_catalog(library, edition)
    keys = tuple(s.key for s in cut.situations)
    steps, timers, thresholds, about = {}, {}, {}, {}
    for sit in cut.situations:
        own = library.situation(sit.key)
        said = {a.source for a in sit.about}
        about[sit.key] = tuple(i for i, a in enumerate(own.about) if a.source in said)
        kept_timers = {t.key for t in sit.timers}
        timers[sit.key] = tuple(i for i, t in enumerate(own.timers) if t.key in kept_timers)
        thresholds[sit.key] = tuple(i for i, t in enumerate(own.thresholds)
                                    if not t.source or edition.applies(t.source))
        kept = tuple(i for i in _kept_steps(own, edition)
                     if not own.steps[i].switch_to or own.steps[i].switch_to in keys)
        same = [own.steps[i].text for i in kept] == [st.text for st in sit.steps]
        steps[sit.key] = kept if same else ()
    return EditionScope(situations=keys, roles=tuple(r.key for r in cut.roles), steps=steps,
                        timers=timers, thresholds=thresholds, about=about)


def _timers(timers: tuple[Timer, ...], outside: set[str]) -> tuple[Timer, ...]:
    """`timers` without the starts that name a timer no longer there; a timer left with
    no start goes (and so may the timers started by it)."""
    while True:
        known = {t.key for t in timers} | outside
        kept = []
        for timer in timers:
            starts = tuple(s for s in timer.starts
                           if ":" not in s or s.partition(":")[2] in known)
            if starts:
                kept.append(replace(timer, starts=starts))
        if len(kept) == len(timers):
            return tuple(kept)
        timers = tuple(kept)


def _chain_of(edition: Edition, level: int) -> ChainLevel:
    return next(c for c in edition.chain if c.level == level)


def _level(lv: Level, chain: ChainLevel, edition: Edition) -> Level:
    own = Timer(key=LEVEL_REPORT_KEY, label="", action="report", to=chain.report_to,
                minutes=chain.minutes, starts=(chain.starts,),
                source=(chain.source or ("",))[0])
    sources = [ref for ref in lv.source if edition.applies(ref)] + list(chain.source)
    return replace(lv, report_to=chain.report_to, report_within_minutes=chain.minutes,
                   report_starts=chain.starts, then=chain.then,
                   handled_by=chain.handled_by or lv.handled_by,
                   timers=(own, *chain.timers), source=tuple(dict.fromkeys(sources)))


def _label_report(lv: Level, roles) -> Level:
    """The level's own report named after the hall's name for whom it goes to."""
    name = next(r.name for r in roles if r.key == lv.report_to)
    own, *rest = lv.timers
    return replace(lv, timers=(replace(own, label=f"报告{name}"), *rest))


def _roles_used(catalog: Catalog) -> set[str]:
    used = {"clerk", *catalog.general.emergency_numbers}
    for sit in catalog.situations:
        for step in sit.steps:
            used.update((step.role, *step.call))
        used.update(_timer_roles(sit.timers))
    for lv in catalog.levels:
        used.add(lv.report_to)
        used.update(_timer_roles(lv.timers))
    return used


def _timer_roles(timers: tuple[Timer, ...]) -> set[str]:
    return {k for t in timers for k in (t.by, t.to) if k}


def _renamed(role, name: str):
    """The role under this hall's name; the library's name stays findable as an alias."""
    if not name or name == role.name:
        return role
    aliases = tuple(dict.fromkeys((role.name, *(a for a in role.aliases if a != name))))
    return replace(role, name=name, aliases=aliases)



# ---- reading plans/editions.toml: every problem, as FILE:LINE: what is wrong ---------------


class EditionsError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_editions(folder, library: Catalog | None = None) -> Editions:
    """The editions in `folder`/editions.toml (none if the folder has no such file: the desk
    then runs the whole library), checked against `library` when given. EditionsError
    lists every problem."""
    from pathlib import Path

    path = Path(folder) / EDITIONS_FILE
    if not path.exists():
        return NO_EDITIONS
    source, data, problems = read_toml(path)
    if data is None:
        raise EditionsError(problems)
    reader = _Reader(source, library)
    editions = reader.read(data)
    if library is not None and not reader.problems:
        for index, edition in enumerate(editions.editions):
            if not edition_catalog(library, edition).situations:
                reader.bad(("edition", index), None, f"edition '{edition.key}' has no "
                           "situation: its sources describe none")
    if reader.problems:
        raise EditionsError(reader.problems)
    return editions


_TIMER_FIELDS = ("key", "label", "action", "to", "by", "minutes", "starts", "trigger",
                 "on_missed", "source")
_CHAIN_FIELDS = ("level", "report_to", "minutes", "starts", "then", "handled_by", "source",
                 "timer")
_EDITION_FIELDS = ("key", "name", "description", "sources", "exclude", "without",
                   "role_names", "played_by", "chain", "hall_words")


class _Reader:
    def __init__(self, source: TomlSource, library: Catalog | None) -> None:
        self.source = source
        self.library = library
        self.problems: list[Problem] = []

    def bad(self, where: tuple, field: str | None, message: str) -> None:
        self.problems.append(self.source.problem(where, field, message))

    def read(self, data: dict) -> Editions:
        for name in data:
            if name not in ("regulation", "edition"):
                self.bad((name,), None, f"unknown table '{name}' (allowed: regulation, edition)")
        regulation = self._regulation(data.get("regulation", {}))
        tables = data.get("edition", [])
        if not isinstance(tables, list) or not tables:
            self.bad(("edition",), None, "no [[edition]] in the file")
            return Editions(())
        editions, seen = [], set()
        for index, table in enumerate(tables):
            edition = self._edition(("edition", index), table, regulation)
            if edition is None:
                continue
            if edition.key in seen:
                self.bad(("edition", index), "key", f"duplicate edition '{edition.key}'")
            seen.add(edition.key)
            editions.append(edition)
        return Editions(tuple(replace(e, foreign_words=_foreign_words(e, editions))
                              for e in editions))

    def _fields(self, where: tuple, table: object, kind: str, allowed: tuple) -> dict:
        if not isinstance(table, dict):
            self.bad(where, None, f"'{kind}' must be a table")
            return {}
        for name in table:
            if name not in allowed:
                self.bad(where, name, unknown_field(name, kind, allowed))
        return table

    def _text(self, where, table, name, *, required=True) -> str:
        value = table.get(name, "")
        if not isinstance(value, str) or (required and not value.strip()):
            self.bad(where, name if name in table else None,
                     f"'{name}' must be a text" + (" (required)" if required else ""))
            return ""
        return value.strip()

    def _key(self, where, table, name, kind) -> str:
        value = self._text(where, table, name)
        if value and not KEY_PATTERN.match(value):
            self.bad(where, name, f"'{value}' is not a valid key (lower-case letters, digits, _)")
        elif value and kind and self.library is not None and not _known(self.library, kind,
                                                                        value):
            self.bad(where, name, f"unknown {kind} '{value}'")
        return value

    def _texts(self, where, table, name) -> tuple[str, ...]:
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.bad(where, name, f"'{name}' must be a list of texts")
            return ()
        return tuple(v.strip() for v in value)

    def _refs(self, where, table, name, *, whole=False) -> tuple[str, ...]:
        """Source references; with `whole`, a bare source key ("gas") is one too."""
        refs = self._texts(where, table, name)
        for ref in refs:
            key, colon, section = ref.partition(":")
            if not KEY_PATTERN.match(key) or (colon and not section) or (
                    not colon and not whole):
                self.bad(where, name, f"'{ref}' is not a source reference like 'gas:五.3'"
                         + (" or a source key like 'gas'" if whole else ""))
            elif self.library is not None and not _known(self.library, "source", key):
                self.bad(where, name, f"unknown source '{key}'")
        return refs

    def _minutes(self, where, table, name) -> int:
        value = table.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not (
                0 <= value <= MAX_MINUTES):
            self.bad(where, name if name in table else None,
                     f"'{name}' must be a whole number of minutes from 0 to {MAX_MINUTES}")
            return 0
        return value

    def _regulation(self, table: object) -> dict:
        """What every edition takes from the general regulation."""
        where = ("regulation",)
        table = self._fields(where, table, "regulation",
                             ("source", "general", "everyone", "step",
                              "other_hall_words", "laws"))
        if not table:
            self.bad(where, None, "no [regulation] (the general regulation every hall follows)")
            return {}
        key = self._key(where, table, "source", "source")
        everyone = self._texts(where, table, "everyone")
        for role in everyone:
            self._key(where, {"everyone": role}, "everyone", "role")
        steps = []
        tables = table.get("step", [])
        for index, step in enumerate(tables if isinstance(tables, list) else [None]):
            at = (*where, "step", index)
            step = self._fields(at, step, "step", ("text", "source"))
            ref = self._refs(at, {"source": [step.get("source", "")]}, "source")
            steps.append(Step(text=self._text(at, step, "text"), source=ref[0] if ref else ""))
        # public regulations every hall follows too ("law493:第九条": the 初报's hour)
        laws = self._refs(where, table, "laws") if "laws" in table else ()
        return {"general": (*(f"{key}:{s}" for s in self._texts(where, table, "general")),
                            *laws),
                "everyone": everyone, "first_steps": tuple(steps),
                "other_hall_words": self._texts(where, table, "other_hall_words")}

    def _edition(self, where: tuple, table: object, regulation: dict) -> Edition | None:
        table = self._fields(where, table, "edition", _EDITION_FIELDS)
        if not table:
            return None
        sources = self._refs(where, table, "sources", whole=True)
        if "sources" in table and not sources:
            self.bad(where, "sources", "an edition needs at least one source")
        elif "sources" not in table:
            self.bad(where, None, "edition is missing the field 'sources'")
        names = self._role_table(where, table, "role_names", "name", roles=False)
        played = self._role_table(where, table, "played_by", "role", roles=True)
        chain = self._chain(where, table.get("chain", []))
        return Edition(key=self._key(where, table, "key", None),
                       name=self._text(where, table, "name"), sources=sources,
                       chain=chain, without=self._texts(where, table, "without"),
                       **regulation,
                       exclude=self._refs(where, table, "exclude"),
                       role_names=names, played_by=played,
                       description=self._text(where, table, "description", required=False),
                       hall_words=self._texts(where, table, "hall_words"))

    def _role_table(self, where, table, name, what, *, roles) -> tuple[tuple[str, str], ...]:
        """A table `role = "..."`: keys are roles; with `roles`, so are the values."""
        value = table.get(name, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip()
                                                  for v in value.values()):
            self.bad(where, name, f"'{name}' must be a table of role = \"{what}\"")
            return ()
        for key, other in value.items():
            self._key(where, {name: key}, name, "role")
            if roles:
                self._key(where, {name: other}, name, "role")
        return tuple((k, v.strip()) for k, v in value.items())

    def _chain(self, where: tuple, tables: object) -> tuple[ChainLevel, ...]:
        if not isinstance(tables, list) or not tables:
            self.bad(where, None, "edition has no [[edition.chain]] (whom each level reports to)")
            return ()
        chain = []
        for index, table in enumerate(tables):
            at = (*where, "chain", index)
            table = self._fields(at, table, "chain", _CHAIN_FIELDS)
            level = table.get("level")
            if isinstance(level, bool) or not isinstance(level, int) or level < 1:
                self.bad(at, "level" if "level" in table else None,
                         "'level' must be a level number (1 is the most severe)")
                continue
            if any(c.level == level for c in chain):
                self.bad(at, "level", f"level {level} is given twice")
            starts = table.get("starts", "start")
            if starts not in ("start", "resolved"):
                self.bad(at, "starts", "'starts' must be 'start' or 'resolved'")
            chain.append(ChainLevel(
                level=level, report_to=self._key(at, table, "report_to", "role"),
                minutes=self._minutes(at, table, "minutes"), starts=str(starts),
                then=self._text(at, table, "then", required=False),
                handled_by=self._text(at, table, "handled_by", required=False),
                timers=self._timers(at, table.get("timer", [])),
                source=self._refs(at, table, "source")))
        if self.library is not None:
            wanted = sorted(lv.level for lv in self.library.levels)
            given = sorted({c.level for c in chain})
            if given != wanted:
                self.bad(where, None, f"the chain gives levels {given}; the plans have "
                         f"levels {wanted}: give each exactly once")
        return tuple(chain)

    def _timers(self, where: tuple, tables: object) -> tuple[Timer, ...]:
        if not isinstance(tables, list):
            self.bad(where, "timer", "'timer' must be written as [[edition.chain.timer]]")
            return ()
        timers = []
        keys = {LEVEL_REPORT_KEY}
        for index, table in enumerate(tables):
            at = (*where, "timer", index)
            table = self._fields(at, table, "timer", _TIMER_FIELDS)
            key = self._key(at, table, "key", None)
            if key in keys:
                self.bad(at, "key", f"timer '{key}' is given twice (or is the level's own "
                         "report)")
            keys.add(key)
            action = self._text(at, table, "action")
            if action and action not in TIMER_ACTIONS:
                self.bad(at, "action", f"unknown action '{action}' "
                         f"(one of {', '.join(TIMER_ACTIONS)})")
            starts = table.get("starts", "start")
            starts = (starts,) if isinstance(starts, str) else starts
            for start in starts if isinstance(starts, list | tuple) else ("?",):
                event, colon, target = str(start).partition(":")
                if not ((not colon and start in ("start", "resolved")) or (
                        event in ("met", "missed") and target in keys - {key})):
                    self.bad(at, "starts", f"'{start}' is not a start (start, resolved, or "
                             "met:KEY / missed:KEY of a timer given before it)")
            to = self._key(at, table, "to", "role") if "to" in table else ""
            timers.append(Timer(
                key=key, label=self._text(at, table, "label"), action=action,
                minutes=self._minutes(at, table, "minutes"), to=to,
                by=self._key(at, table, "by", "role") if "by" in table else "clerk",
                starts=tuple(str(s) for s in starts) if isinstance(starts, list | tuple)
                else ("start",),
                trigger=self._text(at, table, "trigger", required=False),
                on_missed=self._text(at, table, "on_missed", required=False),
                source=(self._refs(at, {"source": [table["source"]]}, "source") or ("",))[0]
                if isinstance(table.get("source"), str) else ""))
        return tuple(timers)


def _foreign_words(edition: Edition, editions: list[Edition]) -> tuple[str, ...]:
    """The words naming every kind of hall but `edition`'s own."""
    others = [w for e in editions if e.key != edition.key for w in e.hall_words]
    return tuple(w for w in dict.fromkeys((*others, *edition.other_hall_words))
                 if w not in edition.hall_words)


def _known(library: Catalog, kind: str, key: str) -> bool:
    try:
        getattr(library, kind)(key)
    except KeyError:
        return False
    return True


def edition_problems(library: Catalog, folder) -> list[str]:
    """What keeps `folder`'s editions from cutting `library` (a hall's draft of its plans):
    the editions file's own checks against it, then each edition cut. A version no edition
    can cut must never be published: the desk of such a hall could not start on it."""
    try:
        editions = load_editions(folder, library)
    except EditionsError as e:
        return [str(p) for p in e.problems]
    problems = []
    for edition in editions.editions:
        try:
            edition_catalog(library, edition)
        except Exception as e:  # any failure to cut is the refusal's reason
            problems.append(f"{EDITIONS_FILE}: {edition.key}: {type(e).__name__}: {e}")
    return problems
