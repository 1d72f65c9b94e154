"""The plan editor's words: every refusal of a draft or its publishing, the loader's problems
with a field, where a change went and what it changed — said to the supervisor.

The loader words its problems in English for the CLI and logs (models.plans.loader); the
common ones are said here in the user's language, field by field, and any other keeps the
loader's own words, so nothing is ever left unsaid.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from models.services.plan_drafts import DraftProblem, DraftRefused

translate = QCoreApplication.translate
ELIDE = 80
Shown = Mapping[tuple[str, str], Sequence[int]]  # (situation, "step" / "timer" /
# "threshold") -> the library positions a hall's edition shows, in its order


def refusal_text(refused: DraftRefused) -> str:
    """A refused draft or publishing action (every DraftRefused / PublishRefused code)."""
    detail = refused.detail
    texts = {
        "no_draft": translate("PlanEditor", "There is no such draft any more: start a new one."),
        "closed": translate("PlanEditor", "This draft is closed (published or discarded): "
                            "start a new one to change the plans again."),
        "not_editing": translate("PlanEditor", "The draft is submitted for approval and cannot "
                                 "be changed: withdraw it first (Approval and publishing)."),
        "bad_where": translate("PlanEditor", "This part of the plans no longer exists in the "
                               "draft ({0}).").format(detail),
        "bad_value": translate("PlanEditor", "This value cannot be saved ({0}).").format(detail),
        "who_required": translate("PlanEditor", "Write your name first (“Edited by”, at the "
                                  "top): every change is recorded with it."),
        "too_long": translate("PlanEditor", "The name is too long ({0}).").format(detail),
        "broken": translate("PlanEditor", "Not saved: the plans would have a problem."),
        "no_changes": translate("PlanEditor", "The draft is the same as the plans in use: "
                                "change something before submitting it."),
        "same_version": translate("PlanEditor", "The draft still has the version label “{0}” "
                                  "of plans already in use or stored: give it a new version "
                                  "label (e.g. 2026.2) before submitting.").format(detail),
        "not_submitted": translate("PlanEditor", "Only a submitted draft can be approved or "
                                   "withdrawn; this one is {0}.").format(status_text(detail)),
        "signer_required": translate("PlanEditor", "Write the name of the manager who signs "
                                     "(签发人)."),
        "bad_date": translate("PlanEditor", "The date is not a real day: write it as "
                              "2026-12-01."),
        "future_date": translate("PlanEditor", "The signing date {0} is in the future.")
        .format(detail),
        "before_submission": translate("PlanEditor", "The signing date is before the draft "
                                       "was submitted ({0}).").format(detail),
        "clock_behind": translate("PlanEditor", "The PC's clock is earlier than the last act "
                                  "on this draft ({0}): check the clock.").format(detail),
        "own_submission": translate("PlanEditor", "{0} submitted this draft and cannot sign it "
                                    "too: management approves a plan prepared by someone "
                                    "else (第八条).").format(detail),
        "changed_since_submission": translate("PlanEditor", "The draft's text changed since "
                                              "it was submitted: withdraw it and submit it "
                                              "again."),
        "editions_broken": translate("PlanEditor", "The draft does not fit every kind of "
                                     "hall the program knows, so a desk could not start on "
                                     "it: {0}").format(detail),
        "drilled": translate("PlanEditor", "Not removed: the drill scenario(s) {0} use this "
                             "situation. Change or delete those drills first (Drills).")
        .format(detail),
        "edition_role": translate("PlanEditor", "Not removed: the hall kind(s) {0} name this "
                                  "role in their own reporting chain, shipped with the "
                                  "program; a draft cannot remove it.").format(detail),
        "not_approved": translate("PlanEditor", "Only an approved and signed draft can be "
                                  "published; this one is {0}.").format(status_text(detail)),
        "stale_base": translate("PlanEditor", "This draft was started from version {0}, "
                                "which the desk no longer runs or builds on: publishing it would "
                                "undo what was published or shipped since. Bring it up to date "
                                "(its changes are carried over where they still apply) or "
                                "discard it.").format(detail),
        "up_to_date": translate("PlanEditor", "The hall's plans, or the draft open, already "
                                "build on the plans the program ships ({0}).").format(detail),
    }
    return texts.get(refused.code, str(refused))


def status_text(status: str) -> str:
    return {
        "editing": translate("PlanEditor", "being edited"),
        "submitted": translate("PlanEditor", "submitted for approval"),
        "approved": translate("PlanEditor", "approved and signed"),
        "published": translate("PlanEditor", "published"),
        "discarded": translate("PlanEditor", "discarded"),
    }.get(status, status)


def act_text(act: str) -> str:
    return {
        "submitted": translate("PlanEditor", "submitted"),
        "withdrawn": translate("PlanEditor", "withdrawn"),
        "approved": translate("PlanEditor", "approved and signed"),
        "published": translate("PlanEditor", "published"),
        "discarded": translate("PlanEditor", "discarded"),
        "updated": translate("PlanEditor", "opened from the program's plans"),
    }.get(act, act)


# ---- the loader's problems -------------------------------------------------------------------

def _patterns() -> list[tuple[re.Pattern, str]]:
    """The loader's messages (models.plans.loader) and their words; {0}, {1}: the groups."""
    return [(re.compile(pattern), text) for pattern, text in (
        (r"field '\w+' must not be empty$",
         translate("PlanEditor", "Must not be empty.")),
        (r"field '\w+' must be text, not (.+)$",
         translate("PlanEditor", "Must be text.")),
        (r"field '\w+' '(.*)' is not a valid key",
         translate("PlanEditor", "“{0}” is not a role or key of the plans.")),
        (r"field '\w+' must be a whole number",
         translate("PlanEditor", "Must be a whole number, e.g. 30.")),
        (r"field '\w+' must not be negative \((.+)\)$",
         translate("PlanEditor", "Must not be negative ({0}).")),
        (r"field '\w+' must be greater than 0 \((.+)\)$",
         translate("PlanEditor", "Must be greater than 0 ({0}).")),
        (r"field '\w+' must be at most ([\d,]+) minutes",
         translate("PlanEditor", "At most {0} minutes (a year).")),
        (r"field '\w+' must be (?:a|a finite) number",
         translate("PlanEditor", "Must be a number, e.g. 30 or 2.5.")),
        (r"field '\w+' must be a date",
         translate("PlanEditor", "Must be a date like 2026-12-01.")),
        (r"^unknown role '(.*)'$",
         translate("PlanEditor", "There is no role “{0}” in the plans (see Roles and "
                   "people).")),
        (r"^unknown level '(.*)'$",
         translate("PlanEditor", "There is no level {0} in the plans.")),
        (r"^unknown situation '(.*)'$",
         translate("PlanEditor", "There is no situation “{0}” in the plans.")),
        (r"^short label '(.*)' is longer than (\d+) characters$",
         translate("PlanEditor", "The button label “{0}” is longer than {1} characters.")),
        (r"is missing the field '(\w+)'$",
         translate("PlanEditor", "The field “{0}” is missing.")),
        (r"^emergency_numbers: the role '(.*)' has no number$",
         translate("PlanEditor", "The role “{0}” is on the emergency bar and needs a "
                   "number.")),
        (r"^emergency_numbers: the roles '(.*)' and '(.*)' have the same number",
         translate("PlanEditor", "The roles “{0}” and “{1}” on the emergency bar have the "
                   "same number.")),
        (r"^duplicate (\w+) '(.*)'",
         translate("PlanEditor", "“{1}” is defined twice.")),
        (r"^no \[\[situation\]\] in any file$",
         translate("PlanEditor", "The plans need at least one situation.")),
        (r"^'step' must be written as",
         translate("PlanEditor", "A situation needs at least one step.")),
    )]


