"""The hall's plans and the library the program ships: which library they were built on, a
draft whose base is no longer what the desk runs (stale), and bringing the hall's plans up to
date with a newer shipped library.

A hall's published plans are the shipped library it started from plus its recorded changes
(the PlanChange rows of its published drafts). After a program update ships a newer library,
`update` opens a new draft from the new shipped texts and replays those changes, in order,
where the value a change replaced is still there; every other change is listed for the
supervisor and kept with the act (PlanRelease "updated", its note), nothing silently dropped.
That act also records the library the draft was built from (its version and digest).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from models.plans import drafts
from models.plans.catalog import Catalog
from models.plans.drafts import Draft, DraftRefused, check_name, move, record_act
from models.plans.loader import load_texts
from models.plans.manifest import load_verified
from models.plans.running import RunningPlan, shipped_texts
from models.store.tables import PlanChange, PlanDraft, PlanRelease, transaction

UPDATED = "updated"  # the act: a draft opened from a newer shipped library


@dataclass(frozen=True)
class Library:
    """A shipped library of plans, by its version label and digest."""

    version: str
    digest: str


@dataclass(frozen=True)
class Leftover:
    """A recorded change the update could not carry over. `reason`: changed (the program's
    plans hold another value there now: `now`), gone (that place no longer exists), broken
    (the draft would have problems: `detail`)."""

    where: str
    old: object
    new: object
    now: object
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Update:
    draft: Draft
    library: Library  # what the new draft was built from
    carried: int  # changes replayed into the new draft
    already: int  # changes the new library already makes
    leftovers: tuple[Leftover, ...]
    replaced: int | None = None  # the draft that was open, discarded (its changes carried)


# ---- which library ---------------------------------------------------------------------------

def shipped_library(running: RunningPlan) -> Catalog | None:
    """The library in the program's plan folder now (None without a folder)."""
    return None if running.folder is None else load_verified(running.folder)


def built_on(release_id: int) -> Library:
    """The shipped library the published version `release_id` was built on: the library its
    drafts, back to the last update or the first draft, started from."""
    release = PlanRelease.get_by_id(release_id)
    while True:
        row = release.draft
        updated = _updated_act(row.id)
        if updated is not None:
            return Library(updated.version, updated.digest)
        earlier = _published_with(row.base_digest, before=release.id)
        if earlier is None:
            return Library(row.base_version, row.base_digest)
        release = earlier


def library_news(running: RunningPlan,
                 shipped: Catalog | None = None) -> tuple[Library, Library] | None:
    """(the library the hall's published plans were built on, the newer one the program
    ships) when they differ; None when the hall runs the shipped plans or is up to date."""
    if not running.published:
        return None
    shipped = shipped or shipped_library(running)
    base = built_on(running.release_id)
    if shipped is None or shipped.digest == base.digest:
        return None
    return base, Library(shipped.info.version, shipped.digest)


def lifecycle(running: RunningPlan,
              draft: Draft | int | None) -> tuple[tuple[Library, Library] | None, str]:
    """library_news and the open draft's stale_reason ("" without a draft), the shipped
    folder read once (what a screen shows on each refresh)."""
    shipped = shipped_library(running)
    news = library_news(running, shipped)
    return news, stale_reason(draft, running, shipped) if draft is not None else ""


def stale_reason(draft: Draft | int, running: RunningPlan,
                 shipped: Catalog | None = None) -> str:
    """"" when the draft still builds on what the desk runs; otherwise what it was built on
    (the running plans' version then, or the shipped library's for an update)."""
    row = drafts.draft_row(draft)
    if row.base_digest != running.catalog.digest:
        return row.base_version
    updated = _updated_act(row.id)
    if updated is not None and running.folder is not None:
        shipped = shipped or shipped_library(running)
        if shipped.digest != updated.digest:
            return updated.version
    return ""


def _updated_act(draft_id: int) -> PlanRelease | None:
    return (PlanRelease.select().where(PlanRelease.draft == draft_id, PlanRelease.act == UPDATED)
            .order_by(PlanRelease.id.desc()).first())


def _published_with(digest: str, before: int) -> PlanRelease | None:
    return (PlanRelease.select().where(PlanRelease.act == "published",
                                       PlanRelease.digest == digest, PlanRelease.id < before)
            .order_by(PlanRelease.id.desc()).first())


# ---- the hall's changes ----------------------------------------------------------------------

