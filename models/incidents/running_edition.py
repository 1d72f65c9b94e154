"""Which edition of the plans the desk runs while incidents are still running.

A hall that changes its edition (Settings) changes whom each level reports to. An incident
started under the old edition would otherwise reopen with the new chain beside the deadlines
of the old one ("report to both"). So the desk keeps the edition the running incidents
started with until they are closed, and then takes the chosen one.
"""

from __future__ import annotations

from models.incidents.lifecycle import OPEN_STATUSES, Status
from models.plans.catalog import Catalog
from models.plans.editions import Editions, in_edition
from models.store.tables import Incident, PlanVersion


def edition_to_run(library: Catalog, editions: Editions, chosen: str) -> str:
    """`chosen`, unless incidents not yet closed ran another edition of this library: then
    that one (the chosen one among several, else the first). An edition whose text no longer
    matches (the library was revised since) is not found: the chosen one runs."""
    running = _running_digests()
    if not running or in_edition(library, editions, chosen).digest in running:
        return chosen  # the usual case: one cut of the library, ~10 ms
    found = [key for key in ("", *editions.keys())
             if in_edition(library, editions, key).digest in running]
    return found[0] if found else chosen


def _running_digests() -> set[str]:
    rows = (PlanVersion.select(PlanVersion.digest).join(Incident, on=(
        Incident.plan == PlanVersion.id))
        .where(Incident.status.in_((*OPEN_STATUSES, Status.RESOLVED))).distinct().tuples())
    return {digest for (digest,) in rows}
