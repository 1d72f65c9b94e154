"""Several desks' daily logs as one: rows by time each naming its desk, totals added up,
the late reports named by desk, every desk's seal."""

from datetime import UTC, date, datetime, timedelta

import pytest

from models.documents import DailyLog, DailyRow, DeadlineLine
from models.incidents.history import merge_logs

DAY = date(2026, 11, 21)
T = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)


def row(number, minutes, desk="1号台"):
    return DailyRow(number, T + timedelta(minutes=minutes), "火灾", "消防", "二级", "", "closed",
                    "late", False, desk)


def log(hall, rows, categories, seal, late=()):
    return DailyLog(hall, "", DAY, DAY, tuple(rows), categories, (("二级", len(rows)),),
                    tuple(late), seal=seal)


def test_rows_by_time_each_naming_its_desk_and_totals_added():
    line = DeadlineLine("报告", "服务人员", "经理", T, T, "late", T, 60)
    east = log("城东", [row("001", 0), row("002", 30)], (("消防", 1), ("治安", 1)), "2-AAAA",
               late=[])
    late_row = row("001", 10)
    west = log("城西", [late_row], (("治安", 1),), "5-BBBB", late=[(late_row, line)])
    merged = merge_logs([("城东 1号台", east), ("城西 1号台", west)])
    assert [(r.number, r.desk) for r in merged.rows] == [
        ("001", "城东 1号台"), ("001", "城西 1号台"), ("002", "城东 1号台")]
    assert merged.by_category == (("消防", 1), ("治安", 2))
    assert merged.by_level == (("二级", 3),)
    assert [(r.desk, ln) for r, ln in merged.missed_or_late] == [("城西 1号台", line)]
    assert merged.seals == (("城东 1号台", "2-AAAA"), ("城西 1号台", "5-BBBB"))
    assert (merged.hall, merged.desk, merged.first_day) == ("城东、城西", "", DAY)


def test_nothing_to_merge_is_refused():
    with pytest.raises(ValueError):
        merge_logs([])
