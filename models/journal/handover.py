"""Shift handover (交接班): the outgoing clerk offers what is open (`handover_offered`, the list
as it was shown), the incoming clerk accepts (`handover_accepted`) or refuses with a reason
(`handover_refused`); an answer follows its offer. An offer is answered once: the check and
the answer are written in one transaction, so two windows or a double click answer once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from models.clock.act import Act
from models.documents import HandoverLine
from models.journal import book
from models.store.tables import transaction

OFFERED, ACCEPTED, REFUSED = "handover_offered", "handover_accepted", "handover_refused"
ANSWERS = (ACCEPTED, REFUSED)
NAME_MAX, NOTES_MAX, REASON_MAX = 50, 2000, 500


class HandoverRefused(Exception):
    """`code`: no_clerk, same_clerk, no_incoming, too_long, no_reason, answered, superseded,
    no_such_handover."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class OpenIncident:
    number: str
    situation: str
    level: str
    status: str
    drill: bool = False


@dataclass(frozen=True)
class OpenDeadline:
    number: str  # the incident's
    label: str
    due_at: datetime  # UTC
    status: str


@dataclass(frozen=True)
class OpenItems:
    incidents: tuple[OpenIncident, ...] = ()
    deadlines: tuple[OpenDeadline, ...] = ()

    def __len__(self) -> int:
        return len(self.incidents) + len(self.deadlines)


@dataclass(frozen=True)
class Offer:
    id: int
    at: datetime
    outgoing: str
    items: OpenItems
    notes: str
    desk: str


def offer(items: OpenItems, notes: str, act: Act) -> Offer:
    """The outgoing clerk (the one on duty) hands over `items` (as shown) and `notes`."""
    outgoing = act.who.clerk
    notes = notes.strip()
    if not outgoing:
        raise HandoverRefused("no_clerk")
    if len(notes) > NOTES_MAX:
        raise HandoverRefused("too_long")
    data = {"from": outgoing, "notes": notes,
            "incidents": [vars(i) for i in items.incidents],
            "deadlines": [{**vars(d), "due_at": d.due_at.isoformat()} for d in items.deadlines]}
    e = book.append(OFFERED, at=act.now, actor=outgoing, desk=act.who.desk, data=data,
                    text=f"{outgoing}：{len(items)}")
    return _offer(e)


def answer(offer_id: int, incoming: str, *, accept: bool, reason: str, act: Act) -> book.Entry:
    """The incoming clerk's answer. Refused: no name, the outgoing clerk's own name, a
    refusal without a reason, an offer already answered or followed by a newer one."""
    incoming, reason = " ".join(incoming.split()), reason.strip()
    if not incoming:
        raise HandoverRefused("no_incoming")
    if len(incoming) > NAME_MAX or len(reason) > REASON_MAX:
        raise HandoverRefused("too_long")
    if not accept and not reason:
        raise HandoverRefused("no_reason")
    with transaction():  # the check and the answer: one step, never two answers
        first = book.entry(offer_id)
        if first is None or first.kind != OFFERED:
            raise HandoverRefused("no_such_handover")
        if incoming == first.actor:
            raise HandoverRefused("same_clerk")
        if book.entries(ANSWERS, follows=offer_id):
            raise HandoverRefused("answered")
        if any(e.id > offer_id and e.desk == first.desk for e in book.entries((OFFERED,),
                                                                              since=first.at)):
            raise HandoverRefused("superseded")
        kind = ACCEPTED if accept else REFUSED
        return book.append(kind, at=act.now, actor=incoming, desk=act.who.desk,
                           follows=offer_id, text=reason or incoming,
                           data={"from": first.actor, "to": incoming, "reason": reason})


def waiting(desk: str) -> Offer | None:
    """The desk's newest offer, if nobody answered it yet."""
    offers = [e for e in book.entries((OFFERED,)) if e.desk == desk]
    if not offers or book.entries(ANSWERS, follows=offers[-1].id):
        return None
    return _offer(offers[-1])


def handovers(since: datetime, until: datetime, desk: str = "",
              altered: Collection[int] = ()) -> list[HandoverLine]:
    """The handovers offered in [since, until), each with its answer (if any); `altered`:
    the ids of journal entries changed outside the program (an offer or its answer among
    them is marked not intact)."""
    offers = [e for e in book.entries((OFFERED,), since=since, until=until)
              if not desk or e.desk == desk]
    answers = {e.follows: e for e in book.entries(ANSWERS, since=since)}
    lines = []
    for e in offers:
        reply = answers.get(e.id)
        outcome = "open" if reply is None else ("accepted" if reply.kind == ACCEPTED
                                                else "refused")
        lines.append(HandoverLine(
            e.at, e.actor, reply.actor if reply else "", outcome,
            reply.data.get("reason", "") if reply else "", len(_items(e.data)),
            reply.at if reply else None, e.desk,
            intact=e.id not in altered and (reply is None or reply.id not in altered)))
    return lines


def _items(data: dict) -> OpenItems:
    return OpenItems(tuple(OpenIncident(**i) for i in data.get("incidents", ())),
                     tuple(OpenDeadline(d["number"], d["label"],
                                        datetime.fromisoformat(d["due_at"]), d["status"])
                           for d in data.get("deadlines", ())))


def _offer(e: book.Entry) -> Offer:
    return Offer(e.id, e.at, e.actor, _items(e.data), e.data.get("notes", ""), e.desk)
