"""The wall sheet read back: Chinese names and numbers extracted, fonts embedded, outside
numbers first, a line to write a missing number on, page X of Y."""

from datetime import UTC, datetime

from models.documents import ContactLine, ContactSheet
from reports.contact_sheet import write_contact_sheet
from tests.helpers import pdf

PRINTED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def line(name, role, *phones, outside=False, h24=False, duty=""):
    return ContactLine(name, role, "", tuple(phones), h24, duty, outside)


def sheet(internal_people=3):
    outside = (
        ("公安报警", True, (line("公安报警", "公安报警", ("服务电话", "110"), outside=True),)),
        ("消防报警", True, (line("消防报警", "消防报警", ("服务电话", "119"), outside=True),)),
        ("燃气抢修", True, (line("燃气抢修", "燃气抢修", outside=True, h24=True),)),
    )
    people = tuple(line(f"联络员{i}号", "应急管理小组联络员", ("手机", f"138 0013 {8000 + i}"),
                        h24=i == 0, duty="工作日 8:30-17:30") for i in range(internal_people))
    return ContactSheet("城东营业厅", PRINTED, (*outside, ("应急管理小组联络员", False, people),
                                               ("", False, (line("老王", "", ("座机",
                                                                                "010-12345678")),))))


def test_the_sheet_reads_back_in_chinese_with_fonts_embedded(tmp_path):
    out = write_contact_sheet(tmp_path / "sheet.pdf", sheet=sheet())
    [text] = pdf.page_texts(out)
    for expected in ("城东营业厅 应急联络通讯录", "110", "公安报警", "119", "燃气抢修", "待填写",
                     "联络员0号", "138 0013 8000", "24小时", "工作日 8:30-17:30",
                     "其他", "老王", "010-12345678", "第 1 页 / 共 1 页"):
        assert expected in text, expected
    assert text.index("外部紧急电话") < text.index("内部应急联络人")
    assert text.index("110") < text.index("联络员0号")
    used = pdf.fonts(out)
    assert used and all(used.values()), used


def test_a_long_directory_runs_over_pages_numbered(tmp_path):
    out = write_contact_sheet(tmp_path / "long.pdf", sheet=sheet(internal_people=60))
    texts = pdf.page_texts(out)
    assert len(texts) >= 2
    assert f"第 {len(texts)} 页 / 共 {len(texts)} 页" in texts[-1]
    assert "姓名 / 单位" in texts[1]  # the table's header repeats
    assert all("打印于 2026-11-20" in t for t in texts)


def test_an_empty_directory_says_so(tmp_path):
    out = write_contact_sheet(tmp_path / "e.pdf",
                              sheet=ContactSheet("城东营业厅", PRINTED, ()))
    assert "通讯录为空" in pdf.page_texts(out)[0]
