"""The statistics PDF read back (pdftotext): every figure in its table, the charts' labels in
the CJK font (never Helvetica, which prints Chinese as boxes), the seal, every word in
Chinese."""

import subprocess
from datetime import date, datetime

import pytest

from models.demo import generate
from models.stats.period import parse_period
from models.stats.queries import statistics
from reports.statistics import render_statistics
from reports.stats_words import BUCKET_WORDS
from reports.words import Words
from tests.helpers import pdf
from tests.helpers.hall import HALL
from tests.reports.conftest import GENERATED


def text_of(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def november(desk_db, shipped_catalog):
    generate(shipped_catalog, desk_db[1], incidents=200, days=90,
             end=datetime(2026, 11, 30, 18, 0, tzinfo=HALL))
    return statistics(shipped_catalog, parse_period("2026-11"), hall="城东营业厅", zone=HALL,
                      today=date(2026, 12, 2), edition="bank_outlet")


def test_the_month_printed_with_every_figure(tmp_path, november):
    path = render_statistics(november, tmp_path / "stats.pdf", generated_at=GENERATED,
                             generated_by="李主管", zone=HALL)
    text = text_of(path)
    assert "应急处置统计月报 2026-11" in text and "2026-11-01 至 2026-11-30" in text
    assert "生成人 李主管" in text and "第1页/共" in text.replace(" ", "")
    assert november.total > 0 and f"共 {november.total} 起事件" in text
    for name, n in (*november.by_category, *november.by_level, *november.by_desk):
        lines = [line for line in text.splitlines() if name in line]
        assert any(f" {n} " in f"{line} " for line in lines), name  # its table row
    for line in november.months:  # month by month, twelve of them
        assert f"{line.month:%Y-%m}" in text
    for key, n in november.first_action.counts:
        assert any(f" {n} " in line for line in text.splitlines()
                   if Words("zh_CN")(BUCKET_WORDS[key]) in line)
    assert november.seal and november.seal in text


def test_chart_labels_are_set_in_the_cjk_font(tmp_path, november):
    path = render_statistics(november, tmp_path / "stats.pdf", generated_at=GENERATED,
                             zone=HALL)
    used = pdf.fonts(path)
    assert used and all(used.values()), used  # every font embedded
    assert not [name for name in used if "Helvetica" in name], used
    text = text_of(path)
    for name, _ in (*november.by_level, *november.by_desk):
        assert text.count(name) >= 2, name  # the chart's legend or label, and the table's row


def test_every_word_of_the_report_is_in_chinese(tmp_path, november, shipped_catalog):
    missing: set[str] = set()

    class Asked(Words):
        def __call__(self, text: str) -> str:
            if text not in self._table:
                missing.add(text)
            return super().__call__(text)

    quarter = statistics(shipped_catalog, parse_period("2026Q4"), hall="", zone=HALL,
                         today=date(2026, 12, 2))
    words = Asked("zh_CN")
    for figures in (november, quarter):
        render_statistics(figures, tmp_path / "stats.pdf", generated_at=GENERATED,
                          words=words, zone=HALL)
    assert missing == set()


def test_an_empty_quarter_prints_its_page(tmp_path, desk_db, shipped_catalog):
    empty = statistics(shipped_catalog, parse_period("2030Q1"), hall="城东营业厅", zone=HALL,
                       today=date(2030, 4, 1))
    text = text_of(render_statistics(empty, tmp_path / "empty.pdf", generated_at=GENERATED,
                                     zone=HALL))
    assert "应急处置统计季报 2030年第1季度" in text and "本期无事件。" in text


def test_incidents_changed_outside_the_program_are_named_in_bold(tmp_path, november):
    from dataclasses import replace
    forged = replace(november, altered=("20261120-002", "20261121-001"))
    text = text_of(render_statistics(forged, tmp_path / "forged.pdf", generated_at=GENERATED,
                                     generated_by="李主管", zone=HALL,
                                     words=Words("zh_CN")))
    assert "完整性校验：未通过" in text and "20261120-002" in text and "20261121-001" in text
    sound = text_of(render_statistics(november, tmp_path / "sound.pdf", generated_at=GENERATED,
                                      generated_by="李主管", zone=HALL, words=Words("zh_CN")))
    assert "未通过" not in sound
