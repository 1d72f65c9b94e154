"""The daily view counts the day's calls and handovers (and the refused ones) for the
supervisor before printing; another day's are not counted."""

from datetime import timedelta

from models.clock.act import Act, Who
from models.clock.clocks import FakeClock
from models.clock.workdays import HolidayCalendar
from models.journal import duty_calls, handover
from models.journal.duty_calls import CallInput
from models.journal.handover import OpenItems
from tests.helpers.wiring import daily_view
from tests.ui.duty.conftest import WORKDAY


def test_the_days_calls_and_handovers_are_counted(qtbot, desk_db, shipped_catalog):
    act = Act(Who("城东营业厅", "1号台", "张三"), WORKDAY, HolidayCalendar())
    duty_calls.record(CallInput(at=WORKDAY, content="询问"), act)
    duty_calls.record(CallInput(at=WORKDAY - timedelta(days=1), content="昨天"), act)
    offer = handover.offer(OpenItems(), "", act)
    handover.answer(offer.id, "李四", accept=False, reason="未处置完", act=act)
    view = daily_view(catalog=shipped_catalog, hall=lambda: "城东营业厅",
                      clock=FakeClock(WORKDAY))
    qtbot.addWidget(view)
    view.show()
    view.show_days(WORKDAY.date(), WORKDAY.date())
    assert "来电登记 1 次；交接班 1 次（拒绝接班 1 次）" in view.summary.text()


def test_a_call_changed_outside_the_program_is_said_before_printing(qtbot, desk_db,
                                                                     shipped_catalog):
    act = Act(Who("城东营业厅", "1号台", "张三"), WORKDAY, HolidayCalendar())
    call = duty_calls.record(CallInput(at=WORKDAY, content="询问"), act)
    desk_db[0].execute_sql("DROP TRIGGER IF EXISTS journal_no_update")
    desk_db[0].execute_sql("UPDATE journal_entry SET text = '改过' WHERE id = ?", (call.id,))
    view = daily_view(catalog=shipped_catalog, hall=lambda: "城东营业厅",
                      clock=FakeClock(WORKDAY))
    qtbot.addWidget(view)
    view.show()
    view.show_days(WORKDAY.date(), WORKDAY.date())
    assert "1 条在本程序之外被改动" in view.summary.text()
