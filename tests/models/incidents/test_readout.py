"""The read-out's content: which facts, in which order, from the record and the timeline."""

from dataclasses import fields
from datetime import UTC, datetime, timedelta

import pytest

from models.incidents.readout import Readout, ReadoutAction, readout
from models.incidents.response import EntryView, IncidentState, IncidentSummary

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _entry(n, kind, text="", **data):
    return EntryView(n, T0 + timedelta(minutes=n), kind, "张三", "1号台", text, data)


def _state(*entries, situation="fire", level=1, drill=False, hall="城东营业厅", desk="1号台"):
    summary = IncidentSummary(1, situation, "x", level, "open", drill, T0)
    return IncidentState(summary, hall, desk, "张三", {}, (_entry(0, "started"), *entries))


def test_the_facts_are_read_in_this_order():
    assert [f.name for f in fields(Readout)] == [
        "started_at", "place", "is_drill", "situation", "description", "notes", "level_name",
        "level_short", "people", "loss_amount", "loss_items", "actions", "needed", "no_number"]


def test_nothing_recorded_yet(shipped_catalog):
    r = readout(shipped_catalog, _state(hall="", desk=""))
    assert (r.started_at, r.place, r.situation, r.description, r.notes) == (
        T0, (), "营业场所发生火灾", "", ())
    assert (r.level_name, r.level_short, r.is_drill) == ("一级应急事件", "重大", False)
    assert (r.people, r.loss_amount, r.loss_items, r.actions) == ((), "", "", ())
    assert r.needed[:2] == ("物业", "应急指挥部") and "消防报警" in r.needed  # plan order


def test_what_the_record_form_holds_trimmed(shipped_catalog):
    record = {"place": " 二楼仓库 ", "people": "客户王某", "injuries": "  ", "loss_amount": "8000",
              "loss_items": "货架", "description": "冒烟", "other": 3}
    r = readout(shipped_catalog, _state(drill=True), record)
    assert r.place == ("城东营业厅", "1号台", "二楼仓库")
    assert (r.people, r.loss_amount, r.loss_items, r.description) == (
        ("客户王某",), "8000", "货架", "冒烟")
    assert r.is_drill
    both = readout(shipped_catalog, _state(), {"people": "王某", "injuries": "烫伤"})
    assert both.people == ("王某", "烫伤")


def test_actions_taken_in_order_without_notes_or_undone_steps(shipped_catalog):
    state = _state(_entry(1, "step_checked", "报警", situation="fire", step=0),
                   _entry(2, "note", "烟很大"),
                   _entry(3, "called", "消防报警", role="fire"),
                   _entry(4, "step_checked", "疏散", situation="fire", step=1),
                   _entry(5, "step_unchecked", "疏散", situation="fire", step=1),
                   _entry(6, "reported", "应急管理小组组长", role="group_leader"),
                   _entry(7, "deadline_met", "组长到场"))
    r = readout(shipped_catalog, state)
    assert r.actions == (ReadoutAction(T0 + timedelta(minutes=1), "step_checked", "报警"),
                         ReadoutAction(T0 + timedelta(minutes=3), "called", "消防报警"),
                         ReadoutAction(T0 + timedelta(minutes=6), "reported", "应急管理小组组长"),
                         ReadoutAction(T0 + timedelta(minutes=7), "deadline_met", "组长到场"))
    assert r.notes == ("烟很大",)


@pytest.mark.parametrize("kind", ["called", "reported"])
def test_a_role_reached_is_no_longer_needed(shipped_catalog, kind):
    before = readout(shipped_catalog, _state()).needed
    after = readout(shipped_catalog, _state(_entry(1, kind, "x", role="fire"))).needed
    assert "消防报警" in before and after == tuple(n for n in before if n != "消防报警")
    told = readout(shipped_catalog, _state(_entry(1, kind, "x", role="leader_in_charge")))
    assert "分管领导" in before and "分管领导" not in told.needed


def test_a_call_with_no_number_on_file_is_no_action_and_the_role_still_needed(shipped_catalog):
    r = readout(shipped_catalog, _state(_entry(1, "no_number", "物业", role="property")))
    assert r.actions == ()  # never read out as a call
    assert "物业" in r.needed and r.no_number == ("物业",)
    reached = readout(shipped_catalog, _state(_entry(1, "no_number", "物业", role="property"),
                                              _entry(2, "reported", "物业", role="property")))
    assert "物业" not in reached.needed and reached.no_number == ()


def test_level_from_the_incident_not_the_situation(shipped_catalog):
    r = readout(shipped_catalog, _state(level=3))
    assert (r.level_name, r.level_short) == (shipped_catalog.level(3).name,
                                             shipped_catalog.level(3).short)