def problem_words(message: str) -> str:
    """The loader's message in the user's words, or as the loader wrote it."""
    for pattern, text in _patterns():
        found = pattern.search(message)
        if found:
            return text.format(*found.groups())
    return message


def problem_text(problem: DraftProblem, names: Mapping[str, str], field_where: str,
                 shown: Shown | None = None) -> str:
    """A problem said beside the field `field_where` was changed in; a problem about another
    part of the plans (a step still naming a removed role) says where it is."""
    words = problem_words(problem.problem.message)
    if not problem.where or problem.where == field_where:
        return words
    return translate("PlanEditor", "{0}: {1}").format(
        place_text(problem.where, names, shown), words)


def refused_lines(refused: DraftRefused, names: Mapping[str, str], field_where: str,
                  shown: Shown | None = None) -> str:
    """All a refusal says, one line per problem; `shown`: a hall's edition's positions (its
    own numbering of steps, deadlines and thresholds)."""
    if refused.code != "broken" or not refused.problems:
        return refusal_text(refused)
    return "\n".join(problem_text(p, names, field_where, shown) for p in refused.problems)


def removal_lines(refused: DraftRefused, names: Mapping[str, str], where: str,
                  shown: Shown | None = None, limit: int = 6) -> str:
    """A refused removal of an entry (situation.KEY, role.KEY): each place that still names
    it, the first `limit` of them, and how many more."""
    if refused.code != "broken" or not refused.problems:
        return refusal_text(refused)
    kind, key = parse_where(where)[:2]
    lines = []
    for problem in refused.problems:
        if problem.problem.message == f"unknown {kind} '{key}'":
            lines.append(translate("PlanEditor", "{0} names it.").format(
                place_text(problem.where, names, shown)))
        else:
            lines.append(problem_text(problem, names, where, shown))
    more = len(lines) - limit
    return "\n".join([translate("PlanEditor", "Not removed: the plans still use it. Change "
                                "these first:"), *lines[:limit]]
                     + ([translate("PlanEditor", "… and {0} more.").format(more)]
                        if more > 0 else []))


