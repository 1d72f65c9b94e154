"""The daily log PDF read back: a busy day's page count with headers on every page, totals of
real incidents only, drills apart, missed and late reports, date ranges, an empty day."""

import re
from datetime import datetime, timedelta

from models.demo import generate
from models.incidents import history
from reports.daily_log import render_daily_log
from tests.helpers import pdf
from tests.helpers.hall import HALL
from tests.reports.conftest import DAY, GENERATED, NOON

HEADER = "编号\n时间\n情形\n类别\n级别\n地点\n状态\n是否按时报告"


def render(log, path):
    render_daily_log(log, path, generated_at=GENERATED, generated_by="李主管")
    return pdf.page_texts(path)


def test_a_day_of_300_incidents(tmp_path, desk_db, shipped_catalog):
    end = datetime(2026, 11, 20, 18, 0, tzinfo=HALL)
    stats = generate(shipped_catalog, desk_db[1], incidents=300, days=1, end=end)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert len(log.rows) == 300 and stats.drills == len(log.drill_rows) > 0
    pages = []
    render_daily_log(log, tmp_path / "busy.pdf", generated_at=GENERATED, progress=pages.append)
    texts = pdf.page_texts(tmp_path / "busy.pdf")
    assert 10 <= len(texts) <= 20, len(texts)  # ~22 rows a landscape page, then the rest
    assert pages == list(range(1, len(texts) + 1))
    for number, page in enumerate(texts, 1):
        assert f"第 {number} 页 / 共 {len(texts)} 页" in page
    table_pages = [p for p in texts if re.search(r"\d{8}-\d{3}\n\d{2}:\d{2}\n", p)]
    assert len(table_pages) >= 10
    assert all(HEADER in page for page in table_pages)  # the header repeated on each page
    text = "\n".join(texts)
    for row in log.rows:  # every incident exactly once: real in the table, drills apart
        assert text.count(f"{row.number}\n{row.started_at.astimezone(HALL):%H:%M}") == 1, row
    assert f"真实事件 {len(log.counted_rows)} 起；演练 {len(log.drill_rows)} 次" in texts[0]
    fonts = pdf.fonts(tmp_path / "busy.pdf")
    assert fonts and all(fonts.values()), fonts


def test_drills_are_listed_apart_and_never_counted(tmp_path, shipped_catalog, make_incident):
    make_incident("fire", NOON, note="二楼仓库起火")
    make_incident("power_cut", NOON + timedelta(minutes=30))
    make_incident("fire", NOON + timedelta(hours=1), drill=True)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    text = "\n".join(render(log, tmp_path / "day.pdf"))
    incidents, rest = text.split("统计（仅真实事件）")
    totals, rest = rest.split("超时或迟报\n", 1)
    drills = rest.split("演练（不计入以上统计）")[1]
    assert "20261120-001" in incidents and "20261120-002" in incidents
    assert "20261120-003" not in incidents and "20261120-003" in drills
    assert "火灾与安全事故\n1\n停电与环境\n1\n合计\n2" in totals  # the drill fire not counted
    assert "一级应急事件（重大）\n1\n二级应急事件（较大）\n1\n合计\n2" in totals
    assert "真实事件 2 起；演练 1 次" in text
    assert "值班主管（签字）" in text and "复核人（签字）" in text and "日期" in text


def test_a_press_made_by_mistake_is_listed_not_counted(tmp_path, shipped_catalog,
                                                       make_incident):
    from models.incidents import response
    from tests.reports.conftest import act_at

    make_incident("power_cut", NOON)
    mistake = make_incident("fire", NOON + timedelta(minutes=5))
    response.cancel_incident(mistake, "误按", act_at(NOON + timedelta(minutes=6)))
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    text = "\n".join(render(log, tmp_path / "day.pdf"))
    assert "真实事件 1 起；演练 0 次" in text and "另有误按取消 1 起（列出，不计入统计）" in text
    incidents, totals = text.split("统计（仅真实事件）")
    assert "20261120-002" in incidents and "已取消" in incidents
    assert "停电与环境\n1\n合计\n1" in totals and "火灾与安全事故" not in totals


def test_missed_and_late_reports_are_listed(tmp_path, shipped_catalog, fire_record):
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    text = "\n".join(render(log, tmp_path / "late.pdf"))
    problems = text.split("超时或迟报\n", 1)[1].split("演练（不计入以上统计）")[0]
    assert "报告应急管理小组组长" in problems and "迟报 3 分 0 秒（12:08 完成）" in problems
    assert "超时未报" in problems and "12:13" in problems  # due 5 minutes after the report


def test_a_range_of_days_shows_dates(tmp_path, shipped_catalog, make_incident):
    make_incident("fire", NOON)
    make_incident("robbery", NOON + timedelta(days=1), desk="2号台")
    log = history.daily_log(shipped_catalog, DAY, DAY + timedelta(days=1), hall="城东营业厅")
    text = "\n".join(render(log, tmp_path / "range.pdf"))
    assert "值班日志 2026-11-20 至 2026-11-21" in text
    assert "11-20 12:00" in text and "11-21 12:00" in text
    one_desk = history.daily_log(shipped_catalog, DAY, DAY + timedelta(days=1), hall="城东营业厅",
                                 desk="2号台")
    text = "\n".join(render(one_desk, tmp_path / "desk.pdf"))
    assert "城东营业厅 · 2号台" in text and "20261121-001" in text and "20261120-001" not in text


def test_an_empty_day(tmp_path, shipped_catalog, desk_db):
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="")
    texts = render(log, tmp_path / "empty.pdf")
    assert len(texts) == 1
    assert "本期无事件。" in texts[0] and "本期无演练。" in texts[0]
    assert "无：全部按时报告。" in texts[0] and "全部服务台" in texts[0]


def test_the_log_carries_the_seal_of_the_file_as_printed(tmp_path, shipped_catalog,
                                                         make_incident):
    from models.incidents.seal import current_seal

    make_incident("fire", NOON)
    log = history.daily_log(shipped_catalog, DAY, DAY, hall="城东营业厅")
    assert log.seal == current_seal() and re.fullmatch(r"\d+(-[0-9A-F]{4}){4}", log.seal)
    text = "".join(render(log, tmp_path / "log.pdf"))
    assert "记录封存码" in text and log.seal in text
