"""A decision point reached rings the clerk's alarm as a miss does (it is never recorded as
one: tests/models/incidents/test_decision_points.py); acknowledging silences it."""

from tests.helpers.wiring import deadline_controller


def test_a_decision_point_reached_rings_until_acknowledged(controller, clock, qtbot):
    deadlines = deadline_controller(controller)
    deadlines.reload()
    power = controller.start("power_cut")
    controller.report(power, next(v.to_role for v in deadlines.views
                                  if v.incident_id == power and v.action == "report"))
    clock.advance(minutes=30)
    with qtbot.waitSignal(deadlines.missed) as rung:
        deadlines.tick()
    [point] = [v for v in deadlines.views if v.id in rung.args[0] and v.is_decision]
    assert (point.action, point.status) == ("decide", "prompted")
    assert deadlines.alarming() == [point]  # the other miss rung is the liaison's, not ours
    deadlines.acknowledge_all()
    assert deadlines.alarming() == []
