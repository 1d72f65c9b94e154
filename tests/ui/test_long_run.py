"""A desk runs all day: its one-second tick must not wear away Python's shared objects.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method that
returns nothing (setText, repaint, ...); None's count fell with each tick until the interpreter
aborted ("deallocating None"), after hours at a desk. Python 3.12 and later make None immortal,
so there the counts stay put whatever the binding does.
"""

import sys

from tests.ui.test_desk_timers import WORKDAY, click, make_desk, step


def shared_counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_five_minutes_of_ticks_keep_none_true_and_false_alive(qtbot, tmp_path, shipped_catalog,
                                                          desk_db):
    desk, clock = make_desk(qtbot, tmp_path, shipped_catalog, desk_db[1], WORKDAY)
    click(qtbot, desk.emergency.home.urgent_buttons["fire"])  # cards count down, one alarms
    for _ in range(60):  # settle caches before counting
        step(desk, clock, seconds=1)
    before = shared_counts()
    for _ in range(300):
        step(desk, clock, seconds=1)
    lost = [b - a for b, a in zip(before, shared_counts(), strict=True)]
    assert max(lost) < 30, f"references lost to None, True, False in five minutes: {lost}"
