"""The hall's draft of its plans: opened from the plans the desk runs, changed one field at a
time, every change recorded (who, when, where, old -> new). A draft is never used at the
desk; models.plans.publishing submits, approves and publishes it.

The draft is the plan files' texts (PlanDraft.texts), so the loader's own checks validate
it: a change is applied to a copy of the texts (tomlkit keeps their comments and layout),
the whole draft is loaded again (load_texts), and a change that leaves any problem is refused
(DraftRefused "broken", with each problem and the field it is about); nothing is saved. So a
stored draft always loads.

**Where** a change goes is a path, as text or as a tuple:
- a field of a single table: `catalog.version`, `general.aftercare`, `governance.approval`
- a field of an entry, found by its key (a level by its number): `role.clerk.number`,
  `level.1.report_within_minutes`, `situation.fire.supplies`, `situation.fire.scripts`
- inside an entry, a nested list by position (from 0): `situation.fire.step.2.text`,
  `situation.fire.timer.0.minutes`, `situation.fire.threshold.0.value`,
  `level.1.timer.0.minutes`
- an element itself: `situation.fire.step.2` (a table replaces it; None removes it; the
  position just past the end adds it), or an entry: `situation.new_key` (a table adds or
  replaces it, None removes it), `role.guard`.

The **value** is TOML data: text, whole or decimal number, true/false, date, a list, or a
table (dict) of those. None removes the field (its default applies again) or the element.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import tomlkit
from tomlkit.exceptions import TOMLKitError

from models.clock.clocks import from_db, to_db
from models.plans.catalog import Catalog
from models.plans.loader import SINGLE_TABLES, TOP_LEVEL, CatalogError, load_texts
from models.plans.running import RunningPlan
from models.plans.toml_check import Problem
from models.store.plan_links import PLAN_ACT, PLAN_CHANGE, link_plan_row
from models.store.tables import PlanChange, PlanDraft, PlanRelease, transaction

STATUSES = ("editing", "submitted", "approved", "published", "discarded")
OPEN = ("editing", "submitted", "approved")
ENTRY_KINDS = tuple(k for k in TOP_LEVEL if k not in SINGLE_TABLES)
NAME_MAX, WHERE_MAX, VALUE_MAX = 200, 500, 20_000
NEW_ENTRY_FILE = "catalog.toml"  # where a new entry goes when no file holds one of its kind

Where = tuple  # ("situation", "fire", "step", 2, "text")


class DraftRefused(Exception):
    """A refused draft action; nothing was saved. `code`:

    - no_draft: no such draft; closed: it was published or discarded
    - not_editing: it is submitted or approved (withdraw it to change it again)
    - bad_where: the path names nothing in the draft (`detail` says which part)
    - bad_value: not TOML data, or too long; who_required / too_long: the name
    - broken: the change leaves problems: `problems` (DraftProblem), each with its field
    """

    def __init__(self, code: str, detail: str = "",
                 problems: tuple[DraftProblem, ...] = ()) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail, self.problems = code, detail, problems


@dataclass(frozen=True)
class DraftProblem:
    """A problem the draft would have: `where` (a path as above, "" if of the whole set), the
    loader's `problem` (file:line of the draft's text, message, field)."""

    where: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.where}: {self.problem.message}" if self.where else str(self.problem)


@dataclass(frozen=True)
class Draft:
    id: int
    status: str  # STATUSES
    started_at: datetime
    started_by: str
    base_version: str  # the running plans it started from
    base_digest: str
    texts: Mapping[str, str]  # plan file name -> TOML text
    updated_at: datetime

    @property
    def editable(self) -> bool:
        return self.status == "editing"


@dataclass(frozen=True)
class Change:
    id: int
    draft_id: int
    at: datetime
    by: str
    where: str
    old: object  # plain data as recorded (a date as 2026-12-01), None when absent
    new: object  # plain data as recorded, None when it was removed


# ---- paths ---------------------------------------------------------------------------------

def parse_where(where: str | Where) -> Where:
    """A path as a tuple: numbers become positions (keys never start with a digit)."""
    if isinstance(where, tuple):
        return where
    parts = [p.strip() for p in str(where).split(".")]
    if not where or any(not p for p in parts):
        raise DraftRefused("bad_where", str(where))
    return tuple(int(p) if p.isdigit() else p for p in parts)


def where_text(where: str | Where) -> str:
    return ".".join(str(p) for p in parse_where(where))


# ---- reading -------------------------------------------------------------------------------

def _draft(row: PlanDraft) -> Draft:
    return Draft(row.id, row.status, from_db(row.started_at), row.started_by, row.base_version,
                 row.base_digest, json.loads(row.texts), from_db(row.updated_at))


def draft_row(draft: Draft | int) -> PlanDraft:
    row = PlanDraft.get_or_none(PlanDraft.id == (draft.id if isinstance(draft, Draft) else draft))
    if row is None:
        raise DraftRefused("no_draft", str(draft if isinstance(draft, int) else draft.id))
    return row


def get_draft(draft: Draft | int) -> Draft:
    """The draft as stored now (DraftRefused "no_draft" if there is none)."""
    return _draft(draft_row(draft))


def open_draft_now() -> Draft | None:
    """The draft being worked on (editing, submitted or approved), if any."""
    row = PlanDraft.get_or_none(PlanDraft.open_slot == 1)
    return _draft(row) if row else None


def latest_draft() -> Draft | None:
    """The newest draft, open or not (its changes stay readable once published)."""
    row = PlanDraft.select().order_by(PlanDraft.id.desc()).first()
    return _draft(row) if row else None


def draft_catalog(draft: Draft | int) -> Catalog:
    """The draft's plans as the desk would run them once published."""
    return load_texts(get_draft(draft).texts, f"draft #{_id(draft)}")


