"""Read and validate the plan catalog from a folder of TOML files.

Every problem is collected (never only the first) and reported as `FILE:LINE: what is wrong`.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from models.plans.catalog import (
    LEVEL_REPORT_KEY,
    REPORT_STAGES,
    THRESHOLD_UNITS,
    TIMER_ACTIONS,
    About,
    Catalog,
    CatalogInfo,
    Category,
    General,
    Governance,
    Level,
    Role,
    Situation,
    Source,
    Step,
    Threshold,
    Timer,
)
from models.plans.toml_check import (
    KEY_PATTERN,
    Problem,
    TomlSource,
    parse_toml,
    read_toml,
    unknown_field,
)

COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
REF_PATTERN = re.compile(r"^([a-z][a-z0-9_]*):(.+)$")
TOP_LEVEL = ("catalog", "governance", "general", "source", "role", "level", "category", "situation")
SINGLE_TABLES = ("catalog", "governance", "general")


class CatalogError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# ---- field kinds: each returns the converted value or raises _Bad(message) ---------------


class _Bad(Exception):
    pass


def _text(v):
    if not isinstance(v, str):
        raise _Bad(f"must be text, not {_kind(v)}")
    if not v.strip():
        raise _Bad("must not be empty")
    return v.strip()


def _opt_text(v):
    if not isinstance(v, str):
        raise _Bad(f"must be text, not {_kind(v)}")
    return v.strip()


def _key(v):
    v = _text(v)
    if not KEY_PATTERN.match(v):
        raise _Bad(f"'{v}' is not a valid key (lower-case letters, digits, _)")
    return v


def _int(v):
    if isinstance(v, bool) or not isinstance(v, int):
        raise _Bad(f"must be a whole number, not {_kind(v)}")
    return v


def _count(v):
    v = _int(v)
    if v < 0:
        raise _Bad(f"must not be negative ({v})")
    return v


def _positive(v):
    v = _int(v)
    if v <= 0:
        raise _Bad(f"must be greater than 0 ({v})")
    return v


MAX_MINUTES = 366 * 24 * 60  # a deadline within a year: a larger one overflowed its due time


def _minutes(v):
    v = _count(v)
    if v > MAX_MINUTES:
        raise _Bad(f"must be at most {MAX_MINUTES:,} minutes (a year), not {v:,}")
    return v


def _positive_minutes(v):
    return _minutes(_positive(v))


def _number(v):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise _Bad(f"must be a number, not {_kind(v)}")
    if not math.isfinite(v):  # nan made comparing a loss with it raise InvalidOperation
        raise _Bad(f"must be a finite number, not {v}")
    if v < 0:
        raise _Bad(f"must not be negative ({v})")
    return v


def _bool(v):
    if not isinstance(v, bool):
        raise _Bad(f"must be true or false, not {_kind(v)}")
    return v


def _date(v):
    if not isinstance(v, date) or hasattr(v, "hour"):
        raise _Bad(f"must be a date like 2026-01-31, not {_kind(v)}")
    return v


def _color(v):
    v = _text(v)
    if not COLOR_PATTERN.match(v):
        raise _Bad(f"'{v}' is not a colour like #c62828")
    return v


def _texts(v):
    if not isinstance(v, list):
        raise _Bad(f"must be a list of texts, not {_kind(v)}")
    return tuple(_text(x) for x in v)


def _keys(v):
    if not isinstance(v, list):
        raise _Bad(f"must be a list of keys, not {_kind(v)}")
    return tuple(_key(x) for x in v)


def _text_or_texts(v):
    return (_text(v),) if isinstance(v, str) else _texts(v)


def _kind(v) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number",
             list: "a list", dict: "a table", date: "a date"}
    for t, name in names.items():
        if isinstance(v, t):
            return name
    return type(v).__name__


Kind = Callable[[object], object]
REQUIRED = object()

# field name -> (kind, default or REQUIRED)
SPECS: dict[str, dict[str, tuple[Kind, object]]] = {
    "catalog": {"title": (_text, REQUIRED), "version": (_text, REQUIRED),
                "revised": (_date, REQUIRED), "reviewer": (_opt_text, ""),
                "approved_by": (_opt_text, "")},
    "governance": {"revise_every_months": (_positive, 12), "training_every_months": (_positive, 3),
                   "drill_every_months": (_positive, 12), "approval": (_opt_text, ""),
                   "source": (_texts, ())},
    "general": {"principles": (_texts, ()), "first_steps": (_texts, ()),
                "aftercare": (_texts, ()), "reporting": (_texts, ()),
                "prevention": (_texts, ()), "at_once_minutes": (_positive_minutes, 5),
                "emergency_numbers": (_keys, ()), "source": (_texts, ())},
    "source": {"key": (_key, REQUIRED), "title": (_text, REQUIRED), "file": (_text, REQUIRED),
               "org": (_text, REQUIRED), "note": (_opt_text, "")},
    "role": {"key": (_key, REQUIRED), "name": (_text, REQUIRED), "aliases": (_texts, ()),
             "description": (_opt_text, ""), "number": (_opt_text, ""), "outside": (_bool, False),
             "source": (_texts, ())},
    "level": {"level": (_positive, REQUIRED), "name": (_text, REQUIRED),
              "short": (_text, REQUIRED), "color": (_color, REQUIRED),
              "criteria": (_texts, REQUIRED), "handled_by": (_text, REQUIRED),
              "report_to": (_key, REQUIRED), "report_within_minutes": (_minutes, REQUIRED),
              "report_starts": (_text, "start"), "then": (_opt_text, ""),
              "aftercare_required": (_texts, ()), "timer": (list, ()), "source": (_texts, ())},
    "category": {"key": (_key, REQUIRED), "name": (_text, REQUIRED), "color": (_color, REQUIRED),
                 "order": (_int, REQUIRED), "description": (_opt_text, ""),
                 "source": (_texts, ())},
    "situation": {"key": (_key, REQUIRED), "category": (_key, REQUIRED), "name": (_text, REQUIRED),
                  "short": (_text, REQUIRED), "default_level": (_positive, REQUIRED),
                  "urgent": (_bool, False), "description": (_opt_text, ""),
                  "sources": (_texts, ()), "differences": (_texts, ()),
                  "supplies": (_texts, ()), "scripts": (_texts, ()), "note": (_opt_text, ""),
                  "step": (list, REQUIRED), "timer": (list, ()), "threshold": (list, ()),
                  "about": (list, ())},
    "about": {"source": (_text, REQUIRED), "text": (_opt_text, ""), "supplies": (_texts, ())},
    "step": {"text": (_text, REQUIRED), "role": (_key, "clerk"), "call": (_keys, ()),
             "say": (_texts, ()), "condition": (_opt_text, ""), "switch_to": (_key, ""),
             "source": (_opt_text, ""), "after": (_bool, False)},
    "timer": {"key": (_key, REQUIRED), "label": (_text, REQUIRED), "action": (_key, REQUIRED),
              "to": (_key, ""), "by": (_key, "clerk"), "minutes": (_minutes, REQUIRED),
              "holiday_minutes": (_minutes, None), "starts": (_text_or_texts, ("start",)),
              "trigger": (_opt_text, ""), "on_missed": (_opt_text, ""),
              "source": (_opt_text, ""), "report": (_opt_text, "")},
    "threshold": {"key": (_key, REQUIRED), "label": (_text, REQUIRED), "value": (_number, REQUIRED),
                  "unit": (_key, REQUIRED), "then": (_opt_text, ""), "source": (_opt_text, "")},
}
SHORT_LABEL_MAX = 8
STEP_TEXT_MAX = 300  # a step read at a glance, and a card that fits its page; the shipped
# steps are at most 80 (tests/models/plans/test_audit_plans.py)


class _FileReader:
    """Reads one file's entries into plain dicts, noting problems with their lines."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.source: TomlSource | None = None

    @property
    def raw(self) -> bytes:
        return self.source.raw if self.source else b""

    def report(self, where: tuple, field: str | None, message: str) -> None:
        problem = self.source.problem(where, field, message, at=where)
        self.problems.append(replace(problem, field=field or ""))

    def load(self) -> dict | None:
        self.source, data, problems = read_toml(self.path)
        self.problems += problems
        return data

    def load_text(self, text: str) -> dict | None:
        self.source = TomlSource(str(self.path), text, text.encode("utf-8"))
        data, problems = parse_toml(self.source)
        self.problems += problems
        return data

    def fields(self, table: object, kind: str, where: tuple) -> tuple[dict, bool]:
        """Check one table against SPECS[kind]: the fields that passed, and whether all did."""
        if not isinstance(table, dict):
            self.report(where, None, f"'{kind}' must be a table")
            return {}, False
        spec = SPECS[kind]
        out: dict = {}
        ok = True
        for name in table:
            if name not in spec:
                self.report(where, name, unknown_field(name, kind, spec))
                ok = False
        for name, (check, default) in spec.items():
            if name not in table:
                if default is REQUIRED:
                    self.report(where, None, f"{kind} is missing the field '{name}'")
                    ok = False
                else:
                    out[name] = default
                continue
            value = table[name]
            if check is list:  # nested array of tables, checked by the caller
                if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
                    self.report(where, name, f"'{name}' must be written as [[{kind}.{name}]]")
                    ok = False
                    continue
                out[name] = value
                continue
            try:
                out[name] = check(value)
            except _Bad as bad:
                self.report(where, name, f"{kind} field '{name}' {bad}")
                ok = False
        return out, ok


