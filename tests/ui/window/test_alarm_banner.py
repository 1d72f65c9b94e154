"""The alarm banner says when a missed deadline is a drill's: in a drill the banner covers the
drill banner, so without the marker a drill's alarm reads like a real one."""

from datetime import UTC, datetime, timedelta

from models.services.incidents import DeadlineView
from ui.window.alarm_banner import AlarmBanner

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def missed(*, is_drill: bool) -> DeadlineView:
    return DeadlineView(1, 1, "营业场所发生火灾", is_drill, "report", "报告应急管理小组组长", "",
                        "leader", "", False, NOW - timedelta(minutes=10),
                        NOW - timedelta(minutes=5), "open", False)


def test_a_drill_alarm_is_marked_and_a_real_one_is_not(qtbot):
    banner = AlarmBanner()
    qtbot.addWidget(banner)
    banner.show_alarms([missed(is_drill=True)], NOW)
    assert "【演练】营业场所发生火灾" in banner.text.toolTip() + banner.text.text()
    banner.show_alarms([missed(is_drill=False)], NOW)
    assert "演练" not in banner.text.toolTip() + banner.text.text()


def test_a_decision_point_rings_but_never_says_missed(qtbot):
    """"停电30分钟:征询客户意见" is the desk's own point, no document's deadline."""
    banner = AlarmBanner()
    qtbot.addWidget(banner)
    point = DeadlineView(2, 1, "营业场所突然停电", False, "check_30", "停电30分钟:征询客户意见",
                         "decide", "", "clerk", False, NOW - timedelta(minutes=30),
                         NOW - timedelta(minutes=2), "prompted", False)
    banner.show_alarms([point], NOW)
    assert banner.text.text() == (
        "请决定：停电30分钟:征询客户意见（营业场所突然停电）已到决策点 02:00")
    assert "超时" not in banner.text.text()
    banner.show_alarms([point, missed(is_drill=False)], NOW)
    assert banner.text.text().startswith("⚠ 超时：")  # a real miss among them is said
