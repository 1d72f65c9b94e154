"""Shift handover: offered with what was shown, answered once (accepted, or refused with a
reason), never by the outgoing clerk, never after a newer offer; read back for the daily log."""

from datetime import UTC, datetime, timedelta

import pytest

from models.clock.act import Act, Who
from models.clock.workdays import HolidayCalendar
from models.incidents import response
from models.journal import book, handover
from models.journal.handover import (
    NOTES_MAX,
    HandoverRefused,
    OpenDeadline,
    OpenIncident,
    OpenItems,
)

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
ACT = Act(Who("城东营业厅", "1号台", "张三"), NOW, HolidayCalendar())
LATER = Act(ACT.who, NOW + timedelta(minutes=2), ACT.calendar)
ITEMS = OpenItems((OpenIncident("20261201-001", "火情", "二级（较大）", "in_hand"),),
                  (OpenDeadline("20261201-001", "报告主任", NOW + timedelta(minutes=30),
                                "pending"),))


def _refused(code: str, offer_id: int, incoming: str = "李四", accept: bool = True,
             reason: str = "") -> None:
    with pytest.raises(HandoverRefused) as refused:
        handover.answer(offer_id, incoming, accept=accept, reason=reason, act=LATER)
    assert refused.value.code == code


def test_the_offer_keeps_the_list_as_shown_and_the_notes(desk_db):
    offer = handover.offer(ITEMS, "  钥匙在抽屉  ", ACT)
    assert (offer.outgoing, offer.items, offer.notes) == ("张三", ITEMS, "钥匙在抽屉")
    assert handover.waiting("1号台") == offer
    assert handover.waiting("2号台") is None


def test_nobody_on_duty_cannot_hand_over_and_notes_have_a_limit(desk_db):
    with pytest.raises(HandoverRefused):
        handover.offer(ITEMS, "", Act(Who("厅", "1号台", ""), NOW, HolidayCalendar()))
    handover.offer(ITEMS, "字" * NOTES_MAX, ACT)
    with pytest.raises(HandoverRefused):
        handover.offer(ITEMS, "字" * (NOTES_MAX + 1), ACT)


def test_accepted_once_a_second_answer_is_refused(desk_db):
    offer = handover.offer(ITEMS, "", ACT)
    answer = handover.answer(offer.id, "李四", accept=True, reason="", act=LATER)
    assert (answer.kind, answer.follows, answer.actor) == ("handover_accepted", offer.id, "李四")
    _refused("answered", offer.id)
    _refused("answered", offer.id, accept=False, reason="不接")
    assert handover.waiting("1号台") is None
    assert len(book.entries(handover.ANSWERS)) == 1


def test_a_refusal_needs_a_reason_and_then_answers_the_offer(desk_db):
    offer = handover.offer(ITEMS, "", ACT)
    _refused("no_reason", offer.id, accept=False, reason="   ")
    handover.answer(offer.id, "李四", accept=False, reason="火情未处置完", act=LATER)
    _refused("answered", offer.id)
    [line] = handover.handovers(NOW, NOW + timedelta(hours=1))
    assert (line.outgoing, line.incoming, line.outcome, line.reason, line.open_items) == (
        "张三", "李四", "refused", "火情未处置完", 2)


def test_the_incoming_clerk_is_named_and_is_not_the_outgoing_one(desk_db):
    offer = handover.offer(ITEMS, "", ACT)
    _refused("no_incoming", offer.id, incoming="  ")
    _refused("same_clerk", offer.id, incoming=" 张三 ")
    _refused("no_such_handover", offer.id + 1)


def test_an_older_offer_cannot_be_answered_once_a_newer_one_is_made(desk_db):
    old = handover.offer(ITEMS, "", ACT)
    new = handover.offer(ITEMS, "更新", LATER)
    _refused("superseded", old.id)
    handover.answer(new.id, "李四", accept=True, reason="", act=LATER)
    lines = handover.handovers(NOW, NOW + timedelta(hours=1))
    assert [line.outcome for line in lines] == ["open", "accepted"]


def test_the_open_items_are_read_from_what_runs(desk_db, shipped_catalog, tmp_path):
    from models.services.duty import DutyService

    response.start_incident(shipped_catalog, desk_db[1], "fire", ACT)
    service = DutyService(catalog=shipped_catalog, act=lambda: ACT,
                          draft_file=tmp_path / "draft.json")
    items = service.open_items()
    assert [i.situation for i in items.incidents] != []
    assert len(items.deadlines) >= 1
    assert all(d.number == items.incidents[0].number for d in items.deadlines)
