from datetime import date

import pytest

from models.stats.period import MONTH, QUARTER, Period, containing, parse_period


def test_a_month_and_a_quarter_are_read_as_the_cli_writes_them():
    assert parse_period("2026-11") == Period(MONTH, date(2026, 11, 1))
    assert parse_period("2026Q4") == Period(QUARTER, date(2026, 10, 1))
    assert parse_period("2026q1").last == date(2026, 3, 31)
    assert parse_period("2024-02").last == date(2024, 2, 29)
    assert parse_period("2026-12").after == date(2027, 1, 1)
    assert [parse_period(t).label for t in ("2026-01", "2026Q2")] == ["2026-01", "2026Q2"]


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026Q5", "2026Q0", "26-11", "2026-1",
                                  "", "2026/11", "0000-01", "1970-12", "9999Q4", "9999-12"])
def test_anything_else_is_refused_with_how_to_write_it(text):
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_period(text)


def test_the_years_a_period_and_its_trend_can_be_read_in():
    assert parse_period("1971-01").trend_months()[0] == date(1970, 2, 1)
    assert parse_period("9998Q4").after == date(9999, 1, 1)


def test_previous_and_next_cross_the_year():
    assert parse_period("2026-01").previous() == parse_period("2025-12")
    assert parse_period("2026Q4").next() == parse_period("2027Q1")
    assert parse_period("2026Q1").previous().label == "2025Q4"


def test_the_trend_is_the_twelve_months_ending_with_the_period():
    months = parse_period("2026-11").trend_months()
    assert (months[0], months[-1], len(months)) == (date(2025, 12, 1), date(2026, 11, 1), 12)
    quarter = parse_period("2026Q4").trend_months()
    assert (quarter[0], quarter[-1]) == (date(2026, 1, 1), date(2026, 12, 1))


def test_the_period_holding_a_day():
    assert containing(QUARTER, date(2026, 6, 30)) == parse_period("2026Q2")
    assert containing(MONTH, date(2026, 7, 1)) == parse_period("2026-07")
    assert parse_period("2026-08").as_kind(QUARTER) == parse_period("2026Q3")
