"""The incident record PDF read back: Chinese field values, deadlines late and missed, the
timeline, the integrity check, drills marked, long text split across pages, fonts embedded."""

import ast
import json
from datetime import timedelta
from pathlib import Path

from models.documents import IncidentRecord, TimelineLine
from models.incidents.record_document import build_record, find_incident
from models.incidents.verify import PROBLEM_WORDS
from models.store.tables import bound_database
from reports import daily_log, incident_record, parts
from reports.incident_record import render_incident_record
from reports.words import Words
from tests.helpers import pdf
from tests.helpers.hall import HALL
from tests.reports.conftest import GENERATED, NOON

ROOT = Path(__file__).resolve().parents[2]


def flat(text: str) -> str:
    """The text without line breaks and the spaces pypdf adds at line ends."""
    return "".join(text.split())


def render(record: IncidentRecord, path: Path) -> list[str]:
    render_incident_record(record, path, generated_at=GENERATED, generated_by="李主管")
    return pdf.page_texts(path)


def test_every_part_of_a_real_record(tmp_path, shipped_catalog, fire_record):
    texts = render(build_record(shipped_catalog, fire_record), tmp_path / "fire.pdf")
    text = "\n".join(texts)
    for expected in ("事件记录 20261120-001", "营业场所发生火灾", "一级应急事件（重大）",
                     "城东营业厅",
                     "二楼仓库", "仓库电线短路起火，烟雾进入营业大厅。", "客户约二十人，员工五人",
                     "5200", "客户安抚\n已逐一致歉并登记联系方式", "备注：二楼仓库冒烟，已疏散客户",
                     "已报告：应急管理小组组长 王组长", "真实事件", "处置人（签字）",
                     "主管（签字）", "时间线完整性校验：通过"):
        assert expected in text, expected
    assert "报告应急管理小组组长" in text and "迟报 3 分 0 秒（12:08 完成）" in text
    assert "超时未报" in text  # the general manager was never told
    assert "记录已保存：地点、事件经过" in text  # field names printed, not their keys
    assert "演练" not in text
    for number, page in enumerate(texts, 1):
        assert f"第 {number} 页 / 共 {len(texts)} 页" in page
        assert "生成于 2026-11-20 18:30 · 生成人 李主管" in page
    fonts = pdf.fonts(tmp_path / "fire.pdf")
    assert fonts and all(fonts.values()), fonts


def test_a_drill_is_marked_on_every_page(tmp_path, shipped_catalog, make_incident):
    drill = make_incident("robbery", drill=True, note="演练：歹徒持刀进入大厅")
    texts = render(build_record(shipped_catalog, drill), tmp_path / "drill.pdf")
    assert "【演练】本记录为培训演练" in texts[0]
    assert all("演练" in page for page in texts)  # the watermark


def test_a_tampered_timeline_says_so(tmp_path, shipped_catalog, fire_record):
    bound_database().execute_sql("DROP TRIGGER timeline_no_update")
    bound_database().execute_sql("UPDATE timeline_entry SET text = '无事发生' WHERE kind = 'note'")
    texts = render(build_record(shipped_catalog, fire_record), tmp_path / "tampered.pdf")
    first = flat(texts[0])
    assert "时间线完整性校验：未通过" in first
    assert "记录后被改动" in first and "请将本记录和数据库文件作为证据保存" in first


def test_two_hundred_entries_with_the_header_on_each_page(tmp_path, shipped_catalog,
                                                          make_incident):
    from models.incidents import response
    from tests.reports.conftest import act_at

    incident = make_incident("agitated_customer")
    for n in range(200):
        response.add_note(incident, f"第{n:03d}条：客户情绪仍不稳定",
                          act_at(NOON + timedelta(seconds=20 * n)))
    record = build_record(shipped_catalog, incident)
    texts = render(record, tmp_path / "long.pdf")
    text = "\n".join(texts)
    assert all(f"第{n:03d}条" in text for n in range(200))
    timeline_pages = [p for p in texts if "第199条" in p or "第100条" in p]
    assert len(texts) >= 4
    assert all("时间\n人员\n内容" in page for page in timeline_pages)
    assert f"时间线（共 {len(record.timeline)} 条）" in text


def test_long_text_markup_and_emoji_print_whole(tmp_path, shipped_catalog, make_incident):
    note = ("客户反复投诉<b>&amp;" + "排队时间过长，" * 1400)[:10_000]
    incident = make_incident("complaint_escalation", note=note + "😀")
    record = build_record(shipped_catalog, incident)
    texts = render(record, tmp_path / "note.pdf")
    text = flat("".join(texts))
    assert "客户反复投诉<b>&amp;排队时间过长" in text  # markup printed as typed
    assert text.count("排队时间过长") >= 1400 - 5  # every line of the 10,000 characters
    assert len(texts) >= 5


def test_find_incident_by_id_or_number(shipped_catalog, make_incident):
    first = make_incident("fire")
    second = make_incident("power_cut")
    assert find_incident(str(second)) == second
    assert find_incident(" 20261120-001 ") == first
    assert find_incident("20261120-009") is None and find_incident("x") is None


