"""The layer's own rule, without an X server: what lies within the work area."""

from tests.gui.driver import WORK_AREA, within


def test_a_window_exactly_filling_the_work_area_is_within_it():
    assert WORK_AREA == (0, 0, 1366, 728)
    assert within([0, 0, 1366, 728], WORK_AREA)


def test_one_pixel_over_any_edge_is_outside():
    assert not within([0, 0, 1366, 729], WORK_AREA)  # into the taskbar
    assert not within([0, 0, 1367, 728], WORK_AREA)
    assert not within([-1, 0, 1366, 728], WORK_AREA)
    assert not within([0, -1, 1366, 728], WORK_AREA)


def test_a_point_on_the_last_row_above_the_taskbar_is_within_and_the_next_is_not():
    assert within((1365, 727), WORK_AREA)
    assert not within((683, 728), WORK_AREA)
