"""The emergency screen driven through its real widgets; the database is checked after."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.incidents.response import CANCEL_WINDOW
from models.store.tables import Incident, TimelineEntry
from tests.helpers.drawn import drawn


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    drawn(qtbot, widget)  # what a press redraws after its guided view's paint


def kinds(incident_id):
    """What the clerk did (the deadline bookkeeping around it is tested on its own)."""
    return [e.kind for e in TimelineEntry.select().where(TimelineEntry.incident == incident_id)
            .order_by(TimelineEntry.id) if not e.kind.startswith("deadline_")]


def test_every_situation_runs_within_two_presses(qtbot, emergency, shipped_catalog):
    for sit in shipped_catalog.situations:
        emergency.show_home()
        presses = 0
        if sit.key in emergency.home.urgent_buttons:
            click(qtbot, emergency.home.urgent_buttons[sit.key])
            presses = 1
        else:
            click(qtbot, emergency.home.category_buttons[sit.category])
            assert emergency.page() == "category"
            page = emergency.stack.currentWidget()
            click(qtbot, page.buttons[sit.key])
            presses = 2
        assert presses <= 2
        assert emergency.page() == "guided", sit.key
        incident = Incident.get_by_id(emergency.guided.incident_id)
        assert incident.situation_key == sit.key
        assert incident.level == sit.default_level
        assert len(emergency.guided.step_rows) == len(sit.steps)
    assert Incident.select().count() == len(shipped_catalog.situations)


def test_start_records_desk_clerk_and_shows_running_strip(qtbot, emergency, clock):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    incident = Incident.get_by_id(emergency.guided.incident_id)
    assert (incident.hall, incident.desk, incident.clerk) == ("城东营业厅", "1号台", "张三")
    assert incident.started_at == clock.now().replace(tzinfo=None)
    assert emergency.strip.isVisible()
    assert list(emergency.strip.buttons) == [incident.id]
    assert "营业场所发生火灾" in emergency.guided.title.text()
    assert "一级应急事件" in emergency.guided.level_button.text()


def test_tick_and_untick_steps(qtbot, emergency, clock):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    incident_id = emergency.guided.incident_id
    rows = emergency.guided.step_rows
    clock.advance(seconds=30)
    click(qtbot, rows[0])  # the whole row is the touch target
    assert rows[0].check.isChecked()
    click(qtbot, rows[3].check)
    click(qtbot, rows[0])
    assert not rows[0].check.isChecked()
    assert kinds(incident_id) == ["started", "step_checked", "step_checked", "step_unchecked"]
    assert rows[3].property("done") is True
    texts = [emergency.guided.timeline.item(i).text() for i in range(5)]
    assert "计时开始：报告应急管理小组组长" in texts[-2]  # oldest last
    assert "✗ 撤销：" in texts[0]


def test_call_buttons_record_who_was_called(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    incident_id = emergency.guided.incident_id
    fire_row = next(r for r in emergency.guided.step_rows if "fire" in r.call_buttons)
    click(qtbot, fire_row.call_buttons["fire"])
    click(qtbot, emergency.numbers.buttons["120"])  # the always-visible bar records too
    entries = list(TimelineEntry.select().where(TimelineEntry.incident == incident_id,
                                                TimelineEntry.kind == "called"))
    assert [e.text for e in entries] == ["消防报警 119", "医疗急救 120"]
    assert all(e.actor == "张三" for e in entries)


def test_number_bar_without_incident_says_what_to_do(qtbot, emergency):
    click(qtbot, emergency.numbers.buttons["110"])
    answer = emergency.answer
    assert answer.isVisible() and answer.number.text() == "110"
    assert "未记录" in answer.detail.text()
    assert not emergency.notice.isVisible()  # nothing pushed down
    assert TimelineEntry.select().count() == 0


def test_number_bar_from_another_screen_with_one_incident_running_records_it(qtbot, emergency):
    """One incident running, the clerk on another screen or in a history record window: 119
    is that incident's call, recorded and answered in its view (it was "not recorded", and
    under a record window the answer was not even seen). On this screen's home the clerk may
    be starting a new incident: there it is not guessed."""
    click(qtbot, emergency.home.urgent_buttons["fire"])
    fire = emergency.guided.incident_id
    emergency.show_home()
    click(qtbot, emergency.numbers.buttons["110"])  # on home: not guessed
    assert emergency.page() == "home" and "未记录" in emergency.answer.detail.text()
    emergency.hide()  # another screen is shown
    emergency.numbers.buttons["119"].click()
    emergency.show()
    assert emergency.current_incident() == fire
    assert [e.text for e in TimelineEntry.select().where(
        TimelineEntry.incident == fire, TimelineEntry.kind == "called")] == ["消防报警 119"]
    assert emergency.guided.answer.isVisible() and emergency.guided.answer.number.text() == "119"


def test_number_bar_from_home_with_two_incidents_running_records_nowhere(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    emergency.show_home()
    click(qtbot, emergency.home.urgent_buttons["robbery"])
    emergency.show_home()
    click(qtbot, emergency.numbers.buttons["110"])
    assert emergency.page() == "home" and "未记录" in emergency.answer.detail.text()
    assert TimelineEntry.select().where(TimelineEntry.kind == "called").count() == 0


def test_quick_note_enter_adds_to_record(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["robbery"])
    note = emergency.guided.note
    note.insert("两名男子，黑色外套，往东门跑")  # an input method commits text
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert note.text() == ""
    last = TimelineEntry.select().order_by(TimelineEntry.id.desc()).first()
    assert (last.kind, last.text) == ("note", "两名男子，黑色外套，往东门跑")
    qtbot.keyClick(note, Qt.Key.Key_Return)  # empty: refused with a message, nothing added
    assert emergency.notice.text() == "备注是空的。"
    assert TimelineEntry.select().order_by(TimelineEntry.id.desc()).first().id == last.id


def test_change_level_with_reason_and_helper(qtbot, emergency):
    category_page_start(qtbot, emergency, "conflict", "agitated_customer")
    incident_id = emergency.guided.incident_id
    click(qtbot, emergency.guided.level_button)
    dialog = emergency.guided.level_dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.missing.text() == "请选择与当前不同的级别。"
    dialog.levels.button(1).setChecked(True)
    assert not ok.isEnabled() and "原因" in dialog.missing.text()  # says what is missing
    media = next(b for b in dialog.criteria if "媒体" in b.text())
    media.setChecked(True)
    assert dialog.chosen_level() == 1
    assert "媒体" in dialog.chosen_reason()
    assert ok.isEnabled() and dialog.missing.text() == ""
    click(qtbot, ok)
    incident = Incident.get_by_id(incident_id)
    assert incident.level == 1
    assert kinds(incident_id)[-1] == "level_changed"
    assert "一级" in emergency.guided.level_button.text()
    assert "5 分钟" in emergency.guided.report_label.text()


def test_reported_to_marks_and_readout(qtbot, emergency, qapp):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    incident_id = emergency.guided.incident_id
    click(qtbot, emergency.guided.step_rows[0])
    click(qtbot, emergency.guided.readout_button)
    dialog = emergency.guided.readout_dialog
    text = dialog.text.toPlainText()
    assert "营业场所发生火灾" in text and "一级应急事件" in text and "城东营业厅" in text
    assert "立即按响火灾警报器" in text  # the ticked step is among the actions taken
    assert kinds(incident_id)[-1] == "step_checked"  # reading records nothing
    click(qtbot, dialog.copy_button)
    assert qapp.clipboard().text() == text
    click(qtbot, dialog.report_buttons[("group_leader", "")])  # nobody entered: the role
    reported = TimelineEntry.get(TimelineEntry.kind == "reported")
    assert (reported.text, reported.actor) == ("应急管理小组组长", "张三")
    met = TimelineEntry.get(TimelineEntry.kind == "deadline_met")
    assert met.text == "报告应急管理小组组长"


def test_the_readout_tells_what_is_true_now(qtbot, emergency, clock):
    from models.incidents import records

    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    click(qtbot, guided.step_rows[0])
    click(qtbot, guided.step_rows[1])
    click(qtbot, guided.step_rows[0])  # unticked: not done after all
    records.save_draft(guided.incident_id, {"place": "二楼仓库", "people": "客户王某",
                                             "injuries": "手臂烫伤", "loss_amount": "8000",
                                             "loss_items": "货架"}, clock.now())
    click(qtbot, guided.readout_button)
    text = guided.readout_dialog.text.toPlainText()
    assert "立即按响火灾警报器" not in text and "立即按下火警按钮报警" in text
    assert "地点：城东营业厅 1号台 二楼仓库" in text
    assert "涉及人员：客户王某；手臂烫伤" in text and "损失：8000 元；货架" in text
    guided.readout_dialog.reject()
    guided.open_record()
    form = guided.record_dialog.form
    form.prefill_actions()
    actions = form.editors["actions"].toPlainText()
    assert "立即按响火灾警报器" not in actions and "立即按下火警按钮报警" in actions
    guided.record_dialog.close()  # its draft is saved now, while this test's database is open


def test_cancel_within_window_keeps_the_incident(qtbot, emergency, clock):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    incident_id = emergency.guided.incident_id
    assert emergency.guided.cancel_button.isVisible()
    emergency.confirm_answers.append(False)
    click(qtbot, emergency.guided.cancel_button)
    assert Incident.get_by_id(incident_id).status == "open"
    emergency.confirm_answers.append(True)
    click(qtbot, emergency.guided.cancel_button)
    assert Incident.get_by_id(incident_id).status == "cancelled"
    assert emergency.page() == "home"
    assert not emergency.strip.isVisible()


def test_cancel_button_disappears_after_window(qtbot, emergency, clock):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    resolve = emergency.guided.resolve_button
    where = resolve.mapTo(emergency, resolve.rect().topLeft())
    clock.advance(CANCEL_WINDOW)
    clock.advance(seconds=1)
    emergency.guided.tick()
    assert not emergency.guided.cancel_button.isVisible()
    QApplication.processEvents()  # the layout settles
    assert resolve.mapTo(emergency, resolve.rect().topLeft()) == where  # nothing moved


def test_switch_between_running_incidents_in_one_press(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    fire = emergency.guided.incident_id
    emergency.show_home()
    category_page_start(qtbot, emergency, "power_environment", "power_cut")
    power = emergency.guided.incident_id
    assert set(emergency.strip.buttons) == {fire, power}
    click(qtbot, emergency.strip.buttons[fire])
    assert emergency.guided.incident_id == fire
    assert "火灾" in emergency.guided.title.text()
    assert emergency.strip.buttons[fire].isChecked()


def test_a_half_typed_note_stays_with_its_incident(qtbot, emergency):
    from models.store.tables import NoteDraft

    click(qtbot, emergency.home.urgent_buttons["fire"])
    fire = emergency.guided.incident_id
    qtbot.keyClicks(emergency.guided.note, "smoke 2F")  # not yet entered
    emergency.show_home()
    category_page_start(qtbot, emergency, "power_environment", "power_cut")
    power = emergency.guided.incident_id
    assert emergency.guided.note.text() == ""  # the other incident's line is its own
    assert NoteDraft.get(NoteDraft.incident == fire).text == "smoke 2F"  # saved on switching
    click(qtbot, emergency.strip.buttons[fire])
    assert emergency.guided.note.text() == "smoke 2F"
    qtbot.keyClick(emergency.guided.note, Qt.Key.Key_Return)
    assert kinds(fire)[-1] == "note" and not NoteDraft.select().exists()
    assert power not in {d.incident_id for d in NoteDraft.select()}


def test_switch_plan_when_situation_escalates(qtbot, emergency):
    category_page_start(qtbot, emergency, "conflict", "agitated_customer")
    row = next(r for r in emergency.guided.step_rows if r.switch_button is not None)
    click(qtbot, row.switch_button)
    incident = Incident.get_by_id(emergency.guided.incident_id)
    assert incident.situation_key == "staff_assaulted"
    assert "员工遭客户人身攻击" in emergency.guided.title.text()


def test_keyboard_only(qtbot, emergency):
    window = emergency.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(emergency.home, Qt.Key.Key_3)  # third category: conflict
    assert emergency.page() == "category"
    qtbot.keyClick(emergency.stack.currentWidget(), Qt.Key.Key_Escape)
    assert emergency.page() == "home"
    qtbot.keyClick(emergency.home, Qt.Key.Key_6)
    qtbot.keyClick(emergency.stack.currentWidget(), Qt.Key.Key_2)  # systems → hotline
    assert emergency.page() == "guided"
    assert Incident.get_by_id(emergency.guided.incident_id).situation_key == "hotline_failure"
    qtbot.keyClick(emergency.guided, Qt.Key.Key_Escape)
    assert emergency.page() == "home"
    qtbot.keyClick(emergency.home, Qt.Key.Key_Q)  # first urgent situation: fire
    assert Incident.get_by_id(emergency.guided.incident_id).situation_key == "fire"


def category_page_start(qtbot, emergency, category, situation):
    click(qtbot, emergency.home.category_buttons[category])
    click(qtbot, emergency.stack.currentWidget().buttons[situation])


def test_guided_view_keys(qtbot, emergency):
    window = emergency.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    incident_id = guided.incident_id
    qtbot.keyClick(guided, Qt.Key.Key_2)
    assert guided.step_rows[1].check.isChecked()
    qtbot.keyClick(guided, Qt.Key.Key_N)
    assert guided.note.hasFocus()
    qtbot.keyClicks(guided.note, "2")  # a digit typed in the note is text, not a step
    assert guided.note.text() == "2"
    assert guided.step_rows[1].check.isChecked()
    assert kinds(incident_id) == ["started", "step_checked"]
    guided.setFocus()
    qtbot.keyClick(guided, Qt.Key.Key_L)
    assert guided.level_dialog is not None and guided.level_dialog.isVisible()
    guided.level_dialog.reject()
    qtbot.keyClick(guided, Qt.Key.Key_B)
    assert guided.readout_dialog is not None and guided.readout_dialog.isVisible()


def test_steps_for_afterwards_say_so(qtbot, emergency, shipped_catalog):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    steps = shipped_catalog.situation("fire").steps
    rows = emergency.guided.step_rows
    after = [i for i, step in enumerate(steps) if step.after]
    assert after and all("事后进行：" in rows[i].text.text() for i in after)
    assert not any("事后进行" in rows[i].text.text() for i in range(len(steps)) if i not in after)
