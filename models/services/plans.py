"""PlanService: the plan versions this desk has used, the text of any of them, and the
approval of the one in use. Commands return `Changes`; a refusal raises ApprovalRefused and
changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from models import plan_cards
from models.clock import hall_time
from models.documents import PlanBooklet, PlanCard, PlanStamp
from models.plans.catalog import Catalog
from models.plans.publishing import stamp_of
from models.plans.revisions import (
    ApprovalRefused,
    Revision,
    plan_catalog,
    record_approval,
    revisions,
    version_label,
)
from models.services.changes import Changes, command
from models.store.tables import PlanVersion

__all__ = ["ApprovalRefused", "PlanService", "PlanVersion", "Revision"]

APPROVED = Changes(plans=True)


class PlanService:
    def __init__(self, *, catalog: Catalog, plan: PlanVersion, now: Callable[[], datetime],
                 zone: ZoneInfo = hall_time.DEFAULT_ZONE) -> None:
        self.catalog = catalog  # the plans in use
        self.plan = plan  # their stored version
        self._now = now
        self._zone = zone  # the hall's: which day today is

    # -- queries ---------------------------------------------------------------------------
    def today(self) -> date:
        """The day an approval is recorded on, by default."""
        return hall_time.day_of(self._now(), self._zone)

    def revisions(self) -> list[Revision]:
        return revisions(self.catalog)

    def stamp(self) -> PlanStamp:
        """Version, revision date, signer (签发人) and sign date of the plans in use."""
        return stamp_of(self.catalog)

    def card(self, key: str, people: plan_cards.People, hall: str) -> PlanCard:
        """Situation `key` as its printed card; `people`: who holds a role (the directory)."""
        return plan_cards.plan_card(self.catalog, key, self.stamp(), people=people, hall=hall)

    def booklet(self, people: plan_cards.People, hall: str) -> PlanBooklet:
        return plan_cards.plan_booklet(self.catalog, self.stamp(), people=people, hall=hall)

    def version(self, plan_id: int) -> tuple[Catalog, str]:
        """The plans exactly as version `plan_id` had them, and its label."""
        catalog = plan_catalog(plan_id)
        return catalog, version_label(catalog.info.version, catalog.info.revised)

    # -- commands --------------------------------------------------------------------------
    @command(APPROVED)
    def approve(self, *, reviewer: str, approved_by: str, approved_on: date | None, note: str,
                recorded_by: str, today: date) -> Changes:
        """The approval of the plans in use."""
        record_approval(self.plan, reviewer=reviewer, approved_by=approved_by,
                        approved_on=approved_on, note=note, recorded_by=recorded_by,
                        now=self._now(), today=today)
        return APPROVED
