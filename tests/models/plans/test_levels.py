"""Proposing a level from the criteria: the most severe level with a "yes", else the least."""

import pytest

from models.plans.catalog import Level
from models.plans.levels import propose_level, questions


def level(number: int, *criteria: str) -> Level:
    return Level(number, f"{number}级", f"{number}", "#000000", criteria, "", "leader", 5)


# out of order on purpose: the rules must not depend on the catalog's order
LEVELS = (level(2, "员工受伤", "群体投诉"), level(3, "情绪激动"), level(1, "人员伤亡", "重大损失"))


def test_questions_most_severe_first_without_the_least_severe_level():
    assert questions(LEVELS) == [(1, "人员伤亡"), (1, "重大损失"), (2, "员工受伤"), (2, "群体投诉")]


def test_questions_take_any_iterable():
    assert questions(iter(LEVELS)) == questions(LEVELS)


@pytest.mark.parametrize(("yes", "proposed"), [
    ((), 3),  # nothing applies: handled on the spot
    (("情绪激动",), 3),
    (("群体投诉",), 2),
    (("群体投诉", "重大损失"), 1),  # the most severe "yes" wins
    (("不在预案中",), 3),
])
def test_propose_level(yes, proposed):
    assert propose_level(iter(LEVELS), iter(yes)) == proposed