def read(draft: Draft | int, where: str | Where) -> object:
    """The value at `where` in the draft, as plain data (None if the field is not written:
    its default applies). DraftRefused "bad_where" if the path names no table or entry."""
    docs = _docs(get_draft(draft).texts)
    path = parse_where(where)
    node, last = _container(docs, path, adding=False)[1:]
    return _plain(_get(node, last)) if last is not None else _plain(node)


def changes(draft: Draft | int) -> list[Change]:
    """Every change made to the draft, oldest first."""
    rows = PlanChange.select().where(PlanChange.draft == _id(draft)).order_by(PlanChange.id)
    return [Change(r.id, r.draft_id, from_db(r.at), r.by, r.where, json.loads(r.old),
                   json.loads(r.new)) for r in rows]


def _id(draft: Draft | int) -> int:
    return draft.id if isinstance(draft, Draft) else int(draft)


# ---- acting --------------------------------------------------------------------------------

def open_draft(running: RunningPlan, who: str, now: datetime) -> Draft:
    """The draft being worked on, or a new one started from the running plans' texts."""
    who = check_name(who)
    with transaction():
        row = PlanDraft.get_or_none(PlanDraft.open_slot == 1)
        if row is None:
            at = to_db(now)
            row = PlanDraft.create(started_at=at, started_by=who,
                                   base_version=running.catalog.info.version,
                                   base_digest=running.catalog.digest,
                                   texts=json.dumps(running.texts, ensure_ascii=False),
                                   status="editing", open_slot=1, updated_at=at)
    return _draft(row)


def change(draft: Draft | int, where: str | Where, new_value: object, who: str,
           now: datetime) -> Change | None:
    """Set (or with None remove) the value at `where`, if the draft then passes every check
    of the loader: the change is saved and recorded (who, when, where, old -> new). Returns
    None when the value is already so (nothing recorded). Raises DraftRefused otherwise, and
    nothing is saved."""
    who = check_name(who)
    path = parse_where(where)
    if len(where_text(path)) > WHERE_MAX:
        raise DraftRefused("bad_where", where_text(path)[:80])
    _check_value(new_value)
    with transaction():
        row = draft_row(draft)
        check_editable(row)
        texts = json.loads(row.texts)
        docs = _docs(texts, editable=True)
        try:
            old = _apply(docs, path, new_value)
            if old == _plain(new_value):
                return None
            changed = docs.texts_after()
        except (TOMLKitError, ValueError, OverflowError, TypeError) as e:
            raise DraftRefused("bad_value", str(e)[:200]) from None
        try:
            load_texts(changed, f"draft #{row.id}")
        except CatalogError as e:
            raise DraftRefused("broken", where_text(path), _located(e.problems, changed)) from None
        at = to_db(now)
        PlanDraft.update(texts=json.dumps(changed, ensure_ascii=False), updated_at=at).where(
            PlanDraft.id == row.id).execute()
        record = PlanChange.create(draft=row.id, at=at, by=who, where=where_text(path),
                                   old=_json(old), new=_json(new_value))
        link_plan_row(PLAN_CHANGE, record.id)
    return Change(record.id, row.id, from_db(at), who, where_text(path), json.loads(_json(old)),
                  json.loads(_json(new_value)))


