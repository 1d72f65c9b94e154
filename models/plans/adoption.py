"""A situation of the library that the hall's own documents do not describe, adopted into the
hall's plan as a situation of its own (a bank's documents have no robbery; the gas
company's have). The copy is the supervisor's starting point in the plan editor: it keeps
each step's citation (whose words they are), and only the steps and calls of roles the hall
has — a step another hall's body does, and a call to one, are left out and named, so the
supervisor sees what did not come across.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from models.plans.catalog import Situation, Step


@dataclass(frozen=True)
class Adopted:
    value: dict  # the new situation as TOML data, for drafts.change("situation.KEY", value)
    left_out: tuple[str, ...]  # the texts of the steps not taken


def adopt(sit: Situation, key: str, roles: Collection[str],
          situations: Collection[str]) -> Adopted:
    """`sit` as the hall's own situation `key`: `roles` are the roles the hall has,
    `situations` the situations it runs (a step that switches to another must find it)."""
    steps, left_out = [], []
    for step in sit.steps:
        if step.role not in roles or (step.switch_to and step.switch_to not in situations):
            left_out.append(step.text)
            continue
        steps.append(_step(step, roles))
    value = {"key": key, "category": sit.category, "name": sit.name, "short": sit.short,
             "default_level": sit.default_level, "step": steps}
    if sit.scripts:
        value["scripts"] = list(sit.scripts)
    if sit.about:
        value["about"] = [{"source": a.source, **({"text": a.text} if a.text else {}),
                           **({"supplies": list(a.supplies)} if a.supplies else {})}
                          for a in sit.about]
    return Adopted(value, tuple(left_out))


def _step(step: Step, roles: Collection[str]) -> dict:
    data: dict = {"text": step.text}
    if step.role != "clerk":
        data["role"] = step.role
    if call := [role for role in step.call if role in roles]:
        data["call"] = call
    for name in ("say", "condition", "switch_to", "source"):
        if value := getattr(step, name):
            data[name] = list(value) if isinstance(value, tuple) else value
    if step.after:
        data["after"] = True
    return data