def test_timeline_words_cover_late_deadlines():
    line = TimelineLine(NOON, "deadline_met", "张三", "报告组长", late_seconds=125)
    assert incident_record.entry_words(line, Words()) == "迟 2 分 5 秒完成：报告组长"
    assert incident_record.entry_words(line, Words("en")) == "Done 2 min 5 s late: 报告组长"


def test_a_level_change_prints_from_and_to(shipped_catalog, make_incident):
    from models.incidents import response
    from tests.reports.conftest import act_at
    incident = make_incident("fire")
    response.change_level(shipped_catalog, incident, 2, "火势已控制", act_at(NOON))
    lines = build_record(shipped_catalog, incident).timeline
    changed = next(line for line in lines if line.kind == "level_changed")
    assert incident_record.entry_words(changed, Words()).endswith("→ 2：火势已控制")


def english_texts() -> set[str]:
    """Every English text the documents print: w("...") calls and the words tables."""
    texts = set()
    for module in (parts, incident_record, daily_log):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "w" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                texts.add(node.args[0].value)
    for table in (parts.STATUS_WORDS, parts.REPORTING_WORDS, parts.DEADLINE_WORDS,
                  incident_record.ENTRY_WORDS, PROBLEM_WORDS):
        texts |= set(table.values())
    texts |= {label for _, label in incident_record.FIELD_WORDS}
    texts |= set(incident_record.SIGNERS) | set(daily_log.SIGNERS)
    return texts - {parts.EMPTY}


def test_every_printed_text_has_its_chinese():
    table = json.loads((ROOT / "resources/i18n/reports.zh_CN.json").read_text(encoding="utf-8"))
    texts = english_texts()
    assert len(texts) > 80
    assert sorted(t for t in texts if t not in table) == []
    for source, chinese in table.items():
        for n in range(3):
            assert (f"{{{n}}}" in source) == (f"{{{n}}}" in chinese), source


def test_a_deadline_done_the_next_day_shows_the_date():
    from models.documents import DeadlineLine

    due = NOON
    late = DeadlineLine("24小时内上报", "现场服务人员", "部门经理", NOON - timedelta(hours=24),
                        due, "late", met_at=due + timedelta(hours=13), late_seconds=13 * 3600)
    same_day = DeadlineLine("报告组长", "现场服务人员", "组长", NOON, due, "met",
                            met_at=due - timedelta(minutes=1))
    assert parts.deadline_outcome(late, Words(), HALL).endswith(
        f"（{(due + timedelta(hours=13)).astimezone(HALL):%m-%d %H:%M} 完成）")
    assert parts.deadline_outcome(same_day, Words(), HALL).endswith(
        f"（{(due - timedelta(minutes=1)).astimezone(HALL):%H:%M} 完成）")


def test_a_decision_point_is_printed_as_reached_never_as_missed():
    """"停电30分钟:征询客户意见" is the desk's point, no document's deadline: the record says
    when it came and, if pressed, that it was decided — never "Missed" nor "Late by"."""
    from models.documents import DeadlineLine

    due = NOON + timedelta(minutes=30)
    reached = DeadlineLine("停电30分钟:征询客户意见", "现场服务人员", "", NOON, due, "prompted")
    decided = DeadlineLine("停电30分钟:征询客户意见", "现场服务人员", "", NOON, due, "decided",
                           met_at=due + timedelta(minutes=12))
    early = DeadlineLine("停电30分钟:征询客户意见", "现场服务人员", "", NOON, due, "decided",
                         met_at=due - timedelta(minutes=5))
    at = f"{due.astimezone(HALL):%H:%M}"
    assert parts.deadline_outcome(reached, Words(), HALL) == f"{at} 到达决策点"
    assert parts.deadline_outcome(reached, Words("en"), HALL) == f"Decision point reached at {at}"
    assert parts.deadline_outcome(decided, Words(), HALL) == (
        f"{at} 到达决策点；已决定（{(due + timedelta(minutes=12)).astimezone(HALL):%H:%M} 完成）")
    assert parts.deadline_outcome(early, Words(), HALL).startswith("已决定（")
    for kind, words in (("decision_prompted", "到达决策点：停电30分钟"),
                        ("decision_taken", "已决定：停电30分钟")):
        line = TimelineLine(NOON, kind, "张三", "停电30分钟")
        assert incident_record.entry_words(line, Words()) == words


def test_pressing_a_decision_point_reads_as_decided_in_the_record(shipped_catalog,
                                                                 make_incident):
    from models.incidents import deadlines
    from tests.reports.conftest import act_at
    incident = make_incident("power_cut")
    point = next(v for v in deadlines.open_deadlines(shipped_catalog, incident) if v.is_decision)
    deadlines.meet(shipped_catalog, point.id, act_at(NOON + timedelta(minutes=40)))
    record = build_record(shipped_catalog, incident)
    assert [line.kind for line in record.timeline if line.text == point.label][-1] == (
        "decision_taken")
    assert [d.status for d in record.deadlines if d.label == point.label] == ["decided"]
