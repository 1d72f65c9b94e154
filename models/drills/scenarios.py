"""Drill scenarios: the shipped ones in plans/drills/*.toml and the trainer's own, written in
the app and kept as TOML in the user's data folder (the program folder may be read-only).

One check (`check_scenario`) serves both the file loader and the editor, so a scenario the
editor accepts is one the loader accepts. A broken file is reported, never loaded, never
overwritten. Files are read and their problems located as plan files are
(models.plans.toml_check): the same Problem, `FILE:LINE: what`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.plans.catalog import Catalog
from models.plans.toml_check import (
    KEY_PATTERN,
    Problem,
    TomlSource,
    parse_toml,
    read_toml,
    unknown_field,
)
from models.store.files import write_whole

DRILL_FIELDS = ("key", "title", "situation", "description", "holiday", "inject")
INJECT_FIELDS = ("at_minutes", "text", "situation")
TITLE_MAX = 200
TEXT_MAX = 1000
DESCRIPTION_MAX = 2000
INJECTS_MAX = 50
MINUTES_MAX = 24 * 60  # a drill longer than a day is a typing mistake
USER_KEY_PREFIX = "own"


@dataclass(frozen=True)
class Inject:
    at_minutes: int
    text: str
    situation: str = ""  # a further situation the inject calls for (scored: plan chosen)


@dataclass(frozen=True)
class Scenario:
    key: str
    title: str
    situation: str
    description: str
    holiday: bool
    injects: tuple[Inject, ...]
    file: str = ""
    own: bool = False  # the trainer's (user folder), not shipped

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> Scenario:
        data = json.loads(text)
        data["injects"] = tuple(Inject(**i) for i in data.get("injects", ()))
        return Scenario(**data)


PROBLEM_WORDS = {  # the check's codes; reading a file has its own (models.plans.toml_check)
    "one_table": "a drill file holds one [drill] table",
    "key": "drill needs a key of lower-case letters, digits and _",
    "title": "drill needs a title",
    "too_long": "{field} is longer than {detail} characters",
    "situation": "unknown situation '{detail}'",
    "holiday": "holiday must be true or false",
    "no_injects": "drill needs at least one [[drill.inject]]",
    "too_many_injects": "a drill has at most {detail} injects",
    "minutes": "at_minutes must be a whole number of minutes from 0 to {detail}",
    "text": "an inject needs its text",
    "duplicate_key": "duplicate drill key '{detail}'",
}


def _problem(code: str, field: str = "", index: int | None = None, detail: object = "",
             message: str = "") -> Problem:
    """A problem of the check, not yet tied to a file and line."""
    message = message or PROBLEM_WORDS[code].format(field=field, detail=detail)
    if index is not None:
        message = f"inject {index + 1}: {message}"
    return Problem("", None, message, code, field, index, str(detail))


class ScenarioRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


# ---- the one check --------------------------------------------------------------------------

def check_scenario(data: object, catalog: Catalog) -> tuple[Scenario | None, list[Problem]]:
    """A scenario from TOML-shaped data ({"drill": {...}}), or the problems found."""
    problems: list[Problem] = []

    def report(code: str, field: str = "", inject: int | None = None, detail: object = "",
               message: str = ""):
        problems.append(_problem(code, field, inject, detail, message))

    drill = data.get("drill") if isinstance(data, dict) else None
    if not isinstance(drill, dict) or set(data) != {"drill"}:
        report("one_table")
        return None, problems
    for name in sorted(set(drill) - set(DRILL_FIELDS)):
        report("unknown_field", name, detail=name,
               message=unknown_field(name, "drill", DRILL_FIELDS))
    key, title, situation = drill.get("key"), drill.get("title"), drill.get("situation")
    description = drill.get("description", "")
    situations = {s.key for s in catalog.situations}
    if not isinstance(key, str) or not KEY_PATTERN.match(key) or len(key) > 64:
        report("key", "key")
    if not isinstance(title, str) or not title.strip():
        report("title", "title")
    elif len(title.strip()) > TITLE_MAX:
        report("too_long", "title", detail=TITLE_MAX)
    if situation not in situations:
        report("situation", "situation", detail=situation)
    if not isinstance(description, str) or len(description.strip()) > DESCRIPTION_MAX:
        report("too_long", "description", detail=DESCRIPTION_MAX)
    if not isinstance(drill.get("holiday", False), bool):
        report("holiday", "holiday")
    raw_injects = drill.get("inject", [])
    if not isinstance(raw_injects, list) or not raw_injects:
        report("no_injects", "inject")
        raw_injects = []
    elif len(raw_injects) > INJECTS_MAX:
        report("too_many_injects", "inject", detail=INJECTS_MAX)
    injects = [_check_inject(i, inject, situations, report)
               for i, inject in enumerate(raw_injects)]
    if problems:
        return None, problems
    return Scenario(key, title.strip(), situation, description.strip(),
                    bool(drill.get("holiday", False)),
                    tuple(sorted(injects, key=lambda x: x.at_minutes))), []


def _check_inject(index: int, inject: object, situations: set[str], report) -> Inject | None:
    if not isinstance(inject, dict):
        report("text", "text", index)
        return None
    for name in sorted(set(inject) - set(INJECT_FIELDS)):
        report("unknown_field", name, index, name,
               message=unknown_field(name, "inject", INJECT_FIELDS))
    minutes, words = inject.get("at_minutes"), inject.get("text")
    extra = inject.get("situation", "")
    ok = True
    if (isinstance(minutes, bool) or not isinstance(minutes, int)
            or not 0 <= minutes <= MINUTES_MAX):
        report("minutes", "at_minutes", index, MINUTES_MAX)
        ok = False
    if not isinstance(words, str) or not words.strip():
        report("text", "text", index)
        ok = False
    elif len(words.strip()) > TEXT_MAX:
        report("too_long", "text", index, TEXT_MAX)
        ok = False
    if extra and extra not in situations:
        report("situation", "situation", index, extra)
        ok = False
    return Inject(minutes, words.strip(), extra) if ok else None


# ---- files ----------------------------------------------------------------------------------

def parse_scenario(text: str, name: str, catalog: Catalog
                   ) -> tuple[Scenario | None, list[Problem]]:
    """A scenario from a TOML text; problems name the file `name` and the line."""
    source = TomlSource(name, text)
    data, problems = parse_toml(source)
    return _checked(source, data, catalog) if data is not None else (None, problems)


def read_scenario(path: Path, catalog: Catalog) -> tuple[Scenario | None, list[Problem]]:
    source, data, problems = read_toml(path)
    return _checked(source, data, catalog) if data is not None else (None, problems)


def _checked(source: TomlSource, data: dict, catalog: Catalog
             ) -> tuple[Scenario | None, list[Problem]]:
    scenario, problems = check_scenario(data, catalog)
    located = []
    for p in problems:
        where = ("drill",) if p.index is None else ("drill", 0, "inject", p.index)
        located.append(replace(p, file=source.name, line=source.line_of(where, p.field or None)))
    return (replace(scenario, file=source.name) if scenario else None), located


def load_scenarios(folder: Path, catalog: Catalog, *, own: bool = False
                   ) -> tuple[list[Scenario], list[Problem]]:
    scenarios, problems = [], []
    paths = sorted(Path(folder).glob("*.toml")) if Path(folder).is_dir() else []
    for path in paths:
        scenario, found = read_scenario(path, catalog)
        problems += found
        if scenario is not None:
            scenarios.append(replace(scenario, own=own))
    keys = [s.key for s in scenarios]
    for s in scenarios:
        if keys.count(s.key) > 1:
            problems.append(replace(_problem("duplicate_key", detail=s.key), file=s.file))
    duplicated = {k for k in keys if keys.count(k) > 1}
    return [s for s in scenarios if s.key not in duplicated], problems


def load_library(shipped: Path, own: Path | None, catalog: Catalog
                 ) -> tuple[list[Scenario], list[Problem]]:
    """The shipped scenarios and the trainer's own; an own scenario with a shipped key is the
    trainer's edited version of it and takes its place."""
    scenarios, problems = load_scenarios(shipped, catalog)
    # A shipped drill of a situation this hall's edition lacks (the gas hotline's, at a
    # bank) is another kind of hall's: left out, not a problem to report.
    problems = [p for p in problems if p.code != "situation"]
    if own is not None:
        mine, more = load_scenarios(own, catalog, own=True)
        problems += more
        replaced = {s.key for s in mine}
        scenarios = [s for s in scenarios if s.key not in replaced] + mine
    return scenarios, problems


