"""A decision point ("if not fixed within 30 minutes, ask the customers whether to wait",
action `decide`) rings when its time comes, like a miss, but is never one: no document sets
it as a deadline. It is "prompted", not missed; pressing it is "decided", never late; it is
left out of the reporting outcome, the daily log's misses and the drills' scores."""

from datetime import timedelta

from models.incidents import deadlines
from models.incidents.history import deadline_line, reporting_of
from models.incidents.verify import verify_incident
from models.plans.catalog import Timer
from models.store.tables import Deadline, TimelineEntry
from tests.models.incidents.test_deadlines import (
    WORKDAY_NOON,
    act_at,
    catalog_with,
    last_entry,
    row,
    started,
)

DECIDE = Timer("check_30", "停电30分钟:征询客户意见", "decide", 30)
REPORT = Timer("report", "向组长报告", "report", 10, to="leader")
AFTER_POINT = Timer("tell_manager", "报告部门经理", "report", 0, to="manager",
                    starts=("met:check_30", "missed:check_30"))
POINT = WORKDAY_NOON + timedelta(minutes=30)


def test_a_decision_point_reached_is_prompted_not_missed(new_incident):
    catalog = catalog_with(DECIDE, AFTER_POINT)
    incident = new_incident()
    ids = started(catalog, incident)
    just_before = POINT - timedelta(seconds=1)
    assert deadlines.check_overdue(catalog, act_at(just_before)) == []
    assert deadlines.check_overdue(catalog, act_at(POINT)) == [ids["check_30"]]
    point = row(ids["check_30"])
    assert (point.status, point.missed_at) == ("prompted", None)
    assert not TimelineEntry.select().where(TimelineEntry.kind == "deadline_missed").exists()
    assert last_entry("decision_prompted")[4] == "停电30分钟:征询客户意见"
    # what the point reached starts (gas 五.4(2): "如30分钟内无法排除故障,应立即报告部门经理")
    assert Deadline.get(Deadline.key == "tell_manager").status == "pending"
    assert verify_incident(incident.id) == []


def test_a_prompted_decision_rings_until_acknowledged(new_incident):
    catalog = catalog_with(DECIDE)
    ids = started(catalog, new_incident())
    deadlines.check_overdue(catalog, act_at(POINT))
    [view] = deadlines.open_deadlines(catalog)
    assert view.ringing and view.is_decision and view.owed_by_desk
    assert deadlines.urgency(view, POINT) == "overdue"  # the card is red, as a miss's
    deadlines.acknowledge(ids["check_30"], act_at(POINT))
    assert row(ids["check_30"]).status == "prompted"


def test_pressed_after_the_point_it_is_decided_never_late(new_incident):
    catalog = catalog_with(DECIDE)
    incident = new_incident()
    ids = started(catalog, incident)
    deadlines.check_overdue(catalog, act_at(POINT))
    deadlines.meet(catalog, ids["check_30"], act_at(POINT + timedelta(minutes=12)))
    assert row(ids["check_30"]).status == "decided"
    data = last_entry("deadline_met")[5]
    assert (data["late_seconds"], data["action"]) == (0, "decide")
    assert verify_incident(incident.id) == []


def test_pressed_before_the_point_it_is_decided_too(new_incident):
    catalog = catalog_with(DECIDE, AFTER_POINT)
    ids = started(catalog, new_incident())
    deadlines.meet(catalog, ids["check_30"], act_at(POINT - timedelta(minutes=5)))
    assert row(ids["check_30"]).status == "decided"
    assert Deadline.get(Deadline.key == "tell_manager").status == "pending"  # chain: met


def test_a_missed_report_beside_it_is_still_missed(new_incident):
    """Pinned at the boundary: only the decision point is spared."""
    catalog = catalog_with(DECIDE, REPORT)
    ids = started(catalog, new_incident())
    deadlines.check_overdue(catalog, act_at(POINT))
    assert (row(ids["report"]).status, row(ids["check_30"]).status) == ("missed", "prompted")


def test_handling_finished_gives_way_to_a_ringing_decision(new_incident):
    catalog = catalog_with(DECIDE, REPORT)
    incident = new_incident()
    ids = started(catalog, incident)
    deadlines.check_overdue(catalog, act_at(POINT))
    deadlines.settle(incident, deadlines.FIXING, deadlines.HANDLING_FINISHED, act_at(POINT))
    assert (row(ids["check_30"]).status, row(ids["report"]).status) == ("superseded", "missed")
    assert verify_incident(incident.id) == []


def test_a_prompted_row_set_to_missed_behind_the_programs_back_shows(new_incident):
    catalog = catalog_with(DECIDE)
    incident = new_incident()
    ids = started(catalog, incident)
    deadlines.check_overdue(catalog, act_at(POINT))
    Deadline.update(status="missed").where(Deadline.id == ids["check_30"]).execute()
    assert [f.problem for f in verify_incident(incident.id)] == ["deadline_differs"]


def test_the_reporting_outcome_leaves_decisions_out(new_incident):
    catalog = catalog_with(DECIDE, REPORT)
    incident = new_incident()
    ids = started(catalog, incident)
    deadlines.meet(catalog, ids["report"], act_at(WORKDAY_NOON))
    deadlines.check_overdue(catalog, act_at(POINT))
    rows = list(Deadline.select().where(Deadline.incident == incident.id))
    assert reporting_of(rows) == "in time"
    assert reporting_of([r for r in rows if r.key == "check_30"]) == ""
    # and a pending one is no reporting "pending" either
    other = new_incident()
    started(catalog_with(DECIDE), other)
    assert reporting_of(list(Deadline.select().where(Deadline.incident == other.id))) == ""


def test_the_records_line_says_when_the_point_came(new_incident, shipped_catalog):
    catalog = catalog_with(DECIDE)
    ids = started(catalog, new_incident())
    deadlines.check_overdue(catalog, act_at(POINT))
    line = deadline_line(shipped_catalog, row(ids["check_30"]))
    assert (line.status, line.due_at, line.late_seconds) == ("prompted", POINT, 0)
