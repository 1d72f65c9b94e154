"""The plans the desk runs: the hall's latest published version, if it has published one,
otherwise the shipped plan folder, verified against its manifest.

A published version is the plan files' texts stored with its act of publishing
(PlanRelease), with their digest and the stored snapshot of the same text (PlanVersion).
Before the desk runs it, the texts are loaded through the loader again and must give that
digest and that snapshot: a row edited outside the program is refused (RunningRefused), and
the desk does not start on plans it cannot trust.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from models.plans.catalog import Catalog
from models.plans.loader import CatalogError, catalog_files, load_texts
from models.plans.manifest import load_verified
from models.store.plan_links import PLAN_LINK_WORDS, plan_link_findings
from models.store.tables import PlanRelease, PlanVersion, bound_database


class RunningRefused(Exception):
    """The published version stored in the database cannot be trusted. `code`: tampered
    (its texts do not give its digest, or its stored snapshot differs), broken (its texts no
    longer pass the loader's checks: `problems`)."""

    def __init__(self, code: str, release_id: int, problems: list | None = None) -> None:
        super().__init__(f"{code}: published plan #{release_id}")
        self.code, self.release_id, self.problems = code, release_id, problems or []


@dataclass(frozen=True)
class RunningPlan:
    catalog: Catalog
    texts: dict[str, str]  # plan file name -> TOML text: what a new draft starts from
    release_id: int | None  # the act that published it; None: the shipped folder
    folder: Path | None = None  # the shipped folder: its editions must fit a new version

    @property
    def published(self) -> bool:
        return self.release_id is not None


def shipped_texts(folder: Path) -> dict[str, str]:
    return {path.name: path.read_bytes().decode("utf-8-sig") for path in catalog_files(folder)}


def latest_release() -> PlanRelease | None:
    if not PlanRelease.table_exists():  # a file older than version 5, read where it lies
        return None
    return (PlanRelease.select().where(PlanRelease.act == "published")
            .order_by(PlanRelease.id.desc()).first())


def published_plan(release: PlanRelease) -> RunningPlan:
    """A published version, checked: its texts load, give its digest and its snapshot."""
    try:
        texts = json.loads(release.texts)
        catalog = load_texts(texts, f"published plan #{release.id}")
    except CatalogError as e:
        raise RunningRefused("broken", release.id, e.problems) from None
    except (ValueError, TypeError, AttributeError):
        raise RunningRefused("tampered", release.id) from None
    stored = PlanVersion.get_or_none(PlanVersion.id == release.plan_id)
    if (catalog.digest != release.digest or stored is None or stored.digest != release.digest
            or stored.snapshot != snapshot_text(catalog)):
        raise RunningRefused("tampered", release.id)
    return RunningPlan(catalog, texts, release.id)


def snapshot_text(catalog: Catalog) -> str:
    """The stored snapshot of a catalog (as models.plans.versions writes it)."""
    return json.dumps(catalog.to_dict(), ensure_ascii=False)


def running_plan(folder: Path) -> RunningPlan:
    """The plans the desk runs (needs the database): the latest published version, else the
    shipped folder. Raises RunningRefused, PlanFolderRefused or CatalogError."""
    release = latest_release()
    plan = published_plan(release) if release is not None else None
    _check_acts_sealed(release)
    if plan is not None:
        return replace(plan, folder=folder)
    return RunningPlan(load_verified(folder), shipped_texts(folder), None, folder)


def _check_acts_sealed(release: PlanRelease | None) -> None:
    """The plans' acts and changes as linked into the desk-wide chain: one edited, removed or
    slipped in outside the program is refused ("tampered", each named in `problems`)."""
    findings = plan_link_findings(bound_database())
    if findings:
        raise RunningRefused("tampered", release.id if release else 0, [
            f"{f.what()}: {PLAN_LINK_WORDS[f.problem]}" for f in findings])
