"""DraftSession: the plan editor's Qt side of the PlanDraftService.

Every command runs through the desk's Operations (one error path for failures); a refusal
comes back as the words to show, nothing saved. `edited` tells the editor's views that the
draft's text changed, `moved` that its status did (started, submitted, approved, published,
withdrawn, discarded).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.plans.catalog import Catalog
from models.services.plan_drafts import (
    Act,
    Change,
    Draft,
    DraftRefused,
    EditionScope,
    PlanDraftService,
)
from ui.common.operations import Operations
from ui.plans.plan_editor_words import (
    Shown,
    parse_where,
    refusal_text,
    refused_lines,
    removal_lines,
)

translate = QCoreApplication.translate


def draft_entries(texts: Mapping[str, str]) -> dict[str, object]:
    """The draft's tables by path ("catalog", "situation.fire", "role.clerk"), read with the
    standard TOML reader: a tenth of the time of the draft's own (which keeps the layout for
    writing), so a situation shows at once. A stored draft always loads (drafts.change)."""
    entries: dict[str, object] = {}
    for text in texts.values():
        for kind, content in tomllib.loads(text).items():
            if isinstance(content, list):
                for entry in content:
                    identity = entry.get("level" if kind == "level" else "key")
                    entries[f"{kind}.{identity}"] = entry
            else:
                entries[kind] = content
    return entries


def value_at(entries: Mapping[str, object], where: str) -> object:
    path = parse_where(where)
    entry = ".".join(str(p) for p in path[:2])
    if entry in entries:  # an entry by its key (situation.fire), else a single table
        node, rest = entries[entry], path[2:]
    else:
        node, rest = entries.get(str(path[0])), path[1:]
    for part in rest:
        if isinstance(part, int) and isinstance(node, list):
            node = node[part] if 0 <= part < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


class DraftSession(QObject):
    edited = Signal()
    moved = Signal()

    def __init__(self, *, service: PlanDraftService, operations: Operations,
                 who: Callable[[], str], parent: QObject | None = None) -> None:
        """`who`: the supervisor's name as the editor shows it (every change records it)."""
        super().__init__(parent)
        self.service = service
        self._ops = operations
        self._who = who
        self._names: dict[str, str] | None = None  # "situation.fire" -> its name
        self._shown: Shown | None = None  # the edition's positions, by situation and kind
        self._texts_of: tuple | None = None
        self._entries: dict[str, object] = {}

    # -- reading -----------------------------------------------------------------------------
    def draft(self) -> Draft | None:
        return self.service.draft()

    def read(self, where: str) -> object:
        """The value at `where` in the draft as plain data (None if not written)."""
        draft = self.draft()
        if draft is None:
            return None
        key = (draft.id, hash(tuple(sorted(draft.texts.items()))))
        if self._texts_of != key:  # parsed once per text of the draft
            self._texts_of, self._entries = key, draft_entries(draft.texts)
        return value_at(self._entries, where)

    def catalog(self) -> Catalog | None:
        draft = self.draft()
        return None if draft is None else self.service.catalog(draft)

    def scope(self, catalog: Catalog | None) -> EditionScope | None:
        """What of the draft's plans the hall's edition runs (None: everything)."""
        return None if catalog is None else self.service.scope(catalog)

    def changes(self) -> list[Change]:
        draft = self.draft() or self.service.latest()
        return [] if draft is None else self.service.changes(draft)

    def acts(self) -> list[Act]:
        draft = self.draft() or self.service.latest()
        return [] if draft is None else self.service.acts(draft)

    def today(self) -> date:
        return self.service.today()

    def names(self) -> dict[str, str]:
        """Situations and roles of the draft by path, for the words of a problem's place."""
        if self._names is None:
            catalog = self.catalog()
            self._names = {} if catalog is None else {
                **{f"situation.{s.key}": s.name for s in catalog.situations},
                **{f"role.{r.key}": r.name for r in catalog.roles}}
        return self._names

    def shown(self) -> Shown | None:
        """The positions of the steps, deadlines and thresholds the hall's edition shows,
        by situation (None: no edition, every one as the library numbers it)."""
        if self._shown is None:
            scope = self.scope(self.catalog())
            self._shown = {} if scope is None else {
                (key, kind): positions
                for kind, by_situation in (("step", scope.steps), ("timer", scope.timers),
                                           ("threshold", scope.thresholds))
                for key, positions in by_situation.items()}
        return self._shown or None

    # -- editing -----------------------------------------------------------------------------
    def save(self, where: str, value: object) -> str:
        """"" when the draft holds the value now; otherwise what is wrong (nothing saved)."""
        draft = self.draft()
        if draft is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        return self._edit(where, self.service.change, draft, where, value, self._who())

    def remove_situation(self, key: str) -> str:
        """"" when situation `key` left the draft; otherwise why not (a drill or a step uses
        it: nothing removed)."""
        draft = self.draft()
        if draft is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        return self._edit(f"situation.{key}", self.service.remove_situation, draft, key,
                          self._who(), words=removal_lines)

    def remove_role(self, key: str) -> str:
        """"" when role `key` left the draft; otherwise why not (nothing removed)."""
        draft = self.draft()
        if draft is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        return self._edit(f"role.{key}", self.service.remove_role, draft, key, self._who(),
                          words=removal_lines)

    def _edit(self, where: str, command, *args, words=refused_lines) -> str:
        try:
            outcome = self._ops.run(command, *args)
        except DraftRefused as refused:
            return words(refused, self.names(), where, self.shown())
        if outcome is None:
            return translate("PlanEditor", "Not saved: the desk could not write it (see the "
                             "message).")
        if outcome.value is not None:
            self._names = self._shown = None
            self.edited.emit()
        return ""

    # -- the draft's life ----------------------------------------------------------------------
    def start(self) -> str:
        return self._act(self.service.open, self._who())

    def submit(self) -> str:
        return self._act(self.service.submit, self.draft(), self._who())

    def withdraw(self) -> str:
        return self._act(self.service.withdraw, self.draft(), self._who())

    def approve(self, signer: str, signed_on: date | None) -> str:
        return self._act(self.service.approve, self.draft(), signer, signed_on, self._who())

    def publish(self) -> str:
        return self._act(self.service.publish, self.draft(), self._who())

    def discard(self) -> str:
        return self._act(self.service.discard, self.draft(), self._who())

    def update(self) -> str:
        """A new draft from the newer shipped plans, the hall's changes carried over."""
        return self._act(self.service.update, self._who())

    def _act(self, command, draft_or_who, *args) -> str:
        """"" when done; otherwise what is wrong (nothing changed)."""
        if draft_or_who is None:
            return translate("PlanEditor", "There is no draft: start one first.")
        try:
            done = self._ops.run(command, draft_or_who, *args)
        except DraftRefused as refused:
            return refusal_text(refused)
        if done is None:
            return translate("PlanEditor", "Not done: the desk could not write it (see the "
                             "message).")
        self._names = self._shown = None
        self.moved.emit()
        return ""