def discard(draft: Draft | int, who: str, now: datetime, note: str = "") -> None:
    """Give up the draft (editing, submitted or approved): recorded; the running plans stay."""
    who = check_name(who)
    with transaction():
        row = draft_row(draft)
        if row.status not in OPEN:
            raise DraftRefused("closed", row.status)
        catalog = load_texts(json.loads(row.texts), f"draft #{row.id}")
        record_act(row, "discarded", who, now, catalog, note=note)
        move(row, row.status, "discarded")


# ---- shared with models.plans.publishing -----------------------------------------------------

def record_act(row: PlanDraft, act: str, who: str, now: datetime, catalog: Catalog,
               **fields) -> PlanRelease:
    record = PlanRelease.create(draft=row.id, act=act, at=to_db(now), by=who,
                                version=catalog.info.version, digest=catalog.digest, **fields)
    link_plan_row(PLAN_ACT, record.id)  # inside the caller's transaction
    return record


def move(row: PlanDraft, from_status: str, to_status: str) -> None:
    """The draft's status from `from_status` to `to_status`, only if it still is
    `from_status` (a second writer that got there first wins: DraftRefused "closed" or
    "not_editing" for the other)."""
    moved = PlanDraft.update(status=to_status,
                             open_slot=1 if to_status in OPEN else None).where(
        PlanDraft.id == row.id, PlanDraft.status == from_status).execute()
    if moved != 1:
        raise DraftRefused("closed", to_status)


def check_editable(row: PlanDraft) -> None:
    if row.status in ("submitted", "approved"):
        raise DraftRefused("not_editing", row.status)
    if row.status != "editing":
        raise DraftRefused("closed", row.status)


def check_name(who: str) -> str:
    who = (who or "").strip()
    if not who:
        raise DraftRefused("who_required")
    if len(who) > NAME_MAX:
        raise DraftRefused("too_long", f"at most {NAME_MAX} characters")
    return who


# ---- the texts as documents ------------------------------------------------------------------

class _Docs:
    """The draft's files: read plainly (tomllib, fast) to find where a path is, and parsed
    with tomlkit (slow, keeps comments and layout) only for a file about to change."""

    def __init__(self, texts: Mapping[str, str], *, editable: bool) -> None:
        self.texts = dict(texts)
        self.plain = {name: tomllib.loads(text) for name, text in self.texts.items()}
        self.editable = editable
        self.edited: dict[str, tomlkit.TOMLDocument] = {}

    def items(self):
        return self.plain.items()

    def get(self, name: str):
        return self.plain.get(name)

    def __contains__(self, name: str) -> bool:
        return name in self.plain

    def __iter__(self):
        return iter(self.plain)

    def __getitem__(self, name: str):
        if not self.editable:
            return self.plain[name]
        if name not in self.edited:
            self.edited[name] = tomlkit.parse(self.texts[name])
        return self.edited[name]

    def texts_after(self) -> dict[str, str]:
        return {name: tomlkit.dumps(self.edited[name]) if name in self.edited else text
                for name, text in self.texts.items()}


def _docs(texts: Mapping[str, str], *, editable: bool = False) -> _Docs:
    return _Docs(texts, editable=editable)


def _identity_field(kind: str) -> str:
    return "level" if kind == "level" else "key"


def _find_entry(docs, kind: str, identity) -> tuple[str, int] | None:
    field = _identity_field(kind)
    for name, doc in docs.items():
        entries = doc.get(kind)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            if isinstance(entry, dict) and entry.get(field) == identity:
                return name, index
    return None


def _file_for_new(docs, kind: str, value: object) -> str:
    """Where a new entry goes: beside the situations of its category, else beside the first
    entry of its kind, else catalog.toml."""
    if kind == "situation" and isinstance(value, dict):
        for name, doc in docs.items():
            if any(isinstance(e, dict) and e.get("category") == value.get("category")
                   for e in doc.get("situation", ())):
                return name
    for name, doc in docs.items():
        if kind in doc:
            return name
    return NEW_ENTRY_FILE if NEW_ENTRY_FILE in docs else sorted(docs)[0]