def hall_changes(running: RunningPlan) -> list[PlanChange]:
    """The hall's recorded changes to its library, oldest first: those of the published
    drafts from the last update (or the first draft) to the running version."""
    if not running.published:
        return []
    chain = []
    release = PlanRelease.get_by_id(running.release_id)
    while release is not None:
        chain.append(release.draft_id)
        if _updated_act(release.draft_id) is not None:
            break
        release = _published_with(release.draft.base_digest, before=release.id)
    rows = PlanChange.select().where(PlanChange.draft.in_(chain))
    order = {draft_id: n for n, draft_id in enumerate(reversed(chain))}
    return sorted(rows, key=lambda c: (order[c.draft_id], c.id))


def update(running: RunningPlan, who: str, now: datetime) -> Update:
    """A new draft from the shipped library with the hall's changes replayed (the open draft's
    too: it is discarded, its changes carried over). DraftRefused "up_to_date" when the hall's
    plans already build on the shipped library, or the open draft was brought up to date with
    it, and no open draft is stale."""
    who = check_name(who)
    shipped = shipped_library(running)
    if shipped is None:
        raise DraftRefused("up_to_date")
    with transaction():
        open_row = PlanDraft.get_or_none(PlanDraft.open_slot == 1)
        stale = open_row is not None and stale_reason(open_row.id, running, shipped)
        if not stale and (library_news(running, shipped) is None or (
                open_row is not None and _updated_act(open_row.id) is not None)):
            raise DraftRefused("up_to_date", shipped.info.version)
        published = hall_changes(running)
        # Each run of changes with the texts it was made on (the open draft's may start from
        # an earlier update's library, not from the published plans).
        runs = [(published, _before(running.texts, published))]
        replaced = None
        if open_row is not None:
            own = list(PlanChange.select().where(PlanChange.draft == open_row.id)
                       .order_by(PlanChange.id))
            runs.append((own, _before(json.loads(open_row.texts), own)))
            record_act(open_row, "discarded", who, now, _catalog(open_row),
                       note=f"replaced by a draft brought up to date with the program's plans "
                            f"{shipped.info.version}")
            move(open_row, open_row.status, "discarded")
            replaced = open_row.id
        draft = drafts.open_draft(_shipped_running(running, shipped), who, now)
        PlanDraft.update(base_version=running.catalog.info.version,
                         base_digest=running.catalog.digest).where(
            PlanDraft.id == draft.id).execute()
        carried, already, leftovers = _replay(draft, runs, who, now)
        record_act(drafts.draft_row(draft), UPDATED, who, now, shipped,
                   note=json.dumps([_plain(left) for left in leftovers], ensure_ascii=False,
                                   default=date.isoformat))
    return Update(drafts.get_draft(draft), Library(shipped.info.version, shipped.digest),
                  carried, already, tuple(leftovers), replaced)


def leftovers(draft: Draft | int) -> list[Leftover]:
    """The changes an update could not carry into `draft` (none if it was not an update)."""
    act = _updated_act(draft.id if isinstance(draft, Draft) else int(draft))
    return [] if act is None or not act.note else [Leftover(**x) for x in json.loads(act.note)]


def _replay(draft: Draft, runs: list[tuple[list[PlanChange], dict[str, str] | None]],
            who: str, now: datetime) -> tuple[int, int, list[Leftover]]:
    """`runs`: the changes, each run with the texts it was made on (None: not known), to
    tell a step, deadline or threshold by what it is, not only by its position."""
    carried = already = 0
    left: dict[tuple[str, str], Leftover] = {}
    for change, hall in _followed(runs):
        old, new = json.loads(change.old), json.loads(change.new)
        where = change.where if hall is None else _target(hall, draft, change.where)
        if where is None:
            try:
                now_value = _recorded(drafts.read(draft, change.where))
            except DraftRefused:
                now_value = None
            left.setdefault((change.where, change.new),
                            Leftover(change.where, old, new, now_value, "changed"))
            continue
        try:
            now_value = _recorded(drafts.read(draft, where))
        except DraftRefused:
            now_value = None
            if old is not None:
                left.setdefault((change.where, change.new),
                                Leftover(change.where, old, new, None, "gone"))
                continue
        if now_value == _recorded(new):
            already += 1
            continue
        if now_value != old:
            left.setdefault((change.where, change.new),
                            Leftover(change.where, old, new, now_value, "changed"))
            continue
        try:
            drafts.change(draft, where, _as_value(new, draft, where), who, now)
        except DraftRefused as refused:
            reason = "gone" if refused.code == "bad_where" else "broken"
            detail = "; ".join(str(p) for p in refused.problems) or refused.detail
            left.setdefault((change.where, change.new),
                            Leftover(change.where, old, new, now_value, reason, detail[:500]))
            continue
        left.pop((change.where, change.new), None)
        carried += 1
    return carried, already, list(left.values())


