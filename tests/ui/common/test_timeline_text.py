"""Timeline entries read in Chinese, field names included."""

from datetime import UTC, datetime

from models.incidents.response import EntryView
from ui.common.timeline_text import entry_text


def entry(kind, text, data=None):
    return EntryView(1, datetime(2026, 11, 20, tzinfo=UTC), kind, "张三", "1号台", text,
                     data or {})


def test_record_saved_names_the_fields_as_the_form_does():
    saved = entry("record_saved", "place、description、aftercare:客户安抚",
                  {"fields": ["place", "description", "aftercare:客户安抚"]})
    assert entry_text(saved) == "记录已保存：地点、事件经过、善后：客户安抚"


def test_a_late_report_says_how_late():
    met = entry("deadline_met", "报告应急管理小组组长", {"late_seconds": 125})
    assert entry_text(met) == "迟了 2:05 完成：报告应急管理小组组长"


def test_a_level_change_says_from_and_to():
    changed = entry("level_changed", "有人员受伤", {"from": 2, "to": 1})
    assert entry_text(changed) == "级别 2 → 1：有人员受伤"


def test_an_amendment_says_which_field_from_what_to_what():
    amended = entry("amended", "监控显示在二楼", {"field": "place", "old": "一楼", "new": "二楼"})
    assert entry_text(amended) == "更正地点：“一楼” → “二楼”（监控显示在二楼）"


def test_a_jump_of_the_pc_s_clock_says_which_way_and_how_far():
    assert entry_text(entry("clock_jumped", "", {"seconds": -3600})) == \
        "电脑时钟被调慢了 60 分钟；处置台按实际经过的时间继续计时"
    assert entry_text(entry("clock_jumped", "", {"seconds": 150})) == \
        "电脑时钟被调快了 2 分钟；处置台按实际经过的时间继续计时"


def test_a_decision_point_reads_as_reached_and_decided_never_late():
    reached = entry("decision_prompted", "停电30分钟:征询客户意见", {"key": "check_30"})
    assert entry_text(reached) == "到达决策点：停电30分钟:征询客户意见"
    decided = entry("deadline_met", "停电30分钟:征询客户意见",
                    {"late_seconds": 0, "action": "decide"})
    assert entry_text(decided) == "已决定：停电30分钟:征询客户意见"
