"""PlanDraftService: the screens' door to the hall's draft of its plans and its publishing
(models.plans.drafts, models.plans.publishing). Commands return an Outcome (Changes(plans=
True) and what was made); a refusal raises DraftRefused (PublishRefused is one) and changes
nothing. The draft is never the desk's plans: those change at the next start after publishing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from models.clock import hall_time
from models.documents import PlanStamp
from models.drills.scenarios import load_scenarios
from models.plans import drafts, publishing, updating
from models.plans.catalog import Catalog
from models.plans.drafts import Change, Draft, DraftProblem, DraftRefused, Where
from models.plans.editions import (
    Edition,
    EditionScope,
    EditionsError,
    edition_catalog,
    edition_scope,
    load_editions,
)
from models.plans.loader import CatalogError
from models.plans.manifest import PlanFolderRefused
from models.plans.publishing import Act, PublishRefused
from models.plans.running import RunningPlan
from models.plans.updating import Leftover, Library, Update
from models.services.changes import Changes, Outcome, command

__all__ = ["Act", "Change", "Draft", "DraftProblem", "DraftRefused", "EditionScope",
           "Leftover", "Library", "PlanDraftService", "PublishRefused", "Update"]

EDITED = Changes(plans=True)


class PlanDraftService:
    def __init__(self, *, running: Callable[[], RunningPlan], now: Callable[[], datetime],
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE,
                 edition: Edition | None = None, drills: Sequence[Path] = ()) -> None:
        """`edition`: the hall's kind the desk runs (None: every plan of the library). The
        draft is always the whole library's files; the edition only says what to show.
        `drills`: the folders of drill scenarios (shipped, the trainer's): a situation one
        of them drills is not removed."""
        self._running = running  # the plans the desk runs, read again when needed
        self._edition = edition
        self._drills = tuple(drills)
        self._now = now
        self._zone = zone

    # -- queries ---------------------------------------------------------------------------
    def draft(self) -> Draft | None:
        """The draft being worked on (editing, submitted or approved), if any."""
        return drafts.open_draft_now()

    def latest(self) -> Draft | None:
        """The newest draft, open or not (a published one's changes stay readable)."""
        return drafts.latest_draft()

    def read(self, draft: Draft | int, where: str | Where) -> object:
        return drafts.read(draft, where)

    def catalog(self, draft: Draft | int) -> Catalog:
        """The draft's plans, as the desk would run them once published."""
        return drafts.draft_catalog(draft)

    def scope(self, catalog: Catalog) -> EditionScope | None:
        """What of `catalog` (a draft's plans) the hall's edition runs, by library keys and
        step positions; None: no edition, everything."""
        return None if self._edition is None else edition_scope(catalog, self._edition)

    @property
    def edition(self) -> Edition | None:
        return self._edition

    def in_edition(self, catalog: Catalog) -> Catalog:
        """`catalog` (a draft's plans) as the hall's desk would run it."""
        return catalog if self._edition is None else edition_catalog(catalog, self._edition)

    def drilled_in(self, catalog: Catalog, situation: str) -> list[str]:
        """The titles of the drill scenarios that use `situation` (as theirs or an inject's)."""
        titles = []
        for folder in self._drills:
            for scenario in load_scenarios(folder, catalog)[0]:
                if situation in (scenario.situation, *(i.situation for i in scenario.injects)):
                    titles.append(scenario.title)
        return list(dict.fromkeys(titles))

    def changes(self, draft: Draft | int) -> list[Change]:
        return drafts.changes(draft)

    def acts(self, draft: Draft | int | None = None) -> list[Act]:
        return publishing.acts(draft)

    def stamp(self, catalog: Catalog) -> PlanStamp:
        return publishing.stamp_of(catalog)

    def lifecycle(self, draft: Draft | int | None) -> tuple[tuple[Library, Library] | None, str]:
        """(the library the hall's plans were built on and the newer one the program ships,
        or None; "" while the draft builds on what the desk runs, else the version it started
        from). A plan folder changed under the running desk says nothing here: the desk
        refuses it at its next start and `plans check` says what differs."""
        try:
            return updating.lifecycle(self._running(), draft)
        except (PlanFolderRefused, CatalogError):
            return None, ""

    def leftovers(self, draft: Draft | int) -> list[Leftover]:
        """The hall's changes an update could not carry into the draft."""
        return updating.leftovers(draft)

    def today(self) -> date:
        return hall_time.day_of(self._now(), self._zone)

    # -- commands --------------------------------------------------------------------------
    @command(EDITED)
    def open(self, who: str) -> Outcome[Draft]:
        """The draft being worked on, or a new one from the running plans."""
        return Outcome(EDITED, drafts.open_draft(self._running(), who, self._now()))

    @command(EDITED)
    def change(self, draft: Draft | int, where: str | Where, value: object,
               who: str) -> Outcome[Change | None]:
        """One field changed if the draft still passes every check (DraftRefused "broken"
        with `problems` otherwise); None when it already had that value."""
        return Outcome(EDITED, drafts.change(draft, where, value, who, self._now()))

    @command(EDITED)
    def remove_situation(self, draft: Draft | int, key: str, who: str
                         ) -> Outcome[Change | None]:
        """Situation `key` leaves the draft, unless a drill scenario uses it (DraftRefused
        "drilled", the scenarios' titles) or the loader refuses (a step switches to it)."""
        used = self.drilled_in(drafts.draft_catalog(draft), key)
        if used:
            raise DraftRefused("drilled", "、".join(used))
        return Outcome(EDITED, drafts.change(draft, f"situation.{key}", None, who, self._now()))

    @command(EDITED)
    def remove_role(self, draft: Draft | int, key: str, who: str) -> Outcome[Change | None]:
        """Role `key` leaves the draft, unless a kind of hall names it in its own chain or
        words (editions.toml, shipped with the program: DraftRefused "edition_role", the
        halls' names) — publishing would be refused far from the cause — or the loader
        refuses (a step, deadline or level names it)."""
        halls = self._editions_naming(key)
        if halls:
            raise DraftRefused("edition_role", "、".join(halls))
        return Outcome(EDITED, drafts.change(draft, f"role.{key}", None, who, self._now()))

    def _editions_naming(self, role: str) -> list[str]:
        folder = self._running().folder
        try:
            editions = load_editions(folder).editions if folder is not None else ()
        except EditionsError:
            return []  # the shipped file's own problems are said when publishing
        return [e.name for e in editions if role in _roles_named(e)]

    @command(EDITED)
    def discard(self, draft: Draft | int, who: str) -> Changes:
        drafts.discard(draft, who, self._now())
        return EDITED

    @command(EDITED)
    def submit(self, draft: Draft | int, who: str) -> Outcome[Act]:
        return Outcome(EDITED, publishing.submit(draft, who, self._now(), self._running()))

    @command(EDITED)
    def withdraw(self, draft: Draft | int, who: str) -> Outcome[Act]:
        return Outcome(EDITED, publishing.withdraw(draft, who, self._now()))

    @command(EDITED)
    def approve(self, draft: Draft | int, signer: str, signed_on: date | None,
                who: str) -> Outcome[Act]:
        return Outcome(EDITED, publishing.approve(draft, signer, signed_on, who, self._now(),
                                                  self._zone))

    @command(EDITED)
    def update(self, who: str) -> Outcome[Update]:
        """A new draft from the newer shipped plans, the hall's changes carried over."""
        return Outcome(EDITED, updating.update(self._running(), who, self._now()))

    @command(EDITED)
    def publish(self, draft: Draft | int, who: str) -> Outcome[Act]:
        """Published: the desk runs it from its next start."""
        return Outcome(EDITED, publishing.publish(draft, who, self._now(), self._running()))


def _roles_named(edition: Edition) -> set[str]:
    """The roles an edition names itself: its chain, its everyone, its names and stand-ins."""
    named = {*edition.everyone, *(k for k, _ in edition.role_names),
             *(k for pair in edition.played_by for k in pair)}
    for level in edition.chain:
        named.add(level.report_to)
        named.update(k for t in level.timers for k in (t.by, t.to) if k)
    return named