def _container(docs, path: Where, *, adding: bool, value: object = None):
    """(file, the table or list holding the last part, the last part or None for a whole
    single table). `adding`: an entry not found is added (its array made if needed)."""
    head, rest = path[0], path[1:]
    if head in SINGLE_TABLES:
        name = next((n for n, d in docs.items() if head in d), None)
        if name is None:
            if not adding:
                raise DraftRefused("bad_where", head)
            name = NEW_ENTRY_FILE if NEW_ENTRY_FILE in docs else sorted(docs)[0]
            docs[name][head] = tomlkit.table()
        node, steps = docs[name][head], rest
        if not steps:
            return name, node, None
    elif head in ENTRY_KINDS and rest:
        identity, steps = rest[0], rest[1:]
        found = _find_entry(docs, head, identity)
        if found is None:
            if not (adding and not steps and isinstance(value, dict)):
                raise DraftRefused("bad_where", f"{head}.{identity}")
            name = _file_for_new(docs, head, value)
            if head not in docs[name]:
                docs[name][head] = tomlkit.aot()
            return name, docs[name][head], len(docs[name][head])
        name, index = found
        if not steps:
            return name, docs[name][head], index
        node = docs[name][head][index]
    else:
        raise DraftRefused("bad_where", str(head))
    for part in steps[:-1]:
        node = _get(node, part)
        if node is None or isinstance(node, (str, int, float, bool, date)):
            raise DraftRefused("bad_where", str(part))
    return name, node, steps[-1]


def _get(node, part):
    if isinstance(part, int):
        return node[part] if isinstance(node, list) and 0 <= part < len(node) else None
    return node.get(part) if isinstance(node, dict) else None


def _apply(docs, path: Where, value: object) -> object:
    """Put `value` at `path` in the documents; the plain value that was there."""
    _, node, last = _container(docs, path, adding=value is not None, value=value)
    if last is None:
        raise DraftRefused("bad_where", f"{path[0]} (name one of its fields)")
    old = _plain(_get(node, last))
    if isinstance(last, int):
        if not isinstance(node, list) or not 0 <= last <= len(node):
            raise DraftRefused("bad_where", str(last))
        if value is None:
            if last < len(node):
                del node[last]
        elif last == len(node):
            if not isinstance(value, dict):
                raise DraftRefused("bad_value", "a new element is a table")
            node.append(value)
        else:
            node[last] = value
    elif value is None:
        if last in node:
            del node[last]
    elif isinstance(node, dict):
        node[last] = value
    else:
        raise DraftRefused("bad_where", str(last))
    return old


def _plain(value):
    if hasattr(value, "unwrap"):
        value = value.unwrap()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _json(value) -> str:
    """A value as recorded (dates as 2026-12-01)."""
    return json.dumps(_plain(value), ensure_ascii=False, default=date.isoformat)


def _check_value(value, depth: int = 0) -> None:
    """TOML data only, of a sane size: what the loader could ever accept."""
    if depth > 8:
        raise DraftRefused("bad_value", "nested too deeply")
    if value is None and depth == 0:
        return
    if isinstance(value, float) and value != value:
        raise DraftRefused("bad_value", "not a number")
    if isinstance(value, (str, bool, int, float, date)) and not isinstance(value, datetime):
        if isinstance(value, str) and len(value) > VALUE_MAX:
            raise DraftRefused("bad_value", f"longer than {VALUE_MAX:,} characters")
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _check_value(item, depth + 1)
        return
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        for item in value.values():
            _check_value(item, depth + 1)
        return
    raise DraftRefused("bad_value", type(value).__name__)


def _located(problems: list[Problem], texts: Mapping[str, str]) -> tuple[DraftProblem, ...]:
    """Each problem with the path of the field it is about (entries named by their key)."""
    docs = _docs(texts)
    out = []
    for problem in problems:
        out.append(DraftProblem(_path_of(docs.get(problem.file), problem), problem))
    return tuple(out)


def _path_of(doc, problem: Problem) -> str:
    at = problem.at
    if doc is None or not at:
        return ""
    parts: list = [at[0]]
    if at[0] in ENTRY_KINDS and len(at) > 1:
        entries = doc.get(at[0])
        entry = entries[at[1]] if isinstance(entries, list) and at[1] < len(entries) else {}
        identity = entry.get(_identity_field(at[0])) if isinstance(entry, dict) else None
        parts.append(identity if identity is not None else at[1])
        parts += at[2:]
    else:
        parts += at[1:]
    if problem.field:
        parts.append(problem.field)
    return ".".join(str(p) for p in parts)
