"""The printed record says who confirmed receipt by phone, and when the hub saw it."""

from datetime import UTC, datetime

from models.documents import TimelineLine
from reports import incident_record
from reports.words import Words

NOON = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)


def test_a_leaders_receipt_prints_who_and_when():
    line = TimelineLine(NOON, "leader_received", "张三", "received by 王经理 at 12:04",
                        received=("王经理", "12:04"))
    assert incident_record.entry_words(line, Words()) == "王经理 已确认收到 (手机) 12:04"
    assert incident_record.entry_words(line, Words("en")) == \
        "王经理 confirmed receipt (phone) 12:04"


def test_a_shared_readout_prints_for_whom():
    line = TimelineLine(NOON, "readout_shared", "张三", "应急管理小组组长 王经理")
    assert incident_record.entry_words(line, Words()) == \
        "读出稿已发手机确认：应急管理小组组长 王经理"
