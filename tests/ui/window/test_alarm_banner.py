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
