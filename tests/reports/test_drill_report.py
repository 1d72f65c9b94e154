"""The drill report PDF from plain data: every word in Chinese, long and odd text, a holiday
drill, injects never shown, items not scored, fonts embedded, the watermark on each page."""

from datetime import UTC, datetime

from models.drills.results import DrillReport, DrillScore, ScoreItem, ShownInject, duration
from reports.drill_report import write_drill_report
from reports.words import Words
from tests.helpers import pdf

START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


class Recording(Words):
    def __init__(self):
        super().__init__("zh_CN")
        self.asked = set()

    def __call__(self, text):
        self.asked.add(text)
        return super().__call__(text)


def report(**changes):
    items = (ScoreItem("20261120-001", "热线无法接入", "plan", "on_time", 20, 300),
             ScoreItem("20261120-001", "即时上报职能线负责人" * 20, "step", "missed",
                       condition="无法接听电话"),
             ScoreItem("20261120-001", "报告客户中心职能线负责人", "deadline", "late", 250, 180))
    values = dict(
        run_id=3, title="节假日热线无法接入😀", description="节假日上午热线无法接入电话。" * 30,
        situation="热线系统故障", holiday=True, trainer="王教员", clerk="张三",
        hall="城东营业厅", desk="1号台", rate=5, started_at=START, drill_minutes=13.5,
        plan_version="2026.1（2026-11-22）",
        injects=(ShownInject(0, "热线坐席报告：所有来电无法接入。", 0),
                 ShownInject(12, "营业厅有客户抱怨打不通热线。", None)),
        incidents=("20261120-001",),
        score=DrillScore("节假日热线无法接入", START, START, 5, 95, items, 50,
                         (ScoreItem("20261120-001", "信息组到场", "deadline", "missed",
                                    None, 2700),),
                         (ScoreItem("20261120-001", "关闭总电源。", "step", "missed",
                                    condition="火势较大"),
                          ScoreItem("20261120-001", "火灾扑灭后,组织人员进行现场清理。", "step",
                                    "missed", after=True))))
    values.update(changes)
    return DrillReport(**values)


def test_every_word_is_chinese_and_everything_is_printed(tmp_path):
    words = Recording()
    out = write_drill_report(tmp_path / "r.pdf", report(), generated_at=START, words=words)
    table = Words("zh_CN")._table
    assert sorted(w for w in words.asked if w not in table) == []
    pages = pdf.page_texts(out)
    text = "\n".join(pages)
    for expected in ("节假日热线无法接入", "按节假日演练", "×5（演练时长 13:30，实际用时 2:42）",
                     "未显示（演练已提前结束）", "首次处置用时：1:35", "（条件：无法接听电话）",
                     "超时", "4:10 / 应于 3:00", "不计分：演练结束时尚未到期的事项", "信息组到场",
                     "未到期", "—/ 应于 45:00", "参演人员（签字）", "第 1 页 / 共",
                     "不计分：视现场情况而定或事后进行的事项", "关闭总电源", "视情况",
                     "（事后进行）", "所有时间均为演练时间，从演练开始起计"):
        assert expected.replace(" ", "") in text.replace(" ", ""), expected
    assert all("演练" in page for page in pages)
    assert all(pdf.fonts(out).values())


def test_a_score_stored_before_one_time_base_says_so(tmp_path):
    """Scores stored by an earlier version keep their times and say how they were taken."""
    stored = report().score.to_json().replace(', "times_from": "drill_start"', "")
    assert "times_from" not in stored
    old = report(score=DrillScore.from_json(stored))
    text = "".join(pdf.page_texts(write_drill_report(tmp_path / "o.pdf", old,
                                                     generated_at=START))).replace(" ", "")
    assert "4:10/限时3:00" in text and "本次演练由旧版本评分" in text
    assert "所有时间均为演练时间" not in text


def test_a_perfect_drill_has_nothing_to_practise(tmp_path):
    perfect = report(score=DrillScore("t", START, START, 1, 10,
                                      (ScoreItem("1", "x", "step", "on_time", 5),), 100))
    out = write_drill_report(tmp_path / "p.pdf", perfect, generated_at=START)
    assert "所有应做事项均按时完成" in "\n".join(pdf.page_texts(out))


def test_duration():
    assert [duration(s) for s in (None, 0, 59, 61, 3600, 3725)] == [
        "—", "0:00", "0:59", "1:01", "1:00:00", "1:02:05"]