def scenario_data(title: str, situation: str, description: str, holiday: bool,
                  injects: list[dict], key: str) -> dict:
    """TOML-shaped data from what the editor holds (values as typed: checked afterwards)."""
    drill = {"key": key, "title": title, "situation": situation, "holiday": holiday,
             "description": description, "inject": injects}
    return {"drill": drill}


def to_toml(scenario: Scenario) -> str:
    lines = ["# 演练脚本(在应急处置台的演练屏幕中编写)", "[drill]",
             f"key = {_quote(scenario.key)}", f"title = {_quote(scenario.title)}",
             f"situation = {_quote(scenario.situation)}"]
    if scenario.holiday:
        lines.append("holiday = true")
    if scenario.description:
        lines.append(f"description = {_quote(scenario.description)}")
    for inject in scenario.injects:
        lines += ["", "[[drill.inject]]", f"at_minutes = {inject.at_minutes}",
                  f"text = {_quote(inject.text)}"]
        if inject.situation:
            lines.append(f"situation = {_quote(inject.situation)}")
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A TOML basic string."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def save_own(folder: Path, data: dict, catalog: Catalog, *, file: str = "") -> Scenario:
    """Check the editor's data and write it as the trainer's scenario file (atomically).

    `file` is the file the scenario was read from: an own file in `folder` that still holds
    this scenario is written back in place, whatever its name. Otherwise the file written is
    KEY.toml in `folder`; when a file of that name is there but is not this scenario (broken,
    or another key), it is left untouched and a new key is taken.
    Raises ScenarioRefused with the problems, or OSError when the folder cannot be written.
    """
    folder = Path(folder)
    scenario, problems = check_scenario(data, catalog)
    if scenario is None:
        raise ScenarioRefused(problems)
    key, path = _target(folder, scenario.key, file, catalog)
    scenario = replace(scenario, key=key)
    text = to_toml(scenario)
    written, problems = parse_scenario(text, "", catalog)
    if written is None:  # the writer and the check disagree: a bug, never a broken file
        raise ScenarioRefused(problems)
    folder.mkdir(parents=True, exist_ok=True)
    write_whole(path, text.encode("utf-8"))
    return replace(scenario, file=str(path), own=True)


