"""A plan switch that raises the level shows the new level at once (issue 15's audit: the
level stayed that of the plan the incident started as)."""

from PySide6.QtCore import Qt

from models.store.tables import Incident


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_switching_to_a_more_severe_plan_shows_its_level(qtbot, emergency):
    click(qtbot, emergency.home.category_buttons["conflict"])
    click(qtbot, emergency.stack.currentWidget().buttons["third_party_harassment"])
    guided = emergency.guided
    assert guided.level_button.text().startswith("三级应急事件")
    row = next(r for r in guided.step_rows if r.switch_button is not None)  # 打架闹事
    click(qtbot, row.switch_button)
    assert Incident.get_by_id(guided.incident_id).level == 2
    assert guided.level_button.text().startswith("二级应急事件")
