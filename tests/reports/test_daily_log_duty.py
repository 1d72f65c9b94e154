"""The daily log's duty phone log and shift handovers, read back from the PDF: every field of
a call, who was told, the incident it was about; a handover accepted and one refused with its
reason; another day's calls not in it; empty sections said so (a hub's merged log has none)."""

from dataclasses import replace
from datetime import timedelta

from models.incidents import history
from models.journal import duty_calls, handover
from models.journal.duty_calls import CallInput
from models.journal.handover import OpenItems
from reports.daily_log import render_daily_log
from tests.helpers import pdf
from tests.reports.conftest import DAY, GENERATED, NOON, act_at

CALL = CallInput(at=NOON - timedelta(minutes=20), content="询问二楼是否停电", unit="区应急管理局",
                 name="李四", post="值班科员", phone="010-62345678",
                 told=(("王经理", NOON - timedelta(minutes=15)),), handling="已请电工检查")


def _text(log, path) -> str:
    render_daily_log(log, path, generated_at=GENERATED, generated_by="李主管")
    return "\n".join(pdf.page_texts(path))


def test_the_days_calls_and_handovers_are_printed(tmp_path, shipped_catalog, make_incident):
    fire = make_incident("fire", NOON - timedelta(hours=1))
    duty_calls.record(replace(CALL, incident=fire, incident_number="20261120-001"),
                      act_at(NOON))
    duty_calls.record(replace(CALL, content="昨天的来电", at=NOON - timedelta(days=1)),
                      act_at(NOON))
    first = handover.offer(OpenItems(), "", act_at(NOON + timedelta(hours=1)))
    handover.answer(first.id, "李四", accept=False, reason="火情未处置完",
                    act=act_at(NOON + timedelta(hours=1, minutes=2)))
    second = handover.offer(OpenItems(), "钥匙在抽屉", act_at(NOON + timedelta(hours=2)))
    handover.answer(second.id, "王五", accept=True, reason="",
                    act=act_at(NOON + timedelta(hours=2, minutes=1)))
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert len(log.calls) == 1 and len(log.handovers) == 2
    text = _text(log, tmp_path / "day.pdf")
    for printed in ("值班电话记录", "11:40", "区应急管理局", "李四", "值班科员", "010-62345678",
                    "询问二楼是否停电", "处理意见：已请电工检查", "王经理 11:45", "张三",
                    "20261120-001",
                    "交接班记录", "交班人", "接班人", "拒绝接班 13:02", "火情未处置完",
                    "已接班 14:01", "王五"):
        assert printed in text, printed
    assert "昨天的来电" not in text


def test_a_day_without_calls_or_handovers_says_so(tmp_path, shipped_catalog, desk_db):
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    text = _text(log, tmp_path / "empty.pdf")
    assert "本期间无来电记录。" in text and "本期间无交接班。" in text


def test_a_merged_log_from_a_hub_has_empty_sections_and_still_prints(tmp_path, shipped_catalog,
                                                                     desk_db):
    duty_calls.record(CALL, act_at(NOON))
    own = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    merged = history.merge_logs([("城东营业厅 1号台", own)])
    assert own.calls and merged.calls == () and merged.handovers == ()
    assert "本期间无来电记录。" in _text(merged, tmp_path / "merged.pdf")


def _forge(db, sql: str) -> None:
    """What an adversary with sqlite3 does: the append-only triggers dropped, a row changed."""
    db.execute_sql("DROP TRIGGER IF EXISTS journal_no_update")
    db.execute_sql(sql)


def test_a_call_or_handover_edited_with_sqlite3_is_marked_not_trusted(tmp_path, shipped_catalog,
                                                                      desk_db):
    db, _ = desk_db
    kept = duty_calls.record(CALL, act_at(NOON))
    edited = duty_calls.record(replace(CALL, content="询问三楼是否停电", told=(),
                                       at=NOON - timedelta(minutes=15)),
                               act_at(NOON + timedelta(minutes=5)))
    offered = handover.offer(OpenItems(), "", act_at(NOON + timedelta(hours=1)))
    reply = handover.answer(offered.id, "李四", accept=False, reason="火情未处置完",
                            act=act_at(NOON + timedelta(hours=1, minutes=2)))
    _forge(db, f"UPDATE journal_entry SET data = replace(data, '三楼', '五楼') "
               f"WHERE id = {edited.id}")
    _forge(db, f"UPDATE journal_entry SET kind = 'handover_accepted' WHERE id = {reply.id}")
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert [c.intact for c in log.calls] == [True, False] and kept.id != edited.id
    assert [h.intact for h in log.handovers] == [False]
    text = _text(log, tmp_path / "forged.pdf")
    assert "※11:45" in text and "※11:40" not in text and "※13:00" in text
    assert "FAILED" in text or "未通过" in text
