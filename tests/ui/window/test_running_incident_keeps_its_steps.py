"""An incident running when the desk starts again on a newly published version keeps the steps
of the version it ran, and the steps checked stay the ones the clerk checked.
(A review found the desk showing such an incident the new version's steps by the situation's
key, the checks, recorded by position, on other steps.)"""

from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QLabel

from models.plans import drafts, publishing
from models.store.tables import Incident, TimelineEntry
from tests.models.plans.plan_drafting import EDITOR, MANAGER, T0, running
from tests.ui.window.test_new_plans_restart import click, start_desk  # noqa: F401


def test_a_running_incident_keeps_its_steps_and_checks_across_a_new_version(
        qtbot, desk_db, start_desk):  # noqa: F811
    desk, _, _, _ = start_desk()
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])
    (incident,) = Incident.select()
    ran = running().catalog.situation("fire").steps
    assert desk.incidents.set_step(incident.id, 1, True)  # 员工发现火灾并立即按下火警按钮报警。
    draft = drafts.open_draft(running(), EDITOR, T0)
    drafts.change(draft, "situation.fire.step.0", None, EDITOR, T0)  # the new version: one less
    drafts.change(draft, "catalog.version", "2026.2", EDITOR, T0)
    publishing.submit(draft, EDITOR, T0, running())
    publishing.approve(draft, MANAGER, date(2026, 12, 1), EDITOR, T0 + timedelta(hours=1))
    publishing.publish(draft, EDITOR, T0 + timedelta(hours=2), running())
    desk.window.close()

    new_desk, _, _, _ = start_desk()  # started again on 2026.2; the incident still runs
    new_desk.emergency.show_incident(incident.id)
    page = new_desk.emergency.guided.steps.currentWidget()
    texts = [w.text() for w in page.findChildren(QLabel, "stepText")]
    checked = [t for t, box in zip(texts, page.findChildren(QCheckBox, "stepCheck"), strict=True)
               if box.isChecked()]
    assert len(checked) == 1 and checked[0].endswith(ran[1].text)  # not 上报领导小组 (not done)
    assert texts[0].endswith(ran[0].text)
    assert new_desk.incidents.set_step(incident.id, 0, True)  # a check made after the restart
    entry = (TimelineEntry.select().where(TimelineEntry.incident == incident.id,
                                          TimelineEntry.kind == "step_checked")
             .order_by(TimelineEntry.id.desc()).first())
    assert entry.text == ran[0].text  # the step of the version it ran, by its words
    click(qtbot, new_desk.emergency.home.urgent_buttons["fire"])  # a new fire: the new version
    newest = Incident.select().order_by(Incident.id.desc()).first()
    new_desk.emergency.show_incident(newest.id)
    page = new_desk.emergency.guided.steps.currentWidget()
    first = page.findChildren(QLabel, "stepText")[0].text()
    assert first.endswith(ran[1].text)  # 2026.2 has no first step of 2026.1