def _target(folder: Path, key: str, file: str, catalog: Catalog) -> tuple[str, Path]:
    """The key and the file to write: the file the scenario came from, or KEY.toml."""
    source = Path(file) if file else None
    if (source is not None and source.parent.resolve() == folder.resolve()
            and source.is_file() and _may_write(source, key, catalog)):
        return key, source
    if not _may_write(folder / f"{key}.toml", key, catalog):
        key = free_key(folder, key)
    return key, folder / f"{key}.toml"


def _may_write(path: Path, key: str, catalog: Catalog) -> bool:
    if not path.exists():
        return True
    existing, _ = read_scenario(path, catalog)
    return existing is not None and existing.key == key


def new_key(folder: Path, now: datetime, zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> str:
    """A key for a scenario the trainer starts from nothing (stamped with the hall's time)."""
    stamp = hall_time.local_text(now, zone, "%Y%m%d_%H%M%S")
    return free_key(folder, f"{USER_KEY_PREFIX}_{stamp}")


def free_key(folder: Path, base: str) -> str:
    """A key whose file does not exist yet in `folder` (broken files keep their names)."""
    taken = {p.stem for p in Path(folder).glob("*")} if Path(folder).is_dir() else set()
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def due_injects(scenario: Scenario, elapsed: timedelta, shown: int) -> list[Inject]:
    """The injects whose time has come, after the first `shown` ones."""
    return [i for i in scenario.injects[shown:] if elapsed >= timedelta(minutes=i.at_minutes)]
