"""The drill evaluation report: a cover and a body laid out as GB/T 46792-2025 附录E, every
word in Chinese, the score sheet with its total, the actions with their state, and an
attachment changed after it was hashed printed as changed."""

import hashlib
from datetime import UTC, date, datetime

import pytest

from models.drills import actions, attachments
from models.drills.evaluation import Draft, evaluate, load_sheets
from models.drills.evaluation_report import build_evaluation_report
from models.store.tables import TrainingRecord
from reports.drill_evaluation import write_drill_evaluation
from reports.words import Words
from tests.helpers import pdf

T0 = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


class Recording(Words):
    def __init__(self):
        super().__init__("zh_CN")
        self.asked = set()

    def __call__(self, text):
        self.asked.add(text)
        return super().__call__(text)


@pytest.fixture
def evaluated(desk_db, tmp_path):
    record = TrainingRecord.create(kind="drill", held_on=date(2026, 11, 30), topic="消防疏散",
                                   trainer="李", attendees="", notes="").id
    sheets = load_sheets()
    scores = {i.key: i.max - 1 for i in sheets["live"].items}
    e = evaluate(Draft(f"record:{record}", "live", "营业厅火灾疏散演练😀", "2026-11-30 15:00",
                       "一楼大厅", "城东营业厅", "张三、李四、王五", "二楼配电间冒烟",
                       "报警及时。\n疏散用时 4 分钟。", "疏散指示不清。" * 40,
                       "应在出口增设指示牌。", True, scores, ("王评估", "赵评估")),
                 sheets, at=T0, actor="张三")
    late = actions.add_action(e.id, "增设疏散指示牌", "后勤赵", date(2026, 11, 30), at=T0)
    actions.add_action(e.id, "补充培训", "李主管", date(2026, 12, 20), at=T0)
    actions.complete(late.id, "赵", date(2026, 11, 30), "照片 IMG_2.jpg", at=T0,
                     today=date(2026, 12, 1))
    kept, gone = tmp_path / "现场照片.jpg", tmp_path / "录像.mp4"
    for f in (kept, gone):
        f.write_bytes(b"frame")
        attachments.attach(e.id, attachments.hash_file(f), at=T0)
    return e, kept, gone


def test_the_report_has_a_cover_and_the_body_in_chinese(evaluated, tmp_path):
    e, kept, gone = evaluated
    kept.write_bytes(b"frames")  # changed after it was hashed
    gone.unlink()
    report = build_evaluation_report(e.id, unit="城东营业厅", desk="1号台",
                                     today=date(2026, 12, 21))
    words = Recording()
    out = write_drill_evaluation(tmp_path / "e.pdf", report, generated_at=T0, words=words)
    assert sorted(w for w in words.asked if w not in words._table) == []
    pages = [p.replace(" ", "") for p in pdf.page_texts(out)]
    cover = pages[0]
    for expected in ("应急演练评估报告", "单位：城东营业厅", "演练名称：营业厅火灾疏散演练",
                     "演练形式：实战演练", "评估人员：王评估、赵评估", "报告日期：2026-12-21"):
        assert expected in cover, expected
    assert "一、演练概况" not in cover
    text = "\n".join(pages[1:])
    for expected in ("一、演练概况", "二、演练执行情况", "疏散用时4分钟", "三、存在问题",
                     "四、经验教训与改进建议", "五、评分：实战演练评估表", "合计\n100\n92",
                     "六、整改措施", "增设疏散指示牌", "已完成", "补充培训", "已逾期",
                     "七、照片、视频和文件", "存档后已被改动", "文件缺失",
                     "八、签名", "单位负责人（签字）"):
        assert expected in text, expected
    assert hashlib.sha256(b"frame").hexdigest() in text.replace("\n", "")  # as attached
    assert all("演练" in page for page in pages)
    assert all(pdf.fonts(out).values())


def test_an_attachment_still_as_hashed_prints_unchanged(evaluated, tmp_path):
    e = evaluated[0]
    report = build_evaluation_report(e.id, unit="", desk="", today=date(2026, 12, 1))
    text = "".join(pdf.page_texts(write_drill_evaluation(tmp_path / "e.pdf", report,
                                                         generated_at=T0))).replace(" ", "")
    assert text.count("未改动") == 2 and "存档后已被改动" not in text and "缺失" not in text
    assert "进行中" in text  # the action due 20 December, on 1 December


def test_an_action_done_slipped_in_with_sqlite3_is_not_printed_as_sound(evaluated, tmp_path,
                                                                        desk_db):
    """Verify names a journal row changed or slipped in outside the program; the report
    printed from those rows says so too, rather than showing the forged state as sound."""
    e = evaluated[0]
    sound = build_evaluation_report(e.id, unit="", desk="", today=date(2026, 12, 1))
    assert sound.altered == 0
    text = "".join(pdf.page_texts(write_drill_evaluation(tmp_path / "s.pdf", sound,
                                                         generated_at=T0))).replace(" ", "")
    assert "未通过" not in text
    open_action = actions.actions(e.id)[1]
    desk_db[0].execute_sql(
        "INSERT INTO journal_entry (at, kind, actor, desk, follows, text, data) VALUES "
        "('2026-12-01 10:00:00', 'corrective_action_done', '', '', ?, '补记', "
        "'{\"by\": \"李主管\", \"done_on\": \"2026-12-01\", \"evidence\": \"\"}')",
        (open_action.id,))
    forged = build_evaluation_report(e.id, unit="", desk="", today=date(2026, 12, 1))
    assert forged.altered == 1
    text = "".join(pdf.page_texts(write_drill_evaluation(tmp_path / "f.pdf", forged,
                                                         generated_at=T0))).replace(" ", "")
    assert "完整性校验：未通过" in text
