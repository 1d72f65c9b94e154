"""The roles a plan calls: one rule for the guided view, the read-out and drill scoring.

The three reference functions below are the three computations the rule replaced, copied as
they were (guided view, read-out, drill scoring); the rule must agree with each of them on
every shipped situation.
"""

import pytest

from models.plans.calls import dial_order, plan_calls, still_to_call
from models.plans.catalog import Situation, Step


def guided_view_then(catalog, sit):  # ui/emergency/guided_response.py _fill_calls
    roles = []
    for step in sit.steps:
        roles += [k for k in step.call if k not in roles]
    roles.sort(key=lambda k: not catalog.role(k).number)
    return roles


def readout_then(sit, called):  # ui/emergency/readout.py compose_readout
    needed = []
    for step in sit.steps:
        for role_key in step.call:
            if role_key not in called and role_key not in needed:
                needed.append(role_key)
    return needed


def scoring_then(sit):  # models/drills/runs.py _calls / _rank
    def rank(need):
        condition, after = need
        return 2 if after else 1 if condition else 0

    needs = {}
    for step in sit.steps:
        for key in step.call:
            need = (step.condition, step.after)
            if key not in needs or rank(need) < rank(needs[key]):
                needs[key] = need
    return needs


def test_the_shipped_plans_call_someone(shipped_catalog):
    assert sum(1 for sit in shipped_catalog.situations if plan_calls(sit)) > 20


def test_same_roles_as_the_guided_view_on_every_shipped_situation(shipped_catalog):
    for sit in shipped_catalog.situations:
        assert list(dial_order(shipped_catalog, plan_calls(sit))) == \
            guided_view_then(shipped_catalog, sit), sit.key


def test_same_roles_as_the_readout_on_every_shipped_situation(shipped_catalog):
    for sit in shipped_catalog.situations:
        everyone = [c.role for c in plan_calls(sit)]
        for called in (set(), set(everyone[:1]), set(everyone[1::2]), set(everyone)):
            assert list(still_to_call(plan_calls(sit), called)) == readout_then(sit, called), \
                (sit.key, called)


def test_same_needs_as_drill_scoring_on_every_shipped_situation(shipped_catalog):
    for sit in shipped_catalog.situations:
        assert {c.role: (c.condition, c.after) for c in plan_calls(sit)} == scoring_then(sit), \
            sit.key
        assert [c.role for c in plan_calls(sit)] == list(scoring_then(sit)), sit.key


def _sit(*steps: Step) -> Situation:
    return Situation(key="s", category="c", name="n", short="n", default_level=1, steps=steps)


@pytest.mark.parametrize(("steps", "expected"), [
    # the step that needs the call most wins: always < under a condition < afterwards
    ((Step("a", call=("x",), after=True), Step("b", call=("x",), condition="if"),
      Step("c", call=("x",))), ("", False)),
    ((Step("a", call=("x",), after=True), Step("b", call=("x",), condition="if")),
     ("if", False)),
    ((Step("a", call=("x",), condition="if", after=True), Step("b", call=("x",), after=True)),
     ("if", True)),  # same rank: the first step's need stays
    ((Step("a", call=("x",), condition="first"), Step("b", call=("x",), condition="second")),
     ("first", False)),
    ((Step("a", call=("x",)), Step("b", call=("x",), after=True)), ("", False)),
])
def test_a_call_keeps_the_need_of_the_step_that_needs_it_most(steps, expected):
    (call,) = plan_calls(_sit(*steps))
    assert (call.role, call.condition, call.after) == ("x", *expected)


def test_calls_in_order_of_first_mention_once_each():
    sit = _sit(Step("a", call=("y", "x")), Step("b", call=("x", "z", "y")))
    assert [c.role for c in plan_calls(sit)] == ["y", "x", "z"]
    assert plan_calls(_sit(Step("a"))) == ()


def test_a_call_is_always_due_only_when_no_step_limits_it():
    sit = _sit(Step("a", call=("x",)), Step("b", call=("y",), condition="if"),
               Step("c", call=("z",), after=True))
    assert [c.always for c in plan_calls(sit)] == [True, False, False]


def test_numbers_to_dial_come_first_in_plan_order(shipped_catalog):
    sit = _sit(Step("a", call=("clerk", "police", "colleague", "fire")))
    assert dial_order(shipped_catalog, plan_calls(sit)) == ("police", "fire", "clerk",
                                                            "colleague")
