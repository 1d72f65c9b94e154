"""Corrective actions (纠正行动/整改措施) from a drill evaluation, followed to done.

An action is a journal entry `corrective_action` that `follows` its evaluation (what, owner,
due date); its completion is a `corrective_action_done` entry that `follows` the action (who,
when, evidence). An action is done once: a second completion is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models.drills import evaluation as evaluations
from models.journal import book
from models.store.tables import transaction

KIND, DONE_KIND = "corrective_action", "corrective_action_done"
WHAT_MAX, NAME_MAX, EVIDENCE_MAX = 1000, 200, 2000


class CorrectiveRefused(Exception):
    """`code`: evaluation, what_required, owner_required, bad_date, unknown, done_twice,
    future_date, too_long."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Done:
    by: str
    done_on: date
    evidence: str
    at: datetime


@dataclass(frozen=True)
class Action:
    id: int
    evaluation: int
    what: str
    owner: str
    due_on: date
    at: datetime
    done: Done | None = None

    def status(self, today: date) -> str:
        """done, overdue (past its due date), open."""
        if self.done is not None:
            return "done"
        return "overdue" if today > self.due_on else "open"


def add_action(evaluation_id: int, what: str, owner: str, due_on: date | None, *,
               at: datetime, actor: str = "", desk: str = "") -> Action:
    what, owner = what.strip(), owner.strip()
    if evaluations.evaluation(evaluation_id) is None:
        raise CorrectiveRefused("evaluation")
    if not what:
        raise CorrectiveRefused("what_required")
    if not owner:
        raise CorrectiveRefused("owner_required")
    if due_on is None:
        raise CorrectiveRefused("bad_date")
    if len(what) > WHAT_MAX or len(owner) > NAME_MAX:
        raise CorrectiveRefused("too_long")
    e = book.append(KIND, at=at, actor=actor, desk=desk, follows=evaluation_id,
                    text=f"整改措施: {what[:60]} ({owner}, {due_on.isoformat()})",
                    data={"what": what, "owner": owner, "due_on": due_on.isoformat()})
    return _action(e, None)


def complete(action_id: int, by: str, done_on: date | None, evidence: str, *, at: datetime,
             today: date, actor: str = "", desk: str = "") -> Action:
    """Mark the action done; refused when it is already done (a double click, a second
    desk), with no entry written."""
    by, evidence = by.strip(), evidence.strip()
    if not by:
        raise CorrectiveRefused("owner_required")
    if done_on is None:
        raise CorrectiveRefused("bad_date")
    if done_on > today:
        raise CorrectiveRefused("future_date")
    if len(by) > NAME_MAX or len(evidence) > EVIDENCE_MAX:
        raise CorrectiveRefused("too_long")
    with transaction():
        current = action(action_id)
        if current is None:
            raise CorrectiveRefused("unknown")
        if current.done is not None:
            raise CorrectiveRefused("done_twice")
        book.append(DONE_KIND, at=at, actor=actor, desk=desk, follows=action_id,
                    text=f"整改完成: {current.what[:60]} ({by}, {done_on.isoformat()})",
                    data={"by": by, "done_on": done_on.isoformat(), "evidence": evidence})
    return action(action_id)


def action(action_id: int) -> Action | None:
    e = book.entry(action_id)
    if e is None or e.kind != KIND:
        return None
    done = book.entries((DONE_KIND,), follows=action_id)
    return _action(e, done[0] if done else None)


def actions(evaluation_id: int | None = None) -> list[Action]:
    """The actions (of one evaluation, or all) in the order written."""
    dones: dict[int, book.Entry] = {}
    for d in book.entries((DONE_KIND,)):
        dones.setdefault(d.follows, d)  # the first completion is the one
    found = book.entries((KIND,), follows=evaluation_id) if evaluation_id else \
        book.entries((KIND,))
    return [_action(e, dones.get(e.id)) for e in found]


def overdue_actions(today: date) -> list[Action]:
    return [a for a in actions() if a.status(today) == "overdue"]


def _action(e: book.Entry, done: book.Entry | None) -> Action:
    d = e.data
    finished = (Done(done.data["by"], date.fromisoformat(done.data["done_on"]),
                     done.data.get("evidence", ""), done.at) if done else None)
    return Action(e.id, e.follows or 0, d["what"], d["owner"], date.fromisoformat(d["due_on"]),
                  e.at, finished)
