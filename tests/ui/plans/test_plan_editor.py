"""The plan editor: a field saved through the draft's checks shows in the draft's plans and
the change log; a broken value is refused beside its field with the clerk's text kept and
nothing saved; steps moved, added and removed; roles and their people."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from models.plans.running import running_plan
from models.services.plan_drafts import PlanDraftService
from models.store.paths import default_plans_dir
from models.store.tables import PlanChange, PlanDraft
from ui.common.operations import Operations
from ui.plans.plan_editor import PlanEditor

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # 17:00 in the hall


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def leave(field, text):
    """The supervisor writes `text` in the field and leaves it."""
    field.editor.setFocus()
    if hasattr(field.editor, "setPlainText"):
        field.editor.setPlainText(text)
    else:
        field.editor.setText(text)
    field.commit()  # what leaving the field does (editingFinished / focus out)


def failures(ops):
    seen = []
    ops.failed.connect(seen.append)
    return seen


@pytest.fixture
def editor(qtbot, desk_db):
    now = [T0]
    service = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                               now=lambda: now[0])
    ops = Operations(report=lambda parent, error: None)
    page = PlanEditor(service=service, operations=ops, clerk=lambda: "李主管",
                      people=lambda key: [], confirm=lambda parent, title, text, then: then())
    qtbot.addWidget(page)
    page.resize(1230, 480)
    page.show()
    page.clock, page.ops, page.failures = now, ops, failures(ops)
    return page


def started(qtbot, editor, situation="fire"):
    click(qtbot, editor.start_button)
    assert editor.session.draft() is not None
    editor.show_situation(situation)
    return editor


def test_a_step_edited_shows_in_the_drafts_plans_and_the_change_log(qtbot, editor):
    assert editor.start_button.isVisible() and not editor.tabs.widget(0).isEnabled()
    started(qtbot, editor)
    assert editor.tabs.widget(0).isEnabled() and not editor.start_button.isVisible()
    editor.steps.list.setCurrentRow(2)
    text = editor.steps.form.fields["text"]
    leave(text, "立即拨打119报警，同时组织扑救初期火灾。")
    assert text.problem == ""
    draft = editor.session.draft()
    assert editor.session.service.catalog(draft).situation("fire").steps[2].text == \
        "立即拨打119报警，同时组织扑救初期火灾。"
    assert editor.steps.list.item(2).text().startswith("3. 立即拨打119报警")
    editor.show_page("log")
    (when, by, where, was, now), = editor.log.rows()
    assert by == "李主管" and when == "2026-12-01 17:00"
    assert "营业场所发生火灾" in where and "3" in where
    assert was.startswith("发现火灾,立即启动应急预案") and now.startswith("立即拨打119报警")
    assert running_plan(default_plans_dir()).catalog.situation("fire").steps[2].text != \
        "立即拨打119报警，同时组织扑救初期火灾。"  # a draft is never the desk's plans


@pytest.mark.parametrize(("path", "typed"), [
    ("text", "   "),  # an empty step text
    ("call", "property、不存在的角色"),  # an unknown role
])
def test_a_broken_step_field_is_refused_beside_it_and_nothing_is_saved(qtbot, editor, path,
                                                                     typed):
    started(qtbot, editor)
    before = PlanDraft.get().texts
    field = editor.steps.form.fields[path]
    leave(field, typed)
    assert field.problem and field.error.isVisible()
    assert field.text() == typed  # kept, to be corrected
    assert PlanDraft.get().texts == before and PlanChange.select().count() == 0
    assert editor.failures == []  # a refusal, not a failure


def test_an_unknown_role_key_in_calls_is_named(qtbot, editor):
    started(qtbot, editor)
    field = editor.steps.form.fields["call"]
    leave(field, "nobody")
    assert "nobody" in field.problem
    assert PlanChange.select().count() == 0


def test_a_negative_minute_is_refused_beside_the_deadline(qtbot, editor):
    started(qtbot, editor, "power_cut")
    minutes = editor.situation_form.fields["timer.0.minutes"]
    assert minutes.text() == "30"
    leave(minutes, "-5")
    assert "-5" in minutes.problem and minutes.text() == "-5"
    assert PlanChange.select().count() == 0
    leave(minutes, "半小时")  # not a number at all: refused before the draft is asked
    assert minutes.problem and PlanChange.select().count() == 0
    leave(minutes, "20")
    assert minutes.problem == "" and not minutes.error.isVisible()
    assert editor.session.catalog().situation("power_cut").timers[0].minutes == 20
    assert PlanChange.select().count() == 1


def test_a_threshold_and_holiday_minutes(qtbot, editor):
    started(qtbot, editor, "power_cut")
    value = editor.situation_form.fields["threshold.0.value"]
    leave(value, "45")
    holiday = editor.situation_form.fields["timer.0.holiday_minutes"]
    leave(holiday, "60")
    sit = editor.session.catalog().situation("power_cut")
    assert sit.thresholds[0].value == 45 and sit.timers[0].holiday_minutes == 60
    leave(holiday, "")  # empty: the field is removed, its default applies again
    assert editor.session.catalog().situation("power_cut").timers[0].holiday_minutes is None


def test_a_too_long_button_label_is_refused_with_the_loaders_limit(qtbot, editor):
    started(qtbot, editor)
    short = editor.situation_form.fields["short"]
    leave(short, "一二三四五六七八九")
    assert "8" in short.problem and PlanChange.select().count() == 0
    leave(short, "火警")
    assert short.problem == "" and editor.session.catalog().situation("fire").short == "火警"


def test_steps_moved_added_and_removed(qtbot, editor):
    started(qtbot, editor, "power_cut")
    steps = editor.steps
    first, second = (s.text for s in editor.session.catalog().situation("power_cut").steps[:2])
    steps.list.setCurrentRow(0)
    click(qtbot, steps.down_button)
    moved = editor.session.catalog().situation("power_cut").steps
    assert (moved[0].text, moved[1].text) == (second, first)
    assert steps.list.currentRow() == 1
    count = len(moved)
    click(qtbot, steps.add_button)
    assert len(editor.session.catalog().situation("power_cut").steps) == count + 1
    assert steps.list.currentRow() == count
    leave(steps.form.fields["text"], "通知保安到场维持秩序。")
    click(qtbot, steps.remove_button)
    after = editor.session.catalog().situation("power_cut").steps
    assert len(after) == count and "通知保安到场维持秩序。" not in [s.text for s in after]
    assert PlanChange.select().count() == 4


def test_a_role_renamed_and_its_people_shown_from_the_contacts(qtbot, desk_db):
    from models.services.contacts import Person

    shown = []
    service = PlanDraftService(running=lambda: running_plan(default_plans_dir()),
                               now=lambda: T0)
    page = PlanEditor(service=service, operations=Operations(), clerk=lambda: "李主管",
                      people=lambda key: [Person(1, "王保安", key, "手机", "13800138000", True)]
                      if key == "security" else [],
                      show_people=lambda key, name: shown.append((key, name)))
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.start_button)
    page.show_page("roles")
    keys = [r.key for r in page.roles.roles]
    page.roles.list.setCurrentRow(keys.index("security"))
    assert "王保安" in page.roles.people_label.text()
    leave(page.roles.fields["name"], "安保部")
    assert page.session.catalog().role("security").name == "安保部"
    click(qtbot, page.roles.people_button)
    assert shown == [("security", "安保部")]
    leave(page.roles.fields["name"], "")
    assert page.roles.fields["name"].problem
    assert page.session.catalog().role("security").name == "安保部"


def test_no_name_no_change(qtbot, editor):
    started(qtbot, editor)
    editor.editor_name.clear()
    text = editor.steps.form.fields["text"]
    leave(text, "立即报警。")
    assert text.problem and PlanChange.select().count() == 0


def test_submit_approve_and_publish_through_the_screen(qtbot, editor):
    from datetime import timedelta

    started(qtbot, editor)
    editor.show_page("approval")
    panel = editor.approval
    assert panel.submit_button.isEnabled() and not panel.approve_button.isEnabled()
    click(qtbot, panel.submit_button)  # nothing changed yet
    assert panel.message.property("tone") == "problem" and panel.message.text()
    assert editor.session.draft().status == "editing"
    editor.show_page("situations")
    leave(editor.steps.form.fields["text"], "立即拨打119报警，同时呼救。")
    editor.show_page("approval")
    click(qtbot, panel.submit_button)  # still the version label of the plans in use
    assert "2026.1" in panel.message.text() and editor.session.draft().status == "editing"
    leave(panel.version, "2026.2")
    click(qtbot, panel.submit_button)
    assert editor.session.draft().status == "submitted"
    assert not editor.tabs.widget(0).isEnabled()  # a submitted draft is not edited
    assert not panel.version.editor.isEnabled() and panel.approve_button.isEnabled()
    editor.clock[0] = T0 + timedelta(hours=1)
    panel.signer.setText("李主管")  # who submitted it cannot sign it (第八条)
    click(qtbot, panel.approve_button)
    assert "李主管" in panel.message.text() and editor.session.draft().status == "submitted"
    panel.signer.setText("王经理")
    panel.signed_on.setText("2026-12-02")  # tomorrow in the hall
    click(qtbot, panel.approve_button)
    assert "2026-12-02" in panel.message.text() and editor.session.draft().status == "submitted"
    panel.signed_on.setText("2026-12-01")
    click(qtbot, panel.approve_button)
    assert editor.session.draft().status == "approved" and panel.publish_button.isEnabled()
    editor.clock[0] = T0 + timedelta(hours=2)
    with qtbot.waitSignal(panel.published):
        click(qtbot, panel.publish_button)
    assert editor.session.draft() is None and panel.message.property("tone") == "ok"
    assert "2026.2" in panel.message.text()
    assert [panel.acts.item(i).text().split()[3] for i in range(panel.acts.count())] == \
        ["提交审批", "已审批签发", "已发布"]
    running = running_plan(default_plans_dir())
    assert running.published and running.catalog.info.version == "2026.2"
    assert editor.session.service.stamp(running.catalog).signer == "王经理"
    assert editor.start_button.isVisible()  # the next draft starts from the published plans


def test_every_refusal_code_the_models_raise_has_its_own_words():
    import re
    from pathlib import Path

    from models.plans import drafts, publishing
    from ui.plans.plan_editor_words import refusal_text

    raised = set()
    for module in (drafts, publishing):
        raised |= set(re.findall(r'Refused\(\s*"(\w+)"', Path(module.__file__).read_text()))
    assert {"broken", "own_submission", "same_version", "not_approved"} <= raised
    texts = {code: refusal_text(publishing.PublishRefused(code, "x")) for code in raised}
    assert all(not text.startswith(code) for code, text in texts.items()), texts
    assert len(set(texts.values())) == len(raised)


def test_a_levels_reporting_deadline_and_its_chain(qtbot, editor):
    started(qtbot, editor)
    editor.show_page("levels")
    report = editor.levels.fields["report_within_minutes"]
    assert editor.levels.list.currentRow() == 0 and report.text() == "5"
    leave(report, "-1")
    assert "-1" in report.problem and PlanChange.select().count() == 0
    leave(report, "3")
    chain = editor.levels.fields["timer.0.holiday_minutes"]
    leave(chain, "10")
    level = editor.session.catalog().level(1)
    assert level.report_within_minutes == 3
    assert [t.holiday_minutes for t in level.timers if t.key == "gm_report"] == [10]
