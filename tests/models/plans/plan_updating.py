"""Shared set-up of the updating tests: the program's plan folder, a program update shipping
newer plans, a hall's version published."""

import shutil
from datetime import date, timedelta

from models.plans import drafts, publishing
from models.plans.manifest import MANIFEST_NAME, build_manifest, manifest_text
from models.plans.running import running_plan
from models.store.paths import default_plans_dir
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0

STEP_3 = "situation.fire.step.3.text"
SHIPPED_STEP_3 = "立即拨打119火警电话,请求消防救援。"
NEW_STEP_3 = "立即拨打119火警电话报警,请求消防救援。"  # what the program update says


def installed(tmp_path):
    """The program's plan folder, as installed (a program update writes a new one)."""
    shutil.copytree(default_plans_dir(), tmp_path / "plans")
    return tmp_path / "plans"


def ship(folder, version: str, step_3: str = NEW_STEP_3) -> None:
    """A program update: the fire's fourth step reworded, a new version label."""
    fire = folder / "fire_safety.toml"
    text = fire.read_text(encoding="utf-8")
    current = running_plan(default_plans_dir()).catalog.situation("fire").steps[3].text
    before = text
    for old in (current, SHIPPED_STEP_3, NEW_STEP_3):
        text = text.replace(f'"{old}"', f'"{step_3}"', 1) if old != step_3 else text
    assert text != before or current == step_3
    fire.write_text(text, encoding="utf-8")
    labelled(folder, version)


def labelled(folder, version: str) -> None:
    """The shipped plans in `folder` given version label `version`, their manifest rewritten
    as the program's release tool writes it."""
    catalog = folder / "catalog.toml"
    lines = catalog.read_text(encoding="utf-8").splitlines(keepends=True)
    catalog.write_text("".join(f'version = "{version}"\n' if line.startswith("version = ")
                               else line for line in lines), encoding="utf-8")
    (folder / MANIFEST_NAME).write_text(manifest_text(build_manifest(folder)), encoding="utf-8")


def publish(folder, changes: dict, now=T0) -> drafts.Draft:
    """A draft with `changes` (path -> value), submitted, approved, published."""
    draft = drafts.open_draft(running_plan(folder), EDITOR, now)
    for where, value in changes.items():
        drafts.change(draft, where, value, EDITOR, now)
    publishing.submit(draft, EDITOR, now, running_plan(folder))
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, now + timedelta(minutes=1))
    publishing.publish(draft, EDITOR, now + timedelta(minutes=2), running_plan(folder))
    return draft
