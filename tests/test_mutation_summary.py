"""The per-module kill rate read from `mutmut results --all true`."""

from tools.mutation_summary import summarise, table

RESULTS = """\
    models.clock.workdays.xǁHolidayCalendarǁis_holiday__mutmut_5: killed
    models.clock.workdays.xǁHolidayCalendarǁis_holiday__mutmut_6: survived
    models.incidents.deadlines.x_meet__mutmut_16: killed
    models.incidents.deadlines.x_check_overdue__mutmut_9: timeout
    models.incidents.deadlines.x_urgency__mutmut_1: no tests
    models.incidents.deadlines.x_meet__mutmut_17: killed
"""


def test_statuses_counted_per_module():
    modules = summarise(RESULTS.splitlines())
    assert list(modules) == ["models.clock.workdays", "models.incidents.deadlines"]
    assert modules["models.clock.workdays"] == {"killed": 1, "survived": 1}
    assert modules["models.incidents.deadlines"] == {"killed": 2, "timeout": 1, "no tests": 1}


def test_the_rate_counts_killed_mutants_only():
    rows = table(summarise(RESULTS.splitlines()))
    assert rows[1].split()[:7] == ["models.incidents.deadlines", "killed", "2", "/", "4", "=",
                                   "50.0%"]
    assert rows[-1].split()[:7] == ["all", "killed", "3", "/", "6", "=", "50.0%"]
    assert rows[-1].endswith("survived 1  timeout 1  no tests 1")
