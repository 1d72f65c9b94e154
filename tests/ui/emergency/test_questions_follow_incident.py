"""A question or the level helper left open for one incident never answers for another: when
the guided view shows another incident they go (found under the real desk at 1366×768: "处置
完成了吗？" asked on the power cut, the fire shown, "是" resolved the power cut)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.store.tables import Incident


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown_questions(guided):
    return [b for b in guided.findChildren(QMessageBox, "confirmation") if b.isVisible()]


def two_incidents(qtbot, guided_screen):
    click(qtbot, guided_screen.home.urgent_buttons["fire"])
    fire = guided_screen.guided.incident_id
    guided_screen.show_home()
    click(qtbot, guided_screen.home.category_buttons["power_environment"])
    click(qtbot, guided_screen.stack.currentWidget().buttons["power_cut"])
    return fire, guided_screen.guided.incident_id


def test_finished_question_goes_when_another_incident_is_shown(qtbot, real_questions):
    guided = real_questions.guided
    fire, power_cut = two_incidents(qtbot, real_questions)
    click(qtbot, guided.resolve_button)
    assert len(shown_questions(guided)) == 1
    guided.show_incident(power_cut)  # the same incident again: the question stays
    assert len(shown_questions(guided)) == 1
    guided.show_incident(fire)
    assert shown_questions(guided) == []
    assert Incident.get_by_id(power_cut).status != "resolved"


def test_level_helper_goes_when_another_incident_is_shown(qtbot, real_questions):
    guided = real_questions.guided
    fire, _power_cut = two_incidents(qtbot, real_questions)
    guided.open_level_dialog()
    helper = guided.level_dialog
    assert helper.isVisible()
    guided.show_incident(fire)
    assert not helper.isVisible()



@pytest.fixture
def real_questions(qtbot, controller):
    """The emergency screen with the desk's own questions (not modal, answered later)."""
    from ui.emergency.emergency_screen import EmergencyScreen
    from ui.emergency.guided_response import GuidedResponse

    screen = EmergencyScreen(controller=controller, guided=GuidedResponse(controller=controller))
    qtbot.addWidget(screen)
    screen.resize(1234, 724)
    screen.show()
    qtbot.waitExposed(screen)
    return screen