def _followed(runs):
    """Each change with the hall's plans (plain data) just before it was made (None when not
    known)."""
    for changes, hall in runs:
        for change in changes:
            yield change, hall
            if hall is not None:
                hall = _advance(hall, change.where, json.loads(change.new))


def _element(path: tuple) -> tuple | None:
    """The path of the list element (a step, a deadline, a threshold) a path is inside, when
    it names a field of it (not the element itself)."""
    for n, part in enumerate(path):
        if isinstance(part, int) and n < len(path) - 1:
            return path[:n + 1]
    return None


def _target(hall, draft: Draft, where: str) -> str | None:
    """Where the change goes in the new draft: the same place when the element it is inside
    (a step, a deadline, a threshold) is still the one the hall changed there (a step by its
    text, a deadline or threshold by its key); else where that element now stands, if it
    stands once in its list (the program's plans added or removed one before it); else None
    (the program's plans reworded it and moved others, or it is gone). Reworded where the
    others all stand as they stood, it is the same element."""
    path = drafts.parse_where(where)
    element = _element(path)
    if element is None:
        return where
    index = element[-1]
    try:
        _, node, last = drafts._container(hall, element[:-1], adding=False)
        had = [_identity(item) for item in drafts._plain(drafts._get(node, last)) or ()]
        was = had[index]
    except (DraftRefused, IndexError, TypeError):
        return where
    try:
        siblings = drafts.read(draft, element[:-1])
    except DraftRefused:
        return None
    now = [_identity(item) for item in (siblings if isinstance(siblings, list) else ())]
    alone = len(now) == len(had) and all(  # it alone reworded, the others as they stood
        a == b for n, (a, b) in enumerate(zip(now, had, strict=True)) if n != index)
    if index < len(now) and (now[index] == was or alone):
        return where
    found = [n for n, identity in enumerate(now) if identity == was]
    if len(found) != 1:
        return None
    return drafts.where_text((*element[:-1], found[0], *path[len(element):]))


def _identity(element: object) -> object:
    """What a list element is: a deadline's or threshold's key, a step's text."""
    if isinstance(element, dict):
        for name in ("key", "text"):
            if name in element:
                return _recorded(element[name])
    return _recorded(element)


def _advance(hall, where: str, new: object):
    """The hall's plans with one more of its changes made, in place (None when they cannot
    be followed: positions are then no longer checked)."""
    try:
        drafts._apply(hall, drafts.parse_where(where), new)
    except (DraftRefused, ValueError, TypeError):
        return None
    return hall


def _before(made: dict[str, str], changes: list[PlanChange]):
    """The hall's plans as the changes found them (plain data, the drafts' documents): the
    texts `made` with each change undone, newest first (None when they cannot be undone)."""
    docs = drafts._docs(made)  # read plainly: changed in place, never written out
    try:
        for change in reversed(changes):
            path = drafts.parse_where(change.where)
            old, new = json.loads(change.old), json.loads(change.new)
            _, node, last = drafts._container(docs, path, adding=old is not None, value=old)
            if isinstance(last, int) and new is None and old is not None:
                node.insert(last, old)  # an element removed: put back where it was
            else:
                drafts._apply(docs, path, old)
    except (DraftRefused, ValueError, TypeError, IndexError, AttributeError):
        return None
    return docs


def _as_value(new: object, draft: Draft, where: str) -> object:
    """A recorded value as data again: a date was recorded as its text (2026-12-01)."""
    if isinstance(new, str):
        try:
            current = drafts.read(draft, where)
        except DraftRefused:
            return new
        if isinstance(current, date):
            try:
                return date.fromisoformat(new)
            except ValueError:
                return new
    return new


def _recorded(value: object) -> object:
    """A value as a change records it (dates as their text)."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=date.isoformat))


def _plain(left: Leftover) -> dict:
    return {"where": left.where, "old": left.old, "new": left.new, "now": left.now,
            "reason": left.reason, "detail": left.detail}


def _catalog(row: PlanDraft) -> Catalog:
    return load_texts(json.loads(row.texts), f"draft #{row.id}")


def _shipped_running(running: RunningPlan, shipped: Catalog) -> RunningPlan:
    return RunningPlan(shipped, shipped_texts(running.folder), None, running.folder)
