"""The shared PDF frame: Chinese embedded (or the CID fallback), page X of Y, the DRILL
watermark, and files written whole or not at all."""

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from reports.document import Page, ReportError, write_pdf
from reports.fonts import CID_FALLBACK, Candidate, register_fonts
from reports.words import Words
from tests.helpers import pdf


def story(styles):
    return [Paragraph("营业厅发生火灾，已疏散客户。" * 40, styles.body), PageBreak(),
            Paragraph("第二页：损失核算", styles.heading)]


def test_chinese_text_embedded_and_numbered(tmp_path):
    words = Words("zh_CN")
    out = write_pdf(tmp_path / "a.pdf", Page(title="事件记录", footer="城东营业厅",
                                             page_words=words("Page {0} of {1}")), story)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    first, second = (p.extract_text() for p in reader.pages)
    assert "营业厅发生火灾" in first and "第 1 页 / 共 2 页" in first
    assert "损失核算" in second and "第 2 页 / 共 2 页" in second
    assert register_fonts().embedded, "CI installs a CJK TrueType font; it must be used"
    used = pdf.fonts(out)
    assert used and all(used.values()), used  # every font embedded, none left to the reader


def test_falls_back_to_the_cid_font_when_no_truetype_font_is_found(tmp_path):
    fonts = register_fonts(dirs=[tmp_path], candidates=[(Candidate("none.ttf"), None)])
    assert fonts.regular == CID_FALLBACK and not fonts.embedded
    out = write_pdf(tmp_path / "b.pdf", Page(title="t", footer="f"), story, fonts=fonts)
    assert "营业厅发生火灾" in PdfReader(out).pages[0].extract_text()


def test_a_font_reportlab_cannot_read_is_skipped(tmp_path):
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    fonts = register_fonts(dirs=[tmp_path], candidates=[(Candidate("broken.ttf"), None)])
    assert fonts.regular == CID_FALLBACK


def test_drill_watermark_on_every_page(tmp_path):
    out = write_pdf(tmp_path / "d.pdf", Page(title="t", footer="f", watermark="演练"), story)
    assert all("演练" in p.extract_text() for p in PdfReader(out).pages)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ReportError, match="does not exist"):
        write_pdf(tmp_path / "no" / "x.pdf", Page(title="t", footer="f"), story)


def test_unwritable_folder_is_a_clear_error(unwritable_folder):
    with pytest.raises(ReportError, match="Cannot write in"):
        write_pdf(unwritable_folder / "x.pdf", Page(title="t", footer="f"), story)


def test_a_failure_while_rendering_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "log.pdf"
    target.write_bytes(b"%PDF-1.4 the old PDF")

    def broken(styles):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_pdf(target, Page(title="t", footer="f"), broken)
    assert target.read_bytes() == b"%PDF-1.4 the old PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.pdf"]


def test_a_target_that_is_a_folder_is_a_clear_error(tmp_path):
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(ReportError, match="Cannot write"):
        write_pdf(tmp_path / "taken.pdf", Page(title="t", footer="f"), story)
    assert [p.name for p in tmp_path.iterdir()] == ["taken.pdf"]


def test_words_translate_and_fall_back_to_english():
    assert Words("zh_CN")("Page {0} of {1}") == "第 {0} 页 / 共 {1} 页"
    assert Words("en")("Page {0} of {1}") == "Page {0} of {1}"
    assert Words("zh_CN")("no such text") == "no such text"


@pytest.mark.parametrize("damaged", ['["第 {0} 页"]', '{"Page {0} of {1}": 1}',
                                     '{"Page {0} of {1}": "第 {2} 页"}'])
def test_damaged_words_print_in_english_and_say_so(tmp_path, monkeypatch, caplog, damaged):
    """A list, a number or a stray placeholder broke every PDF (AttributeError, TypeError,
    IndexError); now the PDFs print the English words and the log says why."""
    import reports.words

    (tmp_path / "reports.zh_CN.json").write_text(damaged, encoding="utf-8")
    monkeypatch.setattr(reports.words, "resource_path", lambda rel: tmp_path / rel.split("/")[-1])
    reports.words._table.cache_clear()
    try:
        assert Words("zh_CN")("Page {0} of {1}").format(1, 2) == "Page 1 of 2"
    finally:
        reports.words._table.cache_clear()
    assert "PDFs print in English" in caplog.text and "reports.zh_CN.json" in caplog.text


@pytest.mark.parametrize("width", [440, 490, 498, 505, 520])
def test_no_line_begins_with_chinese_punctuation(width):
    from reportlab.platypus import Paragraph

    from reports.document import CHINESE_CANNOT_START, make_styles

    styles = make_styles(register_fonts())
    for text in ("营业厅发生火灾，已疏散客户。" * 30, "客户说：“我要投诉！”" * 30):
        para = Paragraph(text, styles.body)
        para.wrap(width, 10_000)
        starts = [line[1][0][0] for line in para.blPara.lines]
        assert not set(starts) & set(CHINESE_CANNOT_START), (width, starts)


def test_progress_tells_each_page(tmp_path):
    pages = []
    write_pdf(tmp_path / "p.pdf", Page(title="t", footer="f"), story, progress=pages.append)
    assert pages == [1, 2]


@pytest.fixture
def database(tmp_path):
    """A real desk database (WAL mode, open) and its bytes."""
    from models.store.schema import open_database

    db = open_database(tmp_path / "desk.db")
    yield tmp_path / "desk.db"
    db.close()


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("name", ["desk.db", "desk.db-wal", "desk.db-shm", "link-to-desk.db",
                                  "desk.db-journal", "notes.txt"])
def test_a_pdf_never_replaces_the_database_or_other_data(tmp_path, database, name):
    (tmp_path / "notes.txt").write_text("the supervisor's notes")
    (tmp_path / "link-to-desk.db").symlink_to(database)
    before = snapshot(tmp_path)
    with pytest.raises(ReportError) as refused:
        write_pdf(tmp_path / name, Page(title="t", footer="f"), story)
    assert refused.value.problem in ("not_a_pdf", "beside_database")
    assert "Choose another file name" in str(refused.value)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4 an older print"])
def test_a_pdf_replaces_an_older_pdf_or_an_empty_file(tmp_path, content):
    (tmp_path / "log.pdf").write_bytes(content)
    write_pdf(tmp_path / "log.pdf", Page(title="t", footer="f"), story)
    assert (tmp_path / "log.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "log.pdf").stat().st_size > 1000