def load_catalog(directory: Path) -> Catalog:
    """The catalog in `directory`, or CatalogError listing every problem found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CatalogError([Problem(str(directory), None, "plan folder not found")])
    files = catalog_files(directory)
    if not files:
        raise CatalogError([Problem(str(directory), None, "no plan files (*.toml) in this folder")])
    return _load(str(directory), [(path, _FileReader.load) for path in files])


def catalog_files(directory: Path) -> list[Path]:
    """The plan files of a folder that make the catalog, in the order they are read
    (editions.toml says which of them a kind of hall follows: models.plans.editions)."""
    return sorted(p for p in Path(directory).glob("*.toml") if p.name != "editions.toml")


def load_texts(texts: Mapping[str, str], label: str = "draft") -> Catalog:
    """The catalog of plan files given as texts (file name -> TOML text), e.g. a draft kept
    in the database: the same checks as load_catalog, each problem as NAME:LINE of that text
    (with `field` and `at` saying which entry and field). `label` names the whole set in a
    problem of no one file. Its digest is the one the same files in a folder would have."""
    if not texts:
        raise CatalogError([Problem(label, None, "no plan files")])
    readers = [(Path(name), lambda reader, text=texts[name]: reader.load_text(text))
               for name in sorted(texts)]
    return _load(label, readers)


def _load(label: str, files: list[tuple[Path, Callable]]) -> Catalog:
    problems: list[Problem] = []
    builder = _CatalogBuilder(problems)
    all_read = True
    fingerprint = hashlib.sha256()
    for path, read in files:
        reader = _FileReader(path, problems)
        data = read(reader)
        if data is None:
            all_read = False
        else:
            fingerprint.update(path.name.encode("utf-8") + b"\0" + reader.raw + b"\0")
            builder.add_file(reader, data)
    catalog = builder.finish(label, all_read)
    if problems or catalog is None:
        raise CatalogError(problems)
    return replace(catalog, digest=fingerprint.hexdigest(), _index={})


def check_catalog(directory: Path) -> list[Problem]:
    try:
        load_catalog(directory)
    except CatalogError as e:
        return e.problems
    return []


class _CatalogBuilder:
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.single: dict[str, dict] = {}
        self.single_readers: dict[str, _FileReader] = {}
        self.entries: dict[str, list] = {k: [] for k in TOP_LEVEL if k not in SINGLE_TABLES}
        # references checked once everything is read: (reader, where, field, kind, value)
        self.refs: list[tuple[_FileReader, tuple, str, str, object]] = []
        self.seen: dict[tuple[str, object], tuple[_FileReader, tuple]] = {}

    # -- reading ---------------------------------------------------------------------------
    def add_file(self, reader: _FileReader, data: dict) -> None:
        for name, value in data.items():
            if name not in TOP_LEVEL:
                reader.report((name,), None, f"unknown table '{name}' "
                              f"(allowed: {', '.join(TOP_LEVEL)})")
            elif name in SINGLE_TABLES:
                self._add_single(reader, name, value)
            elif not isinstance(value, list):
                reader.report((name,), None, f"'{name}' must be written as [[{name}]]")
            else:
                for index, table in enumerate(value):
                    self._add_entry(reader, name, index, table)

    def _add_single(self, reader: _FileReader, name: str, value: object) -> None:
        if name in self.single:
            reader.report((name,), None, f"[{name}] is defined in more than one file")
            return
        fields, ok = reader.fields(value, name, (name,))
        self._note_refs(reader, (name,), fields)
        if name == "general":
            self._read_emergency_numbers(reader, fields)
        self.single[name] = fields if ok else None
        self.single_readers[name] = reader

    def _read_emergency_numbers(self, reader: _FileReader, fields: dict) -> None:
        keys = fields.get("emergency_numbers", ())
        for key in keys:
            self.refs.append((reader, ("general",), "emergency_numbers", "role", key))
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            reader.report(("general",), "emergency_numbers",
                          f"emergency_numbers names '{twice[0]}' more than once")

    def _add_entry(self, reader: _FileReader, kind: str, index: int, table: object) -> None:
        where = (kind, index)
        fields, ok = reader.fields(table, kind, where)
        identity = fields.get("level" if kind == "level" else "key")
        if identity is not None and not self._unique(reader, where, kind, identity):
            return
        self._note_refs(reader, where, fields)
        if kind == "level":
            fields["timer"], timers_ok = self._timers(reader, where, fields.get("timer", ()))
            ok = ok and timers_ok and self._check_level(reader, where, fields)
        elif kind == "situation":
            ok = self._read_situation(reader, where, fields) and ok
        # A broken entry is still known by its key, so references to it raise no echo.
        self.entries[kind].append((reader, where, fields if ok else None))

    def _unique(self, reader: _FileReader, where: tuple, kind: str, identity: object) -> bool:
        first = self.seen.get((kind, identity))
        if first:
            other, other_where = first
            line = other.source.line_of(other_where)
            reader.report(where, "key" if kind != "level" else "level",
                          f"duplicate {kind} '{identity}' (first defined at {other.path}:{line})")
            return False
        self.seen[(kind, identity)] = (reader, where)
        return True

    def _note_refs(self, reader: _FileReader, where: tuple, fields: dict) -> None:
        for name in ("source", "sources"):
            value = fields.get(name)
            for ref in (value,) if isinstance(value, str) else value or ():
                if ref:
                    self.refs.append((reader, where, name, "source", ref))

    def _ref(self, reader, where, field, kind, fields) -> None:
        if fields.get(field) is not None:
            self.refs.append((reader, where, field, kind, fields[field]))

    def _read_situation(self, reader: _FileReader, where: tuple, fields: dict) -> bool:
        ok = True
        if len(fields.get("short", "")) > SHORT_LABEL_MAX:
            reader.report(where, "short", f"short label '{fields['short']}' is longer than "
                          f"{SHORT_LABEL_MAX} characters")
            ok = False
        self._ref(reader, where, "category", "category", fields)
        self._ref(reader, where, "default_level", "level", fields)
        if "step" in fields and not fields["step"]:
            reader.report(where, None, "situation has no [[situation.step]]")
            ok = False
        steps = []
        for i, table in enumerate(fields.get("step", ())):
            step_where = (*where, "step", i)
            step, step_ok = reader.fields(table, "step", step_where)
            if len(step.get("text") or "") > STEP_TEXT_MAX:
                reader.report(step_where, "text", f"step is {len(step['text'])} characters, "
                              f"more than {STEP_TEXT_MAX}: split it into several steps")
                step_ok = False
            self._ref(reader, step_where, "role", "role", step)
            for callee in step.get("call", ()):
                self.refs.append((reader, step_where, "call", "role", callee))
            if step.get("switch_to"):
                self._ref(reader, step_where, "switch_to", "situation", step)
            self._note_refs(reader, step_where, step)
            if step_ok:
                steps.append(Step(**step))
            ok = ok and step_ok
        fields["step"] = tuple(steps)
        fields["timer"], timers_ok = self._timers(reader, where, fields.get("timer", ()))
        fields["threshold"], thresholds_ok = self._thresholds(
            reader, where, fields.get("threshold", ()))
        fields["about"], about_ok = self._about(reader, where, fields.get("about", ()))
        return ok and timers_ok and thresholds_ok and about_ok

    def _about(self, reader, where, tables) -> tuple[tuple[About, ...], bool]:
        """Each document's description and supplies: traced to it, like a step."""
        found = []
        all_ok = True
        for i, table in enumerate(tables):
            a_where = (*where, "about", i)
            about, ok = reader.fields(table, "about", a_where)
            if ok and not (about["text"] or about["supplies"]):
                reader.report(a_where, None, "about needs a 'text' or 'supplies' (what the "
                              "document says of the situation)")
                ok = False
            self._note_refs(reader, a_where, about)
            if ok:
                found.append(About(**about))
            all_ok = all_ok and ok
        return tuple(found), all_ok

    def _thresholds(self, reader, where, tables) -> tuple[tuple[Threshold, ...], bool]:
        thresholds = []
        keys: set[str] = set()
        all_ok = True
        for i, table in enumerate(tables):
            t_where = (*where, "threshold", i)
            t, ok = reader.fields(table, "threshold", t_where)
            if t.get("unit") is not None and t["unit"] not in THRESHOLD_UNITS:
                reader.report(t_where, "unit", f"unknown unit '{t['unit']}' "
                              f"(one of {', '.join(THRESHOLD_UNITS)})")
                ok = False
            if t.get("key") in keys:
                reader.report(t_where, "key", f"duplicate threshold '{t['key']}'")
                ok = False
            keys.add(t.get("key"))
            self._note_refs(reader, t_where, t)
            if ok:
                thresholds.append(Threshold(**t))
            all_ok = all_ok and ok
        return tuple(thresholds), all_ok

    def _timers(self, reader: _FileReader, where: tuple, tables) -> tuple[list, bool]:
        timers: list[tuple[tuple, dict]] = []
        keys: set[str] = set()
        all_ok = True
        for i, table in enumerate(tables):
            t_where = (*where, "timer", i)
            t, ok = reader.fields(table, "timer", t_where)
            if t.get("action") is not None and t["action"] not in TIMER_ACTIONS:
                reader.report(t_where, "action", f"unknown action '{t['action']}' "
                              f"(one of {', '.join(TIMER_ACTIONS)})")
                ok = False
            if t.get("report") and (t["report"] not in REPORT_STAGES
                                    or t.get("action") != "file"):
                reader.report(t_where, "report", "'report' is one of "
                              f"{', '.join(REPORT_STAGES)}, on a timer whose action is 'file'")
                ok = False
            if t.get("key") == LEVEL_REPORT_KEY:
                reader.report(t_where, "key", f"'{LEVEL_REPORT_KEY}' is reserved for the "
                              "level's own report")
                ok = False
            if t.get("key") in keys:
                reader.report(t_where, "key", f"duplicate timer '{t['key']}' here")
                ok = False
            keys.add(t.get("key"))
            if "manual" in t.get("starts", ()) and not t.get("trigger"):
                reader.report(t_where, "trigger", "a timer started by hand ('manual') needs a "
                              "'trigger' label")
                ok = False
            self._ref(reader, t_where, "by", "role", t)
            if t.get("to"):
                self._ref(reader, t_where, "to", "role", t)
            self._note_refs(reader, t_where, t)
            timers.append((t_where, t, ok))
        known = keys | {LEVEL_REPORT_KEY}
        for t_where, t, _ok in timers:
            for start in t.get("starts", ()):
                all_ok = self._check_start(reader, t_where, t.get("key"), start, known) and all_ok
        all_ok = self._check_cycles(reader, timers) and all_ok
        all_ok = all_ok and all(ok for _, _, ok in timers)
        return [Timer(**t) for _, t, ok in timers if ok], all_ok

    def _check_start(self, reader, where, own_key, start, known) -> bool:
        if start in ("start", "resolved", "manual"):
            return True
        event, _, target = start.partition(":")
        if event not in ("met", "missed") or not target:
            reader.report(where, "starts", f"unknown start '{start}' (use start, resolved, "
                          "manual, met:KEY or missed:KEY)")
        elif target == own_key:
            reader.report(where, "starts", f"timer '{own_key}' cannot start from itself")
        elif target not in known:
            reader.report(where, "starts", f"'{start}' names no timer '{target}' here")
        else:
            return True
        return False

    def _check_cycles(self, reader, timers) -> bool:
        after = {t.get("key"): {s.partition(":")[2] for s in t.get("starts", ()) if ":" in s}
                 for _, t, _ok in timers}
        for key, targets in after.items():
            targets.discard(key)  # starting from itself is reported on its own
        ok = True
        for t_where, t, _ok in timers:
            seen, todo = set(), list(after.get(t.get("key"), ()))
            while todo:
                k = todo.pop()
                if k == t.get("key"):
                    reader.report(t_where, "starts", f"timer '{k}' is part of a chain that "
                                  "starts itself")
                    ok = False
                    break
                if k not in seen:
                    seen.add(k)
                    todo.extend(after.get(k, ()))
        return ok

    def _check_level(self, reader, where, fields) -> bool:
        self._ref(reader, where, "report_to", "role", fields)
        if fields.get("report_starts", "start") not in ("start", "resolved"):
            reader.report(where, "report_starts", "report_starts must be 'start' or 'resolved'")
            return False
        return True

    # -- finishing -------------------------------------------------------------------------
    def finish(self, directory: str, all_files_read: bool) -> Catalog | None:
        # With a file unreadable, what seems missing may be in it: no echo of those.
        if all_files_read:
            self._check_complete(directory)
            self._check_refs()
            self._check_aftercare()
            self._check_emergency_numbers()
        if self.problems:
            return None
        return self._build()

    def _check_complete(self, directory: str) -> None:
        if "catalog" not in self.single:
            self.problems.append(Problem(directory, None, "no [catalog] table in any file"))
        for kind in ("level", "category", "situation", "role", "source"):
            if not self.entries[kind]:
                self.problems.append(Problem(directory, None, f"no [[{kind}]] in any file"))
        if ("role", "clerk") not in self.seen:
            self.problems.append(Problem(directory, None, "the role 'clerk' is not defined"))

    def _check_refs(self) -> None:
        for reader, where, field, kind, value in self.refs:
            if kind == "source":
                match = REF_PATTERN.match(value) if isinstance(value, str) else None
                if not match:
                    reader.report(where, field, f"'{value}' is not a source reference "
                                  "like 'gas:五.3'")
                    continue
                value = match.group(1)
            if (kind, value) not in self.seen:
                reader.report(where, field, f"unknown {kind} '{value}'")

    def _check_aftercare(self) -> None:
        if "general" in self.single and self.single["general"] is None:
            return  # [general] is broken and reported: its list is unknown, not empty
        known = set((self.single.get("general") or {}).get("aftercare", ()))
        for reader, where, fields in self.entries["level"]:
            for item in (fields or {}).get("aftercare_required", ()):
                if item not in known:
                    reader.report(where, "aftercare_required", f"'{item}' is not one of "
                                  "[general].aftercare")

    def _check_emergency_numbers(self) -> None:
        """Each role of the emergency-number bar has a number to dial, its own: the bar shows
        and finds its buttons by number, so a second 110 would label 消防 on F11 as 110."""
        general = self.single.get("general") or {}
        roles = {f["key"]: f for _, _, f in self.entries["role"] if f}
        first_with: dict[str, str] = {}
        for key in general.get("emergency_numbers", ()):
            number = roles[key]["number"] if key in roles else None
            if number == "":
                self.single_readers["general"].report(
                    ("general",), "emergency_numbers",
                    f"emergency_numbers: the role '{key}' has no number")
            elif first_with.get(number, key) != key:  # a key named twice is reported apart
                self.single_readers["general"].report(
                    ("general",), "emergency_numbers",
                    f"emergency_numbers: the roles '{first_with[number]}' and '{key}' have "
                    f"the same number {number}")
            elif number is not None:
                first_with[number] = key

    def _build(self) -> Catalog:
        def plain(kind):
            return [f for _, _, f in self.entries[kind]]

        single = {name: self.single.get(name) or {} for name in SINGLE_TABLES}

        levels = []
        for f in sorted(plain("level"), key=lambda f: f["level"]):
            own = Timer(key=LEVEL_REPORT_KEY, label=f"报告{f['report_to']}", action="report",
                        to=f["report_to"], minutes=f["report_within_minutes"],
                        starts=(f["report_starts"],), source=(f["source"] or ("",))[0])
            timers = (own, *f.pop("timer"))
            levels.append(Level(**f, timers=timers))
        situations = []
        for f in plain("situation"):
            f["steps"] = f.pop("step")
            f["timers"] = tuple(f.pop("timer"))
            f["thresholds"] = f.pop("threshold")
            situations.append(Situation(**f))
        catalog = Catalog(
            info=CatalogInfo(**single["catalog"]),
            governance=Governance(**single["governance"]),
            general=General(**single["general"]),
            sources=tuple(Source(**f) for f in plain("source")),
            roles=tuple(Role(**f) for f in plain("role")),
            levels=tuple(levels),
            categories=tuple(Category(**f) for f in plain("category")),
            situations=tuple(situations),
        )
        return _name_level_reports(catalog)


def _name_level_reports(catalog: Catalog) -> Catalog:
    """Give each level's own report a readable label now that role names are known."""
    levels = []
    for lv in catalog.levels:
        own, *rest = lv.timers
        label = f"报告{catalog.role(lv.report_to).name}"
        levels.append(replace(lv, timers=(replace(own, label=label), *rest)))
    return replace(catalog, levels=tuple(levels), _index={})
