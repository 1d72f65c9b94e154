"""The guided response shows the people holding each role; a press records exactly who was
told and meets the deadline to that role."""

import pytest
from PySide6.QtCore import Qt

from models.contacts import directory as contacts
from models.contacts.directory import ContactData, Phone
from models.store.tables import Deadline, TimelineEntry


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def entries(incident_id, kind):
    return [e for e in TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                                    TimelineEntry.kind == kind)]


@pytest.fixture
def directory(desk_db, shipped_catalog, clock):
    from tests.helpers.wiring import contacts_controller

    contacts.seed_outside_numbers(shipped_catalog)
    add = lambda name, role, number, **kw: contacts.add_contact(  # noqa: E731
        shipped_catalog, ContactData(name=name, role_key=role, phones=(Phone("", number),),
                                     **kw))
    ids = {"李娜": add("李娜", "liaison", "13802456789", available_24h=True),
           "周强": add("周强", "liaison", "13612345670"),
           "华润物业": add("华润物业", "property", "0755-83219999", outside=True)}
    controller = contacts_controller(catalog=shipped_catalog, clock=clock)
    controller.ids = ids
    return controller


@pytest.fixture
def guided(qtbot, controller, directory):
    from ui.emergency.guided_response import GuidedResponse

    view = GuidedResponse(controller=controller, contacts=directory,
                          confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(view)
    view.resize(1234, 724)
    view.show()
    qtbot.waitExposed(view)
    return view


def start_power_cut(controller, guided):
    incident_id = controller.start("power_cut")  # level 2: report to the liaison in 10 min
    guided.show_incident(incident_id)
    return incident_id


def test_a_role_named_in_a_step_shows_its_people(guided, controller, directory):
    start_power_cut(controller, guided)
    steps = guided.step_rows
    property_id = directory.ids["华润物业"]
    button = steps[1].person_buttons[("property", property_id)]  # 通知大厅物管公司(物业)
    assert button.text() == "☎ 物业 — 华润物业 0755-83219999"
    assert "admin_office" in steps[1].call_buttons  # nobody entered: the role itself
    roles = [row.findChild(type(row.text), "stepRole").text() for row in steps]
    assert "物业：华润物业 0755-83219999" in roles  # the steps the property company does


def test_the_call_area_lists_the_people_of_the_roles_to_call(guided, controller, directory):
    start_power_cut(controller, guided)
    calls = guided.calls_stack.currentWidget().layout()  # the call area of the plan shown
    texts = [calls.itemAt(i).widget().text() for i in range(calls.count())]
    assert "☎ 华润物业 0755-83219999\n物业" in texts
    assert "☎ 供电服务热线 95598\n供电局" in texts  # seeded: the power company's hotline
    assert "☎ 综合科" in texts  # nobody entered for this role: the role itself


def test_pressing_a_person_records_who_on_which_number(qtbot, guided, controller, directory):
    incident_id = start_power_cut(controller, guided)
    click(qtbot, guided.person_call_buttons[("property", directory.ids["华润物业"])])
    [call] = entries(incident_id, "called")
    assert call.text == "物业 华润物业 0755-83219999"
    assert '"person": "华润物业"' in call.data and '"number": "0755-83219999"' in call.data
    timeline = [guided.timeline.item(i).text() for i in range(guided.timeline.count())]
    assert any("华润物业 0755-83219999" in line for line in timeline)


def report_buttons(guided):
    return [guided.report_box.itemAt(i).widget() for i in range(guided.report_box.count())]


def test_reporting_to_a_person_records_who_and_meets_the_deadline(qtbot, guided, controller,
                                                                  directory, clock):
    incident_id = start_power_cut(controller, guided)  # level 2: the liaison within 10 min
    buttons = report_buttons(guided)
    assert [b.text() for b in buttons] == ["已报告应急管理小组联络员 李娜\n☎ 138 0245 6789",
                                           "已报告应急管理小组联络员 周强\n☎ 136 1234 5670"]
    clock.advance(minutes=3)
    click(qtbot, buttons[1])
    [report] = entries(incident_id, "reported")
    assert report.text == "应急管理小组联络员 周强 13612345670"
    assert '"person": "周强"' in report.data
    deadline = Deadline.get(Deadline.incident == incident_id, Deadline.to_role == "liaison")
    assert deadline.status == "met" and deadline.met_at == clock.now().replace(tzinfo=None)
    assert [b.text().split("\n")[0] for b in report_buttons(guided)] == [
        "已报告应急管理小组联络员 李娜", "✓ 已报告应急管理小组联络员 周强"]


def test_a_change_in_the_directory_shows_at_once(qtbot, guided, controller, directory,
                                                 shipped_catalog):
    start_power_cut(controller, guided)
    directory.delete(directory.ids["周强"])
    directory.add(ContactData(name="王建国", role_key="admin_office",
                              phones=(Phone("", "0755-83210050"),)))
    assert [b.property("person") for b in report_buttons(guided)] == ["李娜"]
    step = guided.step_rows[1]
    assert "admin_office" not in step.call_buttons
    assert [b.text() for (k, _), b in step.person_buttons.items() if k == "admin_office"] == [
        "☎ 综合科 — 王建国 0755-83210050"]


def test_the_seeded_public_numbers_are_not_listed_twice(guided, controller):
    incident_id = controller.start("fire")
    guided.show_incident(incident_id)
    calls = guided.calls_stack.currentWidget().layout()  # the call area of the plan shown
    texts = [calls.itemAt(i).widget().text() for i in range(calls.count())]
    assert "☎ 消防报警 119" in texts
    assert not any("消防报警 —" in t for t in texts)



def test_the_readout_offers_the_same_people(qtbot, guided, controller, directory):
    incident_id = start_power_cut(controller, guided)
    click(qtbot, guided.readout_button)
    dialog = guided.readout_dialog
    assert [b.text() for b in dialog.report_buttons.values()] == [
        "已报告应急管理小组联络员 李娜", "已报告应急管理小组联络员 周强"]
    click(qtbot, dialog.report_buttons[("liaison", "李娜")])
    [report] = entries(incident_id, "reported")
    assert report.text == "应急管理小组联络员 李娜 13802456789"
    assert Deadline.get(Deadline.incident == incident_id,
                        Deadline.to_role == "liaison").status == "met"


def test_a_report_done_on_the_timer_card_shows_its_tick(qtbot, guided, controller, directory):
    from tests.helpers.wiring import deadline_controller

    incident_id = start_power_cut(controller, guided)
    deadline = Deadline.get(Deadline.incident == incident_id, Deadline.to_role == "liaison")
    timers = deadline_controller(controller)
    timers.meet(deadline.id, "周强")  # "已报告" on the card, 周强 chosen
    guided.refresh()
    assert [b.text().split("\n")[0] for b in report_buttons(guided)] == [
        "已报告应急管理小组联络员 李娜", "✓ 已报告应急管理小组联络员 周强"]


def test_a_person_told_then_deleted_keeps_the_tick(qtbot, guided, controller, directory):
    start_power_cut(controller, guided)
    click(qtbot, report_buttons(guided)[1])  # 周强
    directory.delete(directory.ids["周强"])
    texts = [b.text().split("\n")[0] for b in report_buttons(guided)]
    assert texts == ["已报告应急管理小组联络员 李娜", "✓ 已报告应急管理小组联络员 周强"]


def test_a_role_with_no_number_offers_to_add_one(qtbot, guided, controller, directory):
    incident_id = start_power_cut(controller, guided)
    click(qtbot, guided.step_rows[1].call_buttons["admin_office"])  # 综合科: nobody, no number
    assert [e.kind for e in entries(incident_id, "called")] == []
    [missing] = entries(incident_id, "no_number")
    assert missing.text == "综合科"
    answer = guided.answer
    assert "没有登记号码" in answer.headline.text() and answer.action_button.isVisible()
    click(qtbot, answer.action_button)
    dialog = guided.contact_dialog
    assert dialog.isVisible() and not dialog.isModal()  # the desk stays usable
    assert dialog.role.currentData() == "admin_office"
    dialog.name.setText("王建国")
    dialog.numbers[0].setText("0755-83210050")
    dialog.submit()
    assert [p.name for p in directory.people("admin_office")] == ["王建国"]
    assert ("admin_office", directory.people("admin_office")[0].contact_id) in \
        guided.person_call_buttons  # the call area offers the number now


def test_a_report_to_the_role_keeps_its_tick_once_people_are_entered(qtbot, controller,
                                                                      directory):
    """Reported before anyone held the role (or from a timer card naming nobody): after a
    restart, with people entered for the role since, the report still shows ✓ (from the
    timeline)."""
    from ui.emergency.guided_response import GuidedResponse

    incident_id = controller.start("power_cut")  # report to the liaison
    controller.report(incident_id, "liaison")  # nobody named
    view = GuidedResponse(controller=controller, contacts=directory)  # the desk restarted
    qtbot.addWidget(view)
    view.show_incident(incident_id)
    texts = [b.text().split("\n")[0] for b in report_buttons(view)]
    assert "✓ 已报告应急管理小组联络员" in texts


@pytest.mark.parametrize("answer", ["submit", "reject"])
def test_the_contact_editor_of_a_missing_number_goes_once_used(qtbot, guided, controller,
                                                               directory, answer):
    """Each "add a number" left an editor behind, hidden, for as long as the view lived."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.contacts.contact_dialog import ContactDialog

    start_power_cut(controller, guided)
    click(qtbot, guided.step_rows[1].call_buttons["admin_office"])
    click(qtbot, guided.answer.action_button)
    dialog = guided.contact_dialog
    dialog.name.setText("王建国")
    dialog.numbers[0].setText("0755-83210050")
    getattr(dialog, answer)()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert guided.findChildren(ContactDialog) == [] and guided.contact_dialog is None
