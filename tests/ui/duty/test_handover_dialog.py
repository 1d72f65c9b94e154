"""交接班 from the clerk button: what is open listed and handed over as shown; accepted (the
desk's clerk becomes the incoming one) or refused with a reason (the outgoing clerk stays);
answered once, from two windows too; the alarm ringing meanwhile stays."""

from PySide6.QtWidgets import QApplication

from models.journal import book
from ui.duty.handover_dialog import HandoverDialog
from ui.window.clerk_dialog import ClerkDialog


def open_handover(qtbot, desk) -> HandoverDialog:
    desk.header.clerk.click()
    [clerk] = shown(desk, ClerkDialog)
    clerk.handover.click()
    [dialog] = shown(desk, HandoverDialog)
    assert not dialog.isModal() and not clerk.isVisible()
    return dialog


def shown(desk, kind):
    return [w for w in desk.window.findChildren(kind) if w.isVisible()]


def test_the_open_items_are_listed_and_handed_over_as_shown_the_alarm_stays(qtbot, desk):
    dialog = open_handover(qtbot, desk)
    assert dialog.incidents.rowCount() == 1 and dialog.deadlines.rowCount() == 1
    assert "张三" in dialog.outgoing.text()
    dialog.notes.setPlainText("火情报告组长未完成")
    dialog.offer_button.click()
    [offer] = book.entries(("handover_offered",))
    assert offer.actor == "张三" and offer.data["notes"] == "火情报告组长未完成"
    assert [i["number"] for i in offer.data["incidents"]] == [dialog.incidents.item(0, 0).text()]
    assert offer.data["deadlines"][0]["label"] == dialog.deadlines.item(0, 1).text()
    assert dialog.pages.currentIndex() == 1 and "火情报告组长未完成" in dialog.offered.text()
    assert desk.alarm_banner.isVisible() and desk.deadlines.alarming()  # the alarm stays
    assert QApplication.activeModalWidget() is None


def test_accepted_the_incoming_clerk_is_on_duty(qtbot, desk, store):
    dialog = open_handover(qtbot, desk)
    dialog.offer_button.click()
    assert [dialog.incoming.itemText(i) for i in range(dialog.incoming.count())] == ["李四"]
    dialog.incoming.setCurrentText("李四")
    dialog.accept_button.click()
    assert store.get("clerk_on_duty") == "李四" and "李四" in desk.header.clerk.text()
    [answer] = book.entries(("handover_accepted",))
    assert answer.actor == "李四"
    assert not dialog.isVisible()


def test_a_refusal_needs_a_reason_and_leaves_the_outgoing_clerk_on_duty(qtbot, desk, store):
    dialog = open_handover(qtbot, desk)
    dialog.offer_button.click()
    dialog.incoming.setCurrentText("李四")
    dialog.refuse_button.click()
    assert dialog.problem.text() and dialog.isVisible() and dialog.refuse_button.isEnabled()
    dialog.reason.setText("火情还没处置完")
    dialog.refuse_button.click()
    assert store.get("clerk_on_duty") == "张三"
    [answer] = book.entries(("handover_refused",))
    assert answer.data["reason"] == "火情还没处置完"


def test_two_windows_answer_once(qtbot, desk, store, clock):
    first = open_handover(qtbot, desk)
    first.offer_button.click()
    second = HandoverDialog(controller=desk.duty, clerk=lambda: "张三",
                            names=lambda: ["李四", "王五"], parent=desk.window)
    qtbot.addWidget(second)
    assert second.pages.currentIndex() == 1 and second.offer.id == first.offer.id
    first.incoming.setCurrentText("李四")
    first.accept_button.click()
    second.incoming.setCurrentText("王五")
    second.accept_button.click()
    assert len(book.entries(("handover_accepted", "handover_refused"))) == 1
    assert store.get("clerk_on_duty") == "李四"
    assert second.problem.text() and not second.accept_button.isEnabled()


def test_a_handover_waiting_is_asked_for_again_when_the_dialog_is_opened(qtbot, desk):
    dialog = open_handover(qtbot, desk)
    dialog.offer_button.click()
    dialog.close()
    again = open_handover(qtbot, desk)
    assert again.pages.currentIndex() == 1 and again.offer.id == dialog.offer.id


def test_handed_over_again_the_older_offer_cannot_be_answered(qtbot, desk, store):
    dialog = open_handover(qtbot, desk)
    dialog.offer_button.click()
    old = dialog.offer
    dialog.again_button.click()
    assert dialog.pages.currentIndex() == 0
    dialog.offer_button.click()
    assert dialog.offer.id != old.id
    stale = HandoverDialog(controller=desk.duty, clerk=lambda: "张三", names=lambda: ["李四"],
                           parent=desk.window)
    qtbot.addWidget(stale)
    stale.show_answer(old)
    stale.incoming.setCurrentText("李四")
    stale.accept_button.click()
    assert book.entries(("handover_accepted",)) == [] and stale.problem.text()
    assert store.get("clerk_on_duty") == "张三"


def test_f9_to_f12_reach_the_handover_dialog(qtbot, desk):
    from tests.ui.window.test_emergency_keys import focus_in, keys_work

    dialog = open_handover(qtbot, desk)
    keys_work(qtbot, desk, focus_in(qtbot, dialog, dialog.notes))


def test_an_incident_started_while_the_list_is_open_is_not_left_out(qtbot, desk):
    """The handover keeps the list as shown: a list gone stale while the dialog was open (an
    incident pressed meanwhile) is shown again to be checked, not handed over without it."""
    dialog = open_handover(qtbot, desk)
    assert dialog.incidents.rowCount() == 1
    desk.emergency.home.urgent_buttons["robbery"].click()
    dialog.offer_button.click()
    assert book.entries(("handover_offered",)) == []
    assert dialog.incidents.rowCount() == 2 and dialog.problem.text()
    dialog.offer_button.click()
    [offer] = book.entries(("handover_offered",))
    assert len(offer.data["incidents"]) == 2
