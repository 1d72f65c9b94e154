"""A press repaints fast because the guided view reuses its widgets: pages built once (ahead
of the first press, while the desk idles), buttons relabelled, the timeline only grown, and
nothing redrawn while out of sight."""

from PySide6.QtCore import Qt

from tests.helpers.drawn import drawn
from ui.emergency.guided_response import BUILD_AHEAD_AFTER_MS


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    drawn(qtbot, widget)  # what a press redraws after its guided view's paint


def test_a_press_keeps_the_widgets_and_grows_the_timeline(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    rows, report = list(guided.step_rows), guided.report_box.itemAt(0).widget()
    first = guided.timeline.item(guided.timeline.count() - 1)
    click(qtbot, guided.step_rows[0])
    assert guided.step_rows == rows and guided.report_box.itemAt(0).widget() is report
    assert guided.timeline.item(guided.timeline.count() - 1) is first  # only the new added
    assert "✓" in guided.timeline.item(0).text()


def test_a_second_incident_of_a_situation_reuses_its_page(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    rows = list(guided.step_rows)
    emergency.show_home()
    click(qtbot, emergency.home.urgent_buttons["fire"])
    assert guided.step_rows == rows
    assert not any(r.check.isChecked() for r in guided.step_rows)  # the new one's state


def test_every_page_is_built_ahead_while_idle(qtbot, emergency, shipped_catalog):
    guided = emergency.guided
    guided.prebuild_plans()
    assert guided._builder.isActive()
    assert guided._builder.interval() == BUILD_AHEAD_AFTER_MS  # after the desk has settled
    assert not guided.plans_built()
    while guided._to_build:  # one page per turn of the event loop (driven here)
        guided._build_next()
    guided._builder.stop()
    assert guided.plans_built()
    assert len(guided._plans) == len(shipped_catalog.situations)


def test_a_page_built_ahead_is_laid_out_at_the_width_it_is_shown(qtbot, emergency):
    """Its first showing finds the steps wrapped and placed: no row moves or wraps anew under
    the clerk's press (the header's height, known only then, is taken by the last stretch)."""
    guided = emergency.guided
    guided.prebuild_plans()
    while guided._to_build:
        guided._build_next()
    guided._builder.stop()
    page = guided._plans["fire"]

    def placed():
        return ([row.geometry() for row in page.rows], page.scroll.widget().width(),
                page.calls.width())

    built = placed()
    assert not page.rows[0].property("done")  # styled as not done: no restyle at the press
    click(qtbot, emergency.home.urgent_buttons["fire"])
    assert guided.steps.currentWidget() is page.scroll
    assert placed() == built


def test_the_strip_keeps_the_buttons_of_incidents_still_open(qtbot, emergency):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    fire = emergency.guided.incident_id
    button = emergency.strip.buttons[fire]
    emergency.show_home()
    click(qtbot, emergency.home.urgent_buttons["robbery"])
    assert emergency.strip.buttons[fire] is button and len(emergency.strip.buttons) == 2
    assert emergency.strip.buttons[emergency.guided.incident_id].isChecked()
    assert not button.isChecked()


def test_out_of_sight_the_view_redraws_only_when_shown_again(qtbot, emergency, controller):
    click(qtbot, emergency.home.urgent_buttons["fire"])
    guided = emergency.guided
    incident_id = guided.incident_id
    emergency.show_home()
    count = guided.timeline.count()
    controller.note(incident_id, "烟很大")
    assert guided.timeline.count() == count  # hidden: not redrawn
    emergency.stack.setCurrentWidget(guided)  # shown again as it was left
    assert guided.timeline.count() == count + 1
    assert "烟很大" in guided.timeline.item(0).text()


def test_the_view_keeps_no_layout_outside_its_widgets(qtbot, emergency):
    """`calls_box` was a grid made at start-up and never placed (each plan has its own):
    every layout the view makes belongs to a widget of it."""
    import gc

    import shiboken6
    from PySide6.QtWidgets import QLayout

    def loose() -> list[QLayout]:
        return [o for o in gc.get_objects() if isinstance(o, QLayout)
                and shiboken6.isValid(o) and o.parent() is None]

    assert loose() == []  # built, nothing shown yet
    click(qtbot, emergency.home.urgent_buttons["fire"])
    assert loose() == []
