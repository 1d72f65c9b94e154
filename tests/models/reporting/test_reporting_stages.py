"""The order of formal reports at its boundaries: 初报 first, 续报 numbered from 1, 终报 last;
names as printed (续报一 … 续报十二)."""

import pytest

from models.reporting.stages import (
    FINAL,
    FOLLOWUP,
    INITIAL,
    ReportRefused,
    Slot,
    check_next,
    chinese_number,
    next_slots,
    stage_name,
)


def test_nothing_filed_offers_only_the_initial_report():
    assert next_slots([]) == [Slot(INITIAL)]
    for wanted, code in ((Slot(FOLLOWUP, 1), "initial_first"), (Slot(FINAL), "initial_first")):
        with pytest.raises(ReportRefused) as refused:
            check_next([], wanted)
        assert refused.value.code == code


def test_after_the_initial_report_the_first_followup_or_the_final():
    filed = [Slot(INITIAL)]
    assert next_slots(filed) == [Slot(FOLLOWUP, 1), Slot(FINAL)]
    check_next(filed, Slot(FOLLOWUP, 1))
    with pytest.raises(ReportRefused) as refused:
        check_next(filed, Slot(INITIAL))
    assert refused.value.code == "initial_filed"
    with pytest.raises(ReportRefused) as refused:
        check_next(filed, Slot(FOLLOWUP, 2))  # no 续报二 before 续报一
    assert refused.value.code == "not_next"


def test_followups_count_on_and_a_number_taken_is_refused():
    filed = [Slot(INITIAL), Slot(FOLLOWUP, 1), Slot(FOLLOWUP, 2)]
    assert next_slots(filed) == [Slot(FOLLOWUP, 3), Slot(FINAL)]
    with pytest.raises(ReportRefused) as refused:
        check_next(filed, Slot(FOLLOWUP, 2))  # a second window's 续报二
    assert refused.value.code == "not_next"


def test_nothing_after_the_final_report():
    filed = [Slot(INITIAL), Slot(FINAL)]
    assert next_slots(filed) == []
    for wanted in (Slot(FOLLOWUP, 1), Slot(FINAL), Slot(INITIAL)):
        with pytest.raises(ReportRefused) as refused:
            check_next(filed, wanted)
        assert refused.value.code == "final_filed"


def test_an_unknown_stage_is_refused():
    with pytest.raises(ReportRefused) as refused:
        check_next([], Slot("interim"))
    assert refused.value.code == "bad_stage"


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"),
                                         (20, "二十"), (21, "二十一"), (99, "九十九"),
                                         (100, "100")])
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_printed_names():
    assert [stage_name(s) for s in (Slot(INITIAL), Slot(FOLLOWUP, 1), Slot(FOLLOWUP, 2),
                                    Slot(FOLLOWUP, 12), Slot(FINAL))] == \
        ["初报", "续报一", "续报二", "续报十二", "终报"]