# ---- where and what ---------------------------------------------------------------------------

def field_name(field: str) -> str:
    return {
        "name": translate("PlanEditor", "name"),
        "short": translate("PlanEditor", "button label"),
        "default_level": translate("PlanEditor", "default level"),
        "description": translate("PlanEditor", "description"),
        "supplies": translate("PlanEditor", "supplies"),
        "scripts": translate("PlanEditor", "words to say"),
        "text": translate("PlanEditor", "text"),
        "role": translate("PlanEditor", "who does it"),
        "call": translate("PlanEditor", "calls"),
        "say": translate("PlanEditor", "words to say"),
        "condition": translate("PlanEditor", "condition"),
        "after": translate("PlanEditor", "after the incident"),
        "label": translate("PlanEditor", "label"),
        "minutes": translate("PlanEditor", "minutes"),
        "holiday_minutes": translate("PlanEditor", "holiday minutes"),
        "value": translate("PlanEditor", "value"),
        "number": translate("PlanEditor", "number"),
        "version": translate("PlanEditor", "version label"),
        "revised": translate("PlanEditor", "revision date"),
        "step": translate("PlanEditor", "steps"),
        "switch_to": translate("PlanEditor", "switches to"),
        "by": translate("PlanEditor", "done by"),
        "to": translate("PlanEditor", "to whom"),
        "report_to": translate("PlanEditor", "reports to"),
    }.get(field, field)


def parse_where(where: str) -> tuple:
    """A path as its parts, positions as numbers (keys never start with a digit)."""
    return tuple(int(p) if p.isdigit() else p for p in str(where).split("."))


def place_text(where: str, names: Mapping[str, str], shown: Shown | None = None) -> str:
    """A path (situation.fire.step.2.text) as words: 情形“营业场所发生火灾” 第3步 内容.
    `names`: "situation.fire" / "role.clerk" -> its name; `shown`: the positions a hall's
    edition shows, numbered as the hall sees them (another kind of hall's is said so)."""
    path = parse_where(where)
    head = path[0]
    situation = str(path[1]) if head == "situation" and len(path) > 1 else ""
    if head == "catalog":
        parts = [translate("PlanEditor", "Plans")]
    elif len(path) > 1 and head in ("situation", "role", "level"):
        kind = {"situation": translate("PlanEditor", "Situation"),
                "role": translate("PlanEditor", "Role"),
                "level": translate("PlanEditor", "Level")}[head]
        parts = [f"{kind}“{names.get(f'{head}.{path[1]}', path[1])}”"]
        if shown and situation and (situation, "step") not in shown:
            parts[0] += translate("PlanEditor", " (another kind of hall's)")
        path = path[1:]
    else:
        parts = [str(head)]
    rest = list(path[1:])
    while rest:
        part = rest.pop(0)
        if rest and isinstance(rest[0], int) and part in ("step", "timer", "threshold"):
            position = rest.pop(0)
            kept = (shown or {}).get((situation, part))
            if kept is not None and position not in kept:
                parts.append({"step": translate("PlanEditor", "a step of another kind of hall"),
                              "timer": translate("PlanEditor", "a deadline of another kind of "
                                                 "hall"),
                              "threshold": translate("PlanEditor", "a threshold of another "
                                                     "kind of hall")}[part])
                continue
            number = (list(kept).index(position) if kept is not None else position) + 1
            parts.append({"step": translate("PlanEditor", "step {0}"),
                          "timer": translate("PlanEditor", "deadline {0}"),
                          "threshold": translate("PlanEditor", "threshold {0}")}[part]
                         .format(number))
        else:
            parts.append(field_name(str(part)))
    return " ".join(parts)


def value_text(value: object) -> str:
    """A recorded value, short enough for a table cell (the cell's tip has it whole)."""
    if value is None:
        return translate("PlanEditor", "(none)")
    if isinstance(value, bool):
        return translate("PlanEditor", "yes") if value else translate("PlanEditor", "no")
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return "；".join(f"{i + 1}. {v.get('text') or v.get('label') or v.get('key', '')}"
                            for i, v in enumerate(value))
        return "、".join(value_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name") or value.get("label") or value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def elided(text: str, limit: int = ELIDE) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
